package needsreport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readXLSX writes tb and opens the workbook again.
func readXLSX(t *testing.T, tb Table) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, tb); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("reading the workbook back: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func TestXLSXHoldsEveryCell(t *testing.T) {
	tb := hostile()
	x := readXLSX(t, tb)
	if got := x.GetSheetList(); len(got) != 2 || got[0] != SheetTable || got[1] != SheetFilters {
		t.Fatalf("sheets %v", got)
	}
	rows, err := x.GetRows(SheetTable)
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, tb)
	if rows[1][2] != `<script>alert("x")</script>&"'` || rows[1][8] != "Ärger über Öffnungszeiten ß" {
		t.Errorf("hostile text changed: %q %q", rows[1][2], rows[1][8])
	}
	if rows[3][2] != "Spielplatz 🎉 fehlt" {
		t.Errorf("emoji lost: %q", rows[3][2])
	}
	panes, err := x.GetPanes(SheetTable)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("heading not frozen: %+v %v", panes, err)
	}
	if w, _ := x.GetColWidth(SheetTable, "I"); w < 40 {
		t.Errorf("the reason's column is %v wide", w)
	}
	style, _ := x.GetCellStyle(SheetTable, "I3")
	if s, err := x.GetStyle(style); err != nil || s.Alignment == nil || !s.Alignment.WrapText {
		t.Errorf("the reason is not wrapped: %+v %v", s, err)
	}
}

func TestXLSXFilterSheet(t *testing.T) {
	tb := hostile()
	x := readXLSX(t, tb)
	rows, err := x.GetRows(SheetFilters)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var filters []string
	for _, r := range rows {
		if len(r) == 2 {
			got[r[0]] = r[1]
			if r[0] == "Filter" || r[0] == "" {
				filters = append(filters, r[1])
			}
		}
	}
	if got["Titel"] != tb.Title || got["Gebietskörperschaft"] != "Erfurt" || got["Erstellt am"] != "02.12.2026 09:30" ||
		!strings.Contains(got["Entwurf"], EmbargoNote) || got["Einträge"] != "3" {
		t.Errorf("filter sheet %q", got)
	}
	if strings.Join(filters, "|") != "Sozialraum: Erfurt-Nord|Handlungsfeld: Jugend & Familie" {
		t.Errorf("filters %q", filters)
	}
}

func TestXLSXWithoutRowsOrFilters(t *testing.T) {
	x := readXLSX(t, Table{Title: "Leer", Filters: []Filter{{}}})
	rows, _ := x.GetRows(SheetTable)
	if len(rows) != 1 {
		t.Errorf("%d rows, want the heading only", len(rows))
	}
	filters, _ := x.GetRows(SheetFilters)
	var all []string
	for _, r := range filters {
		all = append(all, strings.Join(r, "="))
	}
	text := strings.Join(all, "\n")
	if !strings.Contains(text, "Filter="+NoFilters) || !strings.Contains(text, "Entwurf=nein") || !strings.Contains(text, "Einträge=0") {
		t.Errorf("filter sheet:\n%s", text)
	}
}

// trim shortens a long text in a failure message.
func trim(s string) string { return truncate(s, 80) }

func TestXLSXCutsATextExcelCannotHold(t *testing.T) {
	tb := Table{Rows: []Row{{No: 1, Reason: strings.Repeat("ä", maxCell+10)}}}
	x := readXLSX(t, tb)
	got, err := x.GetCellValue(SheetTable, "I2")
	if err != nil {
		t.Fatal(err)
	}
	if r := []rune(got); len(r) != maxCell || r[len(r)-1] != '…' {
		t.Errorf("%d characters ending in %q", len(r), r[len(r)-1])
	}
}
