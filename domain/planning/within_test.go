package planning_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/refdata"
)

// boundaryOf is a district's real (generalised) boundary from the reference data.
func boundaryOf(t testing.TB, key string) orb.Geometry {
	t.Helper()
	ds, err := district.ParseGeoJSON(refdata.DistrictsGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Key == key {
			return d.Boundary
		}
	}
	t.Fatalf("no district %s", key)
	return nil
}

// The shapes of issue #9, in and around Erfurt (16051).
var (
	erfurtSquare = square(11.02, 50.97, 0.02)
	paris        = square(2.34, 48.85, 0.02)
	// Most of Thuringia, centred on Erfurt: from Eisenach to Gera, from Sonneberg to Nordhausen.
	thuringia = orb.Polygon{{{10.0, 50.4}, {12.06, 50.4}, {12.06, 51.56}, {10.0, 51.56}, {10.0, 50.4}}}
	bowTie    = orb.Polygon{{{11.02, 50.97}, {11.04, 50.99}, {11.04, 50.97}, {11.02, 50.99}, {11.02, 50.97}}}
)

// pushed is a ring with a position added in the middle of each edge, moved outwards by the given
// metres: the detail of a real border that the generalisation dropped, where it bulges out. With
// share > 0 an edge bulges by at most that share of its length, so the ring does not cross itself
// at sharp corners.
func pushed(r orb.Ring, metres, share float64) orb.Ring {
	sign := 1.0
	if r.Orientation() == orb.CW {
		sign = -1
	}
	var out orb.Ring
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		k := math.Cos(a.Lat() * math.Pi / 180)
		dx, dy := (b.Lon()-a.Lon())*111320*k, (b.Lat()-a.Lat())*110574
		l := math.Hypot(dx, dy)
		// The right-hand normal points out of a counter-clockwise ring.
		m := metres
		if share > 0 {
			m = math.Min(m, share*l)
		}
		nx, ny := sign*dy/l*m, -sign*dx/l*m
		out = append(out, a, orb.Point{(a.Lon()+b.Lon())/2 + nx/(111320*k), (a.Lat()+b.Lat())/2 + ny/110574})
	}
	return append(out, r[0])
}

