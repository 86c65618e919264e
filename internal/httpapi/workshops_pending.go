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

func (h *handlers) AnswerHandoff(context.Context, api.AnswerHandoffRequestObject) (api.AnswerHandoffResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ExportWorkshopData(context.Context, api.ExportWorkshopDataRequestObject) (api.ExportWorkshopDataResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) ListHandoffs(context.Context, api.ListHandoffsRequestObject) (api.ListHandoffsResponseObject, error) {
	return nil, errNotBuilt
}

func (h *handlers) HandOff(context.Context, api.HandOffRequestObject) (api.HandOffResponseObject, error) {
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
