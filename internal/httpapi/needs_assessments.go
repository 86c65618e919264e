package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/needs"
)

// CreateAssessment implements api.StrictServerInterface.
func (h *handlers) CreateAssessment(ctx context.Context, req api.CreateAssessmentRequestObject) (api.CreateAssessmentResponseObject, error) {
	v, err := h.needs.Draft(ctx, principalFrom(ctx), req.CallId, req.Body.Org, contentIn(req.Body.Content))
	if err != nil {
		return nil, err
	}
	return api.CreateAssessment201JSONResponse(viewOut(v)), nil
}

// GetAssessment implements api.StrictServerInterface.
func (h *handlers) GetAssessment(ctx context.Context, req api.GetAssessmentRequestObject) (api.GetAssessmentResponseObject, error) {
	v, err := h.needs.Assessment(ctx, principalFrom(ctx), req.AssessmentId)
	if err != nil {
		return nil, err
	}
	return api.GetAssessment200JSONResponse(viewOut(v)), nil
}

// SaveAssessment implements api.StrictServerInterface.
func (h *handlers) SaveAssessment(ctx context.Context, req api.SaveAssessmentRequestObject) (api.SaveAssessmentResponseObject, error) {
	v, err := h.needs.Save(ctx, principalFrom(ctx), req.AssessmentId, contentIn(req.Body.Content), req.Body.BaseVersion)
	if err != nil {
		return nil, err
	}
	return api.SaveAssessment200JSONResponse(viewOut(v)), nil
}

// ListAssessmentVersions implements api.StrictServerInterface.
func (h *handlers) ListAssessmentVersions(ctx context.Context, req api.ListAssessmentVersionsRequestObject) (api.ListAssessmentVersionsResponseObject, error) {
	cursor, limit := "", 50
	set(&cursor, req.Params.Cursor)
	set(&limit, req.Params.Limit)
	vs, next, err := h.needs.Versions(ctx, principalFrom(ctx), req.AssessmentId, cursor, limit)
	if err != nil {
		return nil, err
	}
	out := api.ListAssessmentVersions200JSONResponse{Items: make([]api.AssessmentVersion, len(vs)), NextCursor: opt(next)}
	for i, v := range vs {
		out.Items[i] = api.AssessmentVersion{Version: v.Version, Status: string(v.Status), At: v.At, Content: contentOut(v.Content)}
	}
	return out, nil
}

// TransitionAssessment implements api.StrictServerInterface.
func (h *handlers) TransitionAssessment(ctx context.Context, req api.TransitionAssessmentRequestObject) (api.TransitionAssessmentResponseObject, error) {
	who, id := principalFrom(ctx), req.AssessmentId
	var v needs.View
	var err error
	switch req.Body.Action {
	case api.AssessmentTransitionActionRequestRelease:
		v, err = h.needs.RequestRelease(ctx, who, id)
	case api.AssessmentTransitionActionRelease:
		v, err = h.needs.Release(ctx, who, id)
	case api.AssessmentTransitionActionSendBack:
		reason := ""
		set(&reason, req.Body.Reason)
		v, err = h.needs.SendBack(ctx, who, id, reason)
	case api.AssessmentTransitionActionSubmit:
		v, err = h.needs.Submit(ctx, who, id)
	case api.AssessmentTransitionActionWithdraw:
		v, err = h.needs.Withdraw(ctx, who, id)
	default:
		return nil, needs.ErrInvalid // the contract's enum refuses it first
	}
	if err != nil {
		return nil, err
	}
	return api.TransitionAssessment200JSONResponse(viewOut(v)), nil
}

// InviteCoSigner implements api.StrictServerInterface.
func (h *handlers) InviteCoSigner(ctx context.Context, req api.InviteCoSignerRequestObject) (api.InviteCoSignerResponseObject, error) {
	v, err := h.needs.InviteCoSigner(ctx, principalFrom(ctx), req.AssessmentId, req.Body.Org)
	if err != nil {
		return nil, err
	}
	return api.InviteCoSigner200JSONResponse(viewOut(v)), nil
}

// AnswerCoSignature implements api.StrictServerInterface.
func (h *handlers) AnswerCoSignature(ctx context.Context, req api.AnswerCoSignatureRequestObject) (api.AnswerCoSignatureResponseObject, error) {
	who, id := principalFrom(ctx), req.AssessmentId
	var v needs.View
	var err error
	switch req.Body.Action {
	case api.CoSignAnswerActionPrepare:
		v, err = h.needs.PrepareCoSign(ctx, who, id)
	case api.CoSignAnswerActionSign:
		v, err = h.needs.CoSign(ctx, who, id)
	case api.CoSignAnswerActionDecline:
		reason := ""
		set(&reason, req.Body.Reason)
		v, err = h.needs.DeclineCoSign(ctx, who, id, reason)
	default:
		return nil, needs.ErrInvalid
	}
	if err != nil {
		return nil, err
	}
	return api.AnswerCoSignature200JSONResponse(viewOut(v)), nil
}

// ListOrganisationAssessments implements api.StrictServerInterface.
func (h *handlers) ListOrganisationAssessments(ctx context.Context, req api.ListOrganisationAssessmentsRequestObject) (api.ListOrganisationAssessmentsResponseObject, error) {
	cosign, cursor, limit := false, "", 50
	set(&cosign, req.Params.Cosign)
	set(&cursor, req.Params.Cursor)
	set(&limit, req.Params.Limit)
	list, next, err := h.needs.OrgAssessments(ctx, principalFrom(ctx), req.Slug, cosign, cursor, limit)
	if err != nil {
		return nil, err
	}
	out := api.ListOrganisationAssessments200JSONResponse{Items: make([]api.Assessment, len(list)), NextCursor: opt(next)}
	for i, a := range list {
		out.Items[i] = assessmentOut(a)
	}
	return out, nil
}
