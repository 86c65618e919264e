package needs

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/api/events"
	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// Processes is what the needs context reads of the planning context (planning.Service).
type Processes interface {
	// Process returns a process the person may read, with its phases and areas.
	Process(ctx context.Context, who identity.Principal, id int64) (planning.Process, error)
	// ChangeableProcess returns the head of a process the person coordinates.
	ChangeableProcess(ctx context.Context, who identity.Principal, id int64) (planning.Process, error)
}

// Directory is what it reads of the identity context (identity.Service).
type Directory interface {
	Organisation(ctx context.Context, slug string) (identity.Organisation, error)
	Principal(ctx context.Context, userID int64) (identity.Principal, error)
}

// Atlas is what it reads of and writes to the atlas: values as the person may see them, and the
// citations that make the chain indicator → need → measure public on the indicator's page.
type Atlas interface {
	// Evidence reads one value as the person may see it (the value is nil when withheld).
	Evidence(ctx context.Context, who identity.Principal, indicator, area string, year int) (Evidence, error)
	// Actuals reads the public values of an indicator in an area, by year.
	Actuals(ctx context.Context, indicator, area string) ([]YearValue, error)
	// Cite records that a subject cites a value.
	Cite(ctx context.Context, e Evidence, kind, subjectID, title string) error
}

// Comments reads a consultation comment for the weighing table.
type Comments interface {
	// ForWeighing returns a public comment of a consultation of the process, as a summary (its
	// text), with the consultation's areas; kernel not-found errors otherwise.
	ForWeighing(ctx context.Context, processID, commentID int64) (summary string, areaIDs []int64, err error)
}

// Service is the needs context's use cases: each method authorises the person, applies the
// rules of this package, persists in one transaction with the audit line and the live events,
// and returns what the person may see.
type Service struct {
	store    Store
	tx       kernel.Transactor
	outbox   kernel.Outbox
	audit    audit.Store
	plan     Processes
	dir      Directory
	atlas    Atlas
	comments Comments
	files    Files
	blobs    Blobs
	now      func() time.Time
}

// Deps are the ports a Service needs.
type Deps struct {
	Store     Store
	Tx        kernel.Transactor
	Outbox    kernel.Outbox
	Audit     audit.Store
	Processes Processes
	Directory Directory
	Atlas     Atlas
	Comments  Comments
	Files     Files            // attachments' rows
	Blobs     Blobs            // attachments' bytes
	Now       func() time.Time // nil: time.Now
}

// NewService returns the needs use cases.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{store: d.Store, tx: d.Tx, outbox: d.Outbox, audit: d.Audit, plan: d.Processes, dir: d.Directory,
		atlas: d.Atlas, comments: d.Comments, files: d.Files, blobs: d.Blobs, now: d.Now}
}

// Calls lists the calls of a process the person may read.
func (s *Service) Calls(ctx context.Context, who identity.Principal, processID int64) ([]Call, error) {
	if _, err := s.plan.Process(ctx, who, processID); err != nil {
		return nil, err
	}
	return s.store.Calls(ctx, CallQuery{ProcessID: processID})
}

// OpenCalls lists the open calls the person's provider organisations are invited to, for their
// dashboard, each with the organisations of the person it invites.
func (s *Service) OpenCalls(ctx context.Context, who identity.Principal) ([]Call, error) {
	if who.Anonymous() {
		return nil, kernel.ErrLoginRequired
	}
	all, err := s.store.Calls(ctx, CallQuery{OpenAt: s.now()})
	if err != nil {
		return nil, err
	}
	out := []Call{}
	for _, c := range all {
		if slices.ContainsFunc(who.Memberships, func(m identity.Membership) bool {
			return m.Organisation.Kind == identity.OrgProvider && c.Invites(m.Organisation.Slug)
		}) {
			out = append(out, c)
		}
	}
	return out, nil
}

// Call returns a call of a process the person may read.
func (s *Service) Call(ctx context.Context, who identity.Principal, id int64) (Call, error) {
	c, err := s.store.Call(ctx, id)
	if err != nil {
		return c, err
	}
	if _, err := s.plan.Process(ctx, who, c.ProcessID); err != nil {
		return Call{}, ErrCallNotFound
	}
	return c, nil
}

