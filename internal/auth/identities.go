package auth

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Identities is what logins and sessions need of the identity context: identity.Service records
// a login (reconciling the claimed roles) and loads a session's person.
type Identities interface {
	Login(ctx context.Context, l identity.Login) (identity.Principal, error)
	Principal(ctx context.Context, userID int64) (identity.Principal, error)
}

var _ Identities = (*identity.Service)(nil)
