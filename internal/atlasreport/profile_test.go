package atlasreport

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

func TestFormatNumber(t *testing.T) {
	for v, want := range map[float64]string{
		5.1931: "5,19", 5.1: "5,1", 0.5: "0,5", 12345: "12.345", 1799.21: "1.799,21", 1234567.891: "1.234.567,89",
		-2.5: "-2,5", -0.001: "0", 0: "0", 100: "100", 999.999: "1.000", math.NaN(): "–",
	} {
		if got := formatNumber(v); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", v, got, want)
		}
	}
	if got := formatTrend(fp(0.35)); got != "+0,35" {
		t.Errorf("a rise carries its sign: %q", got)
	}
	if got := formatTrend(fp(0.001)); got != "0" {
		t.Errorf("no sign on what rounds to nothing: %q", got)
	}
	if got := formatRank(Row{Rank: 3, Of: 22}); got != "3 von 22" {
		t.Errorf("rank: %q", got)
	}
}

func fp(x float64) *float64 { return &x }

// sommerda is a profile of Sömmerda with figures from INKAR (the unemployed per 100 inhabitants
// aged 15 to 64 is a made-up-precision ratio for the test), long enough to need a second page.
func sommerda() Profile {
	series := func(from int, vs ...float64) []SeriesPoint {
		var out []SeriesPoint
		for i, v := range vs {
			out = append(out, SeriesPoint{Year: from + i, Value: fp(v)})
		}
		return out
	}
	einkommen := Group{Lebenslage: string(atlas.Einkommen), Title: "Einkommen und Armut", Rows: []Row{
		{Key: "haushaltseinkommen", Name: "Verfügbares Einkommen je Einwohner", Unit: "EUR je Einwohner und Monat",
			Year: 2021, Value: fp(1799.21), Land: fp(1824.5), Rank: 14, Of: 22, Trend: fp(217.96),
			Series: series(2017, 1581.25, 1647.53, 1709.97, 1752.51, 1799.21)},
		{Key: "schuldnerquote", Name: "Schuldnerquote", Unit: "%", Year: 2021, Value: fp(8.27), Land: fp(8.9),
			Rank: 5, Of: 22, Trend: fp(-1.2), Series: series(2017, 9.47, 9.54, 9.39, 9.23, 8.27)},
		{Key: "grundsicherung_alter", Name: "Grundsicherung im Alter", Unit: "Anzahl", Year: 2021, Suppressed: true,
			Value: fp(4711), Land: fp(20311), Rank: 3, Of: 22}, // a careless caller's value must not print
	}}
	arbeit := Group{Lebenslage: string(atlas.Arbeit), Title: "Arbeit", Rows: []Row{
		{Key: "arbeitslose_je_100", Name: "Arbeitslose je 100 Erwerbsfähige", Unit: "je 100", Year: 2021,
			Value: fp(5.1931), Land: fp(5.6), Rank: 9, Of: 22, Trend: fp(-0.04),
			Series: []SeriesPoint{{Year: 2017, Value: fp(5.23)}, {Year: 2018, Value: fp(4.78)},
				{Year: 2019, Value: nil}, {Year: 2020, Value: fp(5.61), Break: true}, {Year: 2021, Value: fp(5.1931)}}},
	}}
	p := Profile{
		AreaKey: "16068", AreaName: "Sömmerda", LandName: "Thüringen",
		Generated: time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC),
		Groups:    []Group{einkommen, arbeit},
		Sources: []string{"Indikatoren: INKAR, Ausgabe 2024, Hrsg. BBSR im BBR, Bonn 2024",
			"Grenzen: © GeoBasis-DE / BKG 2021 (VG5000, Stand 01.01.2021, Daten verändert)"},
		Licence:    "Datenlizenz Deutschland – Namensnennung 2.0; CC BY 4.0",
		Outline:    [][][2]float64{{{10.9, 51.1}, {11.3, 51.05}, {11.4, 51.25}, {11.05, 51.33}, {10.9, 51.1}}},
		MapTitle:   "Schuldnerquote 2021",
		MapClasses: 5,
		MapScheme:  atlas.SchemeFor(atlas.HigherWorse),
		TrendYears: 4,
	}
	// More Lebenslagen with the same rows, so that the profile runs over pages.
	for i := 0; i < 6; i++ {
		g := einkommen
		g.Title = fmt.Sprintf("Lebenslage %d", i+3)
		p.Groups = append(p.Groups, g)
	}
	for i := 0; i < 22; i++ {
		x, y := 10.0+float64(i%6)*0.3, 50.5+float64(i/6)*0.3
		p.Districts = append(p.Districts, MapArea{Key: fmt.Sprintf("160%02d", 51+i), Class: i%6 - 1,
			Rings: [][][2]float64{{{x, y}, {x + 0.3, y}, {x + 0.3, y + 0.3}, {x, y + 0.3}, {x, y}}}})
	}
	return p
}
