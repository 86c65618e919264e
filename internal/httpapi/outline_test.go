package httpapi_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/geojson"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// Outlines of issue #9 in and around Erfurt (16051), as GeoJSON.
const (
	withParis = `{"type":"MultiPolygon","coordinates":[[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99],[11.02,50.97]]],` +
		`[[[2.34,48.85],[2.36,48.85],[2.36,48.87],[2.34,48.87],[2.34,48.85]]]]}`
	mostOfThuringia = `{"type":"Polygon","coordinates":[[[10.0,50.4],[12.06,50.4],[12.06,51.56],[10.0,51.56],[10.0,50.4]]]}`
	bowTie          = `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.99],[11.04,50.97],[11.02,50.99],[11.02,50.97]]]}`
)

// erfurtNorthWest is the north-west quarter of Erfurt's real boundary: an area along the border.
func erfurtNorthWest(t *testing.T) string {
	t.Helper()
	ds, err := district.ParseGeoJSON(refdata.DistrictsGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Key == "16051" {
			outline := d.Boundary.(orb.Polygon)
			b := outline.Bound()
			q := clip.Polygon(orb.Bound{Min: orb.Point{b.Min.Lon(), b.Center().Lat()}, Max: orb.Point{b.Center().Lon(), b.Max.Lat()}}, outline.Clone())
			out, err := geojson.NewGeometry(q).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			return string(out)
		}
	}
	t.Fatal("no Erfurt")
	return ""
}

type problemBody struct {
	Code   string
	Detail string
	Issues []struct {
		Index    int
		Property string
		Message  string
	}
	IssueCount int `json:"issue_count"`
}

// TestOutlinesAreCheckedAlikeEverywhere: a single area created or changed through the API gets the
// import's check: every part inside the district (up to the tolerance), every ring valid, and the
// answer names the area, part and ring.
func TestOutlinesAreCheckedAlikeEverywhere(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		create := func(name, geometry string) response {
			return coord.do("POST", "/api/v1/districts/16051/social-areas", fmt.Sprintf(`{"name":%q,"level":"sozialraum","geometry":%s}`, name, geometry))
		}
		refused := func(what string, r response, code, detail string) {
			t.Helper()
			p := decode[problemBody](t, r)
			if r.Status != 422 || p.Code != code || !strings.Contains(p.Detail, detail) {
				t.Errorf("%s = %d %s, want 422 %s %q", what, r.Status, r.Body, code, detail)
			}
		}
		refused("a part in Paris", create("Nord", withParis), "outside_district", `social area "Nord" lies outside district 16051: part 2 reaches 642 km beyond the boundary`)
		refused("most of Thuringia", create("Thüringen", mostOfThuringia), "outside_district", `social area "Thüringen" lies outside district 16051: it reaches`)
		refused("a bow-tie", create("Schleife", bowTie), "invalid_geometry", `social area "Schleife": outer ring crosses itself at 11.03000, 50.98000`)

		r := create("Nordwest", erfurtNorthWest(t))
		if r.Status != 201 {
			t.Fatalf("an area along the border = %d %s", r.Status, r.Body)
		}
		area := decode[struct{ ID int64 }](t, r)
		path := fmt.Sprintf("/api/v1/social-areas/%d", area.ID)
		refused("changed to a part in Paris", coord.do("PATCH", path, `{"geometry":`+withParis+`}`), "outside_district", `social area "Nordwest" lies outside district 16051: part 2`)
		refused("changed to a bow-tie", coord.do("PATCH", path, `{"geometry":`+bowTie+`}`), "invalid_geometry", "outer ring crosses itself")
		if got := coord.do("GET", path, ""); !strings.Contains(got.Body, `"type":"Polygon"`) || strings.Contains(got.Body, "2.34") {
			t.Errorf("a refused change was written: %s", got.Body)
		}
		if r := coord.do("PATCH", path, `{"geometry":`+erfurtSquare+`}`); r.Status != 200 {
			t.Errorf("a valid change = %d %s", r.Status, r.Body)
		}

		// The import applies the same rule and names each feature by index, name and code.
		feature := func(props, geometry string) string {
			return `{"type":"Feature","properties":` + props + `,"geometry":` + geometry + `}`
		}
		r = coord.do("POST", "/api/v1/districts/16051/social-areas/import", `{"type":"FeatureCollection","features":[`+strings.Join([]string{
			feature(`{"name":"Gut","level":"quartier","code":"G"}`, erfurtSquare),
			feature(`{"name":"Mit Paris","level":"quartier","code":"MP"}`, withParis),
			feature(`{"name":"Schleife","level":"quartier"}`, bowTie),
			feature(`{"name":"Thüringen","level":"planungsraum"}`, mostOfThuringia),
			feature(`{"name":"Kurz","level":"quartier","code":"K"}`, `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.02,50.97]]]}`),
			feature(`{"name":"Nordwest","level":"quartier"}`, erfurtNorthWest(t)),
		}, ",")+`]}`)
		p := decode[problemBody](t, r)
		want := []struct {
			index   int
			message string
		}{
			{1, `"Mit Paris" (code "MP"): outside district 16051: part 2 reaches 642 km beyond the boundary, at 2.34000, 48.85000 (a part may stick out by at most 1000 m`},
			{2, `"Schleife": outer ring crosses itself at 11.03000, 50.98000`},
			{3, `"Thüringen": outside district 16051: it reaches`},
			{4, `"Kurz" (code "K"): outer ring has 3 positions; a ring needs at least 4`},
		}
		if r.Status != 422 || p.Code != "import_invalid" || p.IssueCount != len(want) || len(p.Issues) != len(want) {
			t.Fatalf("import = %d %s", r.Status, r.Body)
		}
		for i, w := range want {
			if is := p.Issues[i]; is.Index != w.index || is.Property != "geometry" || !strings.HasPrefix(is.Message, w.message) {
				t.Errorf("issue %d = %+v, want feature %d %q", i, is, w.index, w.message)
			}
		}
		var list struct{ Items []json.RawMessage }
		if err := json.Unmarshal([]byte(coord.do("GET", "/api/v1/districts/16051/social-areas", "").Body), &list); err != nil || len(list.Items) != 1 {
			t.Errorf("a refused import wrote areas: %d %v", len(list.Items), err)
		}
	})
}
