package httpapi

import (
	"context"
	"time"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

func cardOut(c workshop.Card) api.BoardCard { return reshape[api.BoardCard](workshop.CardOut(c)) }

func themeOut(t workshop.Theme) api.BoardTheme { return reshape[api.BoardTheme](workshop.ThemeOut(t)) }

// AddCard implements api.StrictServerInterface.
func (h *handlers) AddCard(ctx context.Context, req api.AddCardRequestObject) (api.AddCardResponseObject, error) {
	column := 0
	set(&column, req.Body.Column)
	c, err := h.workshops.AddCard(ctx, callerFrom(ctx), req.WorkshopModuleId, req.Body.Text, column)
	if err != nil {
		return nil, err
	}
	out := cardOut(c)
	mine := true
	out.Mine = &mine
	return api.AddCard201JSONResponse(out), nil
}

// ModerateCard implements api.StrictServerInterface.
func (h *handlers) ModerateCard(ctx context.Context, req api.ModerateCardRequestObject) (api.ModerateCardResponseObject, error) {
	b := req.Body
	d := workshop.CardModeration{Action: string(b.Action), Column: b.Column, ThemeID: b.ThemeId}
	set(&d.Into, b.Into)
	set(&d.Reason, b.Reason)
	c, err := h.workshops.ModerateCard(ctx, principalFrom(ctx), req.CardId, d)
	if err != nil {
		return nil, err
	}
	return api.ModerateCard200JSONResponse(cardOut(c)), nil
}

// AddTheme implements api.StrictServerInterface.
func (h *handlers) AddTheme(ctx context.Context, req api.AddThemeRequestObject) (api.AddThemeResponseObject, error) {
	t, err := h.workshops.AddTheme(ctx, principalFrom(ctx), req.WorkshopModuleId, req.Body.Text)
	if err != nil {
		return nil, err
	}
	return api.AddTheme201JSONResponse(themeOut(t)), nil
}

// RenameTheme implements api.StrictServerInterface.
func (h *handlers) RenameTheme(ctx context.Context, req api.RenameThemeRequestObject) (api.RenameThemeResponseObject, error) {
	t, err := h.workshops.RenameTheme(ctx, principalFrom(ctx), req.ThemeId, req.Body.Text)
	if err != nil {
		return nil, err
	}
	return api.RenameTheme200JSONResponse(themeOut(t)), nil
}

// DeleteTheme implements api.StrictServerInterface.
func (h *handlers) DeleteTheme(ctx context.Context, req api.DeleteThemeRequestObject) (api.DeleteThemeResponseObject, error) {
	if err := h.workshops.DeleteTheme(ctx, principalFrom(ctx), req.ThemeId); err != nil {
		return nil, err
	}
	return api.DeleteTheme204Response{}, nil
}

// PlaceDots implements api.StrictServerInterface.
func (h *handlers) PlaceDots(ctx context.Context, req api.PlaceDotsRequestObject) (api.PlaceDotsResponseObject, error) {
	in := make(map[int64]int, len(req.Body.Dots))
	for _, d := range req.Body.Dots {
		if _, dup := in[d.CardId]; dup {
			return nil, workshop.ErrInvalid
		}
		in[d.CardId] = d.Dots
	}
	dots, err := h.workshops.PlaceDots(ctx, callerFrom(ctx), req.WorkshopModuleId, in)
	if err != nil {
		return nil, err
	}
	return api.PlaceDots200JSONResponse{Dots: dotsOut(dots)}, nil
}

// SetDotVoting implements api.StrictServerInterface.
func (h *handlers) SetDotVoting(ctx context.Context, req api.SetDotVotingRequestObject) (api.SetDotVotingResponseObject, error) {
	seconds := 0
	set(&seconds, req.Body.Seconds)
	m, err := h.workshops.SetVoting(ctx, principalFrom(ctx), req.WorkshopModuleId, req.Body.Open, seconds)
	if err != nil {
		return nil, err
	}
	return api.SetDotVoting200JSONResponse(moduleOut(m)), nil
}

// SendChatMessage implements api.StrictServerInterface.
func (h *handlers) SendChatMessage(ctx context.Context, req api.SendChatMessageRequestObject) (api.SendChatMessageResponseObject, error) {
	m, err := h.workshops.Chat(ctx, callerFrom(ctx), req.WorkshopId, req.Body.Text)
	if err != nil {
		return nil, err
	}
	out := messageOut(m, nil)
	mine := true
	out.Mine = &mine
	return api.SendChatMessage201JSONResponse(out), nil
}

// HideChatMessage implements api.StrictServerInterface.
func (h *handlers) HideChatMessage(ctx context.Context, req api.HideChatMessageRequestObject) (api.HideChatMessageResponseObject, error) {
	m, err := h.workshops.HideMessage(ctx, principalFrom(ctx), req.MessageId, req.Body.Reason)
	if err != nil {
		return nil, err
	}
	return api.HideChatMessage200JSONResponse(messageOut(m, nil)), nil
}

// GetWorkshopModerationLog implements api.StrictServerInterface.
func (h *handlers) GetWorkshopModerationLog(ctx context.Context, req api.GetWorkshopModerationLogRequestObject) (api.GetWorkshopModerationLogResponseObject, error) {
	es, err := h.workshops.ModerationLog(ctx, callerFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	out := api.GetWorkshopModerationLog200JSONResponse{}
	out.Items = make([]struct {
		Action  string    `json:"action"`
		At      time.Time `json:"at"`
		Reason  string    `json:"reason"`
		Subject string    `json:"subject"`
	}, len(es))
	for i, e := range es {
		out.Items[i].Action, out.Items[i].At, out.Items[i].Reason, out.Items[i].Subject = e.Action, e.At, e.Reason, e.Subject
	}
	return out, nil
}

func workshopDecisionOut(d workshop.Decision) api.WorkshopDecision {
	out := api.WorkshopDecision{Id: d.ID, Text: d.Text, CreatedAt: d.CreatedAt}
	if d.AgendaItemID != 0 {
		out.AgendaItemId = &d.AgendaItemID
	}
	return out
}

// ListDecisions implements api.StrictServerInterface.
func (h *handlers) ListDecisions(ctx context.Context, req api.ListDecisionsRequestObject) (api.ListDecisionsResponseObject, error) {
	ds, err := h.workshops.Decisions(ctx, principalFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	out := api.ListDecisions200JSONResponse{Items: make([]api.WorkshopDecision, len(ds))}
	for i, d := range ds {
		out.Items[i] = workshopDecisionOut(d)
	}
	return out, nil
}

// NoteDecision implements api.StrictServerInterface.
func (h *handlers) NoteDecision(ctx context.Context, req api.NoteDecisionRequestObject) (api.NoteDecisionResponseObject, error) {
	var item int64
	set(&item, req.Body.AgendaItemId)
	d, err := h.workshops.NoteDecision(ctx, principalFrom(ctx), req.WorkshopId, req.Body.Text, item)
	if err != nil {
		return nil, err
	}
	return api.NoteDecision201JSONResponse(workshopDecisionOut(d)), nil
}

// DeleteDecision implements api.StrictServerInterface.
func (h *handlers) DeleteDecision(ctx context.Context, req api.DeleteDecisionRequestObject) (api.DeleteDecisionResponseObject, error) {
	if err := h.workshops.DeleteDecision(ctx, principalFrom(ctx), req.DecisionId); err != nil {
		return nil, err
	}
	return api.DeleteDecision204Response{}, nil
}
