package workshop

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Ask adds a participant's question to an open questions module: pending until a facilitator
// approves it when the workshop pre-moderates, else visible at once (post-moderation).
func (s *Service) Ask(ctx context.Context, c Caller, moduleID int64, text string) (Question, error) {
	var out Question
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, w, p, err := s.openModule(ctx, c, moduleID, KindQuestions)
		if err != nil {
			return err
		}
		if text, err = CheckContribution("text", text, MaxQuestion); err != nil {
			return err
		}
		if err := s.allow(p); err != nil {
			return err
		}
		q := Question{ModuleID: m.ID, WorkshopID: w.ID, ParticipantID: p.ID, AuthorName: p.Name, Text: text,
			State: QuestionVisible, CreatedAt: s.now().UTC()}
		if w.Premoderate && !w.Facilitates(c.Who) {
			q.State = QuestionPending
		}
		if out, err = s.store.InsertQuestion(ctx, q); err != nil {
			return err
		}
		return s.emitQuestion(ctx, out, p)
	})
	return out, err
}

// Vote up-votes a public question of an open module, once per participant; voting again changes
// nothing. It returns the question's count as stored.
func (s *Service) Vote(ctx context.Context, c Caller, questionID int64, on bool) (int, bool, error) {
	var votes int
	var moduleID int64
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		q, err := s.store.Question(ctx, questionID)
		if err != nil {
			return err
		}
		_, _, p, err := s.openModule(ctx, c, q.ModuleID, KindQuestions)
		if err != nil {
			return err
		}
		if !q.Public() {
			return ErrQuestionNotFound
		}
		if on {
			_, err = s.store.Vote(ctx, q.ID, p.ID)
		} else {
			_, err = s.store.Unvote(ctx, q.ID, p.ID)
		}
		if err != nil {
			return err
		}
		if q, err = s.store.Question(ctx, questionID); err != nil {
			return err
		}
		votes, moduleID = q.Votes, q.ModuleID
		return nil
	})
	if err != nil {
		return 0, false, err
	}
	s.counts.Touch(moduleID)
	return votes, on, nil
}

// Moderation is a facilitator's decision on a question.
type Moderation struct {
	Action string // approve, answer, highlight, unhighlight, hide, merge
	Answer string
	Reason string
	Into   int64
}

// ModerateQuestion approves, answers, highlights, hides (with a reason, in the public log) or
// merges a question (its votes move to the one it is merged into, one per person).
func (s *Service) ModerateQuestion(ctx context.Context, who identity.Principal, id int64, d Moderation) (Question, error) {
	var out Question
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		q, err := s.store.Question(ctx, id)
		if err != nil {
			return err
		}
		w, err := s.facilitated(ctx, who, q.WorkshopID)
		if err != nil {
			return within(err, ErrQuestionNotFound)
		}
		author := Participant{ID: q.ParticipantID}
		var target *Question
		switch d.Action {
		case "approve":
			err = q.Approve()
		case "answer":
			err = q.MarkAnswered(d.Answer)
		case "highlight", "unhighlight":
			err = q.Highlight(d.Action == "highlight")
		case "hide":
			err = q.Hide(d.Reason)
		case "merge":
			t, terr := s.store.Question(ctx, d.Into)
			if terr != nil {
				return invalid("into: no such question")
			}
			target = &t
			err = q.MergeInto(target)
		default:
			err = invalid("action: unknown %q", d.Action)
		}
		if err != nil {
			return err
		}
		if err := s.store.SaveQuestion(ctx, q); err != nil {
			return err
		}
		if d.Action == "highlight" {
			if err := s.highlightOnly(ctx, &w, q); err != nil {
				return err
			}
		}
		if target != nil {
			if err := s.store.MoveVotes(ctx, q.ID, target.ID); err != nil {
				return err
			}
			if *target, err = s.store.Question(ctx, target.ID); err != nil {
				return err
			}
			if err := s.emitQuestion(ctx, *target, Participant{ID: target.ParticipantID}); err != nil {
				return err
			}
		}
		if d.Action == "hide" || d.Action == "merge" {
			if err := s.store.AppendLog(ctx, LogEntry{WorkshopID: w.ID, Subject: subject("question", q.ID), Action: d.Action,
				Reason: q.Reason, At: s.now().UTC()}); err != nil {
				return err
			}
		}
		out = q
		return s.emitQuestion(ctx, q, author)
	})
	if err == nil && out.ModuleID != 0 {
		s.counts.Touch(out.ModuleID)
	}
	return out, err
}

// highlightOnly keeps one question highlighted per workshop and shows it on the projector.
func (s *Service) highlightOnly(ctx context.Context, w *Workshop, q Question) error {
	ms, err := s.store.Modules(ctx, w.ID)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.Kind != KindQuestions {
			continue
		}
		qs, err := s.store.Questions(ctx, m.ID)
		if err != nil {
			return err
		}
		for _, o := range qs {
			if o.ID != q.ID && o.Highlighted {
				o.Highlighted = false
				if err := s.store.SaveQuestion(ctx, o); err != nil {
					return err
				}
				if err := s.emitQuestion(ctx, o, Participant{ID: o.ParticipantID}); err != nil {
					return err
				}
			}
		}
	}
	w.Projector = Projection{Kind: ShowQuestion, ID: q.ID}
	if err := s.store.SaveWorkshop(ctx, *w); err != nil {
		return err
	}
	return s.emitState(ctx, *w)
}

// visibleQuestions are the questions of a module the caller may see: public ones, and for
// facilitators the pending ones too, for a participant their own pending ones.
func visibleQuestions(qs []Question, fac bool, me *Participant) []Question {
	out := make([]Question, 0, len(qs))
	for _, q := range qs {
		switch {
		case q.Public(), fac && q.State == QuestionPending:
		case me != nil && q.ParticipantID == me.ID && q.State == QuestionPending:
		default:
			continue
		}
		out = append(out, q)
	}
	return out
}
