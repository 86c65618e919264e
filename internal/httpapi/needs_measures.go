package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/needs"
)

// ListMeasures implements api.StrictServerInterface.
func (h *handlers) ListMeasures(ctx context.Context, req api.ListMeasuresRequestObject) (api.ListMeasuresResponseObject, error) {
	who := principalFrom(ctx)
	cursor, limit := "", 50
	set(&cursor, req.Params.Cursor)
	set(&limit, req.Params.Limit)
	ms, next, err := h.needs.Measures(ctx, who, req.ProcessId, cursor, limit)
	if err != nil {
		return nil, err
	}
	out := api.ListMeasures200JSONResponse{Items: make([]api.Measure, len(ms)), NextCursor: opt(next)}
	for i, m := range ms {
		out.Items[i] = measureOut(m, needs.Coordinates(who, m.DistrictKey))
	}
	return out, nil
}

// CreateMeasure implements api.StrictServerInterface.
func (h *handlers) CreateMeasure(ctx context.Context, req api.CreateMeasureRequestObject) (api.CreateMeasureResponseObject, error) {
	who := principalFrom(ctx)
	m := measureIn(*req.Body)
	m.ProcessID = req.ProcessId
	m, err := h.needs.CreateMeasure(ctx, who, m)
	if err != nil {
		return nil, err
	}
	return api.CreateMeasure201JSONResponse(measureOut(m, true)), nil
}

// GetMeasure implements api.StrictServerInterface.
func (h *handlers) GetMeasure(ctx context.Context, req api.GetMeasureRequestObject) (api.GetMeasureResponseObject, error) {
	v, err := h.needs.MeasureOf(ctx, principalFrom(ctx), req.MeasureId)
	if err != nil {
		return nil, err
	}
	return api.GetMeasure200JSONResponse(measureViewOut(v)), nil
}

// UpdateMeasure implements api.StrictServerInterface.
func (h *handlers) UpdateMeasure(ctx context.Context, req api.UpdateMeasureRequestObject) (api.UpdateMeasureResponseObject, error) {
	m, err := h.needs.UpdateMeasure(ctx, principalFrom(ctx), req.MeasureId, measureIn(*req.Body))
	if err != nil {
		return nil, err
	}
	return api.UpdateMeasure200JSONResponse(measureOut(m, true)), nil
}
