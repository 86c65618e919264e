// Package needsreport writes the weighing table (Abwägungstabelle) of a needs assessment as the
// committees read it: an XLSX workbook, a landscape PDF and a DOCX document. It knows nothing of
// the domain; the caller fills a Table with the texts as they are to be printed, already filtered
// and ordered, and decides whether it is an embargoed draft.
package needsreport

import (
	"strconv"
	"strings"
	"time"
)

// Table is a weighing table as the committees read it.
type Table struct {
	Title    string   // e.g. "Abwägungstabelle: Sozialplanung Erfurt 2027"
	District string   // the district (Landkreis or kreisfreie Stadt) it belongs to
	Filters  []Filter // the filters used, in the order shown; empty: none (all entries)
	// Embargo marks a table that holds decisions prepared but not yet published: every format then
	// shows EmbargoNote prominently, so that a printed draft cannot pass for the decided table.
	Embargo bool
	Created time.Time // shown as is, in its own location: pass it in the zone the reader expects
	Rows    []Row     // in the order shown
}

// Filter is one filter the table was made with, e.g. {Name: "Sozialraum", Value: "Erfurt-Nord"}.
type Filter struct{ Name, Value string }

// Row is one weighed item.
type Row struct {
	No        int    // the running number the committee refers to
	Kind      string // "Bedarfsanzeige", "Teilaspekt", "Kommentar"
	Summary   string
	Submitter string // e.g. "Diakonie Erfurt, mitgezeichnet von AWO Erfurt" or "Einwohner:in"
	Areas     string // the social areas (Sozialräume) concerned
	Field     string // the field of action (Handlungsfeld)
	Bundle    string // the bundle of items weighed together, if any
	// Decision is the German outcome: "berücksichtigt", "teilweise berücksichtigt", "nicht
	// berücksichtigt", "zur Kenntnis genommen", or "" for an item not weighed yet (shown as
	// NotWeighed).
	Decision string
	Reason   string
	Measures string
}

// EmbargoNote is what an embargoed table shows at its top (and the PDF on every page).
const EmbargoNote = "Entwurf – nicht veröffentlicht"

// NoFilters is what the filter line says when no filter was used.
const NoFilters = "keine Filter (alle Einträge)"

// NotWeighed stands for an empty Decision.
const NotWeighed = "noch nicht abgewogen"

// SheetTable and SheetFilters are the workbook's sheets.
const (
	SheetTable   = "Abwägung"
	SheetFilters = "Filter"
)

// Header is the table's heading row, the same in every format, in the order of rowCells.
var Header = []string{"Nr.", "Art", "Zusammenfassung", "Eingereicht von", "Sozialräume", "Handlungsfeld",
	"Bündel", "Abwägung", "Begründung", "Maßnahmen"}

// cells is a row's texts in the order of Header, cleaned for every format.
func (r Row) cells() []string {
	d := r.Decision
	if strings.TrimSpace(d) == "" {
		d = NotWeighed
	}
	out := []string{itoa(r.No), r.Kind, r.Summary, r.Submitter, r.Areas, r.Field, r.Bundle, d, r.Reason, r.Measures}
	for i := range out {
		out[i] = clean(out[i])
	}
	return out
}

// itoa leaves a missing number empty rather than printing 0.
func itoa(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// filterLines says which filters were used, one line each ("Sozialraum: Erfurt-Nord"), or
// NoFilters.
func (t Table) filterLines() []string {
	var out []string
	for _, f := range t.Filters {
		name, value := clean(f.Name), clean(f.Value)
		if name == "" && value == "" {
			continue
		}
		out = append(out, name+": "+value)
	}
	if len(out) == 0 {
		return []string{NoFilters}
	}
	return out
}

// filterSentence is the filters on one line, for the heading of the PDF and the DOCX.
func (t Table) filterSentence() string { return "Filter: " + strings.Join(t.filterLines(), "; ") }

// created is the creation time the German way; empty when unknown.
func (t Table) created() string {
	if t.Created.IsZero() {
		return ""
	}
	return t.Created.Format("02.01.2006 15:04")
}

// subtitle names the district and the time of creation, for the heading of the PDF and the DOCX.
func (t Table) subtitle() string {
	var parts []string
	if d := clean(t.District); d != "" {
		parts = append(parts, d)
	}
	if c := t.created(); c != "" {
		parts = append(parts, "erstellt am "+c)
	}
	return strings.Join(parts, " · ")
}

func (t Table) title() string {
	if s := clean(t.Title); s != "" {
		return s
	}
	return "Abwägungstabelle"
}

// clean makes s safe for all three formats: invalid UTF-8 becomes U+FFFD, line ends become "\n",
// and the characters XML 1.0 does not allow (control characters but tab and line feed, U+FFFE,
// U+FFFF) are dropped, as are DEL and the C1 controls, which XML allows but no font shows.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteByte('\n')
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
