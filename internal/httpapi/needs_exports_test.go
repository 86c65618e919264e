package httpapi_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/xuri/excelize/v2"
)

// checkExports reads each format of the published table back, as the public gets it, and looks
// for the submission's signers, the resident's row and the decisions.
func checkExports(t *testing.T, w *needsWorld, signers string) {
	t.Helper()
	for _, format := range []string{"xlsx", "docx", "pdf"} {
		r := w.anon.do("GET", w.path("/api/v1/processes/%d/weighing/export?format=%s", w.processID, format), "")
		if r.Status != 200 || !strings.Contains(r.Header.Get("Content-Disposition"), `attachment; filename=abwaegung-`) ||
			strings.Contains(r.Header.Get("Content-Disposition"), "entwurf") {
			t.Fatalf("%s export = %d %v", format, r.Status, r.Header)
		}
		text := exportText(t, format, []byte(r.Body))
		squeezed := squeeze(text)
		for _, want := range []string{signers, "Einwohner:in", "teilweise berücksichtigt", "Seniorentreff Nord", "Erfurt-Nord", "Sozialplanung Erfurt 2027"} {
			if !strings.Contains(squeezed, squeeze(want)) {
				t.Errorf("the %s export lacks %q", format, want)
			}
		}
		if strings.Contains(squeezed, squeeze(w.resName)) || strings.Contains(squeezed, squeeze("Entwurf – nicht veröffentlicht")) {
			t.Errorf("the public %s export names the resident or is marked as a draft", format)
		}
	}
	// The filters are the table's and are named in the file.
	r := w.anon.do("GET", w.path("/api/v1/processes/%d/weighing/export?format=docx&decision=partly&area=%d&q=Treffpunkt", w.processID, w.areaID), "")
	filtered := squeeze(exportText(t, "docx", []byte(r.Body)))
	for _, want := range []string{"Abwägung: teilweise berücksichtigt", "Sozialraum: Erfurt-Nord", "Suche: Treffpunkt", "Einwohner:in"} {
		if !strings.Contains(filtered, squeeze(want)) {
			t.Errorf("the filtered export lacks %q", want)
		}
	}
	if strings.Contains(filtered, squeeze(signers)) {
		t.Errorf("the filtered export holds the submission weighed otherwise")
	}
	// The coordinators' working table is marked as such.
	r = w.coord.do("GET", w.path("/api/v1/processes/%d/weighing/export?format=docx", w.processID), "")
	if r.Status != 200 || !strings.Contains(r.Header.Get("Content-Disposition"), "entwurf") {
		t.Errorf("working export = %d %v", r.Status, r.Header)
	}
	if text := exportText(t, "docx", []byte(r.Body)); !strings.Contains(text, "Entwurf – nicht veröffentlicht") {
		t.Errorf("the working export does not say it is under embargo")
	}
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// exportText is every text of the file: the cells of an XLSX, the XML of a DOCX (tags removed),
// the pages of a PDF.
func exportText(t *testing.T, format string, b []byte) string {
	t.Helper()
	var out strings.Builder
	switch format {
	case "xlsx":
		x, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("xlsx: %v", err)
		}
		defer x.Close()
		for _, sheet := range x.GetSheetList() {
			rows, err := x.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				out.WriteString(strings.Join(row, "\n") + "\n")
			}
		}
	case "docx":
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("docx: %v", err)
		}
		for _, f := range z.File {
			if f.Name != "word/document.xml" {
				continue
			}
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			inTag := false
			for _, c := range string(data) {
				switch {
				case c == '<':
					inTag = true
				case c == '>':
					inTag = false
				case !inTag:
					out.WriteRune(c)
				}
			}
		}
	case "pdf":
		r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("pdf: %v", err)
		}
		for i := 1; i <= r.NumPage(); i++ {
			s, err := r.Page(i).GetPlainText(nil)
			if err != nil {
				t.Fatal(err)
			}
			out.WriteString(s)
		}
	}
	return out.String()
}
