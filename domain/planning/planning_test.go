package planning_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/refdata"
)

func square(x, y, d float64) orb.Polygon {
	return orb.Polygon{{{x, y}, {x + d, y}, {x + d, y + d}, {x, y + d}, {x, y}}}
}

func TestAreaRules(t *testing.T) {
	ok := planning.SocialArea{DistrictKey: "16051", Name: " Nord ", Level: planning.LevelSozialraum, Geometry: square(11, 50.9, 0.01)}
	if err := ok.Validate(); err != nil || ok.Name != "Nord" {
		t.Fatalf("valid area: %v", err)
	}
	neg := int64(-1)
	for name, a := range map[string]planning.SocialArea{
		"no name":   {Name: "", Level: planning.LevelQuartier, Geometry: square(11, 50, 1)},
		"bad level": {Name: "x", Level: "bezirk", Geometry: square(11, 50, 1)},
		"negative":  {Name: "x", Level: planning.LevelQuartier, Geometry: square(11, 50, 1), Population: &neg},
	} {
		if err := a.Validate(); !errors.Is(err, planning.ErrInvalid) {
			t.Errorf("%s accepted: %v", name, err)
		}
	}
	for name, a := range map[string]planning.SocialArea{
		"point":       {Name: "x", Level: planning.LevelQuartier, Geometry: orb.Point{11, 50}},
		"no geometry": {Name: "x", Level: planning.LevelQuartier},
		"open ring":   {Name: "x", Level: planning.LevelQuartier, Geometry: orb.Polygon{{{11, 50}, {12, 50}, {12, 51}, {11, 51}}}},
		"short ring":  {Name: "x", Level: planning.LevelQuartier, Geometry: orb.Polygon{{{11, 50}, {12, 50}, {11, 50}}}},
		"bad coords":  {Name: "x", Level: planning.LevelQuartier, Geometry: square(200, 50, 1)},
	} {
		if err := a.Validate(); !errors.Is(err, planning.ErrInvalidGeometry) || !strings.Contains(err.Error(), `social area "x"`) {
			t.Errorf("%s accepted: %v", name, err)
		}
	}
	pr := &planning.SocialArea{ID: 1, DistrictKey: "16051", Level: planning.LevelPlanungsraum}
	q := &planning.SocialArea{ID: 2, DistrictKey: "16051", Level: planning.LevelQuartier}
	if err := q.CheckParent(pr); err != nil {
		t.Errorf("quartier in planungsraum: %v", err)
	}
	if err := pr.CheckParent(q); err == nil {
		t.Error("planungsraum inside a quartier accepted")
	}
	other := &planning.SocialArea{ID: 3, DistrictKey: "16053", Level: planning.LevelPlanungsraum}
	if err := q.CheckParent(other); err == nil {
		t.Error("parent in another district accepted")
	}
	if err := pr.CheckParent(pr); err == nil {
		t.Error("own parent accepted")
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPhasesAreOrderedAndDoNotOverlap(t *testing.T) {
	ph := func(kind planning.PhaseKind, from, to string) planning.Phase {
		return planning.Phase{Kind: kind, StartsOn: day(from), EndsOn: day(to)}
	}
	good := []planning.Phase{ph("bestandsaufnahme", "2026-01-01", "2026-03-31"), ph("beteiligung", "2026-04-01", "2026-04-01")}
	if err := planning.ValidatePhases(good); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]planning.Phase{
		"overlap":           {ph("bestandsaufnahme", "2026-01-01", "2026-03-31"), ph("beteiligung", "2026-03-31", "2026-05-01")},
		"out of order":      {ph("beteiligung", "2026-04-01", "2026-05-01"), ph("bestandsaufnahme", "2026-01-01", "2026-02-01")},
		"ends before start": {ph("beteiligung", "2026-04-01", "2026-03-01")},
		"unknown kind":      {ph("feiern", "2026-04-01", "2026-05-01")},
		"own without title": {ph("eigene", "2026-04-01", "2026-05-01")},
		"no dates":          {{Kind: "beteiligung"}},
	}
	for name, phases := range bad {
		if err := planning.ValidatePhases(phases); !errors.Is(err, planning.ErrInvalid) {
			t.Errorf("%s accepted: %v", name, err)
		}
	}
	p := planning.Process{Phases: good}
	if cur, ok := p.CurrentPhase(time.Date(2026, 4, 1, 23, 0, 0, 0, time.UTC)); !ok || cur.Kind != "beteiligung" {
		t.Errorf("current phase on the last day = %v, %v", cur, ok)
	}
	if _, ok := p.CurrentPhase(day("2026-06-01")); ok {
		t.Error("a current phase after the last one")
	}
}

func TestStatusTransitions(t *testing.T) {
	p := planning.Process{Status: planning.StatusDraft}
	if err := p.CanMoveTo(planning.StatusPublished); !errors.Is(err, planning.ErrBadTransition) {
		t.Errorf("published without phases: %v", err)
	}
	p.Phases = []planning.Phase{{Kind: "beteiligung", StartsOn: day("2026-01-01"), EndsOn: day("2026-02-01")}}
	steps := []planning.Status{planning.StatusPublished, planning.StatusConcluded, planning.StatusArchived}
	for _, s := range steps {
		if err := p.CanMoveTo(s); err != nil {
			t.Fatalf("to %s: %v", s, err)
		}
		p.Status = s
	}
	if err := p.CanMoveTo(planning.StatusPublished); err == nil {
		t.Error("an archived process came back")
	}
	if err := (&planning.Process{Status: planning.StatusPublished}).CanMoveTo(planning.StatusDraft); err == nil {
		t.Error("a published process went back to draft")
	}
}

func TestProcessValidate(t *testing.T) {
	p := planning.Process{Title: "  Sozialplan  ", Fields: []planning.Field{"jugendhilfe", "pflege"}}
	if err := p.Validate(); err != nil || p.Title != "Sozialplan" {
		t.Fatalf("%v %q", err, p.Title)
	}
	for name, q := range map[string]planning.Process{
		"no title":      {Title: " "},
		"unknown field": {Title: "x", Fields: []planning.Field{"raumfahrt"}},
		"field twice":   {Title: "x", Fields: []planning.Field{"pflege", "pflege"}},
		"long title":    {Title: strings.Repeat("x", 201)},
	} {
		if err := q.Validate(); !errors.Is(err, planning.ErrInvalid) {
			t.Errorf("%s accepted", name)
		}
	}
}

func erfurtBoundary(t *testing.T) orb.Geometry {
	t.Helper()
	ds, err := district.ParseGeoJSON(refdata.DistrictsGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Key == "16051" {
			return d.Boundary
		}
	}
	t.Fatal("no Erfurt")
	return nil
}

// Erfurt's centre is near 11.03 E, 50.98 N; Jena's near 11.59 E, 50.93 N.
const (
	inErfurt  = `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99],[11.02,50.97]]]}`
	inJena    = `{"type":"Polygon","coordinates":[[[11.58,50.92],[11.60,50.92],[11.60,50.94],[11.58,50.94],[11.58,50.92]]]}`
	openRing  = `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99]]]}`
	aPoint    = `{"type":"Point","coordinates":[11.03,50.98]}`
	badCoords = `{"type":"Polygon","coordinates":[[[11.02,95],[11.04,50.97],[11.04,50.99],[11.02,95]]]}`
)

func fc(features ...string) []byte {
	return []byte(`{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`)
}

func feature(props, geom string) string {
	return `{"type":"Feature","properties":` + props + `,"geometry":` + geom + `}`
}

func TestPlanImport(t *testing.T) {
	b := erfurtBoundary(t)
	existing := []planning.SocialArea{{ID: 7, DistrictKey: "16051", Code: "PR1", Name: "Alt", Level: planning.LevelPlanungsraum}}
	changes, issues := planning.PlanImport(fc(
		feature(`{"name":"Quartier A","level":"quartier","code":"Q1","parent_code":"S1","population":1200}`, inErfurt),
		feature(`{"name":"Sozialraum 1","level":"sozialraum","code":"S1","parent_code":"PR1"}`, inErfurt),
		feature(`{"name":"Planungsraum 1 neu","level":"planungsraum","code":"PR1"}`, inErfurt),
	), "16051", b, existing)
	if len(issues) > 0 {
		t.Fatalf("issues: %+v", issues)
	}
	if len(changes) != 3 || changes[0].Area.Code != "PR1" || !changes[0].Update || changes[0].ID != 7 || changes[2].Area.Code != "Q1" || changes[2].Update {
		t.Fatalf("changes not parents first or update not matched: %+v", changes)
	}
	if *changes[2].Area.Population != 1200 || changes[2].Index != 0 {
		t.Errorf("population or index lost: %+v", changes[2])
	}
}

func TestPlanImportReportsEveryProblem(t *testing.T) {
	b := erfurtBoundary(t)
	_, issues := planning.PlanImport(fc(
		feature(`{"name":"Offen","level":"quartier"}`, openRing),
		feature(`{"name":"Punkt","level":"quartier"}`, aPoint),
		feature(`{"name":"Jena","level":"quartier"}`, inJena),
		feature(`{"level":"quartier","population":-3}`, inErfurt),
		feature(`{"name":"X","level":"bezirk","code":"D"}`, inErfurt),
		feature(`{"name":"Y","level":"quartier","code":"D","parent_code":"nope"}`, inErfurt),
		feature(`{"name":"Z","level":"planungsraum","parent_code":"D"}`, badCoords),
	), "16051", b, nil)
	want := []struct {
		index    int
		property string
		text     string
	}{
		{0, "geometry", "not closed"},
		{1, "geometry", "Point"},
		{2, "geometry", "outside district 16051"},
		{3, "name", "name"},
		{3, "population", "whole number"},
		{4, "level", "bezirk"},
		{5, "code", "already used by feature 4"},
		{5, "parent_code", `"nope"`},
		{6, "geometry", "invalid position"},
	}
	for _, w := range want {
		found := false
		for _, is := range issues {
			if is.Index == w.index && is.Property == w.property && strings.Contains(is.Message, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("no issue for feature %d, %s (%q) in %+v", w.index, w.property, w.text, issues)
		}
	}
	if _, issues := planning.PlanImport([]byte(`{"type":"Feature"}`), "16051", b, nil); len(issues) != 1 || issues[0].Index != -1 {
		t.Errorf("not a collection: %+v", issues)
	}
	if _, issues := planning.PlanImport(fc(feature(`{"name":"P","level":"planungsraum","code":"P"}`, inErfurt),
		feature(`{"name":"Q","level":"planungsraum","parent_code":"P"}`, inErfurt)), "16051", b, nil); len(issues) != 1 || issues[0].Property != "parent_code" {
		t.Errorf("planungsraum in planungsraum: %+v", issues)
	}
}

func TestWithinFollowsTheShape(t *testing.T) {
	// A U shape whose centroid lies in the gap between its arms.
	u := orb.Polygon{{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}}
	if !planning.Within(square(0.2, 1.5, 0.1), u) || planning.Within(square(1.4, 1.5, 0.1), u) {
		t.Error("Within does not follow the U's shape")
	}
}
