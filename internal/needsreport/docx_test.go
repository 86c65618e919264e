package needsreport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// docxParts writes tb and returns the package's parts by name.
func docxParts(t *testing.T, tb Table) map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := DOCX(&buf, tb); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

// docxText parses word/document.xml strictly and returns its paragraphs' texts, a tab for
// <w:tab/>, a line feed for <w:br/>; and the texts of the table's rows, one slice of cells each.
func docxText(t *testing.T, doc string) (paras []string, rows [][]string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	var p strings.Builder
	var row []string
	inText, inCell := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("word/document.xml is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "t":
				inText = true
			case "tab":
				p.WriteByte('\t')
			case "br":
				p.WriteByte('\n')
			case "p":
				p.Reset()
			case "tc":
				inCell = true
			case "tr":
				row = nil
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "p":
				if inCell {
					row = append(row, p.String())
				} else {
					paras = append(paras, p.String())
				}
			case "tc":
				inCell = false
			case "tr":
				rows = append(rows, row)
			}
		case xml.CharData:
			if inText {
				p.Write(e)
			}
		}
	}
	return paras, rows
}

func TestDOCXHoldsEveryCell(t *testing.T) {
	tb := hostile()
	parts := docxParts(t, tb)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "docProps/core.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("the package lacks %s", name)
		}
		if err := wellFormed(parts[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	paras, rows := docxText(t, parts["word/document.xml"])
	if len(paras) < 4 || paras[0] != tb.Title || paras[1] != "Erfurt · erstellt am 02.12.2026 09:30" ||
		!strings.HasPrefix(paras[2], EmbargoNote) || paras[3] != tb.filterSentence() {
		t.Errorf("heading paragraphs %q", paras)
	}
	checkRows(t, rows, tb)
	if rows[1][2] != `<script>alert("x")</script>&"'` || rows[3][2] != "Spielplatz 🎉 fehlt" || rows[3][8] != "Straße\tTab" ||
		rows[1][9] != "Jugendclub länger öffnen\nzweite Zeile" || rows[2][2] != "Steuerzeichenweg" {
		t.Errorf("hostile text changed: %q", [][]string{rows[1], rows[3]})
	}
	if strings.Contains(parts["word/document.xml"], "<script>") {
		t.Error("markup went into the document unescaped")
	}
	if !strings.Contains(parts["docProps/core.xml"], "<dc:title>Abwägungstabelle: Sozialplanung Erfurt 2027 &lt;&amp;&gt;</dc:title>") {
		t.Errorf("core properties %s", parts["docProps/core.xml"])
	}
}

func TestDOCXWithoutRowsOrFilters(t *testing.T) {
	paras, rows := docxText(t, docxParts(t, Table{})["word/document.xml"])
	if len(rows) != 1 {
		t.Errorf("%d table rows, want the heading only", len(rows))
	}
	text := strings.Join(paras, "\n")
	if !strings.Contains(text, "Filter: "+NoFilters) || strings.Contains(text, EmbargoNote) || !strings.Contains(text, "Keine Einträge.") {
		t.Errorf("paragraphs %q", paras)
	}
}

// wellFormed reads s as XML to its end.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
