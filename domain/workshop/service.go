package workshop

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// Processes is what the workshop context reads of the planning context (planning.Service).
type Processes interface {
	// Process returns a process the person may read, with its areas.
	Process(ctx context.Context, who identity.Principal, id int64) (planning.Process, error)
	// ChangeableProcess returns the head of a process the person coordinates.
	ChangeableProcess(ctx context.Context, who identity.Principal, id int64) (planning.Process, error)
}

// Directory is what it reads of the identity context.
type Directory interface {
	// UserByEmail returns the id of the account with this e-mail address (kernel not-found).
	UserByEmail(ctx context.Context, email string) (int64, error)
	// Names returns the display names of the users, by id.
	Names(ctx context.Context, ids []int64) (map[int64]string, error)
}

// Service is the workshop context's use cases: each method authorises the caller, applies the
// rules of this package, persists in one transaction with the audit line and the live events,
// and returns what the caller may see.
type Service struct {
	store    Store
	tx       kernel.Transactor
	outbox   kernel.Outbox
	audit    audit.Store
	plan     Processes
	dir      Directory
	planning Planning
	now      func() time.Time
	counts   *Coalescer
	limiter  *kernel.Limiter[int64]
}

// Deps are the ports a Service needs.
type Deps struct {
	Store     Store
	Tx        kernel.Transactor
	Outbox    kernel.Outbox
	Audit     audit.Store
	Processes Processes
	Directory Directory
	Planning  Planning         // where results are handed on to
	Now       func() time.Time // nil: time.Now
}

// NewService returns the workshop use cases. Run must run for coalesced counts and results to
// reach the room.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Service{store: d.Store, tx: d.Tx, outbox: d.Outbox, audit: d.Audit, plan: d.Processes, dir: d.Directory, planning: d.Planning, now: d.Now,
		// A participant may contribute (ask, add a card, write) in bursts of 10, then one every
		// 3 seconds: a room of hundreds stays readable, a script is slowed down.
		limiter: kernel.NewLimiter[int64](3*time.Second, 10, d.Now)}
	s.counts = NewCoalescer(CoalesceEvery, s.publishCounts)
	return s
}

// Run sends the coalesced counts and results until ctx ends.
func (s *Service) Run(ctx context.Context) { s.counts.Run(ctx) }

// Setup is a coordinator's set-up of a workshop.
type Setup struct {
	Title, Description string
	StartsAt, EndsAt   time.Time
	Place, OnlineURL   string
	AreaIDs            []int64
	Guests             bool
	Premoderate        bool
	Chat               bool
	SlowSeconds        int
	Agenda             []AgendaItem
	CoFacilitators     []string // e-mail addresses
}

func (w *Workshop) apply(s Setup) {
	w.Title, w.Description, w.StartsAt, w.EndsAt = s.Title, s.Description, s.StartsAt.UTC(), s.EndsAt.UTC()
	if s.EndsAt.IsZero() {
		w.EndsAt = time.Time{}
	}
	w.Place, w.OnlineURL, w.AreaIDs = s.Place, s.OnlineURL, s.AreaIDs
	w.Guests, w.Premoderate, w.Chat, w.SlowSeconds = s.Guests, s.Premoderate, s.Chat, s.SlowSeconds
	w.Agenda = s.Agenda
}

// Workshops lists a process's workshops, for whoever may read the process.
func (s *Service) Workshops(ctx context.Context, who identity.Principal, processID int64) ([]Workshop, error) {
	if _, err := s.plan.Process(ctx, who, processID); err != nil {
		return nil, err
	}
	return s.store.Workshops(ctx, processID)
}

// Create sets up a workshop in a process the person coordinates.
func (s *Service) Create(ctx context.Context, who identity.Principal, processID int64, in Setup) (Workshop, error) {
	p, err := s.coordinated(ctx, who, processID)
	if err != nil {
		return Workshop{}, err
	}
	w := Workshop{ProcessID: processID, DistrictKey: p.DistrictKey, Status: StatusPlanned, Projector: Projection{Kind: ShowJoin},
		CreatedBy: who.User.ID, CreatedAt: s.now().UTC()}
	w.apply(in)
	if err := s.check(ctx, &w, p, in.CoFacilitators); err != nil {
		return w, err
	}
	var out Workshop
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		for range 5 { // a join code is unique; drawing a taken one again is rarer than one in a billion
			w.JoinCode = NewJoinCode()
			out, err = s.store.InsertWorkshop(ctx, w)
			if !errors.Is(err, ErrWorkshopState) {
				break
			}
		}
		if err != nil {
			return err
		}
		return s.log(ctx, who, "workshop.create", out.ID, map[string]any{"title": w.Title, "process_id": processID})
	})
	return out, err
}

