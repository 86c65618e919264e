package app

import (
	"time"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/store"
)

// Invitations per lead and instance: twenty in a row, then one every three minutes (twenty an
// hour), enough to invite a team and too few to probe or spam addresses.
const (
	InviteBurst    = 20
	InviteInterval = 3 * time.Minute
)

// Identity returns the identity use cases on db: people, organisations, members, invitations,
// roles and the reconciliation of claimed roles at login, authorised by domain/access.
func Identity(db *store.DB) *identity.Service {
	return identity.NewService(identity.Deps{Store: store.NewIdentity(db), Tx: db, Audit: store.NewAudit(db), Policy: access.Identity{},
		Invites: kernel.NewLimiter[int64](InviteInterval, InviteBurst, nil)})
}
