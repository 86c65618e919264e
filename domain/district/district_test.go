package district_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/internal/refdata"
)

var square = orb.Polygon{{{11, 50}, {11.1, 50}, {11.1, 50.1}, {11, 50.1}, {11, 50}}}

func TestNewValidates(t *testing.T) {
	cases := []struct {
		name    string
		key     string
		dname   string
		kind    district.Kind
		pop     int64
		geom    orb.Geometry
		wantErr error
	}{
		{"valid", "16051", "Erfurt", district.KindKreisfreieStadt, 214969, square, nil},
		{"valid multipolygon", "16061", "Eichsfeld", district.KindLandkreis, 1, orb.MultiPolygon{square}, nil},
		{"short key", "1605", "Erfurt", district.KindKreisfreieStadt, 1, square, district.ErrInvalidKey},
		{"letters in key", "1605a", "Erfurt", district.KindKreisfreieStadt, 1, square, district.ErrInvalidKey},
		{"empty name", "16051", "  ", district.KindKreisfreieStadt, 1, square, district.ErrInvalid},
		{"unknown kind", "16051", "Erfurt", "bezirk", 1, square, district.ErrInvalid},
		{"negative population", "16051", "Erfurt", district.KindLandkreis, -1, square, district.ErrInvalid},
		{"point boundary", "16051", "Erfurt", district.KindLandkreis, 1, orb.Point{11, 50}, district.ErrInvalid},
		{"no boundary", "16051", "Erfurt", district.KindLandkreis, 1, nil, district.ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := district.New(c.key, c.dname, c.kind, c.pop, 1, c.geom)
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("New() error = %v, want %v", err, c.wantErr)
			}
			if err == nil && d.Name != strings.TrimSpace(c.dname) {
				t.Errorf("name = %q", d.Name)
			}
		})
	}
}

func TestKindFromLabel(t *testing.T) {
	for label, want := range map[string]district.Kind{"Landkreis": district.KindLandkreis, "Kreisfreie Stadt": district.KindKreisfreieStadt} {
		got, err := district.KindFromLabel(label)
		if err != nil || got != want {
			t.Errorf("KindFromLabel(%q) = %q, %v", label, got, err)
		}
	}
	if _, err := district.KindFromLabel("Bezirk"); !errors.Is(err, district.ErrInvalid) {
		t.Errorf("unknown label accepted: %v", err)
	}
}

func TestParseGeoJSONReadsThuringia(t *testing.T) {
	ds, err := district.ParseGeoJSON(refdata.DistrictsGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 22 {
		t.Fatalf("got %d districts, want 22", len(ds))
	}
	kinds := map[district.Kind]int{}
	var erfurt district.District
	for _, d := range ds {
		kinds[d.Kind]++
		if d.Key == "16051" {
			erfurt = d
		}
	}
	if kinds[district.KindLandkreis] != 17 || kinds[district.KindKreisfreieStadt] != 5 {
		t.Errorf("kinds = %v, want 17 Landkreise and 5 kreisfreie Städte", kinds)
	}
	if erfurt.Name != "Erfurt" || erfurt.Population != 214969 || erfurt.Kind != district.KindKreisfreieStadt {
		t.Errorf("Erfurt = %+v", erfurt)
	}
	if c := erfurt.Boundary.Bound().Center(); c.Lon() < 10.8 || c.Lon() > 11.3 || c.Lat() < 50.8 || c.Lat() > 51.1 {
		t.Errorf("Erfurt's boundary is centred at %v, not in Erfurt", c)
	}
}

func TestParseGeoJSONRejectsBrokenInput(t *testing.T) {
	feature := func(props, geom string) string {
		return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":` + props + `,"geometry":` + geom + `}]}`
	}
	poly := `{"type":"Polygon","coordinates":[[[11,50],[11.1,50],[11.1,50.1],[11,50]]]}`
	good := `{"ags":"16051","name":"Erfurt","bez":"Kreisfreie Stadt","einwohner":1,"flaeche_km2":1}`
	cases := map[string]struct{ input, want string }{
		"not json":      {`{`, "not a GeoJSON FeatureCollection"},
		"bad key":       {feature(`{"ags":"160","name":"X","bez":"Landkreis","einwohner":1,"flaeche_km2":1}`, poly), "5 digits"},
		"unknown kind":  {feature(`{"ags":"16051","name":"X","bez":"Bezirk","einwohner":1,"flaeche_km2":1}`, poly), "feature 0 (16051)"},
		"point":         {feature(good, `{"type":"Point","coordinates":[11,50]}`), "Polygon or MultiPolygon"},
		"no population": {feature(`{"ags":"16051","name":"X","bez":"Landkreis","flaeche_km2":1}`, poly), "negative"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := district.ParseGeoJSON([]byte(c.input))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want it to mention %q", err, c.want)
			}
		})
	}
	twice := `{"type":"FeatureCollection","features":[{"type":"Feature","properties":` + good + `,"geometry":` + poly + `},{"type":"Feature","properties":` + good + `,"geometry":` + poly + `}]}`
	if _, err := district.ParseGeoJSON([]byte(twice)); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate key accepted: %v", err)
	}
}
