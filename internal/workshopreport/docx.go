package workshopreport

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/internal/docxzip"
)

// DOCX writes the minutes as a Word document (Office Open XML, A4 portrait): headings as Word's
// heading styles (so the navigation pane lists them), bullets as a real list, numbered items with
// their number, tables with a heading row that repeats on every page, page numbers in the footer.
//
// The package is written by hand (internal/docxzip), as internal/needsreport's is (no maintained Go
// library for DOCX was to be had); it has eight small parts.
func DOCX(w io.Writer, title string, markdown string) error {
	title = cleanText(title)
	return docxzip.Write(w, time.Time{}, []docxzip.Part{ // no date: the same minutes give the same file
		{Name: "[Content_Types].xml", Body: docxContentTypes},
		{Name: "_rels/.rels", Body: docxzip.Rels},
		{Name: "docProps/core.xml", Body: docxCore(title)},
		{Name: "word/_rels/document.xml.rels", Body: docxDocumentRels},
		{Name: "word/styles.xml", Body: docxStyles},
		{Name: "word/numbering.xml", Body: docxNumbering},
		{Name: "word/footer1.xml", Body: docxFooter(title)},
		{Name: "word/document.xml", Body: docxDocument(parse(cleanText(markdown)))},
	})
}

// xmlText escapes s for XML text and attributes (s went through cleanText).
func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // a bytes.Buffer does not fail
	return b.String()
}

// docxRuns is the spans as runs, bold where they are or where bold is set.
func docxRuns(text []span, bold bool) string {
	var b strings.Builder
	for _, s := range text {
		b.WriteString("<w:r>")
		if bold || s.Bold {
			b.WriteString("<w:rPr><w:b/></w:rPr>")
		}
		b.WriteString(`<w:t xml:space="preserve">` + xmlText(s.Text) + "</w:t></w:r>")
	}
	return b.String()
}

// Text width of the page in twentieths of a point: A4 less two 2 cm margins.
const docxWidth = 11906 - 2*1134

func docxDocument(blocks []block) string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	for _, bl := range blocks {
		switch bl.Kind {
		case blockHeading:
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading` + strconv.Itoa(bl.Level) + `"/></w:pPr>` + docxRuns(bl.Text, false) + "</w:p>")
		case blockPara:
			b.WriteString("<w:p>" + docxRuns(bl.Text, false) + "</w:p>")
		case blockBullet:
			if bl.Marker == "" {
				b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="` + strconv.Itoa(bl.Level) +
					`"/><w:numId w:val="1"/></w:numPr></w:pPr>` + docxRuns(bl.Text, false) + "</w:p>")
				continue
			}
			left := strconv.Itoa(360 * (bl.Level + 2))
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:tabs><w:tab w:val="left" w:pos="` + left + `"/></w:tabs>` +
				`<w:ind w:left="` + left + `" w:hanging="360"/></w:pPr><w:r><w:t>` + xmlText(bl.Marker) + `</w:t></w:r><w:r><w:tab/></w:r>` +
				docxRuns(bl.Text, false) + "</w:p>")
		case blockTable:
			b.WriteString(docxTable(bl))
		case blockRule:
			b.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="A0A0A0"/></w:pBdr></w:pPr></w:p>`)
		}
	}
	b.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// docxTable is a w:tbl over the text's width, its columns shared evenly.
func docxTable(bl block) string {
	cols := 0
	for _, r := range bl.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	cw := strconv.Itoa(docxWidth / cols)
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="Tabelle"/><w:tblW w:w="` + strconv.Itoa(docxWidth) +
		`" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for range cols {
		b.WriteString(`<w:gridCol w:w="` + cw + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, r := range bl.Rows {
		head := bl.Head && i == 0
		b.WriteString("<w:tr>")
		if head {
			b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		}
		for j := range cols {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + cw + `" w:type="dxa"/>`)
			if head {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E6EAF0"/>`)
			}
			var cell []span
			if j < len(r) {
				cell = r[j]
			}
			b.WriteString(`</w:tcPr><w:p>` + docxRuns(cell, head) + "</w:p></w:tc>") // a cell needs a paragraph, even an empty one
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl><w:p/>") // Word joins two tables that touch; a paragraph keeps them apart
	return b.String()
}

// docxFooter carries the title and "page / pages" as fields Word fills in.
func docxFooter(title string) string {
	field := func(instr string) string {
		return `<w:fldSimple w:instr="` + instr + `"><w:r><w:t>1</w:t></w:r></w:fldSimple>`
	}
	return xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr>` +
		`<w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="` + strconv.Itoa(docxWidth) + `"/></w:tabs></w:pPr>` +
		`<w:r><w:t xml:space="preserve">` + xmlText(title) + `</w:t></w:r><w:r><w:tab/></w:r>` +
		field("PAGE") + `<w:r><w:t xml:space="preserve"> / </w:t></w:r>` + field("NUMPAGES") + `</w:p></w:ftr>`
}

// docxCore is docProps/core.xml: the title.
func docxCore(title string) string {
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + xmlText(title) + `</dc:title>` +
		`<dc:creator>teilhabe</dc:creator></cp:coreProperties>`
}
