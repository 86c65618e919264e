package httpapi

import (
	"context"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
)

func indicatorOut(in atlas.Indicator, years []int) api.AtlasIndicator {
	levels := make([]api.AtlasIndicatorLevels, len(in.Levels))
	for i, l := range in.Levels {
		levels[i] = api.AtlasIndicatorLevels(l)
	}
	out := api.AtlasIndicator{Key: in.Key, NameDe: in.NameDE, NameEn: in.NameEN, DefinitionDe: &in.DefinitionDE,
		DefinitionEn: &in.DefinitionEN, Lebenslage: api.Lebenslage(in.Lebenslage), Unit: &in.Unit,
		Kind: api.AtlasIndicatorKind(in.Kind), Direction: api.AtlasIndicatorDirection(in.Direction),
		Numerator: &in.Numerator, Denominator: &in.Denominator, Source: &in.Source, Licence: &in.Licence,
		ReferenceDate: &in.ReferenceDate, BoundaryVersion: &in.BoundaryVersion, Levels: &levels,
		MinCount: &in.MinCount, Sensitive: &in.Sensitive, PlausibleMin: in.PlausibleMin, PlausibleMax: in.PlausibleMax}
	if in.RatePer > 0 {
		out.RatePer = &in.RatePer
	}
	if in.DistrictKey != "" {
		out.DistrictKey = &in.DistrictKey
	}
	if years != nil {
		out.Years = &years
	}
	return out
}

func indicatorIn(b api.AtlasIndicator) atlas.Indicator {
	in := atlas.Indicator{Key: b.Key, NameDE: b.NameDe, NameEN: b.NameEn, Lebenslage: atlas.Lebenslage(b.Lebenslage),
		Kind: atlas.Kind(b.Kind), Direction: atlas.Direction(b.Direction), PlausibleMin: b.PlausibleMin, PlausibleMax: b.PlausibleMax}
	set(&in.DefinitionDE, b.DefinitionDe)
	set(&in.DefinitionEN, b.DefinitionEn)
	set(&in.Unit, b.Unit)
	set(&in.Numerator, b.Numerator)
	set(&in.Denominator, b.Denominator)
	set(&in.Source, b.Source)
	set(&in.Licence, b.Licence)
	set(&in.ReferenceDate, b.ReferenceDate)
	set(&in.BoundaryVersion, b.BoundaryVersion)
	set(&in.DistrictKey, b.DistrictKey)
	set(&in.RatePer, b.RatePer)
	set(&in.MinCount, b.MinCount)
	set(&in.Sensitive, b.Sensitive)
	if b.Levels != nil {
		for _, l := range *b.Levels {
			in.Levels = append(in.Levels, atlas.Level(l))
		}
	}
	return in
}

func cellOut(c atlas.Cell, indicator string) api.AtlasCell {
	out := api.AtlasCell{Area: string(c.Area), Name: c.Name, Value: c.Value, Flag: api.AtlasCellFlag(c.Flag),
		Status: api.AtlasCellStatus(c.Status), Class: c.Class}
	if c.Suppression != atlas.ReasonNone {
		r := api.AtlasCellSuppression(c.Suppression)
		out.Suppression = &r
	}
	if c.Year != 0 {
		y, ref := c.Year, atlas.Ref(indicator, c.Area, c.Year)
		out.Year, out.Ref = &y, &ref
	}
	if c.Boundary != "" {
		out.Boundary = &c.Boundary
	}
	return out
}

func pointsOut(ps []atlas.Point) []api.AtlasPoint {
	out := make([]api.AtlasPoint, len(ps))
	for i, p := range ps {
		out[i] = api.AtlasPoint{Year: p.Year, Value: p.Value, Flag: string(p.Flag), Boundary: p.Boundary, Break: p.Break}
		if p.Date != "" {
			out[i].Date = &p.Date
		}
	}
	return out
}

