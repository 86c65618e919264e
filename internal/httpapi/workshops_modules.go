package httpapi

import (
	"context"
	"slices"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

func moduleIn(b api.ModuleInput) workshop.ModuleInput {
	in := workshop.ModuleInput{Kind: workshop.ModuleKind(b.Kind)}
	set(&in.Title, b.Title)
	set(&in.AgendaItemID, b.AgendaItemId)
	if p := b.Poll; p != nil {
		in.Poll.Kind = workshop.PollKind(p.Kind)
		set(&in.Poll.Options, p.Options)
		set(&in.Poll.MaxChoices, p.MaxChoices)
		set(&in.Poll.ScaleMin, p.ScaleMin)
		set(&in.Poll.ScaleMax, p.ScaleMax)
		set(&in.Poll.Budget, p.Budget)
		set(&in.Poll.Anonymous, p.Anonymous)
		set(&in.Poll.ResultsLive, p.ResultsLive)
	}
	if bc := b.Board; bc != nil {
		set(&in.Board.Columns, bc.Columns)
		set(&in.Board.Dots, bc.Dots)
	}
	return in
}

// CreateWorkshopModule implements api.StrictServerInterface.
func (h *handlers) CreateWorkshopModule(ctx context.Context, req api.CreateWorkshopModuleRequestObject) (api.CreateWorkshopModuleResponseObject, error) {
	m, err := h.workshops.CreateModule(ctx, principalFrom(ctx), req.WorkshopId, moduleIn(*req.Body))
	if err != nil {
		return nil, err
	}
	return api.CreateWorkshopModule201JSONResponse(moduleOut(m)), nil
}

// UpdateWorkshopModule implements api.StrictServerInterface.
func (h *handlers) UpdateWorkshopModule(ctx context.Context, req api.UpdateWorkshopModuleRequestObject) (api.UpdateWorkshopModuleResponseObject, error) {
	m, err := h.workshops.UpdateModule(ctx, principalFrom(ctx), req.WorkshopModuleId, moduleIn(*req.Body))
	if err != nil {
		return nil, err
	}
	return api.UpdateWorkshopModule200JSONResponse(moduleOut(m)), nil
}

// DeleteWorkshopModule implements api.StrictServerInterface.
func (h *handlers) DeleteWorkshopModule(ctx context.Context, req api.DeleteWorkshopModuleRequestObject) (api.DeleteWorkshopModuleResponseObject, error) {
	if err := h.workshops.DeleteModule(ctx, principalFrom(ctx), req.WorkshopModuleId); err != nil {
		return nil, err
	}
	return api.DeleteWorkshopModule204Response{}, nil
}

// SetModuleState implements api.StrictServerInterface.
func (h *handlers) SetModuleState(ctx context.Context, req api.SetModuleStateRequestObject) (api.SetModuleStateResponseObject, error) {
	m, err := h.workshops.SetModuleState(ctx, principalFrom(ctx), req.WorkshopModuleId, req.Body.Action == api.OpenModule)
	if err != nil {
		return nil, err
	}
	return api.SetModuleState200JSONResponse(moduleOut(m)), nil
}

// AskQuestion implements api.StrictServerInterface.
func (h *handlers) AskQuestion(ctx context.Context, req api.AskQuestionRequestObject) (api.AskQuestionResponseObject, error) {
	q, err := h.workshops.Ask(ctx, callerFrom(ctx), req.WorkshopModuleId, req.Body.Text)
	if err != nil {
		return nil, err
	}
	out := questionOut(q)
	mine := true
	out.Mine = &mine
	return api.AskQuestion201JSONResponse(out), nil
}

// VoteQuestion implements api.StrictServerInterface.
func (h *handlers) VoteQuestion(ctx context.Context, req api.VoteQuestionRequestObject) (api.VoteQuestionResponseObject, error) {
	n, on, err := h.workshops.Vote(ctx, callerFrom(ctx), req.QuestionId, true)
	if err != nil {
		return nil, err
	}
	return api.VoteQuestion200JSONResponse{QuestionId: req.QuestionId, Votes: n, Voted: on}, nil
}

// UnvoteQuestion implements api.StrictServerInterface.
func (h *handlers) UnvoteQuestion(ctx context.Context, req api.UnvoteQuestionRequestObject) (api.UnvoteQuestionResponseObject, error) {
	n, on, err := h.workshops.Vote(ctx, callerFrom(ctx), req.QuestionId, false)
	if err != nil {
		return nil, err
	}
	return api.UnvoteQuestion200JSONResponse{QuestionId: req.QuestionId, Votes: n, Voted: on}, nil
}

// ModerateQuestion implements api.StrictServerInterface.
func (h *handlers) ModerateQuestion(ctx context.Context, req api.ModerateQuestionRequestObject) (api.ModerateQuestionResponseObject, error) {
	b := req.Body
	d := workshop.Moderation{Action: string(b.Action)}
	set(&d.Answer, b.Answer)
	set(&d.Reason, b.Reason)
	set(&d.Into, b.Into)
	q, err := h.workshops.ModerateQuestion(ctx, principalFrom(ctx), req.QuestionId, d)
	if err != nil {
		return nil, err
	}
	return api.ModerateQuestion200JSONResponse(questionOut(q)), nil
}

// AnswerPoll implements api.StrictServerInterface.
func (h *handlers) AnswerPoll(ctx context.Context, req api.AnswerPollRequestObject) (api.AnswerPollResponseObject, error) {
	var a workshop.Answer
	set(&a.Values, req.Body.Values)
	set(&a.Words, req.Body.Words)
	set(&a.Text, req.Body.Text)
	a, err := h.workshops.AnswerPoll(ctx, callerFrom(ctx), req.WorkshopModuleId, a)
	if err != nil {
		return nil, err
	}
	return api.AnswerPoll200JSONResponse(answerOut(a)), nil
}

// GetPollResults implements api.StrictServerInterface.
func (h *handlers) GetPollResults(ctx context.Context, req api.GetPollResultsRequestObject) (api.GetPollResultsResponseObject, error) {
	r, err := h.workshops.Results(ctx, callerFrom(ctx), req.WorkshopModuleId)
	if err != nil {
		return nil, err
	}
	return api.GetPollResults200JSONResponse(reshape[api.PollResults](workshop.ResultsOut(r))), nil
}

func sortDots(ds []api.DotPlacement) {
	slices.SortFunc(ds, func(a, b api.DotPlacement) int { return int(a.CardId - b.CardId) })
}
