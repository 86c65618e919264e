package workshop

import (
	"context"
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ModuleInput is a facilitator's preparation or change of a module.
type ModuleInput struct {
	Kind         ModuleKind
	Title        string
	AgendaItemID int64
	Poll         PollConfig
	Board        BoardConfig
}

// CreateModule prepares a module in a workshop the person facilitates.
func (s *Service) CreateModule(ctx context.Context, who identity.Principal, workshopID int64, in ModuleInput) (Module, error) {
	var out Module
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, err := s.facilitated(ctx, who, workshopID)
		if err != nil {
			return err
		}
		ms, err := s.store.Modules(ctx, workshopID)
		if err != nil {
			return err
		}
		m := Module{WorkshopID: workshopID, Kind: in.Kind, Title: in.Title, AgendaItemID: in.AgendaItemID, State: ModuleReady,
			Poll: in.Poll, Board: in.Board, Position: len(ms)}
		m.Board.Voting, m.Board.Until = false, time.Time{}
		if err := checkModule(&w, &m); err != nil {
			return err
		}
		if out, err = s.store.InsertModule(ctx, m); err != nil {
			return err
		}
		return s.emitModule(ctx, out)
	})
	return out, err
}

// UpdateModule changes a module's title, agenda item and settings as Module.Revise allows.
func (s *Service) UpdateModule(ctx context.Context, who identity.Principal, id int64, in ModuleInput) (Module, error) {
	var out Module
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, w, err := s.facilitatedModule(ctx, who, id)
		if err != nil {
			return err
		}
		if err := m.Revise(in); err != nil {
			return err
		}
		if err := checkModule(&w, &m); err != nil {
			return err
		}
		if err := s.store.SaveModule(ctx, m); err != nil {
			return err
		}
		out = m
		return s.emitModule(ctx, m)
	})
	if err == nil {
		s.counts.Touch(id) // the results' visibility may have changed
	}
	return out, err
}

// DeleteModule removes a module that was never opened.
func (s *Service) DeleteModule(ctx context.Context, who identity.Principal, id int64) error {
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		m, _, err := s.facilitatedModule(ctx, who, id)
		if err != nil {
			return err
		}
		if !m.OpenedAt.IsZero() {
			return ErrModuleState
		}
		if err := s.store.DeleteModule(ctx, id); err != nil {
			return err
		}
		return s.outbox.Emit(ctx, replace(Room(m.WorkshopID), kernel.AudienceEveryone, EventModuleRemoved, subject("module", id), ref(id)))
	})
}

// SetModuleState opens or closes a module.
func (s *Service) SetModuleState(ctx context.Context, who identity.Principal, id int64, open bool) (Module, error) {
	var out Module
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, _, err := s.facilitatedModule(ctx, who, id)
		if err != nil {
			return err
		}
		now := s.now().UTC()
		if open {
			err = m.Open(now)
		} else {
			err = m.Close(now)
			m.Board.Voting = false
		}
		if err != nil {
			return err
		}
		if err := s.store.SaveModule(ctx, m); err != nil {
			return err
		}
		out = m
		return s.emitModule(ctx, m)
	})
	if err == nil {
		s.counts.Touch(id) // a closed poll's results become everyone's
	}
	return out, err
}

func checkModule(w *Workshop, m *Module) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.AgendaItemID != 0 && !slices.ContainsFunc(w.Agenda, func(a AgendaItem) bool { return a.ID == m.AgendaItemID }) {
		return invalid("agenda_item_id: not an item of the workshop's agenda")
	}
	return nil
}

// facilitatedModule loads a module of a workshop the person facilitates.
func (s *Service) facilitatedModule(ctx context.Context, who identity.Principal, id int64) (Module, Workshop, error) {
	m, err := s.store.Module(ctx, id)
	if err != nil {
		return m, Workshop{}, err
	}
	w, err := s.facilitated(ctx, who, m.WorkshopID)
	if err != nil {
		return Module{}, w, within(err, ErrModuleNotFound)
	}
	return m, w, nil
}

// openModule loads an open module of the kind for a contribution, with the workshop and the
// caller's participant row.
func (s *Service) openModule(ctx context.Context, c Caller, id int64, kind ModuleKind) (Module, Workshop, Participant, error) {
	m, err := s.store.Module(ctx, id)
	if err != nil {
		return m, Workshop{}, Participant{}, err
	}
	w, p, err := s.taking(ctx, c, m.WorkshopID)
	if err != nil {
		return m, w, p, err
	}
	if m.Kind != kind {
		return m, w, p, ErrModuleNotFound
	}
	if m.State != ModuleOpen {
		return m, w, p, ErrModuleClosed
	}
	return m, w, p, nil
}

// publishCounts sends a module's current counts: up-votes of a questions module, dots of a
// board, a poll's results (to everyone when they are live or the poll is closed, else to the
// facilitators and the projector). It reads them from the database, so the last frame of a
// storm is the stored truth. It writes only its event, in one statement, so it needs no
// transaction: at read committed one would not make the reads agree any better, and it would
// add two round trips to how far the tally is behind.
func (s *Service) publishCounts(ctx context.Context, moduleID int64) error {
	m, err := s.store.Module(ctx, moduleID)
	if err != nil {
		if kernel.KindOf(err) == kernel.KindNotFound {
			return nil // removed meanwhile
		}
		return err
	}
	room, subj := Room(m.WorkshopID), subject("counts", m.ID)
	switch m.Kind {
	case KindQuestions, KindBoard:
		var counts map[int64]int
		if m.Kind == KindQuestions {
			counts, err = s.store.VoteCounts(ctx, m.ID)
		} else {
			counts, err = s.store.DotCounts(ctx, m.ID)
		}
		if err != nil {
			return err
		}
		return s.outbox.Emit(ctx, replace(room, kernel.AudienceEveryone, EventCountsChanged, subj, CountsOut(m.ID, counts)))
	case KindPoll:
		r, err := s.tally(ctx, m)
		if err != nil {
			return err
		}
		data := ResultsOut(r)
		if m.ResultsPublic() {
			return s.outbox.Emit(ctx, replace(room, kernel.AudienceEveryone, EventResultsChanged, subj, data))
		}
		return s.outbox.Emit(ctx,
			replace(room, kernel.AudienceFacilitators, EventResultsChanged, subj, data),
			replace(room, kernel.AudienceProjector, EventResultsChanged, subj, data))
	}
	return nil
}

// ResultsPublic reports whether every participant sees the poll's results: live ones, or once
// the poll is closed.
func (m *Module) ResultsPublic() bool {
	return m.Kind == KindPoll && (m.Poll.ResultsLive || m.State == ModuleClosed)
}
