package atlasreport

import (
	"io"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
)

// Page geometry of the profile, in millimetres (A4 portrait).
const (
	margin    = 15.0
	pageW     = 210.0
	contentW  = pageW - 2*margin
	headH     = 5.5 // the table's heading
	rowH      = 8.0 // a row: the indicator's name and below it its unit
	footSize  = 6.5
	footLineH = 3.0
)

// The table's columns: indicator, year, value, Land, rank, trend.
var columns = []float64{68, 14, 26, 26, 20, 26}

// doc is one profile being written. Texts go through tr, which maps UTF-8 to the core fonts'
// code page (cp1252), so umlauts, ß, € and the en dash print with the built-in Helvetica.
type doc struct {
	f      *fpdf.Fpdf
	tr     func(string) string
	p      Profile
	footer [][]byte // the footer's lines, already in cp1252
}

// PDF writes the profile as an A4 document: title, date and a small map of the area, then per
// Lebenslage a table and a small line chart per indicator with a series; every page carries the
// sources, the licence and its number in the footer.
func PDF(w io.Writer, p Profile) error {
	f := fpdf.New("P", "mm", "A4", "")
	d := &doc{f: f, tr: f.UnicodeTranslatorFromDescriptor(""), p: p}
	f.SetTitle(p.title(), true)
	f.SetSubject(p.LandName, true)
	f.SetCreator("teilhabe", true)
	f.SetCreationDate(p.Generated) // the same profile gives the same file
	f.SetModificationDate(p.Generated)
	f.SetMargins(margin, margin, margin)
	f.AliasNbPages("{nb}")
	f.SetFont("Helvetica", "", footSize)
	d.footer = d.footerLines()
	f.SetAutoPageBreak(true, d.footerHeight()+6)
	f.SetFooterFunc(d.drawFooter)
	f.AddPage()
	d.heading()
	for _, g := range p.Groups {
		d.group(g)
	}
	return f.Output(w)
}

// footerLines wraps the sources and the licence to the page's width.
func (d *doc) footerLines() [][]byte {
	var lines [][]byte
	wrap := func(s string) {
		if s != "" {
			lines = append(lines, d.f.SplitLines([]byte(d.tr(s)), contentW)...)
		}
	}
	if len(d.p.Sources) > 0 {
		wrap("Quellen: " + strings.Join(d.p.Sources, "; "))
	}
	if d.p.Licence != "" {
		wrap("Lizenz: " + d.p.Licence)
	}
	return lines
}

func (d *doc) footerHeight() float64 { return float64(len(d.footer)+1)*footLineH + 2 }

