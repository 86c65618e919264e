package atlas_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

func ptr(f float64) *float64 { return &f }

// known is a small catalogue and the areas of a coordinator of Erfurt.
func known() atlas.Known {
	all := []atlas.Level{atlas.LevelLand, atlas.LevelDistrict, atlas.LevelArea}
	return atlas.Known{
		Indicators: map[string]atlas.Indicator{
			"arbeitslose": {Key: "arbeitslose", Kind: atlas.KindCount, Levels: all, PlausibleMin: ptr(0)},
			"quote":       {Key: "quote", Kind: atlas.KindShare, Levels: all},
			"einkommen":   {Key: "einkommen", Kind: atlas.KindMean, Levels: []atlas.Level{atlas.LevelDistrict}, PlausibleMax: ptr(10000)},
			"eigen":       {Key: "eigen", Kind: atlas.KindCount, DistrictKey: "16051"}, // Erfurt's own, no levels: all
		},
		Areas: map[atlas.AreaKey]string{
			"16051": "Erfurt", "16051:SR01": "Altstadt", "16051:SR02": "Krämpfervorstadt",
			"16052": "Gera", // as in a Land's import, for the district's own indicator
		},
		DistrictKey: "16051",
		MinYear:     1990, MaxYear: 2026,
	}
}

func roles(rs ...atlas.Role) []atlas.Role { return rs }

func codes(ps []atlas.Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%d:%s:%s", p.Row, p.Column, p.Code))
	}
	return out
}

func TestInterpretLong(t *testing.T) {
	header := []string{"Schlüssel", "Name", "Jahr", "Stichtag", "Indikator", "Wert", "Zähler", "Nenner", "Gebietsstand"}
	rows := [][]string{
		{"16051", "Erfurt", "2021", "31.12.2021", "quote", "12,5", "25", "200", "2021-07-01"},
		{"SR01", "Falscher Name", "2021", "", "arbeitslose", ".", "", "", ""},
		{" 16051:SR02 ", "", "2020", "2020-06-30", "Arbeitslose", "(1.234)", "-", "/", ""},
		{"16051", "", "2021", "", "quote", "", "", "", ""}, // an empty value: nothing
	}
	m := atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea, atlas.RoleName, atlas.RoleYear,
		atlas.RoleDate, atlas.RoleIndicator, atlas.RoleValue, atlas.RoleNumerator, atlas.RoleDenominator, atlas.RoleBoundary)}
	got := atlas.Interpret(header, rows, m, known(), true)
	if len(got.Problems) != 0 || got.Rows != 4 {
		t.Fatalf("problems %v, rows %d", got.Problems, got.Rows)
	}
	want := []atlas.Value{
		{Indicator: "quote", Area: "16051", Year: 2021, Date: "2021-12-31", Value: ptr(12.5), Numerator: ptr(25), Denominator: ptr(200), Boundary: "2021-07-01"},
		{Indicator: "arbeitslose", Area: "16051:SR01", Year: 2021, Flag: atlas.FlagSuppressed},
		{Indicator: "arbeitslose", Area: "16051:SR02", Year: 2020, Date: "2020-06-30", Value: ptr(1234), Flag: atlas.FlagUnreliable, Numerator: ptr(0)},
	}
	if !reflect.DeepEqual(got.Values, want) {
		t.Errorf("values\n%+v\nwant\n%+v", got.Values, want)
	}
}

func TestInterpretLongWithDateOnlyAndFileIndicator(t *testing.T) {
	header := []string{"gebiet", "datum", "wert"}
	rows := [][]string{{"16051", "30.6.2019", "7"}, {"SR01", "2019-06-30", "8"}}
	m := atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea, atlas.RoleDate, atlas.RoleValue), Indicator: "arbeitslose"}
	got := atlas.Interpret(header, rows, m, known(), false)
	if len(got.Problems) != 0 || len(got.Values) != 2 {
		t.Fatalf("%+v", got)
	}
	for _, v := range got.Values {
		if v.Year != 2019 || v.Date != "2019-06-30" || v.Indicator != "arbeitslose" {
			t.Errorf("%+v", v)
		}
	}
}

func TestInterpretWideYears(t *testing.T) {
	header := []string{"ags", "2019", "2020", "2021"}
	rows := [][]string{{"16051", "1", "", "3"}, {"SR01", ".", "x", "-"}}
	m := atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideYears, Indicator: "arbeitslose",
		Columns: roles(atlas.RoleArea, atlas.RoleValue, atlas.RoleValue, atlas.RoleValue)}
	got := atlas.Interpret(header, rows, m, known(), false)
	if len(got.Problems) != 0 {
		t.Fatal(got.Problems)
	}
	var refs []string
	for _, v := range got.Values {
		refs = append(refs, fmt.Sprintf("%s=%v%s", v.Ref(), deref(v.Value), v.Flag))
	}
	want := "arbeitslose/16051/2019=1 arbeitslose/16051/2021=3 arbeitslose/16051:SR01/2019=<nil>suppressed " +
		"arbeitslose/16051:SR01/2020=<nil>unknown arbeitslose/16051:SR01/2021=0"
	if strings.Join(refs, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(refs, " "), want)
	}
}

