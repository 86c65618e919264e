package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/needs"
)

// ListNeedsCalls implements api.StrictServerInterface.
func (h *handlers) ListNeedsCalls(ctx context.Context, req api.ListNeedsCallsRequestObject) (api.ListNeedsCallsResponseObject, error) {
	who := principalFrom(ctx)
	cs, err := h.needs.Calls(ctx, who, req.ProcessId)
	if err != nil {
		return nil, err
	}
	return api.ListNeedsCalls200JSONResponse{Items: h.callsOut(ctx, cs)}, nil
}

func (h *handlers) callsOut(ctx context.Context, cs []needs.Call) []api.NeedsCall {
	who, now := principalFrom(ctx), h.now()
	out := make([]api.NeedsCall, len(cs))
	for i, c := range cs {
		out[i] = callOut(c, who, now)
	}
	return out
}

// CreateNeedsCall implements api.StrictServerInterface.
func (h *handlers) CreateNeedsCall(ctx context.Context, req api.CreateNeedsCallRequestObject) (api.CreateNeedsCallResponseObject, error) {
	who := principalFrom(ctx)
	c := callIn(*req.Body)
	c.ProcessID = req.ProcessId
	c, err := h.needs.CreateCall(ctx, who, c)
	if err != nil {
		return nil, err
	}
	return api.CreateNeedsCall201JSONResponse(callOut(c, who, h.now())), nil
}

// GetNeedsCall implements api.StrictServerInterface.
func (h *handlers) GetNeedsCall(ctx context.Context, req api.GetNeedsCallRequestObject) (api.GetNeedsCallResponseObject, error) {
	who := principalFrom(ctx)
	c, err := h.needs.Call(ctx, who, req.CallId)
	if err != nil {
		return nil, err
	}
	return api.GetNeedsCall200JSONResponse(callOut(c, who, h.now())), nil
}

// UpdateNeedsCall implements api.StrictServerInterface.
func (h *handlers) UpdateNeedsCall(ctx context.Context, req api.UpdateNeedsCallRequestObject) (api.UpdateNeedsCallResponseObject, error) {
	who := principalFrom(ctx)
	b := req.Body
	c, err := h.needs.UpdateCall(ctx, who, req.CallId, needs.CallChange{Title: b.Title, Guidance: b.Guidance, Deadline: b.Deadline, Invited: b.Invited})
	if err != nil {
		return nil, err
	}
	return api.UpdateNeedsCall200JSONResponse(callOut(c, who, h.now())), nil
}

// ListMyOpenCalls implements api.StrictServerInterface.
func (h *handlers) ListMyOpenCalls(ctx context.Context, _ api.ListMyOpenCallsRequestObject) (api.ListMyOpenCallsResponseObject, error) {
	cs, err := h.needs.OpenCalls(ctx, principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	return api.ListMyOpenCalls200JSONResponse{Items: h.callsOut(ctx, cs)}, nil
}

// ListNotices implements api.StrictServerInterface.
func (h *handlers) ListNotices(ctx context.Context, req api.ListNoticesRequestObject) (api.ListNoticesResponseObject, error) {
	limit := 50
	set(&limit, req.Params.Limit)
	ns, err := h.needs.Notices(ctx, principalFrom(ctx), limit)
	if err != nil {
		return nil, err
	}
	out := api.ListNotices200JSONResponse{Items: make([]api.Notice, len(ns))}
	for i, n := range ns {
		out.Items[i] = noticeOut(n)
	}
	return out, nil
}
