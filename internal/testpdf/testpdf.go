// Package testpdf reads the PDFs that the report packages write back into text, for their tests:
// what a committee or a reader would find in the file, not what the writer meant to put there.
package testpdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// Pages reads each page's text, with all white space removed: a line the layout wraps must still
// be found, whatever the extractor makes of the line break.
func Pages(t testing.TB, data []byte) []string {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("reading the PDF back: %v", err)
	}
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		text, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		pages = append(pages, Squeeze(text))
	}
	return pages
}

// Squeeze removes all white space, as Pages does.
func Squeeze(s string) string { return strings.Join(strings.Fields(s), "") }
