package consultation

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ErrTogglingTooFast: a person supports, takes back or flags faster than the limit.
var ErrTogglingTooFast = kernel.New(kernel.KindRateLimited, "rate_limited", "You are doing this very fast; please wait a moment.")

// ErrPostingTooFast: a person posts comments faster than the configured limit.
var ErrPostingTooFast = kernel.New(kernel.KindRateLimited, "rate_limited", "You are commenting very fast; please wait a moment.")

// Service is the consultation context's use cases: each method authorises the person, applies
// the rules of this package, renders, persists in one transaction with the audit line and the
// live events, and returns what the person may see. Handlers only decode, call and encode.
type Service struct {
	store   Store
	tx      kernel.Transactor
	outbox  kernel.Outbox
	audit   audit.Store
	render  func(markdown string) string
	limiter *kernel.Limiter[int64]
	toggles *kernel.Limiter[int64]
	now     func() time.Time
}

// Deps are the ports a Service needs.
type Deps struct {
	Store  Store
	Tx     kernel.Transactor
	Outbox kernel.Outbox
	Audit  audit.Store
	// Render turns a comment's Markdown into sanitised HTML.
	Render func(markdown string) string
	// Limiter bounds how fast one person posts comments (nil: no limit).
	Limiter *kernel.Limiter[int64]
	// Toggles bounds how fast one person supports, takes back supports and flags (nil: no
	// limit): each is a stored live event.
	Toggles *kernel.Limiter[int64]
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// NewService returns the consultation use cases.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{store: d.Store, tx: d.Tx, outbox: d.Outbox, audit: d.Audit, render: d.Render, limiter: d.Limiter, toggles: d.Toggles, now: d.Now}
}

// Readable loads a consultation the person may read.
func (s *Service) Readable(ctx context.Context, who identity.Principal, id int64) (Consultation, error) {
	c, err := s.store.Get(ctx, id)
	if err != nil {
		return c, err
	}
	if !c.ReadableBy(who) {
		return Consultation{}, ErrNotFound
	}
	return c, nil
}

// readableHead loads what deciding on comments needs (Store.Head: one read, without the texts
// of the plan) of a consultation the person may read.
func (s *Service) readableHead(ctx context.Context, who identity.Principal, id int64) (Consultation, error) {
	c, err := s.store.Head(ctx, id)
	if err != nil {
		return c, err
	}
	if !c.ReadableBy(who) {
		return Consultation{}, ErrNotFound
	}
	return c, nil
}

// Moderated loads a consultation the person moderates.
func (s *Service) Moderated(ctx context.Context, who identity.Principal, id int64) (Consultation, error) {
	if who.Anonymous() {
		return Consultation{}, kernel.ErrLoginRequired
	}
	c, err := s.Readable(ctx, who, id)
	if err != nil {
		return c, err
	}
	return c, kernel.Allow(false, c.ModeratedBy(who))
}

// ByProcess lists the consultations of a process; the caller has checked the process is readable.
func (s *Service) ByProcess(ctx context.Context, processID int64) ([]Consultation, error) {
	return s.store.ByProcess(ctx, processID)
}

// Create opens a consultation on a process the person coordinates; the process is given by
// its head (status and district), which the planning context loaded and authorised.
func (s *Service) Create(ctx context.Context, who identity.Principal, c Consultation) (Consultation, error) {
	if err := c.Validate(); err != nil {
		return c, err
	}
	var out Consultation
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if out, err = s.store.InsertConsultation(ctx, c); err != nil {
			return err
		}
		return s.log(ctx, who, "consultation.create", out.ID, map[string]any{"title": c.Title, "process_id": c.ProcessID})
	})
	return out, err
}

// Update replaces a consultation's fields and sections (sections given with their id keep it).
func (s *Service) Update(ctx context.Context, who identity.Principal, id int64, in Consultation) (Consultation, error) {
	var out Consultation
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		c, err := s.Moderated(ctx, who, id)
		if err != nil {
			return err
		}
		in.ID, in.ProcessID, in.DistrictKey, in.CreatedAt, in.ProcessStatus = c.ID, c.ProcessID, c.DistrictKey, c.CreatedAt, c.ProcessStatus
		if err := in.Validate(); err != nil {
			return err
		}
		if err := s.store.SaveConsultation(ctx, in); err != nil {
			return err
		}
		if err := s.log(ctx, who, "consultation.update", id, map[string]any{"title": in.Title}); err != nil {
			return err
		}
		out, err = s.store.Get(ctx, id)
		return err
	})
	return out, err
}

func (s *Service) log(ctx context.Context, who identity.Principal, action string, id int64, details map[string]any) error {
	target, _, _ := strings.Cut(action, ".")
	return s.audit.Append(ctx, audit.Entry{At: s.now().UTC(), ActorID: who.User.ID, Action: action, TargetType: target,
		TargetID: strconv.FormatInt(id, 10), Details: details})
}
