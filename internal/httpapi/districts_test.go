package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

type scenario struct {
	name, method, path string
	status             int
	contentType        string
	code               string // the problem code, for errors
	check              func(t *testing.T, body []byte)
}

const problemJSON = "application/problem+json"

var districtScenarios = []scenario{
	{name: "list", method: "GET", path: "/api/v1/districts", status: 200, contentType: "application/json", check: func(t *testing.T, b []byte) {
		var l api.DistrictList
		mustJSON(t, b, &l)
		if len(l.Items) != 22 || l.Items[0].Key != "16051" || l.Items[0].Name != "Erfurt" || l.Items[0].Kind != "kreisfreie_stadt" || l.Items[0].Population != 214969 {
			t.Errorf("list: %d items, first %+v", len(l.Items), l.Items[0])
		}
		if strings.Contains(string(b), "coordinates") {
			t.Error("the list carries geometries")
		}
	}},
	{name: "one", method: "GET", path: "/api/v1/districts/16063", status: 200, contentType: "application/json", check: func(t *testing.T, b []byte) {
		var d api.District
		mustJSON(t, b, &d)
		if d.Name != "Wartburgkreis" || d.Kind != "landkreis" || d.Population != 159539 || d.AreaKm2 != 1371.15 {
			t.Errorf("district = %+v", d)
		}
		if (d.Geometry.Type != "Polygon" && d.Geometry.Type != "MultiPolygon") || len(d.Geometry.Coordinates) == 0 {
			t.Errorf("geometry = %s with %d parts", d.Geometry.Type, len(d.Geometry.Coordinates))
		}
		if !strings.Contains(d.Attribution, "GeoBasis-DE / BKG") {
			t.Errorf("attribution = %q", d.Attribution)
		}
	}},
	{name: "boundaries", method: "GET", path: "/api/v1/district-boundaries", status: 200, contentType: "application/geo+json", check: func(t *testing.T, b []byte) {
		var fc api.DistrictFeatureCollection
		mustJSON(t, b, &fc)
		if fc.Type != "FeatureCollection" || len(fc.Features) != 22 || fc.Features[0].Properties.Key != "16051" || fc.Attribution == "" {
			t.Errorf("collection: %s, %d features", fc.Type, len(fc.Features))
		}
	}},
	{name: "unknown key", method: "GET", path: "/api/v1/districts/16056", status: 404, contentType: problemJSON, code: "district_not_found"},
	{name: "malformed key", method: "GET", path: "/api/v1/districts/erfurt", status: 400, contentType: problemJSON, code: "invalid_request", check: func(t *testing.T, b []byte) {
		if !strings.Contains(string(b), "parameter key in path") {
			t.Errorf("detail does not name the parameter: %s", b)
		}
	}},
	{name: "six digits", method: "GET", path: "/api/v1/districts/160510", status: 400, contentType: problemJSON, code: "invalid_request"},
	{name: "unknown api path", method: "GET", path: "/api/v1/nothing-here", status: 404, contentType: problemJSON, code: "not_found"},
	{name: "wrong method", method: "DELETE", path: "/api/v1/districts/16051", status: 405, contentType: problemJSON, code: "method_not_allowed"},
	{name: "spa root", method: "GET", path: "/", status: 200, contentType: "text/html", check: isIndex},
	{name: "spa deep link", method: "GET", path: "/districts/16051", status: 200, contentType: "text/html", check: isIndex},
	{name: "asset", method: "GET", path: "/assets/app-1a2b.js", status: 200, contentType: "text/javascript"},
	{name: "missing asset", method: "GET", path: "/assets/gone.js", status: 404, contentType: problemJSON, code: "not_found"},
	{name: "healthz", method: "GET", path: "/healthz", status: 200, contentType: "application/json"},
	{name: "readyz", method: "GET", path: "/readyz", status: 200, contentType: "application/json"},
}

func TestDistrictScenarios(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newServer(t, db, nil)
		for _, s := range districtScenarios {
			t.Run(s.name, func(t *testing.T) {
				rec := do(e, s.method, s.path)
				if rec.Code != s.status {
					t.Fatalf("%s %s = %d, want %d: %s", s.method, s.path, rec.Code, s.status, rec.Body)
				}
				if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, s.contentType) {
					t.Errorf("content type %q, want %q", ct, s.contentType)
				}
				if s.code != "" {
					var p api.Problem
					mustJSON(t, rec.Body.Bytes(), &p)
					if p.Code != s.code || p.Status != s.status || p.Title == "" || p.RequestId == nil || *p.RequestId == "" {
						t.Errorf("problem = %+v, want code %s", p, s.code)
					}
				}
				if s.check != nil {
					s.check(t, rec.Body.Bytes())
				}
			})
		}
	})
}

func isIndex(t *testing.T, b []byte) {
	t.Helper()
	if !strings.Contains(string(b), `<div id=root>`) {
		t.Errorf("not index.html: %s", b)
	}
}

func mustJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
}
