package workshop

import (
	"fmt"
	"slices"
	"time"
)

// Rehearse starts a rehearsal of a planned workshop.
func (w *Workshop) Rehearse() error {
	if w.Status != StatusPlanned {
		return fmt.Errorf("%w: only a planned workshop can be rehearsed", ErrWorkshopState)
	}
	w.Status = StatusRehearsal
	return nil
}

// EndRehearsal returns a rehearsed workshop to planned; the agenda's times and the projection go
// with what was contributed (the service discards that).
func (w *Workshop) EndRehearsal() error {
	if w.Status != StatusRehearsal {
		return fmt.Errorf("%w: the workshop is not in a rehearsal", ErrWorkshopState)
	}
	w.Status = StatusPlanned
	w.resetRun()
	return nil
}

// Start opens the workshop to participants, from planned or straight from a rehearsal (whose
// traces are reset as at its end).
func (w *Workshop) Start() error {
	switch w.Status {
	case StatusPlanned:
	case StatusRehearsal:
		w.resetRun()
	default:
		return fmt.Errorf("%w: only a planned or rehearsed workshop can start", ErrWorkshopState)
	}
	w.Status = StatusLive
	return nil
}

// End ends a live workshop and the agenda item under way.
func (w *Workshop) End(now time.Time) error {
	if w.Status != StatusLive {
		return fmt.Errorf("%w: only a live workshop can end", ErrWorkshopState)
	}
	if it := w.item(w.CurrentItemID); it != nil {
		it.EndedAt = now.UTC()
	}
	w.Status, w.CurrentItemID, w.ItemStartedAt = StatusEnded, 0, time.Time{}
	return nil
}

func (w *Workshop) resetRun() {
	for i := range w.Agenda {
		w.Agenda[i].StartedAt, w.Agenda[i].EndedAt = time.Time{}, time.Time{}
	}
	w.CurrentItemID, w.ItemStartedAt = 0, time.Time{}
	w.Projector = Projection{Kind: ShowJoin}
}

func (w *Workshop) item(id int64) *AgendaItem {
	if id == 0 {
		return nil
	}
	for i := range w.Agenda {
		if w.Agenda[i].ID == id {
			return &w.Agenda[i]
		}
	}
	return nil
}

// StartItem makes an agenda item the one under way in a running workshop: the current one ends,
// the new one keeps the time it first started and is no longer ended (a point can be resumed).
// Starting the current item again changes nothing.
func (w *Workshop) StartItem(id int64, now time.Time) error {
	if !w.Running() {
		return fmt.Errorf("%w: agenda items run only in a rehearsal or live", ErrWorkshopState)
	}
	it := w.item(id)
	if it == nil {
		return invalid("agenda: item %d is not on this workshop's agenda", id)
	}
	if id == w.CurrentItemID {
		return nil
	}
	now = now.UTC()
	if cur := w.item(w.CurrentItemID); cur != nil {
		cur.EndedAt = now
	}
	if it.StartedAt.IsZero() {
		it.StartedAt = now
	}
	it.EndedAt = time.Time{}
	w.CurrentItemID, w.ItemStartedAt = id, now
	return nil
}

// NextItem starts the agenda item after the current one by position (the first when none is
// under way); at the last item there is none (ErrWorkshopState).
func (w *Workshop) NextItem(now time.Time) error {
	order := make([]*AgendaItem, len(w.Agenda))
	for i := range w.Agenda {
		order[i] = &w.Agenda[i]
	}
	slices.SortStableFunc(order, func(a, b *AgendaItem) int { return a.Position - b.Position })
	next := 0
	if w.CurrentItemID != 0 {
		next = slices.IndexFunc(order, func(it *AgendaItem) bool { return it.ID == w.CurrentItemID }) + 1
	}
	if next >= len(order) {
		return fmt.Errorf("%w: there is no further agenda item", ErrWorkshopState)
	}
	return w.StartItem(order[next].ID, now)
}

// Show sets what the projector shows: the join code, the agenda, a question (questionOK: it is
// one of this workshop's public questions) or a module (moduleOK: one of this workshop's).
func (w *Workshop) Show(p Projection, questionOK func(int64) bool, moduleOK func(int64) bool) error {
	switch p.Kind {
	case ShowJoin, ShowAgenda:
		p.ID = 0
	case ShowQuestion:
		if p.ID <= 0 || questionOK == nil || !questionOK(p.ID) {
			return ErrQuestionNotFound
		}
	case ShowModule:
		if p.ID <= 0 || moduleOK == nil || !moduleOK(p.ID) {
			return ErrModuleNotFound
		}
	default:
		return invalid("projection: join, agenda, question or module")
	}
	w.Projector = p
	return nil
}

// The actions of a workshop's status, as POST /workshops/{id}/status names them.
var statusActions = []string{"rehearse", "end_rehearsal", "start", "end"}

// Apply runs a status action on the workshop.
func (w *Workshop) Apply(action string, now time.Time) error {
	switch action {
	case "rehearse":
		return w.Rehearse()
	case "end_rehearsal":
		return w.EndRehearsal()
	case "start":
		return w.Start()
	case "end":
		return w.End(now)
	}
	return invalid("action: unknown %q", action)
}

// Actions lists the status actions the workshop allows now, for the console's buttons: each is
// tried on a copy, so the rules live in one place.
func (w Workshop) Actions() []string {
	out := []string{}
	for _, a := range statusActions {
		c := w
		c.Agenda = append([]AgendaItem(nil), w.Agenda...)
		if c.Apply(a, time.Time{}) == nil {
			out = append(out, a)
		}
	}
	return out
}
