package needsreport

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/testpdf"
)

// pdfPages renders the table and reads each page's text back with all white space removed: a
// cell's text wraps at places the test should not depend on.
func pdfPages(t *testing.T, tb Table) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := PDF(&buf, tb); err != nil {
		t.Fatal(err)
	}
	return testpdf.Pages(t, buf.Bytes())
}

var squeeze = testpdf.Squeeze

func TestPDFHoldsTheTable(t *testing.T) {
	tb := hostile()
	pages := pdfPages(t, tb)
	if len(pages) < 2 {
		t.Fatalf("%d page(s); the long reason needs more than one", len(pages))
	}
	all := strings.Join(pages, "")
	for _, want := range []string{tb.Title, "Erfurt · erstellt am 02.12.2026 09:30", tb.filterSentence(),
		`<script>alert("x")</script>&"'`, "Ärger über Öffnungszeiten ß", "Diakonie Erfurt, mitgezeichnet von AWO Erfurt",
		"Steuerzeichenweg", NotWeighed, "zur Kenntnis genommen", "Sprechstunde €", "Jugendclub länger öffnen zweite Zeile",
		"Spielplatz . fehlt", "Straße Tab", "ENDEMARKE"} {
		if !strings.Contains(all, squeeze(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if !strings.HasPrefix(pages[0], squeeze(tb.Title)) {
		t.Errorf("the first page does not start with the title: %q", trim(pages[0]))
	}
	if missing := notInOrder(all, strings.Fields(longReason)); missing != "" {
		t.Errorf("the long reason lacks %q or has it out of order", missing)
	}
	for i, page := range pages {
		for _, want := range []string{fmt.Sprintf("Seite %d von %d", i+1, len(pages)), EmbargoNote, "Abwägung", "Maßnahmen"} {
			if !strings.Contains(page, squeeze(want)) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	}
	if !strings.Contains(pages[1], "Nr.ArtZusammenfassung") || !strings.Contains(pages[1], "Maßnahmen2Begründung") {
		t.Errorf("page 2 does not go on with item 2 below the heading: %q", trim(pages[1]))
	}
	if first := pages[0]; strings.Index(first, squeeze(EmbargoNote)) > strings.Index(first, "Nr.") {
		t.Error("the draft note is not above the table")
	}
}

func TestPDFWithoutRowsFiltersOrEmbargo(t *testing.T) {
	pages := pdfPages(t, Table{Title: "Leer", District: "Gotha"})
	if len(pages) != 1 {
		t.Fatalf("%d pages for an empty table", len(pages))
	}
	for _, want := range []string{"Leer", "Gotha", "Filter: " + NoFilters, "Keine Einträge.", "Seite 1 von 1", "Begründung"} {
		if !strings.Contains(pages[0], squeeze(want)) {
			t.Errorf("the page lacks %q: %q", want, pages[0])
		}
	}
	if strings.Contains(pages[0], squeeze(EmbargoNote)) {
		t.Error("a published table carries the draft note")
	}
}

func TestPDFBreaksManyRowsOverPages(t *testing.T) {
	tb := Table{Title: "Viele"}
	for i := 1; i <= 120; i++ {
		tb.Rows = append(tb.Rows, Row{No: i, Kind: "Kommentar", Summary: fmt.Sprintf("Eintrag-%d-Ende", i), Decision: "berücksichtigt"})
	}
	pages := pdfPages(t, tb)
	all := strings.Join(pages, "")
	for _, r := range tb.Rows {
		if strings.Count(all, r.Summary) != 1 {
			t.Errorf("%s is printed %d times", r.Summary, strings.Count(all, r.Summary))
		}
	}
	if len(pages) < 3 {
		t.Errorf("120 rows on %d pages", len(pages))
	}
}

// notInOrder returns the first of words that text does not hold after the ones before it, as a
// whole word (a word ending in a digit is not found followed by one, so "Begründung1" is not
// found in "Begründung12").
func notInOrder(text string, words []string) string {
	at := 0
	for _, w := range words {
		for {
			i := strings.Index(text[at:], w)
			if i < 0 {
				return w
			}
			at += i + len(w)
			if at == len(text) || !isDigit(w[len(w)-1]) || !isDigit(text[at]) {
				break
			}
		}
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
