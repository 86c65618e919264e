package workshop

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Chat writes a participant's message, when the chat is on; in slow mode each participant waits
// the set seconds between two messages (facilitators never wait).
func (s *Service) Chat(ctx context.Context, c Caller, workshopID int64, text string) (Message, error) {
	var out Message
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, p, err := s.taking(ctx, c, workshopID)
		if err != nil {
			return err
		}
		if !w.Chat {
			return ErrChatOff
		}
		if text, err = CheckContribution("text", text, MaxChat); err != nil {
			return err
		}
		if !w.Facilitates(c.Who) {
			last, err := s.store.LastMessageAt(ctx, w.ID, p.ID)
			if err != nil {
				return err
			}
			if err := CheckSlowMode(last, s.now(), w.SlowSeconds); err != nil {
				return err
			}
			if err := s.allow(p); err != nil {
				return err
			}
		}
		if out, err = s.store.InsertMessage(ctx, Message{WorkshopID: w.ID, ParticipantID: p.ID, AuthorName: p.Name, Text: text,
			CreatedAt: s.now().UTC()}); err != nil {
			return err
		}
		return s.outbox.Emit(ctx, rewrite(Room(w.ID), kernel.AudienceEveryone, EventChatMessage, subject("message", out.ID), MessageOut(out)))
	})
	return out, err
}

// HideMessage hides a chat message with a reason that goes into the public log; the replay
// keeps no trace of its text.
func (s *Service) HideMessage(ctx context.Context, who identity.Principal, id int64, reason string) (Message, error) {
	var out Message
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, err := s.store.Message(ctx, id)
		if err != nil {
			return err
		}
		if _, err := s.facilitated(ctx, who, m.WorkshopID); err != nil {
			return within(err, ErrMessageNotFound)
		}
		if reason, err = CheckContribution("reason", reason, MaxReason); err != nil {
			return ErrReasonRequired
		}
		m.Hidden, m.Reason = true, reason
		if err := s.store.SaveMessage(ctx, m); err != nil {
			return err
		}
		if err := s.store.AppendLog(ctx, LogEntry{WorkshopID: m.WorkshopID, Subject: subject("message", m.ID), Action: "hide",
			Reason: reason, At: s.now().UTC()}); err != nil {
			return err
		}
		out = m
		return s.outbox.Emit(ctx, replace(Room(m.WorkshopID), kernel.AudienceEveryone, EventChatMessage, subject("message", m.ID), MessageOut(m)))
	})
	return out, err
}

// ModerationLog is the workshop's public moderation log, for whoever may read the workshop.
func (s *Service) ModerationLog(ctx context.Context, c Caller, workshopID int64) ([]LogEntry, error) {
	if _, _, err := s.readable(ctx, c, workshopID); err != nil {
		return nil, err
	}
	return s.store.Log(ctx, workshopID)
}

// Decisions lists the decisions the facilitators noted.
func (s *Service) Decisions(ctx context.Context, who identity.Principal, workshopID int64) ([]Decision, error) {
	if _, err := s.facilitated(ctx, who, workshopID); err != nil {
		return nil, err
	}
	return s.store.Decisions(ctx, workshopID)
}

// NoteDecision notes a decision for the minutes, optionally under an agenda item.
func (s *Service) NoteDecision(ctx context.Context, who identity.Principal, workshopID int64, text string, itemID int64) (Decision, error) {
	var out Decision
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, err := s.facilitated(ctx, who, workshopID)
		if err != nil {
			return err
		}
		if text, err = CheckContribution("text", text, MaxDecision); err != nil {
			return err
		}
		if itemID != 0 && !w.hasItem(itemID) {
			return invalid("agenda_item_id: not an item of the workshop's agenda")
		}
		if out, err = s.store.InsertDecision(ctx, Decision{WorkshopID: w.ID, AgendaItemID: itemID, Text: text, CreatedBy: who.User.ID,
			CreatedAt: s.now().UTC()}); err != nil {
			return err
		}
		return s.log(ctx, who, "workshop.decision", w.ID, map[string]any{"decision_id": out.ID})
	})
	return out, err
}

// DeleteDecision removes a noted decision.
func (s *Service) DeleteDecision(ctx context.Context, who identity.Principal, id int64) error {
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		d, err := s.store.Decision(ctx, id)
		if err != nil {
			return err
		}
		if _, err := s.facilitated(ctx, who, d.WorkshopID); err != nil {
			return within(err, ErrDecisionNotFound)
		}
		return s.store.DeleteDecision(ctx, id)
	})
}

func (w *Workshop) hasItem(id int64) bool {
	for _, a := range w.Agenda {
		if a.ID == id {
			return true
		}
	}
	return false
}
