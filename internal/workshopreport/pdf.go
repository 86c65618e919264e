package workshopreport

import (
	_ "embed"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// The minutes print what participants wrote, in whatever script they wrote it; the core fonts'
// code page (cp1252, which needsreport and atlasreport use for their own texts) would turn a
// Turkish ş or a Cyrillic name into dots. DejaVu Sans covers them; fpdf embeds only the glyphs
// used. Licence: fonts/LICENSE.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// Page geometry, in millimetres (A4 portrait), and type sizes, in points.
const (
	margin   = 20.0
	pageW    = 210.0
	pageH    = 297.0
	contentW = pageW - 2*margin
	footH    = 10.0 // the footer band below the text
	bodySize = 10.0
	bodyLine = 5.0
	cellSize = 9.0
	cellLine = 4.4
	cellPad  = 1.2
	indent   = 6.0 // per level of a list
	family   = "DejaVu"
)

// heading sizes and line heights by level.
var headings = [4]struct{ size, line, before float64 }{{}, {16, 8, 2}, {13, 6.5, 4}, {11, 5.5, 3}}

// pdfDoc is one document being written.
type pdfDoc struct {
	f     *fpdf.Fpdf
	title string
}

// PDF writes the minutes as an A4 document: headings in bold and larger, paragraphs wrapped to
// the page (a word longer than a line is broken), list items indented behind their bullet or
// number, tables with a heading row that repeats on a new page; every page's footer carries the
// title and "n / m".
func PDF(w io.Writer, title string, markdown string) error {
	f := fpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, title: cleanText(title)}
	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.SetTitle(d.title, true)
	f.SetCreator("teilhabe", true)
	epoch := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // the same minutes give the same file
	f.SetCreationDate(epoch)
	f.SetModificationDate(epoch)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin+footH)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(d.footer)
	f.AddPage()
	for i, b := range parse(cleanText(markdown)) {
		d.block(b, i == 0)
	}
	return f.Output(w)
}

// bottom is where text must end on a page, above the footer.
func bottom() float64 { return pageH - margin - footH }

