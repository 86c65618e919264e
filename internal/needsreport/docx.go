package needsreport

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/internal/docxzip"
)

// DOCX writes the table as a Word document (Office Open XML, landscape A4): the title as a
// heading, the district and date, for a draft EmbargoNote in bold red, the filters used, then a
// table whose heading row repeats on every page.
//
// It writes the package itself with archive/zip: the maintained Go libraries for DOCX were not
// to be had (ubavic/godocx is not served by the module proxy, its origin gomutex/godocx is
// unmaintained, unioffice needs a paid licence), and the six parts this table needs are small.
func DOCX(w io.Writer, t Table) error {
	return docxzip.Write(w, t.Created, []docxzip.Part{
		{Name: "[Content_Types].xml", Body: docxContentTypes},
		{Name: "_rels/.rels", Body: docxzip.Rels},
		{Name: "docProps/core.xml", Body: coreProps(t)},
		{Name: "word/_rels/document.xml.rels", Body: docxDocumentRels},
		{Name: "word/styles.xml", Body: docxStyles},
		{Name: "word/document.xml", Body: document(t)},
	})
}

// esc escapes s for XML text and attributes, after clean has dropped what XML cannot hold.
func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(clean(s))) // a bytes.Buffer does not fail
	return b.String()
}

// runs is s as WordprocessingML runs: line breaks become <w:br/>, tabs <w:tab/>.
func runs(s string, props string) string {
	var b strings.Builder
	for i, line := range strings.Split(clean(s), "\n") {
		b.WriteString("<w:r>" + props)
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("<w:tab/>")
			}
			if part != "" {
				b.WriteString(`<w:t xml:space="preserve">` + esc(part) + "</w:t>")
			}
		}
		b.WriteString("</w:r>")
	}
	return b.String()
}

// para is one paragraph of style style (may be "") with run properties props (may be "").
func para(style, props, text string) string {
	p := "<w:p>"
	if style != "" {
		p += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return p + runs(text, props) + "</w:p>"
}

// document is word/document.xml.
func document(t Table) string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	b.WriteString(para("Heading1", "", t.title()))
	if s := t.subtitle(); s != "" {
		b.WriteString(para("", "", s))
	}
	if t.Embargo {
		b.WriteString(para("", `<w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="28"/></w:rPr>`,
			EmbargoNote+": enthält vorbereitete, noch nicht veröffentlichte Abwägungen"))
	}
	b.WriteString(para("", "", t.filterSentence()))
	b.WriteString(table(t))
	// Landscape A4 with 1.5 cm margins, in twentieths of a point.
	b.WriteString(`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>` +
		`<w:pgMar w:top="850" w:right="850" w:bottom="850" w:left="850" w:header="425" w:footer="425" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// table is the w:tbl: a grid from the PDF's column widths, the heading row marked to repeat.
func table(t Table) string {
	const width = 16838 - 2*850
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="Abwaegung"/><w:tblW w:w="` + strconv.Itoa(width) +
		`" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	cols := make([]int, len(pdfColumns))
	for i, mm := range pdfColumns {
		cols[i] = int(mm / contentW * width)
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(cols[i]) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, head bool) {
		b.WriteString("<w:tr>")
		props := ""
		if head {
			b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
			props = "<w:rPr><w:b/></w:rPr>"
		}
		for i, c := range cells {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(cols[i]) + `" w:type="dxa"/>`)
			if head {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E6EAF0"/>`)
			}
			b.WriteString(`</w:tcPr>` + para("", props, c) + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	row(Header, true)
	for _, r := range t.Rows {
		row(r.cells(), false)
	}
	b.WriteString("</w:tbl>")
	if len(t.Rows) == 0 {
		b.WriteString(para("", "", "Keine Einträge."))
	}
	return b.String()
}

// coreProps is docProps/core.xml: the title and the time of creation.
func coreProps(t Table) string {
	created := ""
	if !t.Created.IsZero() {
		created = `<dcterms:created xsi:type="dcterms:W3CDTF">` + t.Created.UTC().Format(time.RFC3339) + `</dcterms:created>`
	}
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + esc(t.title()) + `</dc:title>` +
		`<dc:creator>teilhabe</dc:creator>` + created + `</cp:coreProperties>`
}
