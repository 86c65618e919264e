// Package refdata embeds the reference data every installation starts with: the boundaries,
// kinds and populations of Thuringia's 22 districts, a copy of shared/data/thueringen-kreise.geojson
// (© GeoBasis-DE / BKG, dl-de/by-2-0; see district.Attribution).
package refdata

import _ "embed"

// DistrictsGeoJSON is the FeatureCollection of Thuringia's districts.
//
//go:embed thueringen-kreise.geojson
var DistrictsGeoJSON []byte
