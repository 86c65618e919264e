package httpapi

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/district"
)

// ListDistricts implements api.StrictServerInterface.
func (h *handlers) ListDistricts(ctx context.Context, _ api.ListDistrictsRequestObject) (api.ListDistrictsResponseObject, error) {
	ds, err := h.districts.List(ctx)
	if err != nil {
		return nil, err
	}
	items := make([]api.DistrictSummary, 0, len(ds))
	for _, d := range ds {
		items = append(items, districtSummary(d))
	}
	return api.ListDistricts200JSONResponse{Items: items}, nil
}

// GetDistrict implements api.StrictServerInterface.
func (h *handlers) GetDistrict(ctx context.Context, req api.GetDistrictRequestObject) (api.GetDistrictResponseObject, error) {
	if !district.ValidKey(req.Key) {
		return nil, district.ErrInvalidKey
	}
	d, err := h.districts.Get(ctx, req.Key)
	if err != nil {
		return nil, err
	}
	g, err := geometry(d.Boundary)
	if err != nil {
		return nil, err
	}
	s := districtSummary(d)
	return api.GetDistrict200JSONResponse{
		Key: s.Key, Name: s.Name, Kind: s.Kind, Population: s.Population,
		AreaKm2: d.AreaKm2, Geometry: g, Attribution: district.Attribution,
	}, nil
}

// ListDistrictBoundaries implements api.StrictServerInterface.
func (h *handlers) ListDistrictBoundaries(ctx context.Context, _ api.ListDistrictBoundariesRequestObject) (api.ListDistrictBoundariesResponseObject, error) {
	ds, err := h.districts.List(ctx)
	if err != nil {
		return nil, err
	}
	features := make([]api.DistrictFeature, 0, len(ds))
	for _, d := range ds {
		g, err := geometry(d.Boundary)
		if err != nil {
			return nil, err
		}
		features = append(features, api.DistrictFeature{Type: "Feature", Properties: districtSummary(d), Geometry: g})
	}
	return api.ListDistrictBoundaries200ApplicationGeoPlusJSONResponse{
		Type: "FeatureCollection", Attribution: district.Attribution, Features: features,
	}, nil
}

func districtSummary(d district.District) api.DistrictSummary {
	return api.DistrictSummary{Key: d.Key, Name: d.Name, Kind: api.DistrictKind(d.Kind), Population: d.Population}
}

// geometry converts an orb geometry into the contract's GeoJSON geometry.
func geometry(g orb.Geometry) (api.Geometry, error) {
	b, err := geojson.NewGeometry(g).MarshalJSON()
	if err != nil {
		return api.Geometry{}, fmt.Errorf("encode geometry: %w", err)
	}
	var out api.Geometry
	if err := json.Unmarshal(b, &out); err != nil {
		return api.Geometry{}, fmt.Errorf("decode geometry: %w", err)
	}
	return out, nil
}
