package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// translate turns a database error into a domain error kind where the database decided a rule
// (a unique or foreign key constraint); invalid is the context's error for a reference to
// something that does not exist. Other errors pass unchanged.
func translate(err error, invalid error) error {
	if err == nil {
		return nil
	}
	return translateAs(err, fmt.Errorf("%w: %v", kernel.ErrConflict, err), fmt.Errorf("%w: it refers to something that does not exist", invalid))
}

// translateAs is translate with the domain errors given as they are to be returned: conflict for
// a unique violation (nil: the error passes unchanged), invalid for a foreign key violation.
// Contexts whose constraints have errors of their own (an organisation's slug) use it, so the
// message people read is the rule's, not the database's.
func translateAs(err, conflict, invalid error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrDuplicatedKey) && conflict != nil:
		return conflict
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return invalid
	}
	return err
}