func TestInterpretWideIndicators(t *testing.T) {
	header := []string{"AGS", "Quote", "arbeitslose_2020", "einkommen"}
	rows := [][]string{{"16051", "5,5", "100", "1.800,25"}}
	m := atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideIndicators, Year: 2021,
		Columns:     roles(atlas.RoleArea, atlas.RoleValue, atlas.RoleValue, atlas.RoleValue),
		ColumnKeys:  []string{"", "", "arbeitslose", ""},
		ColumnYears: []int{0, 0, 2020, 0}}
	got := atlas.Interpret(header, rows, m, known(), true)
	if len(got.Problems) != 0 {
		t.Fatal(got.Problems)
	}
	var refs []string
	for _, v := range got.Values {
		refs = append(refs, fmt.Sprintf("%s=%v", v.Ref(), *v.Value))
	}
	if want := "quote/16051/2021=5.5 arbeitslose/16051/2020=100 einkommen/16051/2021=1800.25"; strings.Join(refs, " ") != want {
		t.Errorf("got %s", strings.Join(refs, " "))
	}
}

// TestInterpretProblems has one case per problem code; each lists exactly the problems expected.
func TestInterpretProblems(t *testing.T) {
	long := atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea, atlas.RoleYear, atlas.RoleIndicator, atlas.RoleValue)}
	header := []string{"ags", "jahr", "indikator", "wert"}
	cases := []struct {
		name   string
		header []string
		rows   [][]string
		m      atlas.Mapping
		want   []string
	}{
		{"unknown_area", header, [][]string{{"16053", "2020", "quote", "1"}, {"", "2020", "quote", "1"}}, long,
			[]string{"2:ags:unknown_area", "3:ags:unknown_area"}},
		{"unknown_indicator", header, [][]string{{"16051", "2020", "nope", "1"}}, long, []string{"2:indikator:unknown_indicator"}},
		{"unknown_indicator of a wide header", []string{"ags", "quote", "nope"}, [][]string{{"16051", "1", "2"}},
			atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideIndicators, Year: 2020, Columns: roles(atlas.RoleArea, atlas.RoleValue, atlas.RoleValue)},
			[]string{"1:nope:unknown_indicator"}},
		{"unknown_indicator of the file", []string{"ags", "jahr", "wert"}, [][]string{{"16051", "2020", "1"}},
			atlas.Mapping{Format: atlas.FormatLong, Indicator: "nope", Columns: roles(atlas.RoleArea, atlas.RoleYear, atlas.RoleValue)},
			[]string{"0::unknown_indicator"}},
		{"not_a_number", header, [][]string{{"16051", "2020", "quote", "12,3"}, {"16051", "2021", "quote", "NaN"}}, long,
			[]string{"2:wert:not_a_number", "3:wert:not_a_number"}},
		{"duplicate", header, [][]string{{"16051", "2020", "quote", "1"}, {"16051", "2021", "quote", "1"}, {"16051", "2020", "Quote", "2"}}, long,
			[]string{"4:wert:duplicate"}},
		{"duplicate of a bare code", header, [][]string{{"SR01", "2020", "quote", "1"}, {"16051:SR01", "2020", "quote", "2"}}, long,
			[]string{"3:wert:duplicate"}},
		{"out_of_range", header, [][]string{{"16051", "2020", "quote", "100.5"}, {"16051", "2020", "arbeitslose", "-1"},
			{"16051", "2020", "einkommen", "10001"}, {"16051", "2021", "quote", "100"}}, long,
			[]string{"2:wert:out_of_range", "3:wert:out_of_range", "4:wert:out_of_range"}},
		{"bad_year", header, [][]string{{"16051", "1989", "quote", "1"}, {"16051", "20x1", "quote", "1"}, {"16051", "", "quote", "1"}}, long,
			[]string{"2:jahr:bad_year", "3:jahr:bad_year", "4:jahr:bad_year"}},
		{"bad_year of a wide header", []string{"ags", "2020", "Summe"}, [][]string{{"16051", "1", "2"}},
			atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideYears, Indicator: "quote", Columns: roles(atlas.RoleArea, atlas.RoleValue, atlas.RoleValue)},
			[]string{"1:Summe:bad_year"}},
		{"bad_date", []string{"ags", "jahr", "stichtag", "wert"},
			[][]string{{"16051", "2020", "31.12.2019", "1"}, {"16051", "2021", "30.02.2021", "1"}, {"16051", "2022", "gestern", "1"}, {"16051", "2023", "2023-12-31", "1"}},
			atlas.Mapping{Format: atlas.FormatLong, Indicator: "quote", Columns: roles(atlas.RoleArea, atlas.RoleYear, atlas.RoleDate, atlas.RoleValue)},
			[]string{"2:stichtag:bad_date", "3:stichtag:bad_date", "4:stichtag:bad_date"}},
		{"missing_column", []string{"name", "wert"}, [][]string{{"Erfurt", "1"}},
			atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleName, atlas.RoleValue)},
			[]string{"0::missing_column"}},
		{"missing_column of indicator and year", []string{"ags", "wert"}, [][]string{{"16051", "1"}},
			atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea, atlas.RoleValue)},
			[]string{"0::missing_column", "0::missing_column"}},
		{"missing_column of values", header, [][]string{{"16051", "2020", "quote", "1"}},
			atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea, atlas.RoleYear, atlas.RoleIndicator, atlas.RoleIgnore)},
			[]string{"0::missing_column"}},
		{"row_length", header, [][]string{{"16051", "2020", "quote"}, {"16051", "2020", "quote", "1", ""}, {"16051", "2021", "quote", "1"}, {" "}, {}}, long,
			[]string{"2::row_length", "3::row_length"}},
		{"level_not_published", header, [][]string{{"SR01", "2020", "einkommen", "1"}}, long, []string{"2:wert:level_not_published"}},
		{"bad_mapping", header, [][]string{{"16051", "2020", "quote", "1"}},
			atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea, atlas.RoleArea, atlas.RoleIndicator, atlas.RoleValue)},
			[]string{"0:jahr:bad_mapping"}},
		{"bad_boundary", []string{"ags", "jahr", "wert", "gebietsstand"},
			[][]string{{"16051", "2020", "1", strings.Repeat("ä", atlas.MaxShort)}, {"16051", "2021", "1", strings.Repeat("ä", atlas.MaxShort+1)}},
			atlas.Mapping{Format: atlas.FormatLong, Indicator: "quote", Columns: roles(atlas.RoleArea, atlas.RoleYear, atlas.RoleValue, atlas.RoleBoundary)},
			[]string{"3:gebietsstand:bad_boundary"}},
		{"bad_mapping of the column count", header, nil, atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea)},
			[]string{"0::bad_mapping"}},
		{"several problems of one row", header, [][]string{{"16099", "1800", "nope", "abc"}, {"16099", "2020", "quote", "101"}}, long,
			[]string{"2:ags:unknown_area", "2:jahr:bad_year", "2:indikator:unknown_indicator", "2:wert:not_a_number",
				"3:ags:unknown_area", "3:wert:out_of_range"}},
		{"several problems of one wide row", []string{"ags", "2019", "2020", "2021"}, [][]string{{"16051", "abc", "101", "-1"}},
			atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideYears, Indicator: "quote", Columns: roles(atlas.RoleArea, atlas.RoleValue, atlas.RoleValue, atlas.RoleValue)},
			[]string{"2:2019:not_a_number", "2:2020:out_of_range", "2:2021:out_of_range"}},
		{"unknown_area for a district's own indicator", header, [][]string{{"SR01", "2020", "eigen", "1"}, {"16052", "2020", "eigen", "1"}}, long,
			[]string{"3:ags:unknown_area"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := atlas.Interpret(c.header, c.rows, c.m, known(), false)
			if !reflect.DeepEqual(codes(got.Problems), c.want) {
				t.Errorf("problems %v, want %v", codes(got.Problems), c.want)
			}
			for _, p := range got.Problems {
				if p.Message == "" {
					t.Errorf("problem %+v has no message", p)
				}
			}
		})
	}
}

