package needsreport

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// colWidths are the columns' widths on the sheet SheetTable, in characters, in the order of Header.
var colWidths = []float64{6, 16, 40, 28, 20, 20, 20, 20, 60, 40}

// maxCell is the most characters a spreadsheet cell holds (Excel's limit, which excelize enforces).
const maxCell = 32767

// XLSX writes the table as a workbook: the sheet "Abwägung" with the heading row (frozen, so it
// stays in view while scrolling) and one row per item, wrapped; the sheet "Filter" with the title,
// the district, the time of creation, the embargo state and the filters used.
func XLSX(w io.Writer, t Table) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetTable); err != nil {
		return err
	}
	if _, err := x.NewSheet(SheetFilters); err != nil {
		return err
	}
	rows := [][]string{Header}
	for _, r := range t.Rows {
		rows = append(rows, r.cells())
	}
	if err := writeRows(x, SheetTable, rows); err != nil {
		return err
	}
	filters := filterSheet(t)
	if err := writeRows(x, SheetFilters, filters); err != nil {
		return err
	}
	if err := layout(x, len(rows), len(filters)); err != nil {
		return err
	}
	if err := printSetup(x, t); err != nil {
		return err
	}
	return x.Write(w)
}

// filterSheet is the sheet SheetFilters: a label in column A, its value in column B.
func filterSheet(t Table) [][]string {
	embargo := "nein (veröffentlichter Stand)"
	if t.Embargo {
		embargo = "ja: " + EmbargoNote
	}
	rows := [][]string{
		{"Titel", t.title()},
		{"Gebietskörperschaft", clean(t.District)},
		{"Erstellt am", t.created()},
		{"Entwurf", embargo},
		{"Einträge", fmt.Sprint(len(t.Rows))},
		{},
	}
	for i, f := range t.filterLines() {
		label := ""
		if i == 0 {
			label = "Filter"
		}
		rows = append(rows, []string{label, f})
	}
	return rows
}

// writeRows fills a sheet from A1 with strings (so that a text starting with "=" stays a text);
// an empty cell stays unset.
func writeRows(x *excelize.File, sheet string, rows [][]string) error {
	for i, row := range rows {
		for j, v := range row {
			if v == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return err
			}
			if err := x.SetCellStr(sheet, cell, truncate(v, maxCell)); err != nil {
				return fmt.Errorf("%s!%s: %w", sheet, cell, err)
			}
		}
	}
	return nil
}

// truncate shortens s to at most n characters, ending in an ellipsis when it cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// layout sets the widths, wraps the texts, makes the heading bold and freezes it.
func layout(x *excelize.File, rows, filterRows int) error {
	head, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6EAF0"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	body, err := x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, w := range colWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.SetColWidth(SheetTable, col, col, w); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(Header), 1)
	if err := x.SetCellStyle(SheetTable, "A1", last, head); err != nil {
		return err
	}
	if rows > 1 {
		end, _ := excelize.CoordinatesToCellName(len(Header), rows)
		if err := x.SetCellStyle(SheetTable, "A2", end, body); err != nil {
			return err
		}
	}
	if err := x.SetPanes(SheetTable, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := x.SetColWidth(SheetFilters, "A", "A", 22); err != nil {
		return err
	}
	if err := x.SetColWidth(SheetFilters, "B", "B", 80); err != nil {
		return err
	}
	end := fmt.Sprintf("A%d", filterRows)
	return x.SetCellStyle(SheetFilters, "A1", end, bold)
}

// printSetup prints the table landscape with the title (and, for a draft, EmbargoNote) at the
// top of every page and the page number at the bottom; a draft's tab is red.
func printSetup(x *excelize.File, t Table) error {
	landscape := "landscape"
	if err := x.SetPageLayout(SheetTable, &excelize.PageLayoutOptions{Orientation: &landscape}); err != nil {
		return err
	}
	head := t.title()
	if t.Embargo {
		head = EmbargoNote + " · " + head
	}
	// In header and footer codes "&" starts a code; a literal one is doubled.
	head = strings.ReplaceAll(truncate(head, 200), "&", "&&")
	if err := x.SetHeaderFooter(SheetTable, &excelize.HeaderFooterOptions{
		OddHeader: "&C&B" + head, OddFooter: "&CSeite &P von &N"}); err != nil {
		return err
	}
	if !t.Embargo {
		return nil
	}
	red := "C00000"
	return x.SetSheetProps(SheetTable, &excelize.SheetPropsOptions{TabColorRGB: &red})
}
