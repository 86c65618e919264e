package httpapi

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/paulmach/orb/geojson"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/planning"
)

func areaOut(a planning.SocialArea) (api.SocialArea, error) {
	g, err := geometry(a.Geometry)
	if err != nil {
		return api.SocialArea{}, err
	}
	out := api.SocialArea{Id: a.ID, DistrictKey: a.DistrictKey, Name: a.Name, Level: api.AreaLevel(a.Level), Code: a.Code,
		Description: a.Description, Population: a.Population, Geometry: g}
	if a.ParentID != 0 {
		id := a.ParentID
		out.ParentId = &id
	}
	return out, nil
}

// geometryIn converts the contract's geometry into an orb geometry; its shape is checked by the
// domain.
func geometryIn(g api.Geometry) (*geojson.Geometry, error) {
	b, err := json.Marshal(g)
	if err != nil {
		return nil, err
	}
	out, err := geojson.UnmarshalGeometry(b)
	if err != nil {
		return nil, NewProblem(http.StatusUnprocessableEntity, "validation_failed", "geometry: "+err.Error())
	}
	return out, nil
}

// ListSocialAreas implements api.StrictServerInterface.
func (h *handlers) ListSocialAreas(ctx context.Context, req api.ListSocialAreasRequestObject) (api.ListSocialAreasResponseObject, error) {
	areas, err := h.plan.Areas(ctx, req.Key)
	if err != nil {
		return nil, err
	}
	items := make([]api.SocialArea, 0, len(areas))
	for _, a := range areas {
		o, err := areaOut(a)
		if err != nil {
			return nil, err
		}
		items = append(items, o)
	}
	return api.ListSocialAreas200JSONResponse{Items: items}, nil
}

// CreateSocialArea implements api.StrictServerInterface.
func (h *handlers) CreateSocialArea(ctx context.Context, req api.CreateSocialAreaRequestObject) (api.CreateSocialAreaResponseObject, error) {
	g, err := geometryIn(req.Body.Geometry)
	if err != nil {
		return nil, err
	}
	a := planning.SocialArea{DistrictKey: req.Key, Name: req.Body.Name, Level: planning.Level(req.Body.Level), Population: req.Body.Population, Geometry: g.Geometry()}
	set(&a.Code, req.Body.Code)
	set(&a.Description, req.Body.Description)
	set(&a.ParentID, req.Body.ParentId)
	a, err = h.plan.CreateArea(ctx, principalFrom(ctx), a)
	if err != nil {
		return nil, err
	}
	o, err := areaOut(a)
	return api.CreateSocialArea201JSONResponse(o), err
}

// GetSocialArea implements api.StrictServerInterface.
func (h *handlers) GetSocialArea(ctx context.Context, req api.GetSocialAreaRequestObject) (api.GetSocialAreaResponseObject, error) {
	a, err := h.plan.Area(ctx, req.AreaId)
	if err != nil {
		return nil, err
	}
	o, err := areaOut(a)
	return api.GetSocialArea200JSONResponse(o), err
}

// UpdateSocialArea implements api.StrictServerInterface.
func (h *handlers) UpdateSocialArea(ctx context.Context, req api.UpdateSocialAreaRequestObject) (api.UpdateSocialAreaResponseObject, error) {
	b := req.Body
	change := planning.AreaPatch{Name: b.Name, Code: b.Code, Description: b.Description, ParentID: b.ParentId, Population: b.Population}
	if b.Level != nil {
		l := planning.Level(*b.Level)
		change.Level = &l
	}
	if b.Geometry != nil {
		g, err := geometryIn(*b.Geometry)
		if err != nil {
			return nil, err
		}
		change.Geometry = g.Geometry()
	}
	a, err := h.plan.UpdateArea(ctx, principalFrom(ctx), req.AreaId, change)
	if err != nil {
		return nil, err
	}
	o, err := areaOut(a)
	return api.UpdateSocialArea200JSONResponse(o), err
}

// DeleteSocialArea implements api.StrictServerInterface.
func (h *handlers) DeleteSocialArea(ctx context.Context, req api.DeleteSocialAreaRequestObject) (api.DeleteSocialAreaResponseObject, error) {
	if err := h.plan.DeleteArea(ctx, principalFrom(ctx), req.AreaId); err != nil {
		return nil, err
	}
	return api.DeleteSocialArea204Response{}, nil
}

// ImportSocialAreas implements api.StrictServerInterface.
func (h *handlers) ImportSocialAreas(ctx context.Context, req api.ImportSocialAreasRequestObject) (api.ImportSocialAreasResponseObject, error) {
	in := planning.ImportRequest{DistrictKey: req.Key, DryRun: req.Params.DryRun != nil && *req.Params.DryRun}
	if req.Body != nil {
		raw, err := json.Marshal(req.Body)
		if err != nil {
			return nil, err
		}
		in.File = raw
	}
	res, err := h.plan.Import(ctx, principalFrom(ctx), in)
	if err != nil {
		return nil, err
	}
	if len(res.Issues) > 0 {
		out := importProblem(req.Key, res.Issues)
		if rid, _ := ctx.Value(requestIDKey).(string); rid != "" {
			out.RequestId = &rid
		}
		return out, nil
	}
	changes := make([]api.ImportChange, len(res.Changes))
	for i, c := range res.Changes {
		action := api.Create
		if c.Update {
			action = api.Update
		}
		ch := api.ImportChange{Index: c.Index, Action: action, Name: c.Area.Name, Level: api.AreaLevel(c.Area.Level)}
		if c.ID != 0 {
			ch.Id = ptr(c.ID)
		}
		if c.Area.Code != "" {
			ch.Code = ptr(c.Area.Code)
		}
		if c.ParentCode != "" {
			ch.ParentCode = ptr(c.ParentCode)
		}
		changes[i] = ch
	}
	return api.ImportSocialAreas200JSONResponse(api.ImportResult{DryRun: in.DryRun, Changes: changes}), nil
}

func importProblem(key string, issues []planning.ImportIssue) api.ImportSocialAreas422ApplicationProblemPlusJSONResponse {
	detail := "The file has problems; nothing was imported."
	instance := apiPrefix + "/districts/" + key + "/social-areas/import"
	out := api.ImportSocialAreas422ApplicationProblemPlusJSONResponse{Type: "about:blank", Title: http.StatusText(http.StatusUnprocessableEntity), Status: http.StatusUnprocessableEntity,
		Code: "import_invalid", Detail: &detail, Instance: &instance, IssueCount: len(issues)}
	issues = planning.Reported(issues)
	out.Issues = make([]api.ImportIssue, len(issues))
	for i, is := range issues {
		out.Issues[i] = api.ImportIssue{Index: is.Index, Property: is.Property, Message: is.Message}
	}
	return out
}

// set copies an optional value of a PATCH body.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
