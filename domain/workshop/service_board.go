package workshop

import (
	"context"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// AddCard adds a participant's card to a column of an open board.
func (s *Service) AddCard(ctx context.Context, c Caller, moduleID int64, text string, column int) (Card, error) {
	var out Card
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, w, p, err := s.openModule(ctx, c, moduleID, KindBoard)
		if err != nil {
			return err
		}
		if text, err = CheckContribution("text", text, MaxCard); err != nil {
			return err
		}
		if column < 0 || column >= max(len(m.Board.Columns), 1) {
			return invalid("column: the board has %d columns", len(m.Board.Columns))
		}
		if err := s.allow(p); err != nil {
			return err
		}
		card := Card{ModuleID: m.ID, WorkshopID: w.ID, ParticipantID: p.ID, AuthorName: p.Name, Column: column, Text: text,
			State: CardVisible, CreatedAt: s.now().UTC()}
		if out, err = s.store.InsertCard(ctx, card); err != nil {
			return err
		}
		return s.emitCard(ctx, out)
	})
	return out, err
}

// CardModeration is a facilitator's decision on a card.
type CardModeration struct {
	Action  string // move, merge, hide
	Column  *int
	ThemeID *int64 // 0: out of its theme
	Into    int64
	Reason  string
}

// ModerateCard moves a card (column, theme), merges it into another (its dots move along) or
// hides it with a reason that goes into the public log.
func (s *Service) ModerateCard(ctx context.Context, who identity.Principal, id int64, d CardModeration) (Card, error) {
	var out Card
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		card, err := s.store.Card(ctx, id)
		if err != nil {
			return err
		}
		m, w, err := s.facilitatedModule(ctx, who, card.ModuleID)
		if err != nil {
			return within(err, ErrCardNotFound)
		}
		switch d.Action {
		case "move":
			column, theme := card.Column, card.ThemeID
			if d.Column != nil {
				column = *d.Column
			}
			if d.ThemeID != nil {
				theme = *d.ThemeID
				if theme != 0 {
					t, err := s.store.Theme(ctx, theme)
					if err != nil || t.ModuleID != m.ID {
						return invalid("theme_id: not a theme of this board")
					}
				}
			}
			err = card.Move(column, theme, &m.Board)
		case "merge":
			t, terr := s.store.Card(ctx, d.Into)
			if terr != nil {
				return invalid("into: no such card")
			}
			if err = card.MergeInto(&t); err == nil {
				if err = s.store.MoveDots(ctx, card.ID, t.ID); err == nil {
					err = s.emitCardFresh(ctx, t.ID)
				}
			}
		case "hide":
			err = card.Hide(d.Reason)
		default:
			err = invalid("action: unknown %q", d.Action)
		}
		if err != nil {
			return err
		}
		if err := s.store.SaveCard(ctx, card); err != nil {
			return err
		}
		if d.Action == "hide" || d.Action == "merge" {
			if err := s.store.AppendLog(ctx, LogEntry{WorkshopID: w.ID, Subject: subject("card", card.ID), Action: d.Action,
				Reason: card.Reason, At: s.now().UTC()}); err != nil {
				return err
			}
		}
		if card, err = s.store.Card(ctx, id); err != nil {
			return err
		}
		out = card
		return s.emitCard(ctx, card)
	})
	if err == nil {
		s.counts.Touch(out.ModuleID)
	}
	return out, err
}

// AddTheme adds a theme to a board.
func (s *Service) AddTheme(ctx context.Context, who identity.Principal, moduleID int64, title string) (Theme, error) {
	var out Theme
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, _, err := s.facilitatedModule(ctx, who, moduleID)
		if err != nil {
			return err
		}
		if m.Kind != KindBoard {
			return ErrModuleNotFound
		}
		if title, err = CheckContribution("title", title, MaxOption); err != nil {
			return err
		}
		ts, err := s.store.Themes(ctx, moduleID)
		if err != nil {
			return err
		}
		if out, err = s.store.InsertTheme(ctx, Theme{ModuleID: moduleID, Title: title, Position: len(ts)}); err != nil {
			return err
		}
		return s.emitTheme(ctx, m.WorkshopID, out)
	})
	return out, err
}

// RenameTheme renames a theme.
func (s *Service) RenameTheme(ctx context.Context, who identity.Principal, id int64, title string) (Theme, error) {
	var out Theme
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		t, m, err := s.facilitatedTheme(ctx, who, id)
		if err != nil {
			return err
		}
		if t.Title, err = CheckContribution("title", title, MaxOption); err != nil {
			return err
		}
		if err := s.store.SaveTheme(ctx, t); err != nil {
			return err
		}
		out = t
		return s.emitTheme(ctx, m.WorkshopID, t)
	})
	return out, err
}

