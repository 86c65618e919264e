package refdata

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"

	"github.com/paulmach/orb/geojson"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/district"
)

// InkarCSV is shared/data/thueringen-inkar-indikatoren.csv: INKAR values per district and year,
// long format (ags, kreis_name, indicator, year, value), © BBSR, CC BY 4.0 (see atlas.Attribution).
//
//go:embed thueringen-inkar-indikatoren.csv
var InkarCSV []byte

// KreiseCSV is shared/data/thueringen-kreise.csv: the districts with their population on
// 31.12.2022.
//
//go:embed thueringen-kreise.csv
var KreiseCSV []byte

// DistrictBoundaryVersion is the Gebietsstand of the embedded boundaries and of the INKAR values,
// which the publisher recalculated to today's districts (Eisenach in the Wartburgkreis since
// 1 July 2021).
const DistrictBoundaryVersion = "2021-07-01"

const (
	inkarSource  = "INKAR, Ausgabe 2024, BBSR Bonn (via RKI GISD)"
	inkarLicence = "CC BY 4.0"
	popSource    = "Statistisches Bundesamt, GeoBasis-DE / BKG (VG250-EW)"
	popLicence   = "Datenlizenz Deutschland – Namensnennung 2.0"
)

func f(v float64) *float64 { return &v }

// AtlasIndicators is the seed catalogue: the eight INKAR indicators of shared/data, the derived
// unemployed per 100 inhabitants aged 15 to 64 (not the official rate), and the population.
func AtlasIndicators() []atlas.Indicator {
	in := func(key, de, en, def string, ll atlas.Lebenslage, unit string, kind atlas.Kind, dir atlas.Direction, date string) atlas.Indicator {
		return atlas.Indicator{Key: key, NameDE: de, NameEN: en, DefinitionDE: def, Lebenslage: ll, Unit: unit, Kind: kind,
			Direction: dir, Source: inkarSource, Licence: inkarLicence, ReferenceDate: date, BoundaryVersion: DistrictBoundaryVersion,
			Levels: []atlas.Level{atlas.LevelLand, atlas.LevelDistrict, atlas.LevelArea}, MinCount: atlas.DefaultMinCount}
	}
	pct := func(i atlas.Indicator) atlas.Indicator { i.PlausibleMin, i.PlausibleMax = f(0), f(100); return i }
	beq := pct(in("beschaeftigtenquote", "Beschäftigtenquote", "Employment rate", "SV-Beschäftigte am Wohnort je 100 Einwohner 15 bis unter 65 Jahre", atlas.Arbeit, "Prozent", atlas.KindShare, atlas.HigherBetter, "30.06."))
	beq.Numerator, beq.Denominator = "sv_beschaeftigte_wohnort", "erwerbsfaehige_15_64"
	alq := in("arbeitslose_je_100_erwerbsfaehige", "Arbeitslose je 100 Erwerbsfähige", "Unemployed per 100 aged 15–64",
		"Arbeitslose (Jahresdurchschnitt) je 100 Einwohner von 15 bis unter 65 Jahren; abgeleitet, nicht die amtliche Arbeitslosenquote der Bundesagentur für Arbeit",
		atlas.Arbeit, "je 100", atlas.KindRate, atlas.HigherWorse, "")
	alq.RatePer, alq.Numerator, alq.Denominator, alq.PlausibleMin, alq.PlausibleMax = 100, "arbeitslose", "erwerbsfaehige_15_64", f(0), f(100)
	pop := in(atlas.PopulationKey, "Einwohner", "Inhabitants", "Bevölkerung am 31.12.", atlas.Demografie, "Anzahl", atlas.KindCount, atlas.Neutral, "31.12.")
	pop.Source, pop.Licence, pop.PlausibleMin = popSource, popLicence, f(0)
	count := func(i atlas.Indicator) atlas.Indicator { i.PlausibleMin = f(0); return i }
	return []atlas.Indicator{
		pop,
		count(in("erwerbsfaehige_15_64", "Einwohner 15 bis unter 65 Jahre", "Inhabitants aged 15–64", "Einwohner 15 bis unter 65 Jahre (31.12.)", atlas.Demografie, "Anzahl", atlas.KindCount, atlas.Neutral, "31.12.")),
		count(in("arbeitslose", "Arbeitslose", "Unemployed", "Arbeitslose insgesamt (Jahresdurchschnitt)", atlas.Arbeit, "Anzahl", atlas.KindCount, atlas.HigherWorse, "")),
		count(in("sv_beschaeftigte_wohnort", "SV-Beschäftigte am Wohnort", "Employees subject to social insurance (residence)", "SV-pflichtig Beschäftigte am Wohnort (30.06.)", atlas.Arbeit, "Anzahl", atlas.KindCount, atlas.Neutral, "30.06.")),
		beq, alq,
		pct(in("schulabgaenger_ohne_abschluss", "Schulabgänger ohne Abschluss", "School leavers without qualification", "Anteil Schulabgänger ohne Hauptschulabschluss", atlas.Bildung, "Prozent", atlas.KindShare, atlas.HigherWorse, "")),
		pct(in("schuldnerquote", "Schuldnerquote", "Private debtors", "Private Schuldner je 100 Einwohner ab 18 Jahren", atlas.Einkommen, "Prozent", atlas.KindShare, atlas.HigherWorse, "")),
		count(in("haushaltseinkommen", "Verfügbares Haushaltseinkommen", "Disposable household income", "Verfügbares Einkommen der privaten Haushalte je Einwohner (monatlich)", atlas.Einkommen, "EUR je Einwohner und Monat", atlas.KindMean, atlas.HigherBetter, "")),
		count(in("bruttoverdienst", "Bruttoverdienst", "Gross earnings", "Monatlicher Bruttoverdienst je Arbeitnehmer", atlas.Einkommen, "EUR je Arbeitnehmer und Monat", atlas.KindMean, atlas.HigherBetter, "")),
	}
}

