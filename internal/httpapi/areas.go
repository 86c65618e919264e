package httpapi

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/paulmach/orb/geojson"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
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
	if _, err := h.districts.Get(ctx, req.Key); err != nil {
		return nil, err
	}
	areas, err := h.planning.Areas(ctx, req.Key)
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
	p := principalFrom(ctx)
	if err := allow(p, access.CanCoordinate(p, req.Key)); err != nil {
		return nil, err
	}
	g, err := geometryIn(req.Body.Geometry)
	if err != nil {
		return nil, err
	}
	a := planning.SocialArea{DistrictKey: req.Key, Name: req.Body.Name, Level: planning.Level(req.Body.Level), Population: req.Body.Population, Geometry: g.Geometry()}
	if req.Body.Code != nil {
		a.Code = *req.Body.Code
	}
	if req.Body.Description != nil {
		a.Description = *req.Body.Description
	}
	if req.Body.ParentId != nil {
		a.ParentID = *req.Body.ParentId
	}
	a, err = h.planning.CreateArea(ctx, p.User.ID, a)
	if err != nil {
		return nil, err
	}
	o, err := areaOut(a)
	return api.CreateSocialArea201JSONResponse(o), err
}

// GetSocialArea implements api.StrictServerInterface.
func (h *handlers) GetSocialArea(ctx context.Context, req api.GetSocialAreaRequestObject) (api.GetSocialAreaResponseObject, error) {
	a, err := h.planning.Area(ctx, req.AreaId)
	if err != nil {
		return nil, err
	}
	o, err := areaOut(a)
	return api.GetSocialArea200JSONResponse(o), err
}

// UpdateSocialArea implements api.StrictServerInterface.
func (h *handlers) UpdateSocialArea(ctx context.Context, req api.UpdateSocialAreaRequestObject) (api.UpdateSocialAreaResponseObject, error) {
	p := principalFrom(ctx)
	current, err := h.areaFor(ctx, p, req.AreaId)
	if err != nil {
		return nil, err
	}
	b := req.Body
	var g *geojson.Geometry
	if b.Geometry != nil {
		if g, err = geometryIn(*b.Geometry); err != nil {
			return nil, err
		}
	}
	a, err := h.planning.UpdateArea(ctx, p.User.ID, current.ID, func(a *planning.SocialArea) error {
		set(&a.Name, b.Name)
		set(&a.Code, b.Code)
		set(&a.Description, b.Description)
		set(&a.ParentID, b.ParentId)
		if b.Level != nil {
			a.Level = planning.Level(*b.Level)
		}
		if b.Population != nil {
			a.Population = b.Population
		}
		if g != nil {
			a.Geometry = g.Geometry()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	o, err := areaOut(a)
	return api.UpdateSocialArea200JSONResponse(o), err
}

// DeleteSocialArea implements api.StrictServerInterface.
func (h *handlers) DeleteSocialArea(ctx context.Context, req api.DeleteSocialAreaRequestObject) (api.DeleteSocialAreaResponseObject, error) {
	p := principalFrom(ctx)
	a, err := h.areaFor(ctx, p, req.AreaId)
	if err != nil {
		return nil, err
	}
	if err := h.planning.DeleteArea(ctx, p.User.ID, a.ID); err != nil {
		return nil, err
	}
	return api.DeleteSocialArea204Response{}, nil
}

// areaFor loads an area the principal may change: its district's coordinators and admins.
func (h *handlers) areaFor(ctx context.Context, p identity.Principal, id int64) (planning.SocialArea, error) {
	if p.Anonymous() {
		return planning.SocialArea{}, errUnauthenticated
	}
	a, err := h.planning.Area(ctx, id)
	if err != nil {
		return a, err
	}
	return a, allow(p, access.CanCoordinate(p, a.DistrictKey))
}

// ImportSocialAreas implements api.StrictServerInterface.
func (h *handlers) ImportSocialAreas(ctx context.Context, req api.ImportSocialAreasRequestObject) (api.ImportSocialAreasResponseObject, error) {
	p := principalFrom(ctx)
	if err := allow(p, access.CanCoordinate(p, req.Key)); err != nil {
		return nil, err
	}
	d, err := h.districts.Get(ctx, req.Key)
	if err != nil {
		return nil, err
	}
	body := req.Body
	if body == nil {
		return nil, NewProblem(http.StatusBadRequest, "invalid_request", "a GeoJSON FeatureCollection is required")
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	existing, err := h.planning.Areas(ctx, req.Key)
	if err != nil {
		return nil, err
	}
	changes, issues := planning.PlanImport(raw, req.Key, d.Boundary, existing)
	if len(issues) > 0 {
		out := importProblem(req.Key, issues)
		if rid, _ := ctx.Value(requestIDKey).(string); rid != "" {
			out.RequestId = &rid
		}
		return out, nil
	}
	dry := req.Params.DryRun != nil && *req.Params.DryRun
	if !dry {
		if changes, err = h.planning.ApplyImport(ctx, p.User.ID, req.Key, changes); err != nil {
			return nil, err
		}
	}
	res := api.ImportResult{DryRun: dry, Changes: make([]api.ImportChange, len(changes))}
	for i, c := range changes {
		action := api.Create
		if c.Update {
			action = api.Update
		}
		ch := api.ImportChange{Index: c.Index, Action: action, Name: c.Area.Name, Level: api.AreaLevel(c.Area.Level)}
		if c.ID != 0 {
			id := c.ID
			ch.Id = &id
		}
		if c.Area.Code != "" {
			code := c.Area.Code
			ch.Code = &code
		}
		if c.ParentCode != "" {
			pc := c.ParentCode
			ch.ParentCode = &pc
		}
		res.Changes[i] = ch
	}
	return api.ImportSocialAreas200JSONResponse(res), nil
}

func importProblem(key string, issues []planning.ImportIssue) api.ImportSocialAreas422ApplicationProblemPlusJSONResponse {
	detail := "The file has problems; nothing was imported."
	instance := apiPrefix + "/districts/" + key + "/social-areas/import"
	out := api.ImportSocialAreas422ApplicationProblemPlusJSONResponse{Type: "about:blank", Title: http.StatusText(http.StatusUnprocessableEntity), Status: http.StatusUnprocessableEntity,
		Code: "import_invalid", Detail: &detail, Instance: &instance, Issues: make([]api.ImportIssue, len(issues))}
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
