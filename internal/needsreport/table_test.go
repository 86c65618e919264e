package needsreport

import (
	"strings"
	"testing"
	"time"
)

// longReason is a 5,000-character reason made of words, with a marker at its very end, so a
// test can tell that nothing after the first page or cell was lost.
var longReason = func() string {
	var b strings.Builder
	for i := 1; b.Len() < 5000-len(" ENDEMARKE"); i++ {
		b.WriteString("Begründung" + itoa(i) + " ")
	}
	return b.String() + "ENDEMARKE"
}()

// hostile is a table with texts that break naive writers: markup, quotes, umlauts, an emoji,
// control characters, a line break and a very long reason.
func hostile() Table {
	return Table{
		Title:    "Abwägungstabelle: Sozialplanung Erfurt 2027 <&>",
		District: "Erfurt",
		Filters:  []Filter{{Name: "Sozialraum", Value: "Erfurt-Nord"}, {Name: "Handlungsfeld", Value: "Jugend & Familie"}},
		Embargo:  true,
		Created:  time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC),
		Rows: []Row{
			{No: 1, Kind: "Bedarfsanzeige", Summary: `<script>alert("x")</script>&"'`, Submitter: "Diakonie Erfurt, mitgezeichnet von AWO Erfurt",
				Areas: "Erfurt-Nord, Rieth", Field: "Jugend", Bundle: "B1", Decision: "berücksichtigt",
				Reason: "Ärger über Öffnungszeiten ß", Measures: "Jugendclub länger öffnen\nzweite Zeile"},
			{No: 2, Kind: "Teilaspekt", Summary: "Steuer\x00zeichen\x07weg\x1b", Submitter: "Einwohner:in",
				Areas: "Herrenberg", Field: "Senioren", Decision: "", Reason: longReason, Measures: "Sprechstunde €"},
			{No: 3, Kind: "Kommentar", Summary: "Spielplatz 🎉 fehlt", Submitter: "Einwohner:in",
				Decision: "zur Kenntnis genommen", Reason: "Straße\tTab", Measures: "–"},
		},
	}
}

func TestCleanDropsWhatXMLCannotHold(t *testing.T) {
	got := clean("a\x00b\x01c\td\r\ne\rf\x7fg\u0085h\ufffei\uffffj€ä🎉")
	if want := "abc\td\ne\nfghij€ä🎉"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	if got := clean("\xff"); got != "\ufffd" {
		t.Errorf("invalid UTF-8 became %q", got)
	}
}

func TestRowCellsFollowTheHeader(t *testing.T) {
	r := hostile().Rows[1]
	cells := r.cells()
	if len(cells) != len(Header) {
		t.Fatalf("%d cells for %d headings", len(cells), len(Header))
	}
	if cells[0] != "2" || cells[7] != NotWeighed || cells[2] != "Steuerzeichenweg" || cells[8] != longReason {
		t.Errorf("cells %q", cells[:8])
	}
	if (Row{}).cells()[0] != "" {
		t.Error("a missing number printed as 0")
	}
}

func TestFilterLines(t *testing.T) {
	if got := (Table{}).filterLines(); len(got) != 1 || got[0] != NoFilters {
		t.Errorf("no filters: %q", got)
	}
	got := hostile().filterSentence()
	if want := "Filter: Sozialraum: Erfurt-Nord; Handlungsfeld: Jugend & Familie"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// checkRows compares a table read back, heading first, with tb's rows. A row read back may lack
// its trailing empty cells: excelize leaves them out.
func checkRows(t *testing.T, rows [][]string, tb Table) {
	t.Helper()
	if len(rows) != 1+len(tb.Rows) {
		t.Fatalf("%d rows, want the heading and %d", len(rows), len(tb.Rows))
	}
	if strings.Join(rows[0], "|") != strings.Join(Header, "|") {
		t.Errorf("heading %q", rows[0])
	}
	for i, r := range tb.Rows {
		want := r.cells()
		if len(rows[i+1]) > len(want) {
			t.Errorf("row %d has %d cells", i+1, len(rows[i+1]))
		}
		got := append(rows[i+1], make([]string, len(want))...)[:len(want)]
		for j := range want {
			if got[j] != want[j] {
				t.Errorf("row %d, %s: %q, want %q", i+1, Header[j], trim(got[j]), trim(want[j]))
			}
		}
	}
}