// CreateCall opens a call in a process the person coordinates; its areas, fields and phase must
// be the process's.
func (s *Service) CreateCall(ctx context.Context, who identity.Principal, c Call) (Call, error) {
	p, err := s.coordinatedProcess(ctx, who, c.ProcessID)
	if err != nil {
		return c, err
	}
	c.DistrictKey, c.CreatedBy, c.CreatedAt = p.DistrictKey, who.User.ID, s.now().UTC()
	if err := s.checkCall(ctx, &c, p); err != nil {
		return c, err
	}
	if !c.Open(s.now()) {
		return c, invalid("deadline: must lie in the future")
	}
	var out Call
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		if out, err = s.store.InsertCall(ctx, c); err != nil {
			return err
		}
		return s.log(ctx, who, "needs_call.create", out.ID, map[string]any{"title": c.Title, "process_id": c.ProcessID, "deadline": c.Deadline})
	})
	return out, err
}

// CallChange is a coordinator's change of a call; nil fields stay.
type CallChange struct {
	Title, Guidance *string
	Deadline        *time.Time // only later
	Invited         *[]string
}

// UpdateCall changes a call's texts, extends its deadline or invites more organisations.
func (s *Service) UpdateCall(ctx context.Context, who identity.Principal, id int64, ch CallChange) (Call, error) {
	var out Call
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		c, err := s.store.Call(ctx, id)
		if err != nil {
			return err
		}
		p, err := s.coordinatedProcess(ctx, who, c.ProcessID)
		if err != nil {
			return err
		}
		set(&c.Title, ch.Title)
		set(&c.Guidance, ch.Guidance)
		if ch.Invited != nil {
			c.Invited = *ch.Invited
		}
		if ch.Deadline != nil && !ch.Deadline.Equal(c.Deadline) {
			if err := c.Extend(*ch.Deadline); err != nil {
				return err
			}
		}
		if err := s.checkCall(ctx, &c, p); err != nil {
			return err
		}
		if err := s.store.SaveCall(ctx, c); err != nil {
			return err
		}
		out = c
		return s.log(ctx, who, "needs_call.update", id, map[string]any{"title": c.Title, "deadline": c.Deadline})
	})
	return out, err
}

func (s *Service) checkCall(ctx context.Context, c *Call, p planning.Process) error {
	if err := c.Validate(); err != nil {
		return err
	}
	for _, id := range c.AreaIDs {
		if !slices.Contains(p.SocialAreaIDs, id) {
			return invalid("areas: area %d is not in the process's scope", id)
		}
	}
	for _, f := range c.Fields {
		if !slices.Contains(p.Fields, planning.Field(f)) {
			return invalid("fields: %q is not a field of the process", f)
		}
	}
	if c.PhaseID != 0 && !slices.ContainsFunc(p.Phases, func(ph planning.Phase) bool { return ph.ID == c.PhaseID }) {
		return invalid("phase: %d is not a phase of the process", c.PhaseID)
	}
	for _, slug := range c.Invited {
		o, err := s.dir.Organisation(ctx, slug)
		if err != nil || o.Kind != identity.OrgProvider {
			return invalid("invited: %q is not a provider organisation", slug)
		}
	}
	return nil
}

// coordinatedProcess loads a process the person coordinates, with its phases and areas.
func (s *Service) coordinatedProcess(ctx context.Context, who identity.Principal, id int64) (planning.Process, error) {
	if _, err := s.plan.ChangeableProcess(ctx, who, id); err != nil {
		return planning.Process{}, err
	}
	return s.plan.Process(ctx, who, id)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func (s *Service) log(ctx context.Context, who identity.Principal, action string, id int64, details map[string]any) error {
	target, _, _ := strings.Cut(action, ".")
	return s.audit.Append(ctx, audit.Entry{At: s.now().UTC(), ActorID: who.User.ID, Action: action, TargetType: target,
		TargetID: strconv.FormatInt(id, 10), Details: details})
}

// emit stores a needs.changed event for each audience.
func (s *Service) emit(ctx context.Context, processID int64, subject string, id int64, status string, audiences ...string) error {
	data := events.NeedsChanged{Subject: events.NeedsChangedSubject(subject), Id: id}
	if status != "" {
		data.Status = &status
	}
	evs := make([]kernel.Event, 0, len(audiences))
	for _, a := range uniqueStrings(audiences) {
		evs = append(evs, kernel.Event{Room: Room(processID), Audience: a, Type: EventChanged, Data: data,
			Subject: fmt.Sprintf("%s:%d", subject, id), Supersede: kernel.Replace})
	}
	return s.outbox.Emit(ctx, evs...)
}

// EventChanged is the one live event type of the needs room; its payload is events.NeedsChanged.
const EventChanged = "needs.changed"
