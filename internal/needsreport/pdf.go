package needsreport

import (
	"io"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
)

// Page geometry, in millimetres (A4 landscape).
const (
	margin    = 10.0
	pageW     = 297.0
	pageH     = 210.0
	contentW  = pageW - 2*margin
	footH     = 8.0 // the footer band: title, draft note and page number
	bodySize  = 7.0 // the table's font size, in points
	lineH     = 3.2 // one line of the table
	cellPad   = 0.8 // above and below a cell's text
	headSize  = 7.5
	titleSize = 15.0
)

// pdfColumns are the columns' widths in the order of Header; they add up to contentW.
var pdfColumns = []float64{9, 20, 40, 28, 22, 22, 22, 22, 52, 40}

// pdfDoc is one table being written. Texts go through tr, which maps UTF-8 to the core fonts' code
// page (cp1252), as internal/atlasreport does: umlauts, ß, € and the dashes print with the
// built-in Helvetica; a character outside cp1252 (an emoji) prints as ".".
type pdfDoc struct {
	f  *fpdf.Fpdf
	tr func(string) string
	t  Table
}

// PDF writes the table as an A4 landscape document: the title, the district and date, the
// filters used and, for a draft, EmbargoNote in a red box; then the table with wrapped cells,
// its heading repeated on every page. A row longer than a page goes on over the next one. Every
// page's footer carries the title, the draft note and "Seite n von m".
func PDF(w io.Writer, t Table) error {
	f := fpdf.New("L", "mm", "A4", "")
	d := &pdfDoc{f: f, tr: f.UnicodeTranslatorFromDescriptor(""), t: t}
	f.SetTitle(t.title(), true)
	f.SetSubject(clean(t.District), true)
	f.SetCreator("teilhabe", true)
	f.SetCreationDate(t.Created) // the same table gives the same file
	f.SetModificationDate(t.Created)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, 0) // rows are broken by d.row, which repeats the heading
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(d.footer)
	f.AddPage()
	d.heading()
	d.tableHeader()
	for i, r := range t.Rows {
		d.row(r.cells(), i%2 == 1)
	}
	if len(t.Rows) == 0 {
		f.SetFont("Helvetica", "I", bodySize+1)
		f.CellFormat(contentW, 8, d.tr("Keine Einträge."), "", 1, "L", false, 0, "")
	}
	return f.Output(w)
}

// bottom is where the table must end on a page, above the footer.
func bottom() float64 { return pageH - margin - footH }

// footer is called by fpdf at the end of every page.
func (d *pdfDoc) footer() {
	f := d.f
	y := pageH - margin - footH + 3
	f.SetDrawColor(160, 160, 160)
	f.SetLineWidth(0.2)
	f.Line(margin, y, pageW-margin, y)
	f.SetXY(margin, y+1)
	f.SetFont("Helvetica", "", 7)
	f.SetTextColor(90, 90, 90)
	left := d.t.title()
	if d.t.Embargo {
		f.SetFont("Helvetica", "B", 7)
		f.SetTextColor(180, 0, 0)
		left = EmbargoNote + " · " + left
	}
	page := "Seite " + strconv.Itoa(f.PageNo()) + " von {nb}"
	f.CellFormat(contentW-30, 4, d.fit(left, contentW-30), "", 0, "L", false, 0, "")
	f.SetFont("Helvetica", "", 7)
	f.SetTextColor(90, 90, 90)
	f.CellFormat(30, 4, page, "", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}

// heading writes the title, district and date, the draft note and the filters.
func (d *pdfDoc) heading() {
	f := d.f
	f.SetFont("Helvetica", "B", titleSize)
	f.MultiCell(contentW, 7, d.text(d.t.title()), "", "L", false)
	if s := d.t.subtitle(); s != "" {
		f.SetFont("Helvetica", "", 9)
		f.CellFormat(contentW, 5, d.fit(s, contentW), "", 1, "L", false, 0, "")
	}
	if d.t.Embargo {
		f.Ln(1)
		f.SetFont("Helvetica", "B", 12)
		f.SetFillColor(253, 232, 232)
		f.SetDrawColor(180, 0, 0)
		f.SetTextColor(180, 0, 0)
		f.SetLineWidth(0.6)
		f.CellFormat(contentW, 9, d.tr(EmbargoNote+": enthält vorbereitete, noch nicht veröffentlichte Abwägungen"),
			"1", 1, "C", true, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetLineWidth(0.2)
	}
	f.Ln(1)
	f.SetFont("Helvetica", "", 8.5)
	f.MultiCell(contentW, 4.2, d.text(d.t.filterSentence()), "", "L", false)
	f.Ln(2)
}

// tableHeader writes the heading row at the current position.
func (d *pdfDoc) tableHeader() {
	f := d.f
	f.SetFont("Helvetica", "B", headSize)
	f.SetFillColor(230, 234, 240)
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.2)
	x, y := margin, f.GetY()
	for i, h := range Header {
		f.SetXY(x, y)
		f.CellFormat(pdfColumns[i], lineH+2*cellPad, d.fit(h, pdfColumns[i]), "1", 0, "L", true, 0, "")
		x += pdfColumns[i]
	}
	f.SetXY(margin, y+lineH+2*cellPad)
}

// text translates s for the core font; tabs become spaces, which SplitLines measures evenly.
func (d *pdfDoc) text(s string) string { return d.tr(strings.ReplaceAll(clean(s), "\t", " ")) }

// fit translates s and shortens it with an ellipsis until it fits a cell of width w.
func (d *pdfDoc) fit(s string, w float64) string {
	t := d.text(s)
	limit := w - 2*d.f.GetCellMargin()
	r := []rune(s)
	for d.f.GetStringWidth(t) > limit && len(r) > 1 {
		r = r[:len(r)-1]
		t = d.text(strings.TrimSpace(string(r)) + "…")
	}
	return t
}
