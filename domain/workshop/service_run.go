package workshop

import (
	"context"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

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
