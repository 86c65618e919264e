package district

import (
	"fmt"

	"github.com/paulmach/orb/geojson"
)

// ParseGeoJSON reads districts from a FeatureCollection with the properties of
// shared/data/thueringen-kreise.geojson: ags, name, bez, einwohner, flaeche_km2. Every feature is
// checked; the first problem is reported with the feature's index.
func ParseGeoJSON(data []byte) ([]District, error) {
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, fmt.Errorf("%w: not a GeoJSON FeatureCollection: %v", ErrInvalid, err)
	}
	out := make([]District, 0, len(fc.Features))
	seen := make(map[string]bool, len(fc.Features))
	for i, f := range fc.Features {
		key := f.Properties.MustString("ags", "")
		kind, err := KindFromLabel(f.Properties.MustString("bez", ""))
		if err != nil {
			return nil, fmt.Errorf("feature %d (%s): %w", i, key, err)
		}
		d, err := New(key, f.Properties.MustString("name", ""), kind,
			int64(f.Properties.MustFloat64("einwohner", -1)), f.Properties.MustFloat64("flaeche_km2", -1), f.Geometry)
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		if seen[key] {
			return nil, fmt.Errorf("feature %d: %w: key %s appears twice", i, ErrInvalid, key)
		}
		seen[key] = true
		out = append(out, d)
	}
	return out, nil
}
