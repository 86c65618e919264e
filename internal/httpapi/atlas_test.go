package httpapi_test

import (
	"context"
	"encoding/csv"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
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

// latest reads shared/data's wide file (copied into the parser's test data) of the newest values: district key -> column -> value.
func latest(t *testing.T) map[string]map[string]float64 {
	t.Helper()
	f, err := os.Open("../atlasimport/testdata/thueringen-atlas-latest.csv")
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
		// The map's boundaries: every district, coordinates to 3 decimals.
		g := b.do("GET", "/api/v1/atlas/geometry?level=district", "")
		if g.Status != 200 || strings.Count(g.Body, `"type":"Feature"`) != 22 || regexp.MustCompile(`[\[,]-?\d+\.\d{4}`).MatchString(g.Body) {
			t.Errorf("geometry: %d, %.300s", g.Status, g.Body)
		}
		// Without an indicator the map shows the catalogue's first (Demografie, then by key).
		if r := b.do("GET", "/api/v1/atlas/map", ""); r.Status != 200 || !strings.Contains(r.Body, `"indicator":{`) || !strings.Contains(r.Body, `"key":"einwohner"`) {
			t.Errorf("default map: %d %.200s", r.Status, r.Body)
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

// TestAtlasCatalogueAndCitations: the catalogue carries what each person may do (no rule in the
// browser), and an indicator and a value list what cites them.
func TestAtlasCatalogueAndCitations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		seedAtlas(t, a)
		type catalogue struct {
			Indicators   []struct{ Key string } `json:"indicators"`
			Actions      []string               `json:"actions"`
			ImportScopes []string               `json:"import_scopes"`
			Lebenslagen  []string               `json:"lebenslagen"`
		}
		for _, c := range []struct {
			provider, subject string
			actions, scopes   string
		}{
			{"", "", "", ""},
			{"buerger", "demo-buergerin", "", ""},
			{"verwaltung", "demo-koordination-erfurt", "add_indicator,import", "16051"},
			{"verwaltung", "demo-admin", "add_indicator,import,overview", "16"},
		} {
			b := a.browser(t)
			if c.provider != "" {
				b.login(c.provider, c.subject)
			}
			got := ok200[catalogue](t, b.do("GET", "/api/v1/atlas/catalogue", ""))
			if strings.Join(got.Actions, ",") != c.actions || strings.Join(got.ImportScopes, ",") != c.scopes || len(got.Indicators) != 10 || len(got.Lebenslagen) != 9 {
				t.Errorf("%s: %+v", c.subject, got)
			}
		}
		ctx := context.Background()
		v := 7010.0
		if err := store.NewAtlas(a.DB).Cite(ctx, atlas.Citation{Ref: "arbeitslose/16051/2021", Indicator: "arbeitslose", Kind: "needs_assessment",
			SubjectID: "12", Title: "Bedarf Jugendarbeit Erfurt-Nord", CitedValue: &v, CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		b := a.browser(t)
		if r := b.do("GET", "/api/v1/atlas/indicators/arbeitslose", ""); !strings.Contains(r.Body, "Bedarf Jugendarbeit Erfurt-Nord") {
			t.Errorf("indicator: %s", r.Body)
		}
		if r := b.do("GET", "/api/v1/atlas/values/arbeitslose/16051/2021", ""); !strings.Contains(r.Body, `"cited_value":7010`) {
			t.Errorf("value: %s", r.Body)
		}
		if r := b.do("GET", "/api/v1/atlas/values/arbeitslose/16052/2021", ""); !strings.Contains(r.Body, `"citations":[]`) {
			t.Errorf("another value lists the citation: %s", r.Body)
		}
	})
}

// TestAtlasLandOverview: admins compare the districts and see the state of participation.
func TestAtlasLandOverview(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		resident := a.browser(t).login("buerger", "demo-buergerin").me()
		e := newMatrixEnv(t, a, resident.ID, resident.Email) // a published process of Erfurt, open consultations
		e.newComment()
		admin := a.browser(t).login("verwaltung", "demo-admin")
		type overview struct {
			Year       int `json:"year"`
			Indicators []struct{ Key string }
			Land       []cellJSON `json:"land"`
			Districts  []struct {
				Key           string     `json:"key"`
				Cells         []cellJSON `json:"cells"`
				Participation struct {
					OpenProcesses     int `json:"open_processes"`
					OpenConsultations int `json:"open_consultations"`
					Contributions     int `json:"contributions"`
				} `json:"participation"`
			} `json:"districts"`
		}
		o := ok200[overview](t, admin.do("GET", "/api/v1/atlas/overview?indicators=arbeitslose,beschaeftigtenquote&year=2020", ""))
		if o.Year != 2020 || len(o.Indicators) != 2 || len(o.Districts) != 22 || len(o.Land) != 2 || o.Land[0].Value == nil {
			t.Fatalf("%+v", o)
		}
		erfurt := o.Districts[0]
		if erfurt.Key != "16051" || erfurt.Participation.OpenProcesses != 1 || erfurt.Participation.OpenConsultations != 2 ||
			erfurt.Participation.Contributions < 1 || len(erfurt.Cells) != 2 || erfurt.Cells[0].Value == nil {
			t.Errorf("Erfurt: %+v", erfurt)
		}
		if o.Districts[1].Participation.OpenProcesses != 0 {
			t.Errorf("Gera: %+v", o.Districts[1])
		}
		if r := admin.do("GET", "/api/v1/atlas/overview?indicators=a1,a2,a3,a4,a5,a6,a7", ""); r.Status != 422 && r.Status != 400 {
			t.Errorf("seven indicators: %d", r.Status)
		}
	})
}
