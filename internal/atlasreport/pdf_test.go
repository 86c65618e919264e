package atlasreport

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/testpdf"
)

// pageTexts renders the profile and reads each page's text back, with all white space removed: a
// line the footer wraps must still be found, whatever the extractor makes of the line break.
func pageTexts(t *testing.T, p Profile) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := PDF(&buf, p); err != nil {
		t.Fatal(err)
	}
	return testpdf.Pages(t, buf.Bytes())
}

var squeeze = testpdf.Squeeze

func TestPDFCarriesTheProfile(t *testing.T) {
	p := sommerda()
	pages := pageTexts(t, p)
	if len(pages) < 2 {
		t.Fatalf("%d page(s); the profile is long enough for two", len(pages))
	}
	all := strings.Join(pages, "")
	for _, want := range []string{"Kreisprofil Sömmerda", "Erstellt am 02.12.2026", "Einkommen und Armut",
		"Verfügbares Einkommen je Einwohner", "1.799,21", "5,19", "+217,96", "14 von 22", "geheim",
		"Arbeitslose je 100 Erwerbsfähige", "Veränderung 4 J.", "Schuldnerquote 2021"} {
		if !strings.Contains(all, squeeze(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(all, "4.711") {
		t.Error("a withheld value was printed")
	}
	for i, page := range pages {
		for _, want := range append(p.Sources, p.Licence) {
			if !strings.Contains(page, squeeze(want)) {
				t.Errorf("page %d lacks the footer line %q", i+1, want)
			}
		}
		if want := squeeze(fmt.Sprintf("Seite %d von %d", i+1, len(pages))); !strings.Contains(page, want) {
			t.Errorf("page %d lacks its number %q", i+1, want)
		}
	}
}

func TestPDFWithoutMapOrSeries(t *testing.T) {
	p := sommerda()
	p.Districts, p.Outline, p.Sources = nil, nil, nil
	p.Groups = p.Groups[:1]
	for i := range p.Groups[0].Rows {
		p.Groups[0].Rows[i].Series = nil
	}
	pages := pageTexts(t, p)
	if len(pages) != 1 || !strings.Contains(pages[0], squeeze(p.Licence)) || strings.Contains(pages[0], "Quellen") {
		t.Errorf("one page with the licence and no empty sources line, got %d: %q", len(pages), pages)
	}
}
