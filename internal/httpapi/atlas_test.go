package httpapi_test

import (
	"context"
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// seedAtlas loads the atlas's reference data (INKAR and population) into the app's database.
func seedAtlas(t *testing.T, a *app) {
	t.Helper()
	if err := refdata.LoadAtlas(context.Background(), a.Atlas); err != nil {
		t.Fatal(err)
	}
}

type cellJSON struct {
	Area        string   `json:"area"`
	Name        string   `json:"name"`
	Value       *float64 `json:"value"`
	Status      string   `json:"status"`
	Suppression string   `json:"suppression"`
	Class       *int     `json:"class"`
	Ref         string   `json:"ref"`
}

type mapJSON struct {
	Year        int        `json:"year"`
	Years       []int      `json:"years"`
	Land        *cellJSON  `json:"land"`
	Values      []cellJSON `json:"values"`
	Breaks      []float64  `json:"breaks"`
	Attribution string     `json:"attribution"`
}

// ok200 decodes an answer that must be 200.
func ok200[T any](t *testing.T, r response) T {
	t.Helper()
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	return decode[T](t, r)
}

// latest reads shared/data's wide file of the newest values: district key -> column -> value.
func latest(t *testing.T) map[string]map[string]float64 {
	t.Helper()
	f, err := os.Open("../../../shared/data/thueringen-atlas-latest.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]float64{}
	for _, r := range rows[1:] {
		out[r[0]] = map[string]float64{}
		for i, h := range rows[0] {
			if v, err := strconv.ParseFloat(r[i], 64); err == nil {
				out[r[0]][h] = v
			}
		}
	}
	return out
}

// TestAtlasMapShowsTheSharedValues: the seeded INKAR values of a known indicator and year are the
// ones of shared/data, for every district, with the Land's value, classes and the attribution.
func TestAtlasMapShowsTheSharedValues(t *testing.T) {
	want := latest(t)
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		seedAtlas(t, a)
		seedAtlas(t, a) // a second start changes nothing
		b := a.browser(t)
		for _, ind := range []string{"beschaeftigtenquote", "schuldnerquote", "arbeitslose", "arbeitslose_je_100_erwerbsfaehige"} {
			m := ok200[mapJSON](t, b.do("GET", "/api/v1/atlas/map?indicator="+ind+"&year=2021&method=jenks&classes=4", ""))
			if m.Year != 2021 || len(m.Values) != 22 || len(m.Breaks) != 5 || !strings.Contains(m.Attribution, "CC BY 4.0") {
				t.Fatalf("%s: year %d, %d values, breaks %v", ind, m.Year, len(m.Values), m.Breaks)
			}
			for _, c := range m.Values {
				if c.Status != "shown" || c.Value == nil || *c.Value != want[c.Area][ind+"_2021"] || c.Class == nil {
					t.Errorf("%s %s: %+v, want %v", ind, c.Area, c, want[c.Area][ind+"_2021"])
				}
				if c.Ref != ind+"/"+c.Area+"/2021" {
					t.Errorf("ref %q", c.Ref)
				}
			}
		}
		m := ok200[mapJSON](t, b.do("GET", "/api/v1/atlas/map?indicator=arbeitslose", ""))
		var total float64
		for _, c := range m.Values {
			total += *c.Value
		}
		if m.Year != 2021 || m.Land == nil || *m.Land.Value != total || len(m.Years) != 27 {
			t.Errorf("newest year %d, Land %+v (want the sum %v), years %v", m.Year, m.Land, total, m.Years)
		}
		if r := b.do("GET", "/api/v1/atlas/map?indicator=unbekannt", ""); r.Status != 404 || !strings.Contains(r.Body, "indicator_not_found") {
			t.Errorf("unknown indicator: %d %s", r.Status, r.Body)
		}
		if r := b.do("GET", "/api/v1/atlas/map?indicator=arbeitslose&method=magic", ""); r.Status != 400 {
			t.Errorf("bad method: %d", r.Status)
		}
	})
}

// TestAtlasSeriesProfileAndReference: the series of a district against the Land, the profile's
// ranks and Land values, a value by its stable reference.
func TestAtlasSeriesProfileAndReference(t *testing.T) {
	want := latest(t)
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		seedAtlas(t, a)
		b := a.browser(t)
		type seriesJSON struct {
			Series []struct {
				Area   string `json:"area"`
				Points []struct {
					Year  int      `json:"year"`
					Value *float64 `json:"value"`
				} `json:"points"`
			} `json:"series"`
		}
		series := ok200[seriesJSON](t, b.do("GET", "/api/v1/atlas/series?indicator=beschaeftigtenquote&areas=16053,16", ""))
		if len(series.Series) != 2 || series.Series[0].Area != "16053" || len(series.Series[0].Points) != 25 || len(series.Series[1].Points) != 25 {
			t.Fatalf("series: %+v", series)
		}
		last := series.Series[0].Points[24]
		if last.Year != 2021 || *last.Value != want["16053"]["beschaeftigtenquote_2021"] {
			t.Errorf("Jena 2021: %+v", last)
		}
		type profileJSON struct {
			Areas  []struct{ Key, Name string } `json:"areas"`
			Groups []struct {
				Lebenslage string `json:"lebenslage"`
				Indicators []struct {
					Indicator struct{ Key string } `json:"indicator"`
					Cells     []struct {
						Value  *float64 `json:"value"`
						Land   *float64 `json:"land"`
						Rank   int      `json:"rank"`
						Of     int      `json:"of"`
						Series []any    `json:"series"`
					} `json:"cells"`
				} `json:"indicators"`
			} `json:"groups"`
		}
		profile := ok200[profileJSON](t, b.do("GET", "/api/v1/atlas/profile?areas=16051,16053", ""))
		if len(profile.Areas) != 2 || profile.Areas[0].Name != "Erfurt" {
			t.Fatalf("areas: %+v", profile.Areas)
		}
		found := false
		for _, g := range profile.Groups {
			for _, row := range g.Indicators {
				if row.Indicator.Key != "schulabgaenger_ohne_abschluss" {
					continue
				}
				found = true
				// Jena has the fewest school leavers without a qualification: rank 1 of 22 (lower is better).
				jena := row.Cells[1]
				if g.Lebenslage != "bildung" || *jena.Value != want["16053"]["schulabgaenger_ohne_abschluss_2021"] || jena.Rank != 1 || jena.Of != 22 || len(jena.Series) != 27 {
					t.Errorf("Jena: %+v", jena)
				}
			}
		}
		if !found {
			t.Errorf("no Bildung group in %+v", profile.Groups)
		}
		v := ok200[cellJSON](t, b.do("GET", "/api/v1/atlas/values/arbeitslose/16051/2021", ""))
		if *v.Value != want["16051"]["arbeitslose_2021"] || v.Ref != "arbeitslose/16051/2021" {
			t.Errorf("value: %+v", v)
		}
		if r := b.do("GET", "/api/v1/atlas/values/arbeitslose/16051/1990", ""); r.Status != 404 {
			t.Errorf("a year without data: %d", r.Status)
		}
		if r := b.do("GET", "/api/v1/atlas/values/arbeitslose/erfurt/2021", ""); r.Status != 400 || !strings.Contains(r.Body, "bad_area_key") {
			t.Errorf("bad key: %d %s", r.Status, r.Body)
		}
	})
}
