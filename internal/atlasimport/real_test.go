package atlasimport_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/atlasimport"
)

// The real files of shared/data, copied to testdata (see testdata/README.md).

func readFile(t *testing.T, name string) atlasimport.Table {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := atlasimport.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// records reads a file with encoding/csv alone, to check Read and Interpret against.
func records(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %q", name, header)
	return -1
}

// realKnown is the Land's import scope: the Land, its 22 districts and the 8 INKAR indicators.
func realKnown(t *testing.T) atlas.Known {
	k := atlas.Known{Indicators: map[string]atlas.Indicator{}, Areas: map[atlas.AreaKey]string{atlas.LandKey: "Thüringen"},
		MinYear: 1900, MaxYear: time.Now().Year() + 1}
	kreise := readFile(t, "thueringen-kreise.csv")
	for _, r := range kreise.Rows {
		k.Areas[atlas.AreaKey(r[column(t, kreise.Header, "ags")])] = r[column(t, kreise.Header, "name")]
	}
	meta := readFile(t, "thueringen-inkar-indikatoren-meta.csv")
	for _, r := range meta.Rows {
		kind := atlas.KindMean
		switch r[column(t, meta.Header, "unit")] {
		case "Prozent":
			kind = atlas.KindShare
		case "Anzahl":
			kind = atlas.KindCount
		}
		key := r[column(t, meta.Header, "indicator")]
		k.Indicators[key] = atlas.Indicator{Key: key, Kind: kind, Levels: []atlas.Level{atlas.LevelLand, atlas.LevelDistrict}}
	}
	if len(k.Areas) != 23 || len(k.Indicators) != 8 {
		t.Fatalf("%d areas, %d indicators", len(k.Areas), len(k.Indicators))
	}
	return k
}

// checkValue compares a value with the cell it came from, read by strconv.
func checkValue(t *testing.T, v atlas.Value, area, indicator string, year int, cell string) {
	t.Helper()
	want, err := strconv.ParseFloat(cell, 64)
	if err != nil || v.Value == nil || *v.Value != want || string(v.Area) != area || v.Indicator != indicator ||
		v.Year != year || v.Flag != atlas.FlagNone {
		t.Fatalf("value %+v (%v), want %s %s %d %s", v, v.Value, area, indicator, year, cell)
	}
}

func TestRealINKARLong(t *testing.T) {
	tab := readFile(t, "thueringen-inkar-indikatoren.csv")
	recs := records(t, "thueringen-inkar-indikatoren.csv")
	if tab.Delimiter != "," || tab.Encoding != "utf-8" || !reflect.DeepEqual(append([][]string{tab.Header}, tab.Rows...), recs) {
		t.Fatalf("Read differs from encoding/csv: %q %q, %d rows", tab.Delimiter, tab.Encoding, len(tab.Rows))
	}
	k := realKnown(t)
	m := atlas.ProposeMapping(tab.Header, k)
	want := atlas.Mapping{Format: atlas.FormatLong,
		Columns: []atlas.Role{atlas.RoleArea, atlas.RoleName, atlas.RoleIndicator, atlas.RoleYear, atlas.RoleValue}}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("mapping %+v", m)
	}
	german := atlas.DetectGerman(atlas.ValueSamples(tab.Rows, m, 100), tab.Delimiter)
	if german {
		t.Fatal("INKAR writes decimal points")
	}
	got := atlas.Interpret(tab.Header, tab.Rows, m, k, german)
	if len(got.Problems) != 0 {
		t.Fatalf("problems: %+v", got.Problems[:min(5, len(got.Problems))])
	}
	h := recs[0]
	var cells [][]string
	for _, r := range recs[1:] {
		if r[column(t, h, "value")] != "" {
			cells = append(cells, r)
		}
	}
	if len(got.Values) != len(cells) || got.Rows != len(recs)-1 {
		t.Fatalf("%d values from %d rows, the file has %d values", len(got.Values), got.Rows, len(cells))
	}
	for i, v := range got.Values {
		r := cells[i]
		year, _ := strconv.Atoi(r[column(t, h, "year")])
		checkValue(t, v, r[column(t, h, "ags")], r[column(t, h, "indicator")], year, r[column(t, h, "value")])
	}
}