func TestInterpretCapsProblems(t *testing.T) {
	rows := make([][]string, 2500)
	for i := range rows {
		rows[i] = []string{"16099", "2020", "quote", "1"}
	}
	m := atlas.Mapping{Format: atlas.FormatLong, Columns: roles(atlas.RoleArea, atlas.RoleYear, atlas.RoleIndicator, atlas.RoleValue)}
	got := atlas.Interpret([]string{"ags", "jahr", "indikator", "wert"}, rows, m, known(), false)
	if len(got.Problems) != atlas.MaxProblems+1 {
		t.Fatalf("%d problems", len(got.Problems))
	}
	last := got.Problems[atlas.MaxProblems]
	if last.Code != atlas.ProblemTooMany || !strings.Contains(last.Message, "2500") || got.Problems[999].Row != 1001 {
		t.Errorf("summary %+v, last listed %+v", last, got.Problems[999])
	}
}

// TestInterpretDuplicatesNameTheFirstLine checks the line a duplicate points to, with pairs of
// indicator and area interleaved so the index's memory of the last pair does not help.
func TestInterpretDuplicatesNameTheFirstLine(t *testing.T) {
	header := []string{"ags", "2020", "2021"}
	rows := [][]string{{"16051", "1", ""}, {"SR01", "1", "2"}, {"16051", "", "3"}, {"SR01", "", "4"}, {"16051:SR01", "5", ""}}
	m := atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideYears, Indicator: "quote", Columns: roles(atlas.RoleArea, atlas.RoleValue, atlas.RoleValue)}
	got := atlas.Interpret(header, rows, m, known(), false)
	var msgs []string
	for _, p := range got.Problems {
		msgs = append(msgs, fmt.Sprintf("%d %s", p.Row, p.Message))
	}
	want := []string{"5 quote 16051:SR01 2021 steht schon in Zeile 3", "6 quote 16051:SR01 2020 steht schon in Zeile 3"}
	if !reflect.DeepEqual(msgs, want) || len(got.Values) != 4 {
		t.Errorf("problems %q, %d values", msgs, len(got.Values))
	}
}
