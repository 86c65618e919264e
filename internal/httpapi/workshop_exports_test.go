package httpapi_test

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
	"github.com/teilhabe/teilhabe/internal/testpdf"
)

// TestWorkshopExports: the facilitator's minutes draft comes as PDF, DOCX and Markdown with their
// types and a safe file name; the session's raw data as CSV; a guest gets neither the draft nor
// the data, and the published minutes are everyone's.
func TestWorkshopExports(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorkshopWorld(t, db)
		p := func(format string, args ...any) string { return fmt.Sprintf("/api/v1"+format, args...) }
		if r := w.coord.do("POST", p("/workshops/%d/minutes/draft", w.w.ID), ""); r.Status != 200 {
			t.Fatalf("draft: %d %s", r.Status, r.Body)
		}
		for _, c := range []struct{ format, typ, start string }{
			{"pdf", "application/pdf", "%PDF-"},
			{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"},
			{"md", "text/markdown", "# "},
		} {
			r := w.coord.do("GET", p("/workshops/%d/minutes/export?format=%s", w.w.ID, c.format), "")
			if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), c.typ) || !strings.HasPrefix(r.Body, c.start) {
				t.Fatalf("%s: %d %q %.40q", c.format, r.Status, r.Header.Get("Content-Type"), r.Body)
			}
			if d := r.Header.Get("Content-Disposition"); !strings.Contains(d, fmt.Sprintf("werkstatt-%d", w.w.ID)) || !strings.HasSuffix(strings.TrimSuffix(d, `"`), "."+c.format) {
				t.Errorf("%s: Content-Disposition %q", c.format, d)
			}
		}
		pdf := w.coord.do("GET", p("/workshops/%d/minutes/export?format=pdf", w.w.ID), "")
		if text := strings.Join(testpdf.Pages(t, []byte(pdf.Body)), " "); !strings.Contains(testpdf.Squeeze(text), "Stadtteilabend") {
			t.Errorf("the PDF does not name the workshop: %.200q", text)
		}
		r := w.coord.do("GET", p("/workshops/%d/data", w.w.ID), "")
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("data: %d %q", r.Status, r.Header.Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.Body, "\ufeff"))).ReadAll()
		if err != nil || len(rows) < 2 || rows[0][0] != "kind" {
			t.Fatalf("data CSV %v %q", err, r.Body)
		}
		guest := w.guest(t, w.w.JoinCode, "Gast Dana")
		for _, path := range []string{p("/workshops/%d/data", w.w.ID), p("/workshops/%d/minutes/export?format=md", w.w.ID), p("/workshops/%d/minutes", w.w.ID)} {
			if r := guest.do("GET", path, ""); r.Status < 400 {
				t.Errorf("a guest got %s: %d", path, r.Status)
			}
		}
		if r := w.coord.do("POST", p("/workshops/%d/minutes/publish", w.w.ID), ""); r.Status != 200 {
			t.Fatalf("publish: %d %s", r.Status, r.Body)
		}
		if r := guest.do("GET", p("/workshops/%d/minutes/export?format=md", w.w.ID), ""); r.Status != 200 || !strings.Contains(r.Body, "Stadtteilabend") {
			t.Errorf("published minutes for the guest: %d %.80q", r.Status, r.Body)
		}
	})
}
