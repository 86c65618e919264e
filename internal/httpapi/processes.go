package httpapi

import (
	"context"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
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
	if _, err := h.districts.Get(ctx, req.Key); err != nil {
		return nil, err
	}
	p := principalFrom(ctx)
	q := planning.ProcessQuery{DistrictKey: req.Key, IncludeDrafts: access.CanCoordinate(p, req.Key), Limit: 50}
	if req.Params.Field != nil {
		q.Field = planning.Field(*req.Params.Field)
	}
	if req.Params.Status != nil {
		q.Status = planning.Status(*req.Params.Status)
	}
	if req.Params.Cursor != nil {
		q.Cursor = *req.Params.Cursor
	}
	if req.Params.Limit != nil {
		q.Limit = *req.Params.Limit
	}
	ps, next, err := h.planning.Processes(ctx, q)
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

// readableProcess loads the head of a process the principal may read (without phases, areas and
// documents): drafts only for the district's coordinators and admins; for everyone else a draft
// does not exist.
func (h *handlers) readableProcess(ctx context.Context, p identity.Principal, id int64) (planning.Process, error) {
	pr, err := h.planning.ProcessHead(ctx, id)
	if err != nil {
		return pr, err
	}
	if pr.Status == planning.StatusDraft && !access.CanCoordinate(p, pr.DistrictKey) {
		return planning.Process{}, planning.ErrProcessNotFound
	}
	return pr, nil
}

// changeableProcess loads the head of a process the principal may change.
func (h *handlers) changeableProcess(ctx context.Context, p identity.Principal, id int64) (planning.Process, error) {
	if p.Anonymous() {
		return planning.Process{}, errUnauthenticated
	}
	pr, err := h.readableProcess(ctx, p, id)
	if err != nil {
		return pr, err
	}
	return pr, allow(p, access.CanCoordinate(p, pr.DistrictKey))
}

// GetProcess implements api.StrictServerInterface.
func (h *handlers) GetProcess(ctx context.Context, req api.GetProcessRequestObject) (api.GetProcessResponseObject, error) {
	if _, err := h.readableProcess(ctx, principalFrom(ctx), req.ProcessId); err != nil {
		return nil, err
	}
	pr, err := h.planning.Process(ctx, req.ProcessId)
	if err != nil {
		return nil, err
	}
	return api.GetProcess200JSONResponse(processOut(pr, h.now())), nil
}

func applyProcessInput(pr *planning.Process, in api.ProcessInput) {
	pr.Title = in.Title
	set(&pr.Summary, in.Summary)
	set(&pr.Office, in.Office)
	if in.Fields != nil {
		pr.Fields = pr.Fields[:0]
		for _, f := range *in.Fields {
			pr.Fields = append(pr.Fields, planning.Field(f))
		}
	}
	if in.SocialAreaIds != nil {
		pr.SocialAreaIDs = *in.SocialAreaIds
	}
}

// CreateProcess implements api.StrictServerInterface.
func (h *handlers) CreateProcess(ctx context.Context, req api.CreateProcessRequestObject) (api.CreateProcessResponseObject, error) {
	p := principalFrom(ctx)
	if err := allow(p, access.CanCoordinate(p, req.Key)); err != nil {
		return nil, err
	}
	pr := planning.Process{DistrictKey: req.Key}
	applyProcessInput(&pr, *req.Body)
	pr, err := h.planning.CreateProcess(ctx, p.User.ID, pr)
	if err != nil {
		return nil, err
	}
	return api.CreateProcess201JSONResponse(processOut(pr, h.now())), nil
}

// UpdateProcess implements api.StrictServerInterface.
func (h *handlers) UpdateProcess(ctx context.Context, req api.UpdateProcessRequestObject) (api.UpdateProcessResponseObject, error) {
	p := principalFrom(ctx)
	if _, err := h.changeableProcess(ctx, p, req.ProcessId); err != nil {
		return nil, err
	}
	pr, err := h.planning.UpdateProcess(ctx, p.User.ID, req.ProcessId, "process.update", func(pr *planning.Process) error {
		applyProcessInput(pr, *req.Body)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return api.UpdateProcess200JSONResponse(processOut(pr, h.now())), nil
}

// ReplacePhases implements api.StrictServerInterface.
func (h *handlers) ReplacePhases(ctx context.Context, req api.ReplacePhasesRequestObject) (api.ReplacePhasesResponseObject, error) {
	p := principalFrom(ctx)
	if _, err := h.changeableProcess(ctx, p, req.ProcessId); err != nil {
		return nil, err
	}
	phases := make([]planning.Phase, len(req.Body.Phases))
	for i, ph := range req.Body.Phases {
		phases[i] = planning.Phase{Kind: planning.PhaseKind(ph.Kind), Title: ph.Title, StartsOn: ph.StartsOn.Time, EndsOn: ph.EndsOn.Time}
	}
	pr, err := h.planning.UpdateProcess(ctx, p.User.ID, req.ProcessId, "process.phases", func(pr *planning.Process) error {
		pr.Phases = phases
		return nil
	})
	if err != nil {
		return nil, err
	}
	return api.ReplacePhases200JSONResponse(processOut(pr, h.now())), nil
}

// ChangeProcessStatus implements api.StrictServerInterface.
func (h *handlers) ChangeProcessStatus(ctx context.Context, req api.ChangeProcessStatusRequestObject) (api.ChangeProcessStatusResponseObject, error) {
	p := principalFrom(ctx)
	if _, err := h.changeableProcess(ctx, p, req.ProcessId); err != nil {
		return nil, err
	}
	next := planning.Status(req.Body.Status)
	pr, err := h.planning.UpdateProcess(ctx, p.User.ID, req.ProcessId, "process.status", func(pr *planning.Process) error {
		if err := pr.CanMoveTo(next); err != nil {
			return err
		}
		pr.Status = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	return api.ChangeProcessStatus200JSONResponse(processOut(pr, h.now())), nil
}