// GetAtlasCatalogue implements api.StrictServerInterface.
func (h *handlers) GetAtlasCatalogue(ctx context.Context, _ api.GetAtlasCatalogueRequestObject) (api.GetAtlasCatalogueResponseObject, error) {
	c, err := h.atlas.Catalogue(ctx, principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	out := api.GetAtlasCatalogue200JSONResponse{Lebenslagen: make([]api.Lebenslage, len(atlas.Lebenslagen)),
		Indicators: make([]api.AtlasIndicator, len(c.Indicators)), Actions: []api.AtlasCatalogueActions{},
		ImportScopes: c.ImportScopes, Attribution: atlas.Attribution}
	if out.ImportScopes == nil {
		out.ImportScopes = []string{}
	}
	for i, l := range atlas.Lebenslagen {
		out.Lebenslagen[i] = api.Lebenslage(l)
	}
	for i, in := range c.Indicators {
		out.Indicators[i] = indicatorOut(in.Indicator, in.Years)
	}
	for _, a := range c.Actions {
		out.Actions = append(out.Actions, api.AtlasCatalogueActions(a))
	}
	return out, nil
}

// CreateAtlasIndicator implements api.StrictServerInterface.
func (h *handlers) CreateAtlasIndicator(ctx context.Context, req api.CreateAtlasIndicatorRequestObject) (api.CreateAtlasIndicatorResponseObject, error) {
	in, err := h.atlas.AddIndicator(ctx, principalFrom(ctx), indicatorIn(*req.Body))
	if err != nil {
		return nil, err
	}
	return api.CreateAtlasIndicator201JSONResponse(indicatorOut(in, []int{})), nil
}

func citationsOut(cs []atlas.Citation) []api.AtlasCitation {
	out := make([]api.AtlasCitation, len(cs))
	for i, c := range cs {
		out[i] = api.AtlasCitation{Ref: c.Ref, Kind: c.Kind, SubjectId: c.SubjectID, Title: c.Title, CitedValue: c.CitedValue, CreatedAt: c.CreatedAt}
	}
	return out
}

// GetAtlasIndicator implements api.StrictServerInterface.
func (h *handlers) GetAtlasIndicator(ctx context.Context, req api.GetAtlasIndicatorRequestObject) (api.GetAtlasIndicatorResponseObject, error) {
	in, cites, err := h.atlas.Indicator(ctx, req.IndicatorKey)
	if err != nil {
		return nil, err
	}
	return api.GetAtlasIndicator200JSONResponse{Indicator: indicatorOut(in.Indicator, in.Years), Citations: citationsOut(cites), Attribution: atlas.Attribution}, nil
}

func levelOf[L ~string](l *L) atlas.Level {
	if l == nil {
		return atlas.LevelDistrict
	}
	return atlas.Level(*l)
}

// GetAtlasMap implements api.StrictServerInterface.
func (h *handlers) GetAtlasMap(ctx context.Context, req api.GetAtlasMapRequestObject) (api.GetAtlasMapResponseObject, error) {
	q := atlas.MapQuery{Level: levelOf(req.Params.Level), Method: "quantile", Classes: 5}
	set(&q.Indicator, req.Params.Indicator)
	set(&q.Year, req.Params.Year)
	set(&q.District, req.Params.District)
	set(&q.Classes, req.Params.Classes)
	if req.Params.Method != nil {
		q.Method = atlas.Method(*req.Params.Method)
	}
	v, err := h.atlas.Map(ctx, principalFrom(ctx), q)
	if err != nil {
		return nil, err
	}
	out := api.GetAtlasMap200JSONResponse{Indicator: indicatorOut(v.Indicator, nil), Year: v.Year, Years: v.Years,
		Level: api.AtlasMapLevel(v.Level), Values: make([]api.AtlasCell, len(v.Cells)), Breaks: v.Breaks,
		Method: api.AtlasMapMethod(v.Method), Attribution: atlas.Attribution}
	out.Scheme.Name, out.Scheme.Reversed = api.AtlasMapSchemeName(v.Scheme.Name), v.Scheme.Reversed
	if out.Years == nil {
		out.Years = []int{}
	}
	if out.Breaks == nil {
		out.Breaks = []float64{}
	}
	if v.District != "" {
		out.District = &v.District
	}
	if v.Land != nil {
		l := cellOut(*v.Land, v.Indicator.Key)
		out.Land = &l
	}
	for i, c := range v.Cells {
		out.Values[i] = cellOut(c, v.Indicator.Key)
	}
	return out, nil
}

// GetAtlasSeries implements api.StrictServerInterface.
func (h *handlers) GetAtlasSeries(ctx context.Context, req api.GetAtlasSeriesRequestObject) (api.GetAtlasSeriesResponseObject, error) {
	areas, err := atlas.ParseAreas(req.Params.Areas, atlas.MaxSeriesSet)
	if err != nil {
		return nil, err
	}
	in, series, err := h.atlas.Series(ctx, principalFrom(ctx), req.Params.Indicator, areas)
	if err != nil {
		return nil, err
	}
	out := api.GetAtlasSeries200JSONResponse{Indicator: indicatorOut(in, nil), Attribution: atlas.Attribution}
	for _, s := range series {
		out.Series = append(out.Series, struct {
			Area   string           `json:"area"`
			Name   string           `json:"name"`
			Points []api.AtlasPoint `json:"points"`
		}{Area: string(s.Area), Name: s.Name, Points: pointsOut(s.Points)})
	}
	return out, nil
}

// GetAtlasValue implements api.StrictServerInterface.
func (h *handlers) GetAtlasValue(ctx context.Context, req api.GetAtlasValueRequestObject) (api.GetAtlasValueResponseObject, error) {
	area, err := atlas.ParseAreaKey(req.AreaKey)
	if err != nil {
		return nil, err
	}
	v, err := h.atlas.Value(ctx, principalFrom(ctx), req.IndicatorKey, area, req.Year)
	if err != nil {
		return nil, err
	}
	c := cellOut(v.Cell, v.Indicator.Key)
	return api.GetAtlasValue200JSONResponse{Area: c.Area, Name: c.Name, Year: c.Year, Value: c.Value,
		Flag: api.AtlasValueDetailFlag(c.Flag), Status: api.AtlasValueDetailStatus(c.Status),
		Suppression: (*api.AtlasValueDetailSuppression)(c.Suppression), Ref: &v.Ref, Boundary: c.Boundary,
		Indicator: indicatorOut(v.Indicator, nil), Citations: citationsOut(v.Citations), Attribution: atlas.Attribution}, nil
}

// splitKeys reads a comma-separated list of indicator keys.
func splitKeys(s *string) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, k := range strings.Split(*s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// GetAtlasSuppressions implements api.StrictServerInterface.
func (h *handlers) GetAtlasSuppressions(ctx context.Context, req api.GetAtlasSuppressionsRequestObject) (api.GetAtlasSuppressionsResponseObject, error) {
	log, err := h.atlas.Suppressions(ctx, principalFrom(ctx), req.Params.Indicator)
	if err != nil {
		return nil, err
	}
	out := api.GetAtlasSuppressions200JSONResponse{}
	for _, l := range log {
		out.Items = append(out.Items, struct {
			Area      string    `json:"area"`
			At        time.Time `json:"at"`
			Indicator string    `json:"indicator"`
			Reason    string    `json:"reason"`
			Year      int       `json:"year"`
		}{Area: string(l.Area), At: l.At, Indicator: l.Indicator, Reason: string(l.Reason), Year: l.Year})
	}
	if out.Items == nil {
		out.Items = []struct {
			Area      string    `json:"area"`
			At        time.Time `json:"at"`
			Indicator string    `json:"indicator"`
			Reason    string    `json:"reason"`
			Year      int       `json:"year"`
		}{}
	}
	return out, nil
}
