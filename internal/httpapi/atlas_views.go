package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
)

// GetAtlasProfile implements api.StrictServerInterface.
func (h *handlers) GetAtlasProfile(ctx context.Context, req api.GetAtlasProfileRequestObject) (api.GetAtlasProfileResponseObject, error) {
	areas, err := atlas.ParseAreas(req.Params.Areas, atlas.MaxAreaList)
	if err != nil {
		return nil, err
	}
	v, err := h.atlas.Profile(ctx, principalFrom(ctx), areas)
	if err != nil {
		return nil, err
	}
	out := api.GetAtlasProfile200JSONResponse{Generated: h.now(), Attribution: atlas.Attribution}
	out.Areas = make([]struct {
		Key   string                     `json:"key"`
		Level api.AtlasProfileAreasLevel `json:"level"`
		Name  string                     `json:"name"`
	}, len(v.Areas))
	for i, a := range v.Areas {
		out.Areas[i].Key, out.Areas[i].Level, out.Areas[i].Name = string(a.Key), api.AtlasProfileAreasLevel(a.Level), a.Name
	}
	out.Groups = make([]struct {
		Indicators []struct {
			Cells     []api.AtlasProfileCell `json:"cells"`
			Indicator api.AtlasIndicator     `json:"indicator"`
		} `json:"indicators"`
		Lebenslage api.Lebenslage `json:"lebenslage"`
	}, len(v.Groups))
	for i, g := range v.Groups {
		out.Groups[i].Lebenslage = api.Lebenslage(g.Lebenslage)
		out.Groups[i].Indicators = make([]struct {
			Cells     []api.AtlasProfileCell `json:"cells"`
			Indicator api.AtlasIndicator     `json:"indicator"`
		}, len(g.Rows))
		for j, r := range g.Rows {
			row := &out.Groups[i].Indicators[j]
			row.Indicator = indicatorOut(r.Indicator, nil)
			for _, c := range r.Cells {
				base := cellOut(c.Cell, r.Indicator.Key)
				pc := api.AtlasProfileCell{Area: base.Area, Name: base.Name, Year: base.Year, Value: base.Value,
					Flag: api.AtlasProfileCellFlag(base.Flag), Status: api.AtlasProfileCellStatus(base.Status),
					Suppression: (*api.AtlasProfileCellSuppression)(base.Suppression), Ref: base.Ref, Boundary: base.Boundary,
					Land: c.Land, Trend: c.Trend, Series: pointsOut(c.Series)}
				if c.Of > 0 && c.Rank > 0 {
					pc.Rank, pc.Of = &c.Rank, &c.Of
				}
				row.Cells = append(row.Cells, pc)
			}
		}
	}
	return out, nil
}

// GetAtlasOverview implements api.StrictServerInterface.
func (h *handlers) GetAtlasOverview(ctx context.Context, req api.GetAtlasOverviewRequestObject) (api.GetAtlasOverviewResponseObject, error) {
	year := 0
	set(&year, req.Params.Year)
	v, err := h.atlas.Overview(ctx, principalFrom(ctx), splitKeys(req.Params.Indicators), year)
	if err != nil {
		return nil, err
	}
	out := api.GetAtlasOverview200JSONResponse{Year: v.Year, Indicators: []api.AtlasIndicator{}, Land: []api.AtlasCell{}}
	for i, in := range v.Indicators {
		out.Indicators = append(out.Indicators, indicatorOut(in, nil))
		out.Land = append(out.Land, cellOut(v.Land[i], in.Key))
	}
	for _, d := range v.Districts {
		row := struct {
			Cells         []api.AtlasCell `json:"cells"`
			Key           string          `json:"key"`
			Name          string          `json:"name"`
			Participation struct {
				Contributions     int `json:"contributions"`
				OpenConsultations int `json:"open_consultations"`
				OpenProcesses     int `json:"open_processes"`
			} `json:"participation"`
		}{Key: d.Key, Name: d.Name, Cells: []api.AtlasCell{}}
		for i, c := range d.Cells {
			row.Cells = append(row.Cells, cellOut(c, v.Indicators[i].Key))
		}
		row.Participation.Contributions = int(d.Participation.Contributions)
		row.Participation.OpenConsultations = int(d.Participation.OpenConsultations)
		row.Participation.OpenProcesses = int(d.Participation.OpenProcesses)
		out.Districts = append(out.Districts, row)
	}
	return out, nil
}

type atlasFeature = struct {
	Geometry   map[string]interface{}                         `json:"geometry"`
	Properties api.AtlasFeatureCollection_Features_Properties `json:"properties"`
	Type       api.AtlasFeatureCollectionFeaturesType         `json:"type"`
}

// geometryMap decodes a stored boundary for a map, its coordinates rounded to the given number of
// decimals: 3 (about 100 m) for Thuringia's districts, where one pixel of a phone's map is about
// 450 m, and 4 (about 10 m) for a district's social areas. It cuts the first load of the atlas
// by a sixth; the stored boundaries and every check against them keep their precision.
func geometryMap(b []byte, decimals int) (map[string]any, error) {
	var g map[string]any
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("stored boundary: %w", err)
	}
	g["coordinates"] = roundCoords(g["coordinates"], math.Pow(10, float64(decimals)))
	return g, nil
}

func roundCoords(v any, scale float64) any {
	switch t := v.(type) {
	case float64:
		return math.Round(t*scale) / scale
	case []any:
		for i := range t {
			t[i] = roundCoords(t[i], scale)
		}
	}
	return v
}

func mapDecimals(l atlas.Level) int {
	if l == atlas.LevelArea {
		return 4
	}
	return 3
}