// AtlasValues reads the embedded INKAR and population files into values: per district, and for
// the Land the sums of counts and the shares and rates whose numerator and denominator are
// there. Other Land values are not in the source data and are left out rather than estimated.
func AtlasValues() ([]atlas.Value, error) {
	var out []atlas.Value
	sums := map[string]map[int]float64{} // indicator -> year -> Land total
	add := func(ind string, area atlas.AreaKey, year int, v float64) {
		out = append(out, atlas.Value{Indicator: ind, Area: area, Year: year, Value: f(v), Boundary: DistrictBoundaryVersion})
	}
	counts := map[string]bool{"arbeitslose": true, "erwerbsfaehige_15_64": true, "sv_beschaeftigte_wohnort": true}
	rows, err := csv.NewReader(bytes.NewReader(InkarCSV)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("inkar: %w", err)
	}
	for i, r := range rows[1:] {
		year, err1 := strconv.Atoi(r[3])
		v, err2 := strconv.ParseFloat(r[4], 64)
		if err := errors.Join(err1, err2); err != nil || len(r) != 5 {
			return nil, fmt.Errorf("inkar line %d: %v", i+2, err)
		}
		add(r[2], atlas.AreaKey(r[0]), year, v)
		if counts[r[2]] {
			if sums[r[2]] == nil {
				sums[r[2]] = map[int]float64{}
			}
			sums[r[2]][year] += v
		}
	}
	byYear := map[string]map[int]map[atlas.AreaKey]float64{}
	for _, v := range out {
		if byYear[v.Indicator] == nil {
			byYear[v.Indicator] = map[int]map[atlas.AreaKey]float64{}
		}
		if byYear[v.Indicator][v.Year] == nil {
			byYear[v.Indicator][v.Year] = map[atlas.AreaKey]float64{}
		}
		byYear[v.Indicator][v.Year][v.Area] = *v.Value
	}
	for ind, years := range sums {
		for year, total := range years {
			if len(byYear[ind][year]) == 22 { // a total only from every district
				add(ind, atlas.LandKey, year, total)
			}
		}
	}
	// ratio adds the Land's share (and the districts' when the source has none) from the counts.
	ratio := func(ind, num, den string, districts bool) {
		for year, dens := range byYear[den] {
			nums := byYear[num][year]
			for area, d := range dens {
				if n, ok := nums[area]; ok && d > 0 && districts {
					add(ind, area, year, round2(100*n/d))
				}
			}
			if len(nums) == 22 && len(dens) == 22 {
				add(ind, atlas.LandKey, year, round2(100*sums[num][year]/sums[den][year]))
			}
		}
	}
	ratio("beschaeftigtenquote", "sv_beschaeftigte_wohnort", "erwerbsfaehige_15_64", false)
	ratio("arbeitslose_je_100_erwerbsfaehige", "arbeitslose", "erwerbsfaehige_15_64", true)
	ds, err := district.ParseGeoJSON(DistrictsGeoJSON)
	if err != nil {
		return nil, err
	}
	var land float64
	for _, d := range ds {
		add(atlas.PopulationKey, atlas.AreaKey(d.Key), 2022, float64(d.Population))
		land += float64(d.Population)
	}
	add(atlas.PopulationKey, atlas.LandKey, 2022, land)
	return out, nil
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

// LoadAtlas seeds the atlas once: the catalogue's indicators that are missing, the values of an
// indicator that has none, and the districts' boundaries as their first version; then runs
// disclosure control on what it wrote. It never overwrites what an import changed.
func LoadAtlas(ctx context.Context, s *atlas.Service) error {
	ds, err := district.ParseGeoJSON(DistrictsGeoJSON)
	if err != nil {
		return err
	}
	vs, err := AtlasValues()
	if err != nil {
		return err
	}
	return s.Seed(ctx, AtlasIndicators(), vs, districtBoundaries(ds))
}

func districtBoundaries(ds []district.District) []atlas.Boundary {
	out := make([]atlas.Boundary, 0, len(ds))
	for _, d := range ds {
		g, err := geojson.NewGeometry(d.Boundary).MarshalJSON()
		if err != nil {
			continue
		}
		out = append(out, atlas.Boundary{Area: atlas.AreaKey(d.Key), Version: DistrictBoundaryVersion, ValidFrom: DistrictBoundaryVersion, Geometry: g})
	}
	return out
}