// DeleteTheme removes a theme; its cards stay, unclustered.
func (s *Service) DeleteTheme(ctx context.Context, who identity.Principal, id int64) error {
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		t, m, err := s.facilitatedTheme(ctx, who, id)
		if err != nil {
			return err
		}
		cards, err := s.store.Cards(ctx, m.ID)
		if err != nil {
			return err
		}
		for _, c := range cards {
			if c.ThemeID == id {
				c.ThemeID = 0
				if err := s.store.SaveCard(ctx, c); err != nil {
					return err
				}
				if err := s.emitCard(ctx, c); err != nil {
					return err
				}
			}
		}
		if err := s.store.DeleteTheme(ctx, id); err != nil {
			return err
		}
		return s.outbox.Emit(ctx, replace(Room(m.WorkshopID), kernel.AudienceEveryone, EventThemeRemoved, subject("theme", t.ID), ref(t.ID)))
	})
}

// PlaceDots replaces the participant's dots on a board while dot-voting is open, within the
// board's budget. The counts follow coalesced.
func (s *Service) PlaceDots(ctx context.Context, c Caller, moduleID int64, dots map[int64]int) (map[int64]int, error) {
	var out map[int64]int
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, _, p, err := s.openModule(ctx, c, moduleID, KindBoard)
		if err != nil {
			return err
		}
		cards, err := s.store.Cards(ctx, moduleID)
		if err != nil {
			return err
		}
		byID := make(map[int64]Card, len(cards))
		for _, card := range cards {
			byID[card.ID] = card
		}
		if err := m.Board.CheckDots(dots, byID, s.now()); err != nil {
			return err
		}
		if err := s.store.SetDots(ctx, moduleID, p.ID, dots); err != nil {
			return err
		}
		out, err = s.store.DotsOf(ctx, moduleID, p.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.counts.Touch(moduleID)
	return out, nil
}

// SetVoting opens dot-voting on a board (with a timer of seconds, 0: none) or closes it.
func (s *Service) SetVoting(ctx context.Context, who identity.Principal, moduleID int64, open bool, seconds int) (Module, error) {
	var out Module
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, _, err := s.facilitatedModule(ctx, who, moduleID)
		if err != nil {
			return err
		}
		if m.Kind != KindBoard || m.Board.Dots == 0 {
			return ErrModuleState
		}
		if open && m.State != ModuleOpen {
			return ErrModuleClosed
		}
		if seconds < 0 || seconds > 3600 {
			return invalid("seconds: 0 to 3600")
		}
		m.Board.Voting, m.Board.Until = open, time.Time{}
		if open && seconds > 0 {
			m.Board.Until = s.now().UTC().Add(time.Duration(seconds) * time.Second)
		}
		if err := s.store.SaveModule(ctx, m); err != nil {
			return err
		}
		out = m
		return s.emitModule(ctx, m)
	})
	return out, err
}

func (s *Service) facilitatedTheme(ctx context.Context, who identity.Principal, id int64) (Theme, Module, error) {
	t, err := s.store.Theme(ctx, id)
	if err != nil {
		return t, Module{}, err
	}
	m, _, err := s.facilitatedModule(ctx, who, t.ModuleID)
	if err != nil {
		return Theme{}, m, within(err, ErrThemeNotFound)
	}
	return t, m, nil
}

func (s *Service) emitCard(ctx context.Context, c Card) error {
	room, subj := Room(c.WorkshopID), subject("card", c.ID)
	if c.State == CardHidden {
		return s.outbox.Emit(ctx, replace(room, kernel.AudienceEveryone, EventCardChanged, subj, CardOut(c)))
	}
	return s.outbox.Emit(ctx, rewrite(room, kernel.AudienceEveryone, EventCardChanged, subj, CardOut(c)))
}

func (s *Service) emitCardFresh(ctx context.Context, id int64) error {
	c, err := s.store.Card(ctx, id)
	if err != nil {
		return err
	}
	return s.emitCard(ctx, c)
}

func (s *Service) emitTheme(ctx context.Context, workshopID int64, t Theme) error {
	return s.outbox.Emit(ctx, rewrite(Room(workshopID), kernel.AudienceEveryone, EventThemeChanged, subject("theme", t.ID), ThemeOut(t)))
}
