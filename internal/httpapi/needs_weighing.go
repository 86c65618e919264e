package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/needs"
)

// itemQuery is the table's filters as the contract names them.
func itemQuery(area *int64, field *string, decision *api.WeighingValue, search *string, published *bool) needs.ItemQuery {
	var q needs.ItemQuery
	set(&q.AreaID, area)
	set(&q.Field, field)
	set(&q.Search, search)
	set(&q.Published, published)
	if decision != nil {
		q.Value = needs.Weighing(*decision)
	}
	return q
}

// GetWeighingTable implements api.StrictServerInterface.
func (h *handlers) GetWeighingTable(ctx context.Context, req api.GetWeighingTableRequestObject) (api.GetWeighingTableResponseObject, error) {
	who, p := principalFrom(ctx), req.Params
	q := itemQuery(p.Area, p.Field, p.Decision, p.Q, p.Published)
	q.Limit = 100
	set(&q.Cursor, p.Cursor)
	set(&q.Limit, p.Limit)
	items, next, working, err := h.needs.Table(ctx, who, req.ProcessId, q)
	if err != nil {
		return nil, err
	}
	canWeigh := working
	if !working && q.Published && !who.Anonymous() {
		proc, err := h.plan.ReadableProcess(ctx, who, req.ProcessId)
		if err != nil {
			return nil, err
		}
		canWeigh = needs.Coordinates(who, proc.DistrictKey)
	}
	return api.GetWeighingTable200JSONResponse{Items: itemsOut(items), NextCursor: opt(next), Working: working, CanWeigh: &canWeigh}, nil
}

// AddCommentToWeighing implements api.StrictServerInterface.
func (h *handlers) AddCommentToWeighing(ctx context.Context, req api.AddCommentToWeighingRequestObject) (api.AddCommentToWeighingResponseObject, error) {
	it, err := h.needs.AddComment(ctx, principalFrom(ctx), req.ProcessId, req.Body.CommentId)
	if err != nil {
		return nil, err
	}
	return api.AddCommentToWeighing201JSONResponse(itemOut(it)), nil
}

// ListWeighingBundles implements api.StrictServerInterface.
func (h *handlers) ListWeighingBundles(ctx context.Context, req api.ListWeighingBundlesRequestObject) (api.ListWeighingBundlesResponseObject, error) {
	bs, err := h.needs.Bundles(ctx, principalFrom(ctx), req.ProcessId)
	if err != nil {
		return nil, err
	}
	out := api.ListWeighingBundles200JSONResponse{Items: make([]api.Bundle, len(bs))}
	for i, b := range bs {
		out.Items[i] = api.Bundle{Id: b.ID, Title: b.Title}
	}
	return out, nil
}

// CreateWeighingBundle implements api.StrictServerInterface.
func (h *handlers) CreateWeighingBundle(ctx context.Context, req api.CreateWeighingBundleRequestObject) (api.CreateWeighingBundleResponseObject, error) {
	b, err := h.needs.Group(ctx, principalFrom(ctx), req.ProcessId, req.Body.Title, req.Body.ItemIds)
	if err != nil {
		return nil, err
	}
	return api.CreateWeighingBundle201JSONResponse{Id: b.ID, Title: b.Title}, nil
}

// PublishWeighing implements api.StrictServerInterface.
func (h *handlers) PublishWeighing(ctx context.Context, req api.PublishWeighingRequestObject) (api.PublishWeighingResponseObject, error) {
	n, err := h.needs.Publish(ctx, principalFrom(ctx), req.ProcessId)
	if err != nil {
		return nil, err
	}
	return api.PublishWeighing200JSONResponse{Published: n}, nil
}

// RemoveWeighingItem implements api.StrictServerInterface.
func (h *handlers) RemoveWeighingItem(ctx context.Context, req api.RemoveWeighingItemRequestObject) (api.RemoveWeighingItemResponseObject, error) {
	if err := h.needs.RemoveItem(ctx, principalFrom(ctx), req.ItemId); err != nil {
		return nil, err
	}
	return api.RemoveWeighingItem204Response{}, nil
}

// DecideWeighingItem implements api.StrictServerInterface.
func (h *handlers) DecideWeighingItem(ctx context.Context, req api.DecideWeighingItemRequestObject) (api.DecideWeighingItemResponseObject, error) {
	d := needs.Decision{Value: needs.Weighing(req.Body.Value), Reason: req.Body.Reason}
	set(&d.MeasureIDs, req.Body.MeasureIds)
	it, err := h.needs.Decide(ctx, principalFrom(ctx), req.ItemId, d, req.Body.WholeBundle != nil && *req.Body.WholeBundle)
	if err != nil {
		return nil, err
	}
	return api.DecideWeighingItem200JSONResponse(itemOut(it)), nil
}

// SplitWeighingItem implements api.StrictServerInterface.
func (h *handlers) SplitWeighingItem(ctx context.Context, req api.SplitWeighingItemRequestObject) (api.SplitWeighingItemResponseObject, error) {
	items, err := h.needs.Split(ctx, principalFrom(ctx), req.ItemId, req.Body.Aspects)
	if err != nil {
		return nil, err
	}
	return api.SplitWeighingItem201JSONResponse{Items: itemsOut(items)}, nil
}

// ListTextModules implements api.StrictServerInterface.
func (h *handlers) ListTextModules(ctx context.Context, req api.ListTextModulesRequestObject) (api.ListTextModulesResponseObject, error) {
	ms, err := h.needs.TextModules(ctx, principalFrom(ctx), req.Key)
	if err != nil {
		return nil, err
	}
	out := api.ListTextModules200JSONResponse{Items: make([]api.TextModule, len(ms))}
	for i, m := range ms {
		out.Items[i] = textModuleOut(m)
	}
	return out, nil
}

// CreateTextModule implements api.StrictServerInterface.
func (h *handlers) CreateTextModule(ctx context.Context, req api.CreateTextModuleRequestObject) (api.CreateTextModuleResponseObject, error) {
	m, err := h.needs.AddTextModule(ctx, principalFrom(ctx), needs.TextModule{DistrictKey: req.Key, Title: req.Body.Title, Body: req.Body.Body})
	if err != nil {
		return nil, err
	}
	return api.CreateTextModule201JSONResponse(textModuleOut(m)), nil
}

// DeleteTextModule implements api.StrictServerInterface.
func (h *handlers) DeleteTextModule(ctx context.Context, req api.DeleteTextModuleRequestObject) (api.DeleteTextModuleResponseObject, error) {
	if err := h.needs.DeleteTextModule(ctx, principalFrom(ctx), req.ModuleId); err != nil {
		return nil, err
	}
	return api.DeleteTextModule204Response{}, nil
}
