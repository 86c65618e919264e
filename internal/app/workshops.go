package app

import (
	"context"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/store"
)

// Workshops returns the live workshops' use cases on db, emitting live events into out; it reads
// processes through plan. Run its Run for the coalesced counts and results.
func Workshops(db *store.DB, out *store.Outbox, plan *planning.Service, now func() time.Time) *workshop.Service {
	return workshop.NewService(workshop.Deps{
		Store: store.NewWorkshops(db), Tx: db, Outbox: out, Audit: store.NewAudit(db),
		Processes: plan, Directory: WorkshopDirectory{Store: store.NewIdentity(db)}, Now: now,
	})
}

// WorkshopDirectory is the workshop context's view of the people: accounts by e-mail (for
// co-facilitators) and display names.
type WorkshopDirectory struct{ Store identity.Store }

var _ workshop.Directory = WorkshopDirectory{}

// UserByEmail implements workshop.Directory: the account whose e-mail is exactly this one.
func (d WorkshopDirectory) UserByEmail(ctx context.Context, email string) (int64, error) {
	ps, err := d.Store.Users(ctx, email, 20)
	if err != nil {
		return 0, err
	}
	for _, p := range ps {
		if strings.EqualFold(p.User.Email, email) {
			return p.User.ID, nil
		}
	}
	return 0, identity.ErrUserNotFound
}

// Names implements workshop.Directory.
func (d WorkshopDirectory) Names(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for _, id := range ids {
		u, err := d.Store.User(ctx, id)
		if err != nil {
			return nil, err
		}
		out[id] = u.Name
	}
	return out, nil
}
