package demo

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// demoSource labels the atlas's made-up social-area figures wherever they are shown: shared/data
// has no small-area data for Thuringia, so the demo's are invented and must say so.
const demoSource = "Erfundene Beispieldaten – keine amtlichen Werte"

// The demo's social areas of Erfurt (see seedProcesses) and made-up counts of children in
// benefit households per year. The 2 in 2023 is below the minimum count, so the demo shows
// disclosure control, including the secondary suppression of the next smallest area.
var demoChildren = map[string][]float64{
	"SR-W1": {820, 790, 805, 760, 731},
	"SR-W2": {412, 430, 398, 371, 356},
	"SR-O1": {1210, 1185, 1170, 1122, 1090},
	"SR-O2": {14, 9, 6, 4, 2},
}

// SeedAtlas adds the demo's made-up social-area figures for Erfurt, once.
func SeedAtlas(ctx context.Context, svc *atlas.Service) error {
	kids := atlas.Indicator{Key: "demo_kinder_bedarfsgemeinschaften", NameDE: "Kinder in Bedarfsgemeinschaften (Beispieldaten)",
		NameEN: "Children in benefit households (example data)", DefinitionDE: "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften, 31.12. " + demoSource,
		DefinitionEN: "Children under 15 in households on basic income support. Made-up example data, not official.",
		Lebenslage:   atlas.Einkommen, Unit: "Anzahl", Kind: atlas.KindCount, Direction: atlas.HigherWorse, Source: demoSource,
		Licence: "—", ReferenceDate: "31.12.", Levels: []atlas.Level{atlas.LevelDistrict, atlas.LevelArea}, MinCount: atlas.DefaultMinCount}
	var vs []atlas.Value
	for i := range 5 {
		year, total := 2019+i, 0.0
		for code, series := range demoChildren {
			v := series[i]
			total += v
			vs = append(vs, atlas.Value{Indicator: kids.Key, Area: atlas.DistrictArea("16051", code), Year: year, Value: &v, Boundary: atlas.CurrentPlanningBoundary})
		}
		vs = append(vs, atlas.Value{Indicator: kids.Key, Area: "16051", Year: year, Value: &total})
	}
	return svc.Seed(ctx, []atlas.Indicator{kids}, vs, nil)
}