// drawFooter is called by fpdf at the end of every page.
func (d *doc) drawFooter() {
	f := d.f
	_, pageH := f.GetPageSize()
	y := pageH - margin/2 - d.footerHeight()
	f.SetDrawColor(160, 160, 160)
	f.SetLineWidth(0.2)
	f.Line(margin, y, pageW-margin, y)
	f.SetFont("Helvetica", "", footSize)
	f.SetTextColor(90, 90, 90)
	f.SetXY(margin, y+1)
	for _, line := range d.footer {
		f.CellFormat(contentW, footLineH, string(line), "", 2, "L", false, 0, "")
	}
	page := d.tr(d.p.title() + " · Seite " + strconv.Itoa(f.PageNo()) + " von {nb}")
	f.CellFormat(contentW, footLineH, page, "", 2, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}

// heading writes the title, the date and the small map.
func (d *doc) heading() {
	f := d.f
	const mapW, mapH = 58.0, 58.0
	top := f.GetY()
	d.drawMap(pageW-margin-mapW, top, mapW, mapH)
	f.SetXY(margin, top)
	f.SetFont("Helvetica", "B", 18)
	f.MultiCell(contentW-mapW-6, 8, d.tr(d.p.title()), "", "L", false)
	f.SetFont("Helvetica", "", 10)
	f.SetX(margin)
	sub := d.p.LandName
	if d.p.AreaKey != "" {
		sub += " · Kreisschlüssel " + d.p.AreaKey
	}
	f.CellFormat(contentW-mapW-6, 6, d.tr(sub), "", 2, "L", false, 0, "")
	f.CellFormat(contentW-mapW-6, 6, d.tr("Erstellt am "+formatDate(d.p.Generated)), "", 2, "L", false, 0, "")
	f.SetY(max(f.GetY(), top+mapH+legendH(d.p)) + 4)
}

// group writes one Lebenslage: heading, table, charts.
func (d *doc) group(g Group) {
	f := d.f
	d.need(8 + headH + 2*rowH)
	f.SetFont("Helvetica", "B", 12)
	f.CellFormat(contentW, 8, d.tr(g.Title), "", 1, "L", false, 0, "")
	d.tableHeader()
	for i, r := range g.Rows {
		if d.need(rowH) {
			d.tableHeader()
		}
		d.tableRow(r, i%2 == 1)
	}
	f.Ln(4)
	d.charts(g.Rows)
}

// need starts a new page unless h millimetres fit on this one, and reports whether it did.
func (d *doc) need(h float64) bool {
	_, pageH := d.f.GetPageSize()
	_, _, _, bottom := d.f.GetMargins()
	if d.f.GetY()+h <= pageH-bottom {
		return false
	}
	d.f.AddPage()
	return true
}

func (d *doc) tableHeader() {
	f := d.f
	f.SetFont("Helvetica", "B", 8)
	f.SetFillColor(230, 234, 240)
	heads := []string{"Indikator", "Jahr", "Wert", d.p.LandName, "Rang", trendHeading(d.p.TrendYears)}
	for i, h := range heads {
		f.CellFormat(columns[i], headH, d.fit(h, columns[i]), "B", 0, align(i), true, 0, "")
	}
	f.Ln(-1)
}

// tableRow writes one indicator: its name with the unit below, then the figures (without the
// unit, which would not fit the narrow columns).
func (d *doc) tableRow(r Row, shaded bool) {
	f := d.f
	x, y := f.GetXY()
	f.SetFillColor(246, 247, 249)
	year := ""
	if r.Year > 0 {
		year = strconv.Itoa(r.Year)
	}
	value, rank, trend := formatValue(r.Value), formatRank(r), formatTrend(r.Trend)
	if r.Suppressed {
		value, rank, trend = Secret, dash, dash
	}
	f.SetFont("Helvetica", "", 8)
	f.CellFormat(columns[0], rowH/2+0.5, d.fit(r.Name, columns[0]), "", 2, "LB", shaded, 0, "")
	f.SetFont("Helvetica", "", 6.5)
	f.SetTextColor(90, 90, 90)
	f.CellFormat(columns[0], rowH/2-0.5, d.fit(r.Unit, columns[0]), "", 0, "LT", shaded, 0, "")
	f.SetTextColor(0, 0, 0)
	f.SetFont("Helvetica", "", 8)
	f.SetXY(x+columns[0], y)
	for i, c := range []string{year, value, formatValue(r.Land), rank, trend} {
		f.CellFormat(columns[i+1], rowH, d.fit(c, columns[i+1]), "", 0, "RM", shaded, 0, "")
	}
	f.SetXY(x, y+rowH)
}

// align puts the indicator's name left and the figures right.
func align(col int) string {
	if col == 0 {
		return "L"
	}
	return "R"
}

// fit translates s and shortens it with an ellipsis until it fits a cell of width w.
func (d *doc) fit(s string, w float64) string {
	t := d.tr(s)
	limit := w - 2*d.f.GetCellMargin()
	if d.f.GetStringWidth(t) <= limit {
		return t
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if t = d.tr(strings.TrimSpace(string(r)) + "…"); d.f.GetStringWidth(t) <= limit {
			break
		}
	}
	return t
}