func (d *pdfDoc) footer() {
	f := d.f
	y := pageH - margin - footH + 4
	f.SetDrawColor(160, 160, 160)
	f.SetLineWidth(0.2)
	f.Line(margin, y, pageW-margin, y)
	f.SetXY(margin, y+1)
	f.SetFont(family, "", 8)
	f.SetTextColor(90, 90, 90)
	f.CellFormat(contentW-25, 4, d.fit(d.title, contentW-25), "", 0, "L", false, 0, "")
	f.CellFormat(25, 4, strconv.Itoa(f.PageNo())+" / {nb}", "", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}

// fit shortens s with an ellipsis until it fits width w.
func (d *pdfDoc) fit(s string, w float64) string {
	r := []rune(s)
	t := s
	for d.f.GetStringWidth(t) > w-2*d.f.GetCellMargin() && len(r) > 1 {
		r = r[:len(r)-1]
		t = strings.TrimSpace(string(r)) + "…"
	}
	return t
}

func (d *pdfDoc) block(b block, first bool) {
	f := d.f
	switch b.Kind {
	case blockHeading:
		h := headings[b.Level]
		if !first {
			f.Ln(h.before)
		}
		if f.GetY() > bottom()-h.line-3*bodyLine { // keep a heading with what follows it
			f.AddPage()
		}
		d.write(b.Text, margin, h.size, h.line, true)
		f.Ln(1)
	case blockPara:
		d.write(b.Text, margin, bodySize, bodyLine, false)
		f.Ln(2)
	case blockBullet:
		left := margin + indent*float64(b.Level+1)
		marker := "•"
		if b.Marker != "" {
			marker = b.Marker
		}
		f.SetFont(family, "", bodySize)
		if f.GetY()+bodyLine > bottom() {
			f.AddPage()
		}
		f.SetXY(left-indent, f.GetY())
		f.CellFormat(indent, bodyLine, marker, "", 0, "L", false, 0, "")
		d.write(b.Text, left, bodySize, bodyLine, false)
		f.Ln(0.8)
	case blockTable:
		d.table(b)
		f.Ln(2)
	case blockRule:
		f.Ln(1)
		f.SetDrawColor(160, 160, 160)
		f.Line(margin, f.GetY(), pageW-margin, f.GetY())
		f.Ln(3)
	}
}

// write flows the spans from the current line, wrapping at the right margin and back to left;
// fpdf's Write breaks a word that does not fit a line on its own, and turns the page.
func (d *pdfDoc) write(text []span, left, size, line float64, bold bool) {
	f := d.f
	f.SetLeftMargin(left)
	f.SetX(left)
	for _, s := range text {
		style := ""
		if bold || s.Bold {
			style = "B"
		}
		f.SetFont(family, style, size)
		f.Write(line, s.Text)
	}
	f.Ln(line)
	f.SetLeftMargin(margin)
}

// table draws a pipe table over the text's width: columns as wide as their longest cell where
// that fits, else shared in proportion to it; cells wrap; a row that does not fit the page starts
// the next one, below the repeated heading row.
func (d *pdfDoc) table(b block) {
	cols := 0
	for _, r := range b.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := d.columnWidths(b, cols)
	for i, r := range b.Rows {
		head := b.Head && i == 0
		if !d.row(r, widths, head) {
			if b.Head && i > 0 {
				d.row(b.Rows[0], widths, true) // the heading row again, on the new page
			}
			d.row(r, widths, head)
		}
	}
}

func (d *pdfDoc) columnWidths(b block, cols int) []float64 {
	f := d.f
	natural := make([]float64, cols)
	for i, r := range b.Rows {
		style := ""
		if b.Head && i == 0 {
			style = "B"
		}
		f.SetFont(family, style, cellSize)
		for j, c := range r {
			natural[j] = max(natural[j], f.GetStringWidth(plain(c))+2*f.GetCellMargin()+1)
		}
	}
	total := 0.0
	for j := range natural {
		natural[j] = max(natural[j], 12)
		total += natural[j]
	}
	if total <= contentW {
		return natural
	}
	// Too wide: every column gets at least an even share's third, the rest in proportion.
	floor := contentW / float64(cols) / 3
	widths := make([]float64, cols)
	for j, n := range natural {
		widths[j] = floor + (contentW-floor*float64(cols))*n/total
	}
	return widths
}

// row draws one table row and reports false, drawing nothing, when it had to turn the page
// first (so that the caller repeats the heading row). A row taller than a page is cut.
func (d *pdfDoc) row(r [][]span, widths []float64, head bool) bool {
	f := d.f
	style := ""
	if head {
		style = "B"
	}
	f.SetFont(family, style, cellSize)
	lines := make([][]string, len(widths))
	n := 1
	for j := range widths {
		if j < len(r) {
			lines[j] = f.SplitText(plain(r[j]), widths[j])
		}
		n = max(n, len(lines[j]))
	}
	h := float64(n)*cellLine + 2*cellPad
	fresh := f.GetY() <= margin+1
	if f.GetY()+h > bottom() && !fresh {
		f.AddPage()
		return false
	}
	h = min(h, bottom()-f.GetY())
	x, y := margin, f.GetY()
	f.SetDrawColor(150, 150, 150)
	f.SetFillColor(230, 234, 240)
	f.SetLineWidth(0.2)
	for j, w := range widths {
		rect := "D"
		if head {
			rect = "FD"
		}
		f.Rect(x, y, w, h, rect)
		for k, l := range lines[j] {
			ly := y + cellPad + float64(k)*cellLine
			if ly+cellLine > y+h {
				break
			}
			f.SetXY(x, ly)
			f.CellFormat(w, cellLine, l, "", 0, "L", false, 0, "")
		}
		x += w
	}
	f.SetXY(margin, y+h)
	return true
}

// cleanText drops what neither PDF nor XML can carry: control characters other than tab and line
// feed, and invalid UTF-8.
func cleanText(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
			return -1
		}
		return r
	}, s)
}
