package atlasreport

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestXLSXHoldsTheTableAsNumbers(t *testing.T) {
	p := sommerda()
	var buf bytes.Buffer
	if err := XLSX(&buf, p); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("reading the workbook back: %v", err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != SheetProfile || got[1] != SheetSources {
		t.Fatalf("sheets %v, want [%s %s]", got, SheetProfile, SheetSources)
	}
	cell := func(sheet string, col, row int) string {
		name, _ := excelize.CoordinatesToCellName(col, row)
		v, err := x.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	number := func(col, row int, want float64) {
		t.Helper()
		name, _ := excelize.CoordinatesToCellName(col, row)
		if typ, _ := x.GetCellType(SheetProfile, name); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is of type %v, want a number", name, typ)
		}
		got, err := strconv.ParseFloat(cell(SheetProfile, col, row), 64)
		if err != nil || got != want {
			t.Errorf("%s = %q, want %v", name, cell(SheetProfile, col, row), want)
		}
	}
	if got := cell(SheetProfile, 1, 1); got != "Kreisprofil Sömmerda" {
		t.Errorf("title %q", got)
	}
	if got := cell(SheetProfile, 7, tableRow); got != "Thüringen" {
		t.Errorf("the Land's column is headed %q", got)
	}
	row := tableRow + 1
	for _, g := range p.Groups {
		for _, r := range g.Rows {
			if cell(SheetProfile, 1, row) != g.Title || cell(SheetProfile, 2, row) != r.Name || cell(SheetProfile, 3, row) != r.Key {
				t.Fatalf("row %d: %q %q %q, want %q %q %q", row, cell(SheetProfile, 1, row), cell(SheetProfile, 2, row),
					cell(SheetProfile, 3, row), g.Title, r.Name, r.Key)
			}
			number(5, row, float64(r.Year))
			number(7, row, *r.Land)
			if r.Suppressed {
				if cell(SheetProfile, 6, row) != Secret || cell(SheetProfile, 8, row) != "" || cell(SheetProfile, 10, row) != "" {
					t.Errorf("row %d: a withheld value shows %q, rank %q, trend %q", row, cell(SheetProfile, 6, row),
						cell(SheetProfile, 8, row), cell(SheetProfile, 10, row))
				}
			} else {
				number(6, row, *r.Value)
				number(8, row, float64(r.Rank))
				number(9, row, float64(r.Of))
				number(10, row, *r.Trend)
			}
			row++
		}
	}
	if got := cell(SheetProfile, 1, row); got != "" {
		t.Errorf("a row after the table: %q", got)
	}
	for i, s := range p.Sources {
		if got := cell(SheetSources, 1, 2+i); got != s {
			t.Errorf("source %d: %q, want %q", i, got, s)
		}
	}
	if got := cell(SheetSources, 1, 2+len(p.Sources)+2); got != p.Licence {
		t.Errorf("licence %q, want %q", got, p.Licence)
	}
}
