package workshop

import (
	"context"
)

// AnswerPoll stores or replaces the participant's answer to an open poll: one per person,
// changeable until the poll closes. The results follow coalesced.
//
// A vote storm is thousands of these within seconds, so the common case, someone who joined
// answering an open poll of a running workshop, reads what it needs in one statement and writes
// in a second (one write, no audit line, no event: a transaction would add two round trips and
// no guarantee at read committed). Every other case takes the full path, which tells why not or
// lets a facilitator join on their first answer.
func (s *Service) AnswerPoll(ctx context.Context, c Caller, moduleID int64, a Answer) (Answer, error) {
	var userID int64
	if !c.Who.Anonymous() {
		userID = c.Who.User.ID
	}
	b, err := s.store.Ballot(ctx, moduleID, userID, c.GuestHash)
	if err != nil {
		return Answer{}, err
	}
	w := Workshop{ID: b.Module.WorkshopID, Status: b.Status}
	if b.Joined && w.Running() && b.Module.Kind == KindPoll && b.Module.State == ModuleOpen {
		err = s.saveAnswer(ctx, b.Module, b.Participant, &a)
	} else {
		err = s.tx.InTx(ctx, func(ctx context.Context) error {
			m, _, p, err := s.openModule(ctx, c, moduleID, KindPoll)
			if err != nil {
				return err
			}
			return s.saveAnswer(ctx, m, p, &a)
		})
	}
	if err != nil {
		return Answer{}, err
	}
	s.counts.Touch(moduleID)
	return a, nil
}

// saveAnswer checks the participant's answer to the open poll and stores it.
func (s *Service) saveAnswer(ctx context.Context, m Module, p Participant, a *Answer) error {
	if err := m.Poll.CheckAnswer(a); err != nil {
		return err
	}
	a.ModuleID, a.ParticipantID, a.UpdatedAt = m.ID, p.ID, s.now().UTC()
	return s.store.SaveAnswer(ctx, *a)
}

// Results returns a poll's tally: to facilitators and the projector always, to participants when
// the results are public.
func (s *Service) Results(ctx context.Context, c Caller, moduleID int64) (Results, error) {
	m, err := s.store.Module(ctx, moduleID)
	if err != nil {
		return Results{}, err
	}
	if m.Kind != KindPoll {
		return Results{}, ErrModuleNotFound
	}
	w, _, err := s.readable(ctx, c, m.WorkshopID)
	if err != nil {
		return Results{}, ErrModuleNotFound
	}
	if !m.ResultsPublic() && !w.Projects(c) {
		return Results{}, ErrFacilitatorsOnly
	}
	return s.tally(ctx, m)
}

// tally counts a poll's stored answers: grouped by answer in the store, except open answers,
// which are listed by time.
func (s *Service) tally(ctx context.Context, m Module) (Results, error) {
	var r Results
	if m.Poll.Kind == PollText {
		answers, err := s.store.Answers(ctx, m.ID)
		if err != nil {
			return Results{}, err
		}
		r = Tally(m.Poll, answers)
	} else {
		groups, err := s.store.AnswerGroups(ctx, m.ID)
		if err != nil {
			return Results{}, err
		}
		r = TallyGroups(m.Poll, groups)
	}
	r.ModuleID = m.ID
	return r, nil
}
