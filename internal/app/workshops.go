package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/store"
)

// Workshops returns the live workshops' use cases on db, emitting live events into out; it reads
// processes through plan and hands results on to cons and nd. Run its Run for the coalesced
// counts and results.
func Workshops(db *store.DB, out *store.Outbox, plan *planning.Service, cons *consultation.Service, nd *needs.Service, now func() time.Time) *workshop.Service {
	if now == nil {
		now = time.Now
	}
	ids := store.NewIdentity(db)
	return workshop.NewService(workshop.Deps{
		Store: store.NewWorkshops(db), Tx: db, Outbox: out, Audit: store.NewAudit(db),
		Processes: plan, Directory: WorkshopDirectory{Store: ids},
		Planning: WorkshopPlanning{Consultations: cons, Needs: nd, Organisations: ids, Now: now}, Now: now,
	})
}

// WorkshopPlanning is where the workshop context hands results on to: consultation comments,
// rows of the weighing table and draft needs assessments, each through its context's use case.
type WorkshopPlanning struct {
	Consultations *consultation.Service
	Needs         *needs.Service
	Organisations identity.Store
	Now           func() time.Time
}

var _ workshop.Planning = WorkshopPlanning{}

// Comment implements workshop.Planning: the consultation must be one of the process the person
// may read; its own rules (open, audience, moderation, rate limit) apply.
func (p WorkshopPlanning) Comment(ctx context.Context, who identity.Principal, processID, consultationID int64, text string) (int64, error) {
	c, err := p.Consultations.Readable(ctx, who, consultationID)
	if err != nil {
		return 0, err
	}
	if c.ProcessID != processID {
		return 0, consultation.ErrNotFound
	}
	v, err := p.Consultations.PostComment(ctx, who, consultation.PostComment{ConsultationID: consultationID, Body: text})
	return v.ID, err
}

// Weigh implements workshop.Planning.
func (p WorkshopPlanning) Weigh(ctx context.Context, who identity.Principal, processID int64, text string, areaIDs []int64, source string) (int64, error) {
	it, err := p.Needs.AddWorkshopResult(ctx, who, processID, text, areaIDs, source)
	return it.ID, err
}

// CheckOffer implements workshop.Planning: a call of the process, before its deadline, open to
// the organisation, which is a provider.
func (p WorkshopPlanning) CheckOffer(ctx context.Context, who identity.Principal, processID, callID int64, org string) error {
	c, err := p.Needs.Call(ctx, who, callID)
	if err != nil {
		return err
	}
	if c.ProcessID != processID {
		return needs.ErrCallNotFound
	}
	if !c.Open(p.Now()) {
		return needs.ErrDeadlinePassed
	}
	o, err := p.Organisations.Organisation(ctx, org)
	if err != nil || o.Kind != identity.OrgProvider || !c.Invites(org) {
		return needs.ErrNotInvited
	}
	return nil
}

// Draft implements workshop.Planning: the workshop's areas that are in the call's scope, the
// text as the situation.
func (p WorkshopPlanning) Draft(ctx context.Context, who identity.Principal, callID int64, org, title, text string, areaIDs []int64) (int64, error) {
	c, err := p.Needs.Call(ctx, who, callID)
	if err != nil {
		return 0, err
	}
	var areas []int64
	for _, a := range areaIDs {
		if len(c.AreaIDs) == 0 || slices.Contains(c.AreaIDs, a) {
			areas = append(areas, a)
		}
	}
	v, err := p.Needs.Draft(ctx, who, callID, org, needs.Content{Title: title, Situation: text, AreaIDs: areas})
	return v.ID, err
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
