package workshop

import (
	"context"
	"fmt"

	"github.com/teilhabe/teilhabe/api/events"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// The live event types of the room workshop:<id>; their payloads are in api/events.yaml.
const (
	EventWorkshopChanged = "workshop.changed"
	EventModuleChanged   = "module.changed"
	EventModuleRemoved   = "module.removed"
	EventQuestionChanged = "question.changed"
	EventCardChanged     = "card.changed"
	EventThemeChanged    = "theme.changed"
	EventThemeRemoved    = "theme.removed"
	EventChatMessage     = "chat.message"
	EventCountsChanged   = "counts.changed"
	EventResultsChanged  = "results.changed"
	EventReset           = "session.reset"
)

// Audience of a participant's own events: their user, or the guest.
func (p Participant) Audience() string {
	if p.Guest() {
		return kernel.AudienceGuest(p.ID)
	}
	return kernel.AudienceUser(p.UserID)
}

func ref(id int64) events.WorkshopRef { return events.WorkshopRef{Id: id} }

// subject names a thing of the room, the subject of its events.
func subject(kind string, id int64) string { return fmt.Sprintf("%s:%d", kind, id) }

// rewrite is an event carrying its subject's whole current state.
func rewrite(room, audience, typ, subj string, data any) kernel.Event {
	return kernel.Event{Room: room, Audience: audience, Type: typ, Data: data, Subject: subj, Supersede: kernel.Rewrite}
}

// replace is an event after which the subject's earlier events are gone.
func replace(room, audience, typ, subj string, data any) kernel.Event {
	return kernel.Event{Room: room, Audience: audience, Type: typ, Data: data, Subject: subj, Supersede: kernel.Replace}
}

// emitState sends the workshop's state to everyone.
func (s *Service) emitState(ctx context.Context, w Workshop) error {
	return s.outbox.Emit(ctx, rewrite(Room(w.ID), kernel.AudienceEveryone, EventWorkshopChanged, subject("workshop", w.ID), StateOut(w)))
}

// emitModule sends a module's head to everyone.
func (s *Service) emitModule(ctx context.Context, m Module) error {
	return s.outbox.Emit(ctx, rewrite(Room(m.WorkshopID), kernel.AudienceEveryone, EventModuleChanged, subject("module", m.ID), ModuleOut(m)))
}

// emitQuestion sends a question to those who may see it: a public one to everyone; a pending one
// to the facilitators and its author; a hidden or merged one without its text to everyone, and
// to the facilitators and the author too, whose events of it while it was pending hold the text
// (replacing the earlier events of each audience, so no replay shows the text again). author is
// the question's participant row; a zero one (gone) has no events of its own.
func (s *Service) emitQuestion(ctx context.Context, q Question, author Participant) error {
	room, subj := Room(q.WorkshopID), subject("question", q.ID)
	switch q.State {
	case QuestionPending:
		return s.outbox.Emit(ctx,
			rewrite(room, kernel.AudienceFacilitators, EventQuestionChanged, subj, QuestionOut(q, true)),
			rewrite(room, author.Audience(), EventQuestionChanged, subj, QuestionOut(q, true)))
	case QuestionHidden, QuestionMerged:
		data := QuestionOut(q, false)
		evs := []kernel.Event{replace(room, kernel.AudienceEveryone, EventQuestionChanged, subj, data),
			replace(room, kernel.AudienceFacilitators, EventQuestionChanged, subj, data)}
		if author.ID != 0 {
			evs = append(evs, replace(room, author.Audience(), EventQuestionChanged, subj, data))
		}
		return s.outbox.Emit(ctx, evs...)
	default:
		return s.outbox.Emit(ctx, rewrite(room, kernel.AudienceEveryone, EventQuestionChanged, subj, QuestionOut(q, true)))
	}
}

// StateOut is the workshop's live state as events and snapshots carry it.
func StateOut(w Workshop) events.WorkshopState {
	out := events.WorkshopState{Id: w.ID, Status: events.WorkshopStateStatus(w.Status), Agenda: AgendaOut(w.Agenda),
		Projector: ProjectionOut(w.Projector), Chat: w.Chat, SlowSeconds: w.SlowSeconds, Premoderate: w.Premoderate,
		Actions: []events.WorkshopStateActions{}}
	for _, a := range w.Actions() {
		out.Actions = append(out.Actions, events.WorkshopStateActions(a))
	}
	if w.CurrentItemID != 0 {
		out.CurrentItemId = &w.CurrentItemID
		out.ItemStartedAt = timePtr(w.ItemStartedAt)
	}
	return out
}

// AgendaOut is the agenda as events carry it.
func AgendaOut(items []AgendaItem) []events.AgendaItem {
	out := make([]events.AgendaItem, len(items))
	for i, a := range items {
		out[i] = events.AgendaItem{Id: a.ID, Position: a.Position, Title: a.Title, Minutes: a.Minutes,
			StartedAt: timePtr(a.StartedAt), EndedAt: timePtr(a.EndedAt)}
	}
	return out
}

// ProjectionOut is what the projector shows, as events carry it.
func ProjectionOut(p Projection) events.Projection {
	out := events.Projection{Kind: events.ProjectionKind(p.Kind)}
	if p.Kind == "" {
		out.Kind = events.ProjectionKind(ShowJoin)
	}
	if p.ID != 0 {
		out.Id = &p.ID
	}
	return out
}

// ModuleOut is a module's head as events carry it.
func ModuleOut(m Module) events.ModuleHead {
	out := events.ModuleHead{Id: m.ID, Kind: events.ModuleHeadKind(m.Kind), Title: m.Title, State: events.ModuleHeadState(m.State), Position: m.Position}
	if m.AgendaItemID != 0 {
		out.AgendaItemId = &m.AgendaItemID
	}
	switch m.Kind {
	case KindPoll:
		c := m.Poll
		out.Poll = &events.PollConfig{Kind: events.PollConfigKind(c.Kind), Options: &c.Options, MaxChoices: &c.MaxChoices,
			ScaleMin: &c.ScaleMin, ScaleMax: &c.ScaleMax, Budget: &c.Budget, Anonymous: &c.Anonymous, ResultsLive: &c.ResultsLive}
		if c.Options == nil {
			out.Poll.Options = &[]string{}
		}
	case KindBoard:
		b := m.Board
		out.Board = &events.BoardConfig{Columns: &b.Columns, Dots: &b.Dots, Voting: &b.Voting, Until: timePtr(b.Until)}
	}
	return out
}

// QuestionOut is a question as events carry it; withText false leaves its text, answer and
// author out (a hidden or merged question).
func QuestionOut(q Question, withText bool) events.WorkshopQuestion {
	out := events.WorkshopQuestion{Id: q.ID, ModuleId: q.ModuleID, State: events.WorkshopQuestionState(q.State), Votes: q.Votes,
		Highlighted: q.Highlighted, CreatedAt: q.CreatedAt}
	if q.MergedInto != 0 {
		out.MergedInto = &q.MergedInto
	}
	if q.Reason != "" {
		out.Reason = &q.Reason
	}
	if withText {
		out.Text, out.AuthorName = q.Text, &q.AuthorName
		if q.Answer != "" {
			out.Answer = &q.Answer
		}
	}
	return out
}

// CardOut is a card as events carry it; a hidden one without text and author.
func CardOut(c Card) events.BoardCard {
	out := events.BoardCard{Id: c.ID, ModuleId: c.ModuleID, Column: c.Column, State: events.BoardCardState(c.State), Dots: c.Dots, CreatedAt: c.CreatedAt}
	if c.ThemeID != 0 {
		out.ThemeId = &c.ThemeID
	}
	if c.MergedInto != 0 {
		out.MergedInto = &c.MergedInto
	}
	if c.Reason != "" {
		out.Reason = &c.Reason
	}
	if c.State != CardHidden {
		out.Text, out.AuthorName = c.Text, &c.AuthorName
	}
	return out
}

// ThemeOut is a theme as events carry it.
func ThemeOut(t Theme) events.BoardTheme {
	return events.BoardTheme{Id: t.ID, ModuleId: t.ModuleID, Title: t.Title, Position: t.Position}
}

// MessageOut is a chat message as events carry it; a hidden one without text.
func MessageOut(m Message) events.ChatMessage {
	out := events.ChatMessage{Id: m.ID, AuthorName: m.AuthorName, Hidden: m.Hidden, CreatedAt: m.CreatedAt}
	if m.Reason != "" {
		out.Reason = &m.Reason
	}
	if !m.Hidden {
		out.Text = m.Text
	}
	return out
}

// ResultsOut is a poll's tally as events carry it.
func ResultsOut(r Results) events.PollResults {
	out := events.PollResults{ModuleId: r.ModuleID, Answers: r.Answers}
	if r.Options != nil {
		out.Options = &r.Options
	}
	if len(r.Scale) > 0 {
		scale := make([]struct {
			Count int `json:"count"`
			Value int `json:"value"`
		}, 0, len(r.Scale))
		for v, n := range r.Scale {
			scale = append(scale, struct {
				Count int `json:"count"`
				Value int `json:"value"`
			}{Count: n, Value: v})
		}
		sortScale(scale)
		out.Scale = &scale
		mean := r.Mean
		out.Mean = &mean
	}
	if r.Words != nil {
		ws := make([]events.WordCount, len(r.Words))
		for i, w := range r.Words {
			ws[i] = events.WordCount{Word: w.Word, Count: w.Count}
		}
		out.Words = &ws
	}
	if r.Texts != nil {
		out.Texts = &r.Texts
	}
	return out
}
