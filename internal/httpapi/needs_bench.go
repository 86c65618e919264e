package httpapi

import (
	"context"
	"slices"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/needs"
)

// ListSubmissions implements api.StrictServerInterface.
func (h *handlers) ListSubmissions(ctx context.Context, req api.ListSubmissionsRequestObject) (api.ListSubmissionsResponseObject, error) {
	p := req.Params
	q := needs.AssessmentQuery{Limit: 50}
	set(&q.AreaID, p.Area)
	set(&q.Field, p.Field)
	set(&q.Org, p.Org)
	set(&q.Cursor, p.Cursor)
	set(&q.Limit, p.Limit)
	if p.Group != nil {
		q.Group = needs.TargetGroup(*p.Group)
	}
	if p.Status != nil {
		q.Statuses = []needs.Status{needs.Status(*p.Status)}
	}
	rows, next, err := h.needs.Submissions(ctx, principalFrom(ctx), req.CallId, q)
	if err != nil {
		return nil, err
	}
	out := api.ListSubmissions200JSONResponse{Items: make([]api.Assessment, len(rows)), NextCursor: opt(next)}
	for i, r := range rows {
		out.Items[i] = benchOut(r)
	}
	return out, nil
}

// GetNeedsMap implements api.StrictServerInterface.
func (h *handlers) GetNeedsMap(ctx context.Context, req api.GetNeedsMapRequestObject) (api.GetNeedsMapResponseObject, error) {
	counts, err := h.needs.NeedsMap(ctx, principalFrom(ctx), req.CallId)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := api.GetNeedsMap200JSONResponse{}
	out.Areas = make([]struct {
		AreaId int64 `json:"area_id"`
		Count  int   `json:"count"`
	}, len(ids))
	for i, id := range ids {
		out.Areas[i].AreaId, out.Areas[i].Count = id, counts[id]
	}
	return out, nil
}

// AssignReviewer implements api.StrictServerInterface.
func (h *handlers) AssignReviewer(ctx context.Context, req api.AssignReviewerRequestObject) (api.AssignReviewerResponseObject, error) {
	v, err := h.needs.Assign(ctx, principalFrom(ctx), req.AssessmentId, req.Body.UserId)
	if err != nil {
		return nil, err
	}
	return api.AssignReviewer200JSONResponse(viewOut(v)), nil
}

// UnassignReviewer implements api.StrictServerInterface.
func (h *handlers) UnassignReviewer(ctx context.Context, req api.UnassignReviewerRequestObject) (api.UnassignReviewerResponseObject, error) {
	v, err := h.needs.Unassign(ctx, principalFrom(ctx), req.AssessmentId, req.UserId)
	if err != nil {
		return nil, err
	}
	return api.UnassignReviewer200JSONResponse(viewOut(v)), nil
}

// SaveReview implements api.StrictServerInterface.
func (h *handlers) SaveReview(ctx context.Context, req api.SaveReviewRequestObject) (api.SaveReviewResponseObject, error) {
	var rec needs.Weighing
	if req.Body.Recommendation != nil {
		rec = needs.Weighing(*req.Body.Recommendation)
	}
	comment, note := "", ""
	set(&comment, req.Body.Comment)
	set(&note, req.Body.Note)
	v, err := h.needs.Review(ctx, principalFrom(ctx), req.AssessmentId, rec, comment, note)
	if err != nil {
		return nil, err
	}
	return api.SaveReview200JSONResponse(viewOut(v)), nil
}

// AskQuery implements api.StrictServerInterface.
func (h *handlers) AskQuery(ctx context.Context, req api.AskQueryRequestObject) (api.AskQueryResponseObject, error) {
	v, err := h.needs.Ask(ctx, principalFrom(ctx), req.AssessmentId, req.Body.Question)
	if err != nil {
		return nil, err
	}
	return api.AskQuery201JSONResponse(viewOut(v)), nil
}

// AnswerQuery implements api.StrictServerInterface.
func (h *handlers) AnswerQuery(ctx context.Context, req api.AnswerQueryRequestObject) (api.AnswerQueryResponseObject, error) {
	v, err := h.needs.Answer(ctx, principalFrom(ctx), req.QueryId, req.Body.Answer)
	if err != nil {
		return nil, err
	}
	return api.AnswerQuery200JSONResponse(viewOut(v)), nil
}
