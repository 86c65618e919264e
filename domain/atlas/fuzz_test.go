package atlas_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

var fuzzRoles = []atlas.Role{atlas.RoleArea, atlas.RoleName, atlas.RoleYear, atlas.RoleDate, atlas.RoleIndicator,
	atlas.RoleValue, atlas.RoleNumerator, atlas.RoleDenominator, atlas.RoleBoundary, atlas.RoleIgnore, "bogus"}

// fuzzTable reads a table from text: lines are rows, ";" separates fields, the first line is
// the header.
func fuzzTable(text string) ([]string, [][]string) {
	lines := strings.Split(text, "\n")
	header := strings.Split(lines[0], ";")
	var rows [][]string
	for _, l := range lines[1:] {
		rows = append(rows, strings.Split(l, ";"))
	}
	return header, rows
}

// fuzzMapping is the proposed mapping, or one made of the role bytes when there are any.
func fuzzMapping(header []string, roleBytes []byte, format byte, k atlas.Known) atlas.Mapping {
	m := atlas.ProposeMapping(header, k)
	if len(roleBytes) == 0 {
		return m
	}
	m = atlas.Mapping{Format: []string{atlas.FormatLong, atlas.FormatWide, "bogus"}[int(format)%3],
		Wide: []string{atlas.WideYears, atlas.WideIndicators, ""}[int(format/3)%3], Indicator: "quote", Year: 2020}
	if format&0x80 != 0 {
		m.Indicator, m.Year = "", 0
	}
	for i := range header {
		m.Columns = append(m.Columns, fuzzRoles[int(roleBytes[i%len(roleBytes)])%len(fuzzRoles)])
	}
	return m
}

func FuzzInterpret(f *testing.F) {
	f.Add("ags;jahr;indikator;wert\n16051;2020;quote;12,5\nSR01;2021;arbeitslose;.", []byte{}, byte(0), true)
	f.Add("ags;2019;2020\n16051;1;2\nSR02;x;(3)", []byte{0, 5, 5}, byte(1), false)
	f.Add("code;jahr;quote;arbeitslose_2020;einkommen\n16051;2021;5;6;7\n16051:SR01;2021;1;;", []byte{}, byte(4), false)
	f.Add("gebiet;stichtag;wert;zaehler;nenner\n16051;31.12.2020;1;2;3\n16051;29.02.2024;1;2;3", []byte{0, 3, 5, 6, 7}, byte(0), true)
	f.Add("ags;wert\n16051;1\n16051;1\n16051", []byte{}, byte(0), false)
	f.Add("ags;jahr;indikator;wert\n16052;2020;eigen;1\nSR01;2020;einkommen;2\n16051;2020;eigen;3", []byte{}, byte(0), false)
	f.Fuzz(func(t *testing.T, text string, roleBytes []byte, format byte, german bool) {
		k := known()
		header, rows := fuzzTable(text)
		m := fuzzMapping(header, roleBytes, format, k)
		got := atlas.Interpret(header, rows, m, k, german)
		if got.Rows != len(rows) || len(got.Problems) > atlas.MaxProblems+1 {
			t.Fatalf("rows %d of %d, %d problems", got.Rows, len(rows), len(got.Problems))
		}
		if len(got.Problems) > 0 {
			return
		}
		cells := 0
		for _, row := range rows {
			for i, c := range row { // a row of another length passed without a problem is blank
				if i < len(m.Columns) && m.Columns[i] == atlas.RoleValue && strings.TrimSpace(c) != "" {
					cells++
				}
			}
		}
		if cells != len(got.Values) {
			t.Fatalf("%d values from %d value cells", len(got.Values), cells)
		}
		seen := map[string]bool{}
		for _, v := range got.Values {
			ind, area, year, err := atlas.ParseRef(v.Ref())
			if err != nil || ind != v.Indicator || area != v.Area || year != v.Year {
				t.Fatalf("value %+v: ref %v", v, err)
			}
			if _, ok := k.Areas[v.Area]; !ok || year < k.MinYear || year > k.MaxYear || seen[v.Ref()] {
				t.Fatalf("value %+v outside the known areas or years, or twice", v)
			}
			cat, ok := k.Indicators[v.Indicator]
			if !ok || (cat.DistrictKey != "" && v.Area.District() != cat.DistrictKey) {
				t.Fatalf("value %+v of an unknown indicator, or of another district's", v)
			}
			if len(cat.Levels) > 0 && !slices.Contains(cat.Levels, v.Area.Level()) {
				t.Fatalf("value %+v on a level %s does not publish", v, cat.Key)
			}
			if (v.Value == nil) != (v.Flag == atlas.FlagSuppressed || v.Flag == atlas.FlagUnknown) {
				t.Fatalf("value %+v: nil and flag disagree", v)
			}
			if v.Value != nil && (math.IsNaN(*v.Value) || math.IsInf(*v.Value, 0)) {
				t.Fatalf("value %+v is not finite", v)
			}
			if v.Date != "" && !strings.HasPrefix(v.Date, v.Ref()[strings.LastIndex(v.Ref(), "/")+1:]+"-") {
				t.Fatalf("value %+v: date outside its year", v)
			}
			if len([]rune(v.Boundary)) > atlas.MaxShort || v.Boundary != strings.TrimSpace(v.Boundary) {
				t.Fatalf("value %+v: boundary", v)
			}
			seen[v.Ref()] = true
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{".", "-", "/", "x", "(12,3)", "1.234,5", "1,234.5", "NaN", "0x1p3", "-(1)", "1e400", "\u00a01\u00a0"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, german bool) {
		v, flag, err := atlas.ParseNumber(s, german)
		if err != nil {
			if v != nil || flag != atlas.FlagNone {
				t.Fatalf("%q: error %v with value %v flag %q", s, err, v, flag)
			}
			return
		}
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			t.Fatalf("%q read as %v", s, *v)
		}
		if strings.ContainsAny(strings.ToLower(s), "abcdefghijklmnopqrstuvwyz") {
			t.Fatalf("%q has letters but was read as %v %q", s, v, flag)
		}
	})
}
