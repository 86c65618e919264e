package app

import (
	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/store"
)

// Identity returns the identity use cases on db: people, organisations, members, roles and the
// reconciliation of claimed roles at login, authorised by domain/access.
func Identity(db *store.DB) *identity.Service {
	return identity.NewService(identity.Deps{Store: store.NewIdentity(db), Tx: db, Audit: store.NewAudit(db), Policy: access.Identity{}})
}
