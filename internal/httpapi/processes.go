package httpapi

import (
	"context"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/planning"
)

func phaseOut(ph planning.Phase, today time.Time) api.Phase {
	id, cur := ph.ID, ph.Contains(today)
	return api.Phase{Id: &id, Kind: api.PhaseKind(ph.Kind), Title: ph.Title, StartsOn: openapi_types.Date{Time: ph.StartsOn},
		EndsOn: openapi_types.Date{Time: ph.EndsOn}, Current: &cur}
}

func fieldsOut(fs []planning.Field) []api.Field {
	out := make([]api.Field, len(fs))
	for i, f := range fs {
		out[i] = api.Field(f)
	}
	return out
}

func processSummary(p planning.Process, today time.Time) api.ProcessSummary {
	s := api.ProcessSummary{Id: p.ID, DistrictKey: p.DistrictKey, Title: p.Title, Summary: p.Summary,
		Status: api.ProcessStatus(p.Status), Fields: fieldsOut(p.Fields), UpdatedAt: p.UpdatedAt}
	if cur, ok := p.CurrentPhase(today); ok {
		ph := phaseOut(cur, today)
		s.CurrentPhase = &ph
	}
	return s
}

func processOut(p planning.Process, today time.Time) api.Process {
	s := processSummary(p, today)
	out := api.Process{Id: s.Id, DistrictKey: s.DistrictKey, Title: s.Title, Summary: s.Summary, Status: s.Status, Fields: s.Fields,
		CurrentPhase: s.CurrentPhase, UpdatedAt: s.UpdatedAt, Office: p.Office, SocialAreaIds: p.SocialAreaIDs,
		Phases: make([]api.Phase, len(p.Phases)), Documents: make([]api.Document, len(p.Documents))}
	for i, ph := range p.Phases {
		out.Phases[i] = phaseOut(ph, today)
	}
	for i, d := range p.Documents {
		out.Documents[i] = api.Document{Id: d.ID, Title: d.Title, FileName: d.FileName, ContentType: d.ContentType, Size: d.Size, UploadedAt: d.UploadedAt}
	}
	return out
}

// ListProcesses implements api.StrictServerInterface.
func (h *handlers) ListProcesses(ctx context.Context, req api.ListProcessesRequestObject) (api.ListProcessesResponseObject, error) {
	q := planning.ProcessQuery{DistrictKey: req.Key, Limit: 50}
	if req.Params.Field != nil {
		q.Field = planning.Field(*req.Params.Field)
	}
	if req.Params.Status != nil {
		q.Status = planning.Status(*req.Params.Status)
	}
	set(&q.Cursor, req.Params.Cursor)
	set(&q.Limit, req.Params.Limit)
	ps, next, err := h.plan.Processes(ctx, principalFrom(ctx), q)
	if err != nil {
		return nil, err
	}
	today := h.now()
	page := api.ProcessPage{Items: make([]api.ProcessSummary, len(ps))}
	for i, x := range ps {
		page.Items[i] = processSummary(x, today)
	}
	if next != "" {
		page.NextCursor = &next
	}
	return api.ListProcesses200JSONResponse(page), nil
}

// GetProcess implements api.StrictServerInterface.
func (h *handlers) GetProcess(ctx context.Context, req api.GetProcessRequestObject) (api.GetProcessResponseObject, error) {
	pr, err := h.plan.Process(ctx, principalFrom(ctx), req.ProcessId)
	if err != nil {
		return nil, err
	}
	return api.GetProcess200JSONResponse(processOut(pr, h.now())), nil
}

func processChange(in api.ProcessInput) planning.ProcessChange {
	c := planning.ProcessChange{Title: in.Title, Summary: in.Summary, Office: in.Office, SocialAreaIDs: in.SocialAreaIds}
	if in.Fields != nil {
		fs := make([]planning.Field, len(*in.Fields))
		for i, f := range *in.Fields {
			fs[i] = planning.Field(f)
		}
		c.Fields = &fs
	}
	return c
}

// CreateProcess implements api.StrictServerInterface.
func (h *handlers) CreateProcess(ctx context.Context, req api.CreateProcessRequestObject) (api.CreateProcessResponseObject, error) {
	pr := planning.Process{DistrictKey: req.Key}
	processChange(*req.Body).ApplyTo(&pr)
	pr, err := h.plan.CreateProcess(ctx, principalFrom(ctx), pr)
	if err != nil {
		return nil, err
	}
	return api.CreateProcess201JSONResponse(processOut(pr, h.now())), nil
}

// UpdateProcess implements api.StrictServerInterface.
func (h *handlers) UpdateProcess(ctx context.Context, req api.UpdateProcessRequestObject) (api.UpdateProcessResponseObject, error) {
	pr, err := h.plan.UpdateProcess(ctx, principalFrom(ctx), req.ProcessId, processChange(*req.Body))
	if err != nil {
		return nil, err
	}
	return api.UpdateProcess200JSONResponse(processOut(pr, h.now())), nil
}

// ReplacePhases implements api.StrictServerInterface.
func (h *handlers) ReplacePhases(ctx context.Context, req api.ReplacePhasesRequestObject) (api.ReplacePhasesResponseObject, error) {
	phases := make([]planning.Phase, len(req.Body.Phases))
	for i, ph := range req.Body.Phases {
		phases[i] = planning.Phase{Kind: planning.PhaseKind(ph.Kind), Title: ph.Title, StartsOn: ph.StartsOn.Time, EndsOn: ph.EndsOn.Time}
	}
	pr, err := h.plan.ReplacePhases(ctx, principalFrom(ctx), req.ProcessId, phases)
	if err != nil {
		return nil, err
	}
	return api.ReplacePhases200JSONResponse(processOut(pr, h.now())), nil
}

// ChangeProcessStatus implements api.StrictServerInterface.
func (h *handlers) ChangeProcessStatus(ctx context.Context, req api.ChangeProcessStatusRequestObject) (api.ChangeProcessStatusResponseObject, error) {
	pr, err := h.plan.ChangeStatus(ctx, principalFrom(ctx), req.ProcessId, planning.Status(req.Body.Status))
	if err != nil {
		return nil, err
	}
	return api.ChangeProcessStatus200JSONResponse(processOut(pr, h.now())), nil
}
