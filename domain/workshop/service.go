package workshop

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
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

// Transition starts or ends a rehearsal, starts or ends the workshop. Ending a rehearsal, and
// starting after one, discards what was contributed in it.
func (s *Service) Transition(ctx context.Context, who identity.Principal, id int64, action string) (Workshop, error) {
	return s.changeWorkshop(ctx, who, id, func(ctx context.Context, w *Workshop) error {
		discard := w.Status == StatusRehearsal && (action == "end_rehearsal" || action == "start")
		if err := w.Apply(action, s.now().UTC()); err != nil {
			return err
		}
		if discard {
			if err := s.discard(ctx, w); err != nil {
				return err
			}
		}
		return s.log(ctx, who, "workshop."+action, id, nil)
	})
}

// changeWorkshop runs a facilitator's change of a workshop in one transaction: it loads the
// workshop, applies change, stores it and tells the room its new state.
func (s *Service) changeWorkshop(ctx context.Context, who identity.Principal, id int64, change func(ctx context.Context, w *Workshop) error) (Workshop, error) {
	var out Workshop
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, err := s.facilitated(ctx, who, id)
		if err != nil {
			return err
		}
		if err := change(ctx, &w); err != nil {
			return err
		}
		if err := s.store.SaveWorkshop(ctx, w); err != nil {
			return err
		}
		out = w
		return s.emitState(ctx, w)
	})
	return out, err
}

// discard throws away a rehearsal: contributions, agenda times, the projection.
func (s *Service) discard(ctx context.Context, w *Workshop) error {
	if err := s.store.Discard(ctx, w.ID); err != nil {
		return err
	}
	for i := range w.Agenda {
		w.Agenda[i].StartedAt, w.Agenda[i].EndedAt = time.Time{}, time.Time{}
	}
	var err error
	if w.Agenda, err = s.store.SaveAgenda(ctx, w.ID, w.Agenda); err != nil {
		return err
	}
	w.CurrentItemID, w.ItemStartedAt, w.Projector = 0, time.Time{}, Projection{Kind: ShowJoin}
	return s.outbox.Emit(ctx, kernel.Event{Room: Room(w.ID), Type: EventReset, Data: ref(w.ID), Supersede: kernel.Standalone})
}

// SetCurrent moves the workshop to an agenda item (nil: the next one) and starts its timer.
func (s *Service) SetCurrent(ctx context.Context, who identity.Principal, id int64, item *int64) (Workshop, error) {
	return s.changeWorkshop(ctx, who, id, func(ctx context.Context, w *Workshop) error {
		now := s.now().UTC()
		var err error
		if item == nil {
			err = w.NextItem(now)
		} else {
			err = w.StartItem(*item, now)
		}
		if err != nil {
			return err
		}
		w.Agenda, err = s.store.SaveAgenda(ctx, id, w.Agenda)
		return err
	})
}

// Show chooses what the projector shows.
func (s *Service) Show(ctx context.Context, who identity.Principal, id int64, p Projection) (Workshop, error) {
	return s.changeWorkshop(ctx, who, id, func(ctx context.Context, w *Workshop) error {
		question := func(qid int64) bool {
			q, err := s.store.Question(ctx, qid)
			return err == nil && q.WorkshopID == id && q.Public()
		}
		module := func(mid int64) bool {
			m, err := s.store.Module(ctx, mid)
			return err == nil && m.WorkshopID == id
		}
		return w.Show(p, question, module)
	})
}

// RenewProjectorKey makes a new projector key (shown once) and voids the old one.
func (s *Service) RenewProjectorKey(ctx context.Context, who identity.Principal, id int64) (string, error) {
	key := NewToken()
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, err := s.facilitated(ctx, who, id)
		if err != nil {
			return err
		}
		w.ProjectorKeyHash = HashToken(key)
		if err := s.store.SaveWorkshop(ctx, w); err != nil {
			return err
		}
		return s.log(ctx, who, "workshop.projector_key", id, nil)
	})
	return key, err
}

// CheckProjectorKey reports whether key is the workshop's projector key.
func (s *Service) CheckProjectorKey(ctx context.Context, id int64, key string) error {
	w, err := s.store.Workshop(ctx, id)
	if err != nil {
		return err
	}
	if !w.Projects(Caller{ProjectorHash: HashToken(key)}) {
		return ErrNotFound
	}
	return nil
}

// Attendance counts who joined (facilitators).
func (s *Service) Attendance(ctx context.Context, who identity.Principal, id int64) (Attendance, error) {
	if _, err := s.facilitated(ctx, who, id); err != nil {
		return Attendance{}, err
	}
	return s.store.Attendance(ctx, id)
}