func TestEveryPartMustLieInTheDistrict(t *testing.T) {
	erfurt := planning.NewBoundary(boundaryOf(t, "16051"))
	outline := boundaryOf(t, "16051").(orb.Polygon)
	b := outline.Bound()
	northWest := clip.Polygon(orb.Bound{Min: orb.Point{b.Min.Lon(), b.Center().Lat()}, Max: orb.Point{b.Center().Lon(), b.Max.Lat()}}, outline.Clone())
	for name, g := range map[string]orb.Geometry{
		"a square in the centre":                   erfurtSquare,
		"Erfurt's own outline":                     outline,
		"its north-west quarter, along the border": northWest,
		"the border 600 m further out":             orb.Polygon{pushed(outline[0], 600, 0)},
		"two parts in Erfurt":                      orb.MultiPolygon{erfurtSquare, square(10.95, 50.93, 0.01)},
	} {
		if err := erfurt.Check(g); err != nil {
			t.Errorf("%s refused: %v", name, err)
		}
	}
	for name, c := range map[string]struct {
		g    orb.Geometry
		want string
	}{
		"a second part in Paris":             {orb.MultiPolygon{erfurtSquare, paris}, "part 2 reaches 642 km"},
		"a rectangle over most of Thuringia": {thuringia, "it reaches "},
		"Gotha, the neighbour":               {boundaryOf(t, "16067"), "it reaches "},
		"the border 1,500 m further out":     {orb.Polygon{pushed(outline[0], 1500, 0)}, "it reaches 1"},
	} {
		err := erfurt.Check(c.g)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "at most 1000 m") {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

func TestRealDistrictsWithHolesAndExclaves(t *testing.T) {
	// Weimarer Land encloses Weimar: its whole boundary is inside, its outer ring alone covers Weimar.
	weimarerLand := boundaryOf(t, "16071").(orb.Polygon)
	wl := planning.NewBoundary(weimarerLand)
	if err := wl.Check(weimarerLand); err != nil {
		t.Errorf("Weimarer Land in itself: %v", err)
	}
	if err := wl.Check(orb.Polygon{weimarerLand[0]}); err == nil || !strings.Contains(err.Error(), "encloses but does not include") {
		t.Errorf("Weimarer Land with Weimar: %v", err)
	}
	if err := wl.Check(boundaryOf(t, "16055")); err == nil {
		t.Error("Weimar accepted as part of Weimarer Land")
	}
	// Schmalkalden-Meiningen has an exclave: both parts are inside it and outside its neighbour.
	sm := boundaryOf(t, "16066")
	if err := planning.NewBoundary(sm).Check(sm); err != nil {
		t.Errorf("Schmalkalden-Meiningen in itself: %v", err)
	}
	if err := planning.NewBoundary(boundaryOf(t, "16069")).Check(sm); err == nil || !strings.Contains(err.Error(), "part 1") {
		t.Errorf("Schmalkalden-Meiningen in Hildburghausen: %v", err)
	}
}

func TestInvalidRingsAreNamed(t *testing.T) {
	shell := orb.Ring{{11.0, 50.9}, {11.1, 50.9}, {11.1, 51.0}, {11.0, 51.0}, {11.0, 50.9}}
	for name, c := range map[string]struct {
		g    orb.Geometry
		want string
	}{
		"bow-tie":          {bowTie, "outer ring crosses itself at 11.03000, 50.98000"},
		"unclosed":         {orb.Polygon{shell[:4]}, "outer ring is not closed"},
		"too short":        {orb.Polygon{{{11, 50}, {11.1, 50}, {11, 50}}}, "outer ring has 3 positions; a ring needs at least 4"},
		"flat":             {orb.Polygon{{{11, 50}, {11.1, 50}, {11.2, 50}, {11, 50}}}, "outer ring turns back on itself"},
		"spike":            {orb.Polygon{{{11, 50}, {11.1, 50}, {11.1, 50.1}, {11.1, 50.05}, {11.2, 50.05}, {11.1, 50.05}, {11, 50.1}, {11, 50}}}, "turns back on itself at 11.10000, 50.10000"},
		"hole outside":     {orb.Polygon{shell, {{11.2, 50.9}, {11.3, 50.9}, {11.3, 51.0}, {11.2, 50.9}}}, "hole 1 lies outside its outer ring"},
		"hole across":      {orb.Polygon{shell, {{11.05, 50.95}, {11.15, 50.95}, {11.15, 50.97}, {11.05, 50.95}}}, "hole 1 crosses the outer ring at 11.10000"},
		"bow-tie, part 2":  {orb.MultiPolygon{orb.Polygon{shell}, bowTie}, "part 2, outer ring crosses itself"},
		"crossing parts":   {orb.MultiPolygon{orb.Polygon{shell}, square(11.05, 50.95, 0.1)}, "part 2 crosses part 1"},
		"through a vertex": {orb.Polygon{{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}, {1, -1}, {0, -1}, {0, 0}}}, "outer ring crosses itself at 1.00000, 0.00000"},
	} {
		err := planning.ValidateGeometry(c.g)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
	// Valid: a hole inside, a hole touching the outer ring at one position, a ring touching itself
	// at one position, and the real boundaries.
	for name, g := range map[string]orb.Geometry{
		"hole":            orb.Polygon{shell, {{11.02, 50.92}, {11.05, 50.92}, {11.05, 50.95}, {11.02, 50.92}}},
		"touching hole":   orb.Polygon{shell, {{11.0, 50.95}, {11.05, 50.92}, {11.05, 50.97}, {11.0, 50.95}}},
		"touching itself": orb.Polygon{{{0, 0}, {2, 0}, {2, 2}, {1, 0}, {0, 2}, {0, 0}}},
		"Weimarer Land":   boundaryOf(t, "16071"),
		"Erfurt pushed":   orb.Polygon{pushed(boundaryOf(t, "16051").(orb.Polygon)[0], 600, 0.25)},
	} {
		if err := planning.ValidateGeometry(g); err != nil {
			t.Errorf("%s refused: %v", name, err)
		}
	}
}

func TestSingleAreaGetsTheImportsCheck(t *testing.T) {
	area := planning.SocialArea{DistrictKey: "16051", Name: "Nord", Level: planning.LevelSozialraum, Geometry: orb.MultiPolygon{erfurtSquare, paris}}
	if err := area.Validate(); err != nil {
		t.Fatal(err)
	}
	err := area.CheckDistrict(planning.NewBoundary(boundaryOf(t, "16051")))
	if !errors.Is(err, planning.ErrOutsideDistrict) || !strings.Contains(err.Error(), `social area "Nord" lies outside district 16051: part 2 reaches`) {
		t.Errorf("Paris part: %v", err)
	}
	area.Geometry = bowTie
	if err := area.Validate(); !errors.Is(err, planning.ErrInvalidGeometry) || !strings.Contains(err.Error(), `social area "Nord": outer ring crosses itself`) {
		t.Errorf("bow-tie: %v", err)
	}
}

func TestImportNamesTheFeatureAndRing(t *testing.T) {
	_, issues := planning.PlanImport(fc(
		feature(`{"name":"Gut","level":"quartier","code":"G"}`, inErfurt),
		feature(`{"name":"Mit Paris","level":"quartier","code":"MP"}`, `{"type":"MultiPolygon","coordinates":[[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99],[11.02,50.97]]],[[[2.34,48.85],[2.36,48.85],[2.36,48.87],[2.34,48.87],[2.34,48.85]]]]}`),
		feature(`{"name":"Schleife","level":"quartier"}`, `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.99],[11.04,50.97],[11.02,50.99],[11.02,50.97]]]}`),
		feature(`{"name":"Thüringen","level":"planungsraum","code":"TH"}`, `{"type":"Polygon","coordinates":[[[10.0,50.4],[12.06,50.4],[12.06,51.56],[10.0,51.56],[10.0,50.4]]]}`),
		feature(`{"level":"quartier","code":"K"}`, `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.02,50.97]]]}`),
	), "16051", boundaryOf(t, "16051"), nil)
	want := map[int]string{
		1: `"Mit Paris" (code "MP"): outside district 16051: part 2 reaches`,
		2: `"Schleife": outer ring crosses itself at 11.03000, 50.98000`,
		3: `"Thüringen" (code "TH"): outside district 16051: it reaches`,
		4: `code "K": outer ring has 3 positions`,
	}
	got := map[int]string{}
	for _, is := range issues {
		if is.Property == "geometry" {
			got[is.Index] = is.Message
		}
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("feature %d: %q, want %q", i, got[i], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("geometry issues %v", got)
	}
}

// circle is a ring of n positions around a centre, r degrees of latitude wide.
func circle(lon, lat, r float64, n int) string {
	var b strings.Builder
	b.WriteString(`{"type":"Polygon","coordinates":[[`)
	for i := 0; i <= n; i++ {
		a := 2 * math.Pi * float64(i%n) / float64(n)
		// A little wobble, as real outlines have.
		rr := r * (1 + 0.05*math.Sin(17*a))
		fmt.Fprintf(&b, "[%.6f,%.6f]", lon+rr*1.6*math.Cos(a), lat+rr*math.Sin(a))
		if i < n {
			b.WriteString(",")
		}
	}
	b.WriteString(`]]}`)
	return b.String()
}

// A realistic file: 300 areas with 3,000 positions each, some along the border. Checking each
// edge against every other one, or each position against every edge of the boundary, would
// take a long time; the sweep and the grid keep it well under the bound.
func TestImportOfALargeFileIsFast(t *testing.T) {
	outline := boundaryOf(t, "16051")
	var features []string
	for i := range 300 {
		lon, lat := 10.96+0.004*float64(i%30), 50.93+0.008*float64(i/30)
		features = append(features, feature(fmt.Sprintf(`{"name":"A%d","level":"quartier","code":"A%d"}`, i, i), circle(lon, lat, 0.003, 3000)))
	}
	data := fc(features...)
	start := time.Now()
	changes, issues := planning.PlanImport(data, "16051", outline, nil)
	took := time.Since(start)
	if len(issues) > 0 || len(changes) != 300 {
		t.Fatalf("issues: %v", planning.Reported(issues)[:min(3, len(issues))])
	}
	t.Logf("planned 300 areas of 3,000 positions in %v", took)
	if took > 20*time.Second && !raceDetector {
		t.Errorf("planning took %v", took)
	}
}

// One outline of 200,000 positions along the border: in n log n it is checked in a fraction of a
// second even on a busy machine; comparing every edge with every other would take minutes.
func TestAHugeOutlineIsCheckedInNLogN(t *testing.T) {
	outline := boundaryOf(t, "16051").(orb.Polygon)
	var ring orb.Ring
	const per = 4000 // positions per edge of Erfurt's boundary
	for i := 0; i+1 < len(outline[0]); i++ {
		a, b := outline[0][i], outline[0][i+1]
		for k := range per {
			f := float64(k) / per
			ring = append(ring, orb.Point{a.Lon() + f*(b.Lon()-a.Lon()), a.Lat() + f*(b.Lat()-a.Lat())})
		}
	}
	ring = append(ring, ring[0])
	start := time.Now()
	if err := planning.ValidateGeometry(orb.Polygon{ring}); err != nil {
		t.Fatal(err)
	}
	if err := planning.NewBoundary(outline).Check(orb.Polygon{ring}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second && !raceDetector {
		t.Errorf("%d positions took %v", len(ring), took)
	}
}

func BenchmarkPlanImport(b *testing.B) {
	outline := boundaryOf(b, "16051")
	var features []string
	for i := range 100 {
		features = append(features, feature(fmt.Sprintf(`{"name":"A%d","level":"quartier"}`, i), circle(11.0+0.001*float64(i), 50.98, 0.01, 5000)))
	}
	data := fc(features...)
	for b.Loop() {
		if _, issues := planning.PlanImport(data, "16051", outline, nil); len(issues) > 0 {
			b.Fatal(issues[0])
		}
	}
}
