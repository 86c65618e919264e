package httpapi_test

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func ptr(v float64) *float64 { return &v }

// smallCounts gives Erfurt four social areas with a count of 2 (below the minimum of 3), 10, 15
// and 40, and the district's total 67: the 2 is withheld, and so is the 10, or the 2 would be
// 67 - 15 - 40 - 10.
func smallCounts(t *testing.T, a *app) {
	t.Helper()
	ctx := context.Background()
	plan := store.NewPlanning(a.DB)
	for i, code := range []string{"SR1", "SR2", "SR3", "SR4"} {
		ar := erfurtArea("Sozialraum " + code + " (Beispiel)")
		ar.Code = code
		if _, err := plan.InsertArea(ctx, ar); err != nil {
			t.Fatal(i, err)
		}
	}
	in := atlas.Indicator{Key: "kinder_sgb2", NameDE: "Kinder in Bedarfsgemeinschaften (Beispiel)", NameEN: "Children in benefit households (example)",
		Lebenslage: atlas.Einkommen, Kind: atlas.KindCount, Direction: atlas.HigherWorse, Levels: []atlas.Level{atlas.LevelDistrict, atlas.LevelArea}}
	if _, err := a.Atlas.AddIndicator(ctx, fixtureAdmin, in); err != nil {
		t.Fatal(err)
	}
	var vs []atlas.Value
	for code, v := range map[string]float64{"SR1": 2, "SR2": 10, "SR3": 15, "SR4": 40} {
		vs = append(vs, atlas.Value{Indicator: "kinder_sgb2", Area: atlas.DistrictArea("16051", code), Year: 2021, Value: ptr(v)})
	}
	vs = append(vs, atlas.Value{Indicator: "kinder_sgb2", Area: "16051", Year: 2021, Value: ptr(67)})
	if err := store.NewAtlas(a.DB).UpsertValues(ctx, vs); err != nil {
		t.Fatal(err)
	}
	if err := a.Atlas.Redisclose(ctx, []string{"kinder_sgb2"}, []int{2021}); err != nil {
		t.Fatal(err)
	}
}

// TestAtlasWithheldValuesNeverReachThePublic checks every endpoint that carries values: the
// public and other districts' coordinators never get a withheld value (nor anything it could be
// recovered from), Erfurt's coordinators do, with the reason, and the log says what and why.
func TestAtlasWithheldValuesNeverReachThePublic(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		seedAtlas(t, a)
		smallCounts(t, a)
		anon := a.browser(t)
		resident := a.browser(t).login("buerger", "demo-buergerin")
		jena := a.browser(t).login("verwaltung", "demo-koordination-jena")
		admin := a.browser(t).login("verwaltung", "demo-admin")
		erfurt := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		withheld := map[string]string{"16051:SR1": "small_count", "16051:SR2": "secondary"}

		for name, b := range map[string]*browser{"anonymous": anon, "resident": resident, "coordinator of Jena": jena, "admin": admin, "coordinator of Erfurt": erfurt} {
			sees := name == "coordinator of Erfurt"
			m := ok200[mapJSON](t, b.do("GET", "/api/v1/atlas/map?indicator=kinder_sgb2&year=2021&level=area&district=16051", ""))
			if len(m.Values) != 4 {
				t.Fatalf("%s: %+v", name, m.Values)
			}
			for _, c := range m.Values {
				reason, hidden := withheld[c.Area]
				switch {
				case hidden && (c.Status != "suppressed" || c.Suppression != reason || (c.Value != nil) != sees):
					t.Errorf("%s: %s is %+v, want withheld (%s), value shown: %v", name, c.Area, c, reason, sees)
				case hidden && c.Class != nil && !sees:
					t.Errorf("%s: %s has a class", name, c.Area)
				case !hidden && (c.Status != "shown" || c.Value == nil):
					t.Errorf("%s: %s is %+v", name, c.Area, c)
				}
			}
			// Class limits come from the public values only.
			for _, br := range m.Breaks {
				if br == 2 || br == 10 {
					t.Errorf("%s: a break %v betrays a withheld value", name, br)
				}
			}
			for area := range withheld {
				v := ok200[cellJSON](t, b.do("GET", "/api/v1/atlas/values/kinder_sgb2/"+area+"/2021", ""))
				if (v.Value != nil) != sees || v.Status != "suppressed" {
					t.Errorf("%s: value %s: %+v", name, area, v)
				}
				s := b.do("GET", "/api/v1/atlas/series?indicator=kinder_sgb2&areas="+area, "")
				if strings.Contains(s.Body, `"value"`) != sees {
					t.Errorf("%s: series of %s: %s", name, area, s.Body)
				}
				p := b.do("GET", "/api/v1/atlas/profile?areas="+area, "")
				// The area has only this one value: the profile carries a number exactly when it may.
				if p.Status != 200 || !strings.Contains(p.Body, `"status":"suppressed"`) || strings.Contains(p.Body, `"value"`) != sees {
					t.Errorf("%s: profile of %s: %d", name, area, p.Status)
				}
			}
			g := b.do("GET", "/api/v1/atlas/geojson?indicator=kinder_sgb2&year=2021&level=area&district=16051", "")
			if g.Status != 200 || strings.Contains(g.Body, `"value":2,`) != sees || strings.Contains(g.Body, `"value":10,`) != sees {
				t.Errorf("%s: GeoJSON %d: %s", name, g.Status, g.Body)
			}
		}
		// Open data and the reports are the public's: no withheld value, whoever asks.
		for _, b := range []*browser{anon, erfurt} {
			r := b.do("GET", "/api/v1/atlas/open-data", "")
			rows, err := csv.NewReader(strings.NewReader(r.Body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			shown := 0
			for _, row := range rows {
				if len(row) > 1 && row[0] == "kinder_sgb2" {
					if _, hidden := withheld[row[1]]; hidden {
						t.Errorf("open data carries %v", row)
					}
					shown++
				}
			}
			if shown != 3 || !strings.Contains(r.Body, "CC BY 4.0") {
				t.Errorf("open data: %d rows of kinder_sgb2 (want SR3, SR4 and Erfurt)", shown)
			}
		}
		for _, b := range []*browser{anon, jena} {
			x := b.do("GET", "/api/v1/atlas/profile/report?area=16051:SR1&format=xlsx", "")
			if x.Status != 200 || !strings.HasPrefix(x.Body, "PK") {
				t.Fatalf("xlsx: %d", x.Status)
			}
			if p := b.do("GET", "/api/v1/atlas/profile/report?area=16051&format=pdf", ""); p.Status != 200 || !strings.HasPrefix(p.Body, "%PDF") {
				t.Fatalf("pdf: %d", p.Status)
			}
		}
		// The log: admins read all of it, Erfurt's coordinators theirs, Jena's none, the public nothing.
		logOf := func(b *browser) string {
			return b.do("GET", "/api/v1/atlas/suppressions?indicator=kinder_sgb2", "").Body
		}
		if l := logOf(admin); !strings.Contains(l, `"area":"16051:SR1","at"`) && !strings.Contains(l, "small_count") || !strings.Contains(l, "secondary") {
			t.Errorf("admin's log: %s", l)
		}
		if l := logOf(jena); strings.Contains(l, "16051") {
			t.Errorf("Jena reads Erfurt's log: %s", l)
		}
		if r := anon.do("GET", "/api/v1/atlas/suppressions?indicator=kinder_sgb2", ""); r.Status != 401 {
			t.Errorf("anonymous log: %d", r.Status)
		}
	})
}
