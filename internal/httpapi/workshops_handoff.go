package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

func handoffOut(h workshop.Handoff) api.Handoff {
	return api.Handoff{Id: h.ID, WorkshopId: h.WorkshopID, Subject: h.Subject, Summary: opt(h.Summary), Target: api.HandoffTarget(h.Target),
		TargetId: opt(h.TargetID), Org: opt(h.Org), CallId: opt(h.CallID), Status: api.HandoffStatus(h.Status), CreatedAt: h.CreatedAt.UTC()}
}

func handoffsOut(hs []workshop.Handoff) api.HandoffList {
	out := api.HandoffList{Items: make([]api.Handoff, len(hs))}
	for i, h := range hs {
		out.Items[i] = handoffOut(h)
	}
	return out
}

// ListHandoffs implements api.StrictServerInterface.
func (h *handlers) ListHandoffs(ctx context.Context, req api.ListHandoffsRequestObject) (api.ListHandoffsResponseObject, error) {
	hs, err := h.workshops.Handoffs(ctx, principalFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.ListHandoffs200JSONResponse(handoffsOut(hs)), nil
}

// HandOff implements api.StrictServerInterface.
func (h *handlers) HandOff(ctx context.Context, req api.HandOffRequestObject) (api.HandOffResponseObject, error) {
	b := req.Body
	in := workshop.HandoffRequest{Subject: b.Subject, Target: workshop.HandoffTarget(b.Target)}
	if b.ConsultationId != nil {
		in.ConsultationID = *b.ConsultationId
	}
	if b.Org != nil {
		in.Org = *b.Org
	}
	if b.CallId != nil {
		in.CallID = *b.CallId
	}
	out, err := h.workshops.HandOff(ctx, principalFrom(ctx), req.WorkshopId, in)
	if err != nil {
		return nil, err
	}
	return api.HandOff201JSONResponse(handoffOut(out)), nil
}

// ListWorkshopOffers implements api.StrictServerInterface.
func (h *handlers) ListWorkshopOffers(ctx context.Context, _ api.ListWorkshopOffersRequestObject) (api.ListWorkshopOffersResponseObject, error) {
	hs, err := h.workshops.Offers(ctx, principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	return api.ListWorkshopOffers200JSONResponse(handoffsOut(hs)), nil
}

// AnswerHandoff implements api.StrictServerInterface.
func (h *handlers) AnswerHandoff(ctx context.Context, req api.AnswerHandoffRequestObject) (api.AnswerHandoffResponseObject, error) {
	out, err := h.workshops.AnswerOffer(ctx, principalFrom(ctx), req.HandoffId, req.Body.Accept)
	if err != nil {
		return nil, err
	}
	return api.AnswerHandoff200JSONResponse(handoffOut(out)), nil
}