func TestRealAtlasWideIndicators(t *testing.T) {
	tab := readFile(t, "thueringen-atlas-latest.csv")
	k := realKnown(t)
	m := atlas.ProposeMapping(tab.Header, k)
	if m.Format != atlas.FormatWide || m.Wide != atlas.WideIndicators || m.Year != 2021 {
		t.Fatalf("mapping %+v", m)
	}
	// The value columns are the headers "<indicator>_<year>" of a catalogued indicator.
	type col struct {
		i    int
		key  string
		year int
	}
	var values []col
	for i, h := range tab.Header {
		cut := strings.LastIndex(h, "_")
		year, err := strconv.Atoi(h[cut+1:])
		_, known := k.Indicators[h[:max(cut, 0)]]
		switch {
		case cut > 0 && err == nil && known:
			values = append(values, col{i, h[:cut], year})
			if m.Columns[i] != atlas.RoleValue || m.ColumnKeys[i] != h[:cut] || m.ColumnYears[i] != year {
				t.Errorf("column %q: %s %q %d", h, m.Columns[i], m.ColumnKeys[i], m.ColumnYears[i])
			}
		case h == "ags":
			if m.Columns[i] != atlas.RoleArea {
				t.Errorf("ags is %s", m.Columns[i])
			}
		case h == "name":
			if m.Columns[i] != atlas.RoleName {
				t.Errorf("name is %s", m.Columns[i])
			}
		default:
			if m.Columns[i] != atlas.RoleIgnore {
				t.Errorf("column %q is %s", h, m.Columns[i])
			}
		}
	}
	if len(values) < 5 {
		t.Fatalf("only %d value columns in %q", len(values), tab.Header)
	}
	got := atlas.Interpret(tab.Header, tab.Rows, m, k, atlas.DetectGerman(atlas.ValueSamples(tab.Rows, m, 100), tab.Delimiter))
	if len(got.Problems) != 0 {
		t.Fatalf("problems: %+v", got.Problems)
	}
	n := 0
	for _, r := range tab.Rows {
		for _, c := range values {
			if r[c.i] == "" {
				continue
			}
			checkValue(t, got.Values[n], r[column(t, tab.Header, "ags")], c.key, c.year, r[c.i])
			n++
		}
	}
	if n != len(got.Values) {
		t.Errorf("%d values, the file has %d", len(got.Values), n)
	}
}

// TestXLSXToValues goes from a workbook to values: the displayed "1,234.50" of a formatted cell is
// read in the convention the samples show.
func TestXLSXToValues(t *testing.T) {
	tab, err := atlasimport.Read("atlas.xlsx", xlsxFile(t))
	if err != nil {
		t.Fatal(err)
	}
	k := realKnown(t)
	m := atlas.ProposeMapping(tab.Header, k)
	if m.Columns[4] != atlas.RoleDate {
		t.Fatalf("mapping %+v", m)
	}
	// The person sets the indicator, and drops the reference date: its year is not every column's.
	m.Indicator, m.Columns[4] = "arbeitslose", atlas.RoleIgnore
	got := atlas.Interpret(tab.Header, tab.Rows, m, k, atlas.DetectGerman(atlas.ValueSamples(tab.Rows, m, 100), tab.Delimiter))
	if len(got.Problems) != 0 {
		t.Fatalf("problems %+v", got.Problems)
	}
	var refs []string
	for _, v := range got.Values {
		s := v.Ref() + "=" + string(v.Flag)
		if v.Value != nil {
			s += strconv.FormatFloat(*v.Value, 'f', -1, 64)
		}
		refs = append(refs, s)
	}
	want := "arbeitslose/16068/2020=1.5 arbeitslose/16068/2021=1234.5 arbeitslose/16074/2020=suppressed " +
		"arbeitslose/16051/2020=3 arbeitslose/16051/2021=unreliable4"
	if strings.Join(refs, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(refs, " "), want)
	}
}
