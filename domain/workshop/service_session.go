package workshop

import "context"

// ModuleView is a module with what the caller may see of it now.
type ModuleView struct {
	Module    Module
	Questions []Question
	MyVotes   []int64
	Results   *Results
	MyAnswer  *Answer
	Cards     []Card
	Themes    []Theme
	MyDots    map[int64]int
}

// Session is the live state of a workshop as one caller may see it: the snapshot a late joiner
// or a reconnecting page starts from before following the room.
type Session struct {
	View
	Modules []ModuleView
	Chat    []Message
}

// ChatSnapshot is how many of the newest chat messages a snapshot carries.
const ChatSnapshot = 100

// Session returns the state: the workshop, its modules with their questions (public ones; for
// facilitators the pending ones too, for their author their own), a poll's results when the
// caller may see them and their own answer, the boards with their cards, themes and the caller's
// dots, and the newest chat messages. Hidden contributions come without their text.
func (s *Service) Session(ctx context.Context, c Caller, id int64) (Session, error) {
	w, me, err := s.readable(ctx, c, id)
	if err != nil {
		return Session{}, err
	}
	v, err := s.view(ctx, c, w, me)
	if err != nil {
		return Session{}, err
	}
	out := Session{View: v}
	fac, projects := w.Facilitates(c.Who), w.Projects(c)
	ms, err := s.store.Modules(ctx, id)
	if err != nil {
		return out, err
	}
	for _, m := range ms {
		if m.State == ModuleReady && !fac {
			continue // prepared, not shown yet
		}
		mv := ModuleView{Module: m}
		switch m.Kind {
		case KindQuestions:
			qs, err := s.store.Questions(ctx, m.ID)
			if err != nil {
				return out, err
			}
			mv.Questions = visibleQuestions(qs, fac, me)
			if me != nil {
				if mv.MyVotes, err = s.store.VotedBy(ctx, m.ID, me.ID); err != nil {
					return out, err
				}
			}
		case KindPoll:
			if m.ResultsPublic() || projects {
				r, err := s.tally(ctx, m)
				if err != nil {
					return out, err
				}
				mv.Results = &r
			}
			if me != nil {
				a, ok, err := s.store.AnswerOf(ctx, m.ID, me.ID)
				if err != nil {
					return out, err
				}
				if ok {
					mv.MyAnswer = &a
				}
			}
		case KindBoard:
			if mv.Cards, err = s.store.Cards(ctx, m.ID); err != nil {
				return out, err
			}
			if mv.Themes, err = s.store.Themes(ctx, m.ID); err != nil {
				return out, err
			}
			if me != nil {
				if mv.MyDots, err = s.store.DotsOf(ctx, m.ID, me.ID); err != nil {
					return out, err
				}
			}
		}
		out.Modules = append(out.Modules, mv)
	}
	if w.Chat || fac {
		if out.Chat, err = s.store.Messages(ctx, id, ChatSnapshot); err != nil {
			return out, err
		}
	}
	return out, nil
}
