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
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%w: %v", kernel.ErrConflict, err)
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return fmt.Errorf("%w: it refers to something that does not exist", invalid)
	}
	return err
}