// Update changes a workshop's set-up (its facilitators).
func (s *Service) Update(ctx context.Context, who identity.Principal, id int64, in Setup) (Workshop, error) {
	var out Workshop
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, err := s.facilitated(ctx, who, id)
		if err != nil {
			return err
		}
		p, err := s.plan.Process(ctx, who, w.ProcessID)
		if err != nil {
			return err
		}
		w.apply(in)
		if err := s.check(ctx, &w, p, in.CoFacilitators); err != nil {
			return err
		}
		if err := s.store.SaveWorkshop(ctx, w); err != nil {
			return err
		}
		if w.Agenda, err = s.store.SaveAgenda(ctx, id, w.Agenda); err != nil {
			return err
		}
		if !slices.ContainsFunc(w.Agenda, func(a AgendaItem) bool { return a.ID == w.CurrentItemID }) && w.CurrentItemID != 0 {
			w.CurrentItemID, w.ItemStartedAt = 0, time.Time{}
			if err := s.store.SaveWorkshop(ctx, w); err != nil {
				return err
			}
		}
		out = w
		if err := s.emitState(ctx, w); err != nil {
			return err
		}
		return s.log(ctx, who, "workshop.update", id, map[string]any{"title": w.Title})
	})
	return out, err
}

// check validates a set-up against its process and resolves the co-facilitators.
func (s *Service) check(ctx context.Context, w *Workshop, p planning.Process, emails []string) error {
	if err := w.Validate(); err != nil {
		return err
	}
	for _, a := range w.AreaIDs {
		if !slices.Contains(p.SocialAreaIDs, a) {
			return invalid("area_ids: area %d is not in the process's scope", a)
		}
	}
	if len(emails) > MaxFacilitators {
		return invalid("co_facilitators: at most %d", MaxFacilitators)
	}
	ids := make([]int64, 0, len(emails))
	for _, e := range emails {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		id, err := s.dir.UserByEmail(ctx, e)
		if err != nil {
			return invalid("co_facilitators: nobody has logged in with %q yet", e)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	w.Facilitators = ids
	return nil
}

// View is a workshop as one caller sees it.
type View struct {
	Workshop     Workshop
	Me           *Participant
	Capabilities []Capability
	Minutes      bool // published minutes exist
	Names        map[int64]string
}

// Get returns a workshop the caller may read: whoever may read its process, its participants
// (guests too) and its projector.
func (s *Service) Get(ctx context.Context, c Caller, id int64) (View, error) {
	w, me, err := s.readable(ctx, c, id)
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, c, w, me)
}

func (s *Service) view(ctx context.Context, c Caller, w Workshop, me *Participant) (View, error) {
	v := View{Workshop: w, Me: me, Capabilities: CapabilitiesOf(&w, c, me)}
	m, ok, err := s.store.MinutesOf(ctx, w.ID)
	if err != nil {
		return v, err
	}
	v.Minutes = ok && m.Status == MinutesPublished
	if v.Names, err = s.dir.Names(ctx, w.Facilitators); err != nil {
		return v, err
	}
	return v, nil
}

// ByCode returns the workshop a join code belongs to, if it is open to guests or the caller is
// logged in, for the join page.
func (s *Service) ByCode(ctx context.Context, c Caller, code string) (View, error) {
	w, err := s.store.ByJoinCode(ctx, NormaliseJoinCode(code))
	if err != nil || w.Status == StatusEnded || (!w.Guests && c.Who.Anonymous()) {
		return View{}, ErrBadJoinCode
	}
	me, err := s.participant(ctx, c, w.ID)
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, c, w, me)
}

// Join makes the logged-in person a participant (once), optionally for an organisation of theirs.
func (s *Service) Join(ctx context.Context, who identity.Principal, id int64, org string) (Participant, error) {
	if who.Anonymous() {
		return Participant{}, kernel.ErrLoginRequired
	}
	w, _, err := s.readable(ctx, Caller{Who: who}, id)
	if err != nil {
		return Participant{}, err
	}
	if w.Status == StatusEnded {
		return Participant{}, ErrWorkshopState
	}
	if org != "" {
		if _, ok := who.MemberRole(org); !ok {
			return Participant{}, invalid("org: you are not a member of %q", org)
		}
	}
	name := who.User.Name
	if strings.TrimSpace(name) == "" {
		name = "Teilnehmer:in"
	}
	return s.store.InsertParticipant(ctx, Participant{WorkshopID: id, UserID: who.User.ID, Name: name, Org: org, JoinedAt: s.now().UTC()})
}

// JoinAsGuest lets someone without an account join a workshop open to guests with its join code
// and a display name. The token it returns is the guest's only credential; only its hash is kept.
func (s *Service) JoinAsGuest(ctx context.Context, code, name string) (Workshop, Participant, string, error) {
	w, err := s.store.ByJoinCode(ctx, NormaliseJoinCode(code))
	if err != nil || w.Status == StatusEnded {
		return Workshop{}, Participant{}, "", ErrBadJoinCode
	}
	if !w.Guests {
		return Workshop{}, Participant{}, "", ErrGuestsClosed
	}
	name, err = CheckGuestName(name)
	if err != nil {
		return Workshop{}, Participant{}, "", err
	}
	token := NewToken()
	p, err := s.store.InsertParticipant(ctx, Participant{WorkshopID: w.ID, Name: name, TokenHash: HashToken(token), JoinedAt: s.now().UTC()})
	return w, p, token, err
}
