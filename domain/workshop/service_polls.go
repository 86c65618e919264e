package workshop

import (
	"context"
)

// AnswerPoll stores or replaces the participant's answer to an open poll: one per person,
// changeable until the poll closes. The results follow coalesced.
func (s *Service) AnswerPoll(ctx context.Context, c Caller, moduleID int64, a Answer) (Answer, error) {
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, _, p, err := s.openModule(ctx, c, moduleID, KindPoll)
		if err != nil {
			return err
		}
		if err := m.Poll.CheckAnswer(&a); err != nil {
			return err
		}
		a.ModuleID, a.ParticipantID, a.UpdatedAt = m.ID, p.ID, s.now().UTC()
		return s.store.SaveAnswer(ctx, a)
	})
	if err != nil {
		return Answer{}, err
	}
	s.counts.Touch(moduleID)
	return a, nil
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
	answers, err := s.store.Answers(ctx, m.ID)
	if err != nil {
		return Results{}, err
	}
	r := Tally(m.Poll, answers)
	r.ModuleID = m.ID
	return r, nil
}
