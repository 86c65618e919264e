package planning_test

import (
	"testing"

	"github.com/paulmach/orb"

	"github.com/teilhabe/teilhabe/domain/planning"
)

// FuzzPlanImport: whatever file a coordinator uploads, planning an import never panics, and a
// plan without issues only holds areas that pass the domain's own checks.
func FuzzPlanImport(f *testing.F) {
	f.Add(string(fc(feature(`{"name":"Q","level":"quartier","code":"Q"}`, inErfurt))))
	f.Add(string(fc(feature(`{"name":"Offen","level":"quartier"}`, openRing))))
	f.Add(string(fc(feature(`{"name":"P","level":"planungsraum","code":"P"}`, inErfurt), feature(`{"name":"S","level":"sozialraum","parent_code":"P"}`, inErfurt))))
	f.Add(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":{"type":"MultiPolygon","coordinates":[[[[1e308,0]]]]}}]}`)
	f.Add(`{"type":"FeatureCollection","features":[null,1,"x",{}]}`)
	boundary := orb.Polygon{{{10.8, 50.8}, {11.3, 50.8}, {11.3, 51.1}, {10.8, 51.1}, {10.8, 50.8}}}
	f.Fuzz(func(t *testing.T, data string) {
		changes, issues := planning.PlanImport([]byte(data), "16051", boundary, nil)
		if len(issues) > 0 {
			if changes != nil {
				t.Fatal("a plan with issues came with changes")
			}
			return
		}
		for _, c := range changes {
			a := c.Area
			if err := a.Validate(); err != nil {
				t.Fatalf("planned area fails validation: %v (%s)", err, data)
			}
			if !planning.Within(a.Geometry, boundary) {
				t.Fatalf("planned area outside the district: %s", data)
			}
		}
	})
}
