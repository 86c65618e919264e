package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

// GetWorkshopSession implements api.StrictServerInterface. live_seq is read before the state, so
// every change after the state was read is at a later seq and reaches the page live (a change
// in between arrives both ways; each event carries its subject's whole state, so twice is once).
func (h *handlers) GetWorkshopSession(ctx context.Context, req api.GetWorkshopSessionRequestObject) (api.GetWorkshopSessionResponseObject, error) {
	var seq int64
	if h.live != nil {
		var err error
		if seq, err = h.live.LastSeq(ctx, workshop.Room(req.WorkshopId)); err != nil {
			return nil, err
		}
	}
	c := callerFrom(ctx)
	s, err := h.workshops.Session(ctx, c, req.WorkshopId)
	if err != nil {
		return nil, err
	}
	out := api.GetWorkshopSession200JSONResponse{Workshop: workshopOut(s.View), LiveSeq: seq, Modules: make([]api.ModuleView, 0, len(s.Modules)),
		Chat: make([]api.ChatMessage, 0, len(s.Chat))}
	if s.Me != nil {
		me := participantOut(*s.Me)
		out.Me = &me
	}
	for _, m := range s.Modules {
		out.Modules = append(out.Modules, moduleViewOut(m, s.Me))
	}
	for _, m := range s.Chat {
		out.Chat = append(out.Chat, messageOut(m, s.Me))
	}
	return out, nil
}

func moduleViewOut(m workshop.ModuleView, me *workshop.Participant) api.ModuleView {
	out := api.ModuleView{Module: moduleOut(m.Module)}
	mine := func(pid int64) *bool {
		b := me != nil && pid == me.ID
		return &b
	}
	switch m.Module.Kind {
	case workshop.KindQuestions:
		qs := make([]api.WorkshopQuestion, len(m.Questions))
		for i, q := range m.Questions {
			qs[i] = questionOut(q)
			qs[i].Mine = mine(q.ParticipantID)
		}
		out.Questions = &qs
		votes := m.MyVotes
		if votes == nil {
			votes = []int64{}
		}
		out.MyVotes = &votes
	case workshop.KindPoll:
		if m.Results != nil {
			r := reshape[api.PollResults](workshop.ResultsOut(*m.Results))
			out.Results = &r
		}
		if m.MyAnswer != nil {
			a := answerOut(*m.MyAnswer)
			out.MyAnswer = &a
		}
	case workshop.KindBoard:
		cs := make([]api.BoardCard, len(m.Cards))
		for i, c := range m.Cards {
			cs[i] = reshape[api.BoardCard](workshop.CardOut(c))
			cs[i].Mine = mine(c.ParticipantID)
		}
		out.Cards = &cs
		ts := reshape[[]api.BoardTheme](themesOut(m.Themes))
		out.Themes = &ts
		ds := dotsOut(m.MyDots)
		out.MyDots = &ds
	}
	return out
}

func moduleOut(m workshop.Module) api.ModuleHead {
	return reshape[api.ModuleHead](workshop.ModuleOut(m))
}

func questionOut(q workshop.Question) api.WorkshopQuestion {
	return reshape[api.WorkshopQuestion](workshop.QuestionOut(q, q.State != workshop.QuestionHidden && q.State != workshop.QuestionMerged))
}

func messageOut(m workshop.Message, me *workshop.Participant) api.ChatMessage {
	out := reshape[api.ChatMessage](workshop.MessageOut(m))
	mine := me != nil && m.ParticipantID == me.ID
	out.Mine = &mine
	return out
}

func themesOut(ts []workshop.Theme) []any {
	out := make([]any, len(ts))
	for i, t := range ts {
		out[i] = workshop.ThemeOut(t)
	}
	return out
}

func dotsOut(d map[int64]int) []api.DotPlacement {
	out := make([]api.DotPlacement, 0, len(d))
	for id, n := range d {
		out = append(out, api.DotPlacement{CardId: id, Dots: n})
	}
	sortDots(out)
	return out
}

func answerOut(a workshop.Answer) api.PollAnswer {
	out := api.PollAnswer{}
	if a.Values != nil {
		out.Values = &a.Values
	}
	if a.Words != nil {
		out.Words = &a.Words
	}
	if a.Text != "" {
		out.Text = &a.Text
	}
	return out
}

// GetWorkshopPresence implements api.StrictServerInterface.
func (h *handlers) GetWorkshopPresence(ctx context.Context, req api.GetWorkshopPresenceRequestObject) (api.GetWorkshopPresenceResponseObject, error) {
	a, err := h.workshops.Attendance(ctx, principalFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	out := api.GetWorkshopPresence200JSONResponse{Joined: a.Total, Guests: a.Guests, LoggedIn: a.LoggedIn}
	if r, ok := h.live.(interface{ RoomConnections(room string) int }); ok {
		out.Connected = r.RoomConnections(workshop.Room(req.WorkshopId))
	}
	for org, n := range a.ByOrg {
		out.ByOrg = append(out.ByOrg, struct {
			Count int    `json:"count"`
			Org   string `json:"org"`
		}{Count: n, Org: org})
	}
	if out.ByOrg == nil {
		out.ByOrg = []struct {
			Count int    `json:"count"`
			Org   string `json:"org"`
		}{}
	}
	return out, nil
}