// geometryCache keeps the maps' boundaries, decoded and rounded, for atlas.CatalogueTTL: every
// visit of the atlas asks for them, and they change only with a new boundary version or a
// social area's new outline.
type geometryCache struct {
	mu      sync.Mutex
	entries map[string]geometryEntry
}

type geometryEntry struct {
	at  time.Time
	out api.GetAtlasGeometry200ApplicationGeoPlusJSONResponse
}

func (c *geometryCache) get(key string) (api.GetAtlasGeometry200ApplicationGeoPlusJSONResponse, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	return e.out, ok && time.Since(e.at) < atlas.CatalogueTTL
}

func (c *geometryCache) put(key string, out api.GetAtlasGeometry200ApplicationGeoPlusJSONResponse) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) > 100 {
		c.entries = map[string]geometryEntry{}
	}
	c.entries[key] = geometryEntry{at: time.Now(), out: out}
}

func (c *geometryCache) clear() {
	c.mu.Lock()
	c.entries = nil
	c.mu.Unlock()
}

// GetAtlasGeometry implements api.StrictServerInterface.
func (h *handlers) GetAtlasGeometry(ctx context.Context, req api.GetAtlasGeometryRequestObject) (api.GetAtlasGeometryResponseObject, error) {
	level, district := levelOf(req.Params.Level), ""
	set(&district, req.Params.District)
	key := string(level) + "|" + district
	if out, ok := h.geo.get(key); ok {
		return out, nil
	}
	out, err := h.geometry(ctx, level, district)
	if err != nil {
		return nil, err
	}
	h.geo.put(key, out)
	return out, nil
}

func (h *handlers) geometry(ctx context.Context, level atlas.Level, district string) (api.GetAtlasGeometry200ApplicationGeoPlusJSONResponse, error) {
	bs, names, err := h.atlas.Geometry(ctx, level, district)
	if err != nil {
		return api.GetAtlasGeometry200ApplicationGeoPlusJSONResponse{}, err
	}
	attr := atlas.Attribution
	out := api.GetAtlasGeometry200ApplicationGeoPlusJSONResponse{Type: "FeatureCollection", Attribution: &attr, Features: []atlasFeature{}}
	for _, b := range bs {
		g, err := geometryMap(b.Geometry, mapDecimals(level))
		if err != nil {
			return out, err
		}
		out.Features = append(out.Features, atlasFeature{Type: "Feature", Geometry: g,
			Properties: api.AtlasFeatureCollection_Features_Properties{Area: string(b.Area), Name: names[b.Area],
				AdditionalProperties: map[string]any{"version": b.Version}}})
	}
	return out, nil
}

// GetAtlasGeoJSON implements api.StrictServerInterface: the map's values joined to the
// boundaries, with the same disclosure control as the map.
func (h *handlers) GetAtlasGeoJSON(ctx context.Context, req api.GetAtlasGeoJSONRequestObject) (api.GetAtlasGeoJSONResponseObject, error) {
	q := atlas.MapQuery{Indicator: req.Params.Indicator, Level: levelOf(req.Params.Level), Method: atlas.Quantile, Classes: 5}
	set(&q.Year, req.Params.Year)
	set(&q.District, req.Params.District)
	v, err := h.atlas.Map(ctx, principalFrom(ctx), q)
	if err != nil {
		return nil, err
	}
	bs, _, err := h.atlas.Geometry(ctx, v.Level, v.District)
	if err != nil {
		return nil, err
	}
	cells := map[atlas.AreaKey]atlas.Cell{}
	for _, c := range v.Cells {
		cells[c.Area] = c
	}
	attr := atlas.Attribution
	out := api.GetAtlasGeoJSON200ApplicationGeoPlusJSONResponse{Type: "FeatureCollection", Attribution: &attr, Features: []atlasFeature{}}
	for _, b := range bs {
		c, ok := cells[b.Area]
		if !ok {
			continue
		}
		g, err := geometryMap(b.Geometry, 5) // an export keeps the stored precision
		if err != nil {
			return nil, err
		}
		props := map[string]any{"indicator": v.Indicator.Key, "year": v.Year, "status": string(c.Status), "unit": v.Indicator.Unit}
		if c.Value != nil {
			props["value"] = *c.Value
		}
		if c.Suppression != atlas.ReasonNone {
			props["suppression"] = string(c.Suppression)
		}
		out.Features = append(out.Features, atlasFeature{Type: "Feature", Geometry: g,
			Properties: api.AtlasFeatureCollection_Features_Properties{Area: string(c.Area), Name: c.Name, AdditionalProperties: props}})
	}
	return out, nil
}

// AddAtlasBoundary implements api.StrictServerInterface.
func (h *handlers) AddAtlasBoundary(ctx context.Context, req api.AddAtlasBoundaryRequestObject) (api.AddAtlasBoundaryResponseObject, error) {
	area, err := atlas.ParseAreaKey(req.Body.Area)
	if err != nil {
		return nil, err
	}
	g, err := json.Marshal(req.Body.Geometry)
	if err != nil {
		return nil, err
	}
	vs, err := h.atlas.AddBoundary(ctx, principalFrom(ctx), atlas.Boundary{Area: area, Version: req.Body.Version,
		ValidFrom: req.Body.ValidFrom.Format("2006-01-02"), Geometry: g})
	if err != nil {
		return nil, err
	}
	h.geo.clear()
	out := api.AddAtlasBoundary201JSONResponse{Area: string(area)}
	for _, b := range vs {
		item := struct {
			ValidFrom string  `json:"valid_from"`
			ValidTo   *string `json:"valid_to,omitempty"`
			Version   string  `json:"version"`
		}{ValidFrom: b.ValidFrom, Version: b.Version}
		if b.ValidTo != "" {
			item.ValidTo = &b.ValidTo
		}
		out.Versions = append(out.Versions, item)
	}
	return out, nil
}