// readable loads a workshop the caller may read, with their participant row if they joined.
func (s *Service) readable(ctx context.Context, c Caller, id int64) (Workshop, *Participant, error) {
	w, err := s.store.Workshop(ctx, id)
	if err != nil {
		return w, nil, err
	}
	me, err := s.participant(ctx, c, id)
	if err != nil {
		return w, nil, err
	}
	if me != nil || w.Facilitates(c.Who) || w.Projects(c) {
		return w, me, nil
	}
	if _, err := s.plan.Process(ctx, c.Who, w.ProcessID); err != nil {
		return Workshop{}, nil, ErrNotFound
	}
	return w, nil, nil
}

// participant returns the caller's participant row in the workshop, nil when they did not join.
func (s *Service) participant(ctx context.Context, c Caller, id int64) (*Participant, error) {
	var p Participant
	var err error
	switch {
	case !c.Who.Anonymous():
		p, err = s.store.ParticipantByUser(ctx, id, c.Who.User.ID)
	case c.GuestHash != "":
		p, err = s.store.ParticipantByToken(ctx, c.GuestHash)
		if err == nil && p.WorkshopID != id {
			err = ErrNotParticipant
		}
	default:
		return nil, nil
	}
	if errors.Is(err, ErrNotParticipant) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// taking loads a running workshop and the caller's participant row: what every contribution
// needs. A facilitator who has not joined joins on their first contribution.
func (s *Service) taking(ctx context.Context, c Caller, id int64) (Workshop, Participant, error) {
	w, me, err := s.readable(ctx, c, id)
	if err != nil {
		return w, Participant{}, err
	}
	if !w.Running() {
		return w, Participant{}, ErrWorkshopState
	}
	if me == nil {
		if c.Who.Anonymous() && !w.Guests {
			return w, Participant{}, kernel.ErrLoginRequired // no way in but logging in
		}
		if c.Who.Anonymous() {
			return w, Participant{}, ErrNotParticipant // join as a guest first
		}
		p, err := s.Join(ctx, c.Who, id, "")
		return w, p, err
	}
	return w, *me, nil
}

// facilitated loads a workshop the person facilitates.
func (s *Service) facilitated(ctx context.Context, who identity.Principal, id int64) (Workshop, error) {
	w, err := s.store.Workshop(ctx, id)
	if err != nil {
		return w, err
	}
	if !w.Facilitates(who) {
		if _, err := s.plan.Process(ctx, who, w.ProcessID); err != nil {
			return Workshop{}, ErrNotFound
		}
		if who.Anonymous() {
			return Workshop{}, kernel.ErrLoginRequired
		}
		return Workshop{}, ErrFacilitatorsOnly
	}
	return w, nil
}

// within is facilitated's refusal for something inside a workshop (a module, a question, a card,
// a theme, a message, a decision): it does not exist (notFound) for who may not read the
// workshop; who may read it is asked to log in (401) or told it is the facilitators' (403), as
// for the workshop's own facilitator operations.
func within(err, notFound error) error {
	if kernel.KindOf(err) == kernel.KindNotFound {
		return notFound
	}
	return err
}

// coordinated loads a process the person coordinates, with its areas.
func (s *Service) coordinated(ctx context.Context, who identity.Principal, id int64) (planning.Process, error) {
	if _, err := s.plan.ChangeableProcess(ctx, who, id); err != nil {
		return planning.Process{}, err
	}
	return s.plan.Process(ctx, who, id)
}

// allow applies the contribution rate limit to a participant.
func (s *Service) allow(p Participant) error {
	if wait, ok := s.limiter.Allow(p.ID); !ok {
		return kernel.Limited(ErrTooFast, wait)
	}
	return nil
}

func (s *Service) log(ctx context.Context, who identity.Principal, action string, id int64, details map[string]any) error {
	return s.audit.Append(ctx, audit.Entry{At: s.now().UTC(), ActorID: who.User.ID, Action: action, TargetType: "workshop",
		TargetID: itoa(id), Details: details})
}

// NewToken returns a fresh random credential (a guest's token, a projector key).
func NewToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is how a token is kept and compared: a guest's cookie and a projector key are
// looked up by their hash, so a copy of the database lets nobody in.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// RoomPrefix is the kind of a workshop's live room: rooms are "workshop:<id>".
const RoomPrefix = "workshop"

// Audiences returns the audiences of the caller in the workshop's room, beyond everyone's: the
// facilitators', the projector's, and the caller's own as a participant (their pending
// questions). Whoever may read the workshop may follow it.
func (s *Service) Audiences(ctx context.Context, c Caller, id int64) ([]string, error) {
	w, me, err := s.readable(ctx, c, id)
	if err != nil {
		return nil, err
	}
	var out []string
	if w.Facilitates(c.Who) {
		out = append(out, kernel.AudienceFacilitators, kernel.AudienceProjector)
	} else if w.Projects(c) {
		out = append(out, kernel.AudienceProjector)
	}
	if me != nil {
		out = append(out, me.Audience())
	}
	return out, nil
}
