package needsreport

// row writes one item with every cell wrapped to its column. A row that does not fit the rest of
// the page starts on the next one; a row taller than a whole page is cut between lines and goes
// on below the repeated heading.
func (d *pdfDoc) row(cells []string, shaded bool) {
	f := d.f
	f.SetFont("Helvetica", "", bodySize)
	lines := make([][]string, len(cells))
	height := 1
	for i, c := range cells {
		for _, l := range f.SplitLines([]byte(d.text(c)), pdfColumns[i]) {
			lines[i] = append(lines[i], string(l))
		}
		height = max(height, len(lines[i]))
	}
	fits := func(n int) bool { return f.GetY()+float64(n)*lineH+2*cellPad <= bottom() }
	fresh := int((bottom() - d.tableTop() - 2*cellPad) / lineH) // the lines a new page holds
	if !fits(height) && (height <= fresh || !fits(3)) {
		d.newPage()
	}
	for from := 0; from < height; {
		n := min(height-from, int((bottom()-f.GetY()-2*cellPad)/lineH))
		if n <= 0 {
			d.newPage()
			continue
		}
		d.chunk(lines, from, from+n, shaded)
		if from += n; from < height {
			d.newPage()
		}
	}
}

// chunk draws the lines [from, to) of every cell of a row as one band of framed cells.
func (d *pdfDoc) chunk(lines [][]string, from, to int, shaded bool) {
	f := d.f
	f.SetFont("Helvetica", "", bodySize)
	f.SetFillColor(246, 247, 249)
	f.SetDrawColor(150, 150, 150)
	h := float64(to-from)*lineH + 2*cellPad
	x, y := margin, f.GetY()
	style := "D"
	if shaded {
		style = "FD"
	}
	for i, w := range pdfColumns {
		f.Rect(x, y, w, h, style)
		for j := from; j < to && j < len(lines[i]); j++ {
			f.SetXY(x, y+cellPad+float64(j-from)*lineH)
			f.CellFormat(w, lineH, lines[i][j], "", 0, "L", false, 0, "")
		}
		if i == 0 && from > 0 && len(lines[0]) > 0 {
			// A band going on from the previous page repeats the item's number, in grey, so
			// the reader knows whose text it is.
			f.SetTextColor(120, 120, 120)
			f.SetXY(x, y+cellPad)
			f.CellFormat(w, lineH, lines[0][0], "", 0, "L", false, 0, "")
			f.SetTextColor(0, 0, 0)
		}
		x += w
	}
	f.SetXY(margin, y+h)
}

// newPage starts a page that begins with the table's heading.
func (d *pdfDoc) newPage() {
	d.f.AddPage()
	d.tableHeader()
}

// tableTop is where a row starts on a page after the first: below the margin and the heading.
func (d *pdfDoc) tableTop() float64 { return margin + lineH + 2*cellPad }
