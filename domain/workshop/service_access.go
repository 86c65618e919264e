package workshop

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
)

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
