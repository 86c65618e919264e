package httpapi

// Workshop operations not built yet (issue #12 in progress): each answers 501 until its handler lands.
// This file must be empty of methods before the issue is resolved.

import (
	"context"
	"errors"

	"github.com/teilhabe/teilhabe/api"
)

var errNotBuilt = errors.New("not built yet")

func (h *handlers) ListWorkshopOffers(context.Context, api.ListWorkshopOffersRequestObject) (api.ListWorkshopOffersResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ListWorkshops(context.Context, api.ListWorkshopsRequestObject) (api.ListWorkshopsResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) CreateWorkshop(context.Context, api.CreateWorkshopRequestObject) (api.CreateWorkshopResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ModerateCard(context.Context, api.ModerateCardRequestObject) (api.ModerateCardResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) FindWorkshopByCode(context.Context, api.FindWorkshopByCodeRequestObject) (api.FindWorkshopByCodeResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) DeleteDecision(context.Context, api.DeleteDecisionRequestObject) (api.DeleteDecisionResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) JoinAsGuest(context.Context, api.JoinAsGuestRequestObject) (api.JoinAsGuestResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) AnswerHandoff(context.Context, api.AnswerHandoffRequestObject) (api.AnswerHandoffResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) HideChatMessage(context.Context, api.HideChatMessageRequestObject) (api.HideChatMessageResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) DeleteWorkshopModule(context.Context, api.DeleteWorkshopModuleRequestObject) (api.DeleteWorkshopModuleResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) UpdateWorkshopModule(context.Context, api.UpdateWorkshopModuleRequestObject) (api.UpdateWorkshopModuleResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) AnswerPoll(context.Context, api.AnswerPollRequestObject) (api.AnswerPollResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) AddCard(context.Context, api.AddCardRequestObject) (api.AddCardResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) PlaceDots(context.Context, api.PlaceDotsRequestObject) (api.PlaceDotsResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) AskQuestion(context.Context, api.AskQuestionRequestObject) (api.AskQuestionResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) GetPollResults(context.Context, api.GetPollResultsRequestObject) (api.GetPollResultsResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) SetModuleState(context.Context, api.SetModuleStateRequestObject) (api.SetModuleStateResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) AddTheme(context.Context, api.AddThemeRequestObject) (api.AddThemeResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) SetDotVoting(context.Context, api.SetDotVotingRequestObject) (api.SetDotVotingResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ModerateQuestion(context.Context, api.ModerateQuestionRequestObject) (api.ModerateQuestionResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) UnvoteQuestion(context.Context, api.UnvoteQuestionRequestObject) (api.UnvoteQuestionResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) VoteQuestion(context.Context, api.VoteQuestionRequestObject) (api.VoteQuestionResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) DeleteTheme(context.Context, api.DeleteThemeRequestObject) (api.DeleteThemeResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) RenameTheme(context.Context, api.RenameThemeRequestObject) (api.RenameThemeResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) GetWorkshop(context.Context, api.GetWorkshopRequestObject) (api.GetWorkshopResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) UpdateWorkshop(context.Context, api.UpdateWorkshopRequestObject) (api.UpdateWorkshopResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) SendChatMessage(context.Context, api.SendChatMessageRequestObject) (api.SendChatMessageResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) SetCurrentItem(context.Context, api.SetCurrentItemRequestObject) (api.SetCurrentItemResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ExportWorkshopData(context.Context, api.ExportWorkshopDataRequestObject) (api.ExportWorkshopDataResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ListDecisions(context.Context, api.ListDecisionsRequestObject) (api.ListDecisionsResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) NoteDecision(context.Context, api.NoteDecisionRequestObject) (api.NoteDecisionResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ListHandoffs(context.Context, api.ListHandoffsRequestObject) (api.ListHandoffsResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) HandOff(context.Context, api.HandOffRequestObject) (api.HandOffResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) JoinWorkshop(context.Context, api.JoinWorkshopRequestObject) (api.JoinWorkshopResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) GetMinutes(context.Context, api.GetMinutesRequestObject) (api.GetMinutesResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) SaveMinutes(context.Context, api.SaveMinutesRequestObject) (api.SaveMinutesResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) DraftMinutes(context.Context, api.DraftMinutesRequestObject) (api.DraftMinutesResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ExportMinutes(context.Context, api.ExportMinutesRequestObject) (api.ExportMinutesResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) PublishMinutes(context.Context, api.PublishMinutesRequestObject) (api.PublishMinutesResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) GetWorkshopModerationLog(context.Context, api.GetWorkshopModerationLogRequestObject) (api.GetWorkshopModerationLogResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) CreateWorkshopModule(context.Context, api.CreateWorkshopModuleRequestObject) (api.CreateWorkshopModuleResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) GetWorkshopPresence(context.Context, api.GetWorkshopPresenceRequestObject) (api.GetWorkshopPresenceResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ShowOnProjector(context.Context, api.ShowOnProjectorRequestObject) (api.ShowOnProjectorResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) RenewProjectorKey(context.Context, api.RenewProjectorKeyRequestObject) (api.RenewProjectorKeyResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) OpenProjector(context.Context, api.OpenProjectorRequestObject) (api.OpenProjectorResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) GetWorkshopSession(context.Context, api.GetWorkshopSessionRequestObject) (api.GetWorkshopSessionResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) TransitionWorkshop(context.Context, api.TransitionWorkshopRequestObject) (api.TransitionWorkshopResponseObject, error) {
	return nil, errNotBuilt
}
