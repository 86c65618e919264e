package atlasreport

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// The workbook's sheets.
const (
	SheetProfile = "Profil"
	SheetSources = "Quellen"
)

// profileHeader is the table's heading row on the sheet "Profil"; the table starts on row
// tableRow.
var profileHeader = []string{"Lebenslage", "Indikator", "Schlüssel", "Einheit", "Jahr", "Wert", "Thüringen",
	"Rang", "von", "Veränderung", "Hinweis"}

const tableRow = 4

// XLSX writes the profile as a workbook: the sheet "Profil" with one row per indicator (figures as
// numbers, so they can be computed with; a withheld value reads "geheim" and has no number), and
// the sheet "Quellen" with the sources, the licence and the date.
func XLSX(w io.Writer, p Profile) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetProfile); err != nil {
		return err
	}
	if _, err := x.NewSheet(SheetSources); err != nil {
		return err
	}
	head := append([]string(nil), profileHeader...)
	if p.LandName != "" {
		head[6] = p.LandName
	}
	if p.TrendYears > 0 {
		head[9] = trendHeading(p.TrendYears)
	}
	rows := [][]any{{p.title()}, {"Erstellt am", formatDate(p.Generated)}}
	rows = append(rows, make([][]any, tableRow-1-len(rows))...)
	rows = append(rows, toAny(head))
	for _, g := range p.Groups {
		for _, r := range g.Rows {
			rows = append(rows, profileRow(g, r))
		}
	}
	sources := [][]any{{"Quellen"}}
	for _, s := range p.Sources {
		sources = append(sources, []any{s})
	}
	sources = append(sources, nil, []any{"Lizenz"}, []any{p.Licence}, nil, []any{"Erstellt am", formatDate(p.Generated)})
	if err := writeRows(x, SheetProfile, rows); err != nil {
		return err
	}
	if err := writeRows(x, SheetSources, sources); err != nil {
		return err
	}
	if err := style(x); err != nil {
		return err
	}
	return x.Write(w)
}

// profileRow is one indicator's row; empty cells stay empty rather than carrying a dash, so that
// sums and filters in the spreadsheet work.
func profileRow(g Group, r Row) []any {
	cells := []any{g.Title, r.Name, r.Key, r.Unit, nil, nil, nil, nil, nil, nil, nil}
	if r.Year > 0 {
		cells[4] = r.Year
	}
	if r.Value != nil && !r.Suppressed {
		cells[5] = *r.Value
	}
	if r.Land != nil {
		cells[6] = *r.Land
	}
	if r.Rank > 0 && r.Of > 0 && !r.Suppressed {
		cells[7], cells[8] = r.Rank, r.Of
	}
	if r.Trend != nil && !r.Suppressed {
		cells[9] = *r.Trend
	}
	if r.Suppressed {
		cells[5], cells[10] = Secret, "Geheimhaltung: der Wert wird nicht veröffentlicht"
	}
	return cells
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// writeRows fills a sheet from A1; a nil cell stays empty.
func writeRows(x *excelize.File, sheet string, rows [][]any) error {
	for i, row := range rows {
		for j, v := range row {
			if v == nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return err
			}
			if err := x.SetCellValue(sheet, cell, v); err != nil {
				return fmt.Errorf("%s!%s: %w", sheet, cell, err)
			}
		}
	}
	return nil
}

// style makes the titles bold and the columns readable.
func style(x *excelize.File) error {
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	title, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	first, _ := excelize.CoordinatesToCellName(1, tableRow)
	last, _ := excelize.CoordinatesToCellName(len(profileHeader), tableRow)
	for _, s := range []struct {
		sheet, from, to string
		style           int
	}{
		{SheetProfile, "A1", "A1", title},
		{SheetProfile, first, last, bold},
		{SheetSources, "A1", "A1", bold},
	} {
		if err := x.SetCellStyle(s.sheet, s.from, s.to, s.style); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		from, to string
		w        float64
	}{{"A", "A", 24}, {"B", "B", 48}, {"C", "D", 14}, {"E", "J", 12}, {"K", "K", 44}} {
		if err := x.SetColWidth(SheetProfile, c.from, c.to, c.w); err != nil {
			return err
		}
	}
	return x.SetColWidth(SheetSources, "A", "A", 110)
}
