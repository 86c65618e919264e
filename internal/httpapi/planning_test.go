package httpapi_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

type processBody struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
	Phases []struct {
		Kind     string `json:"kind"`
		StartsOn string `json:"starts_on"`
		EndsOn   string `json:"ends_on"`
		Current  bool   `json:"current"`
	} `json:"phases"`
	Documents []struct {
		ID       int64  `json:"id"`
		FileName string `json:"file_name"`
	} `json:"documents"`
}

func decode[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(r.Body), &v); err != nil {
		t.Fatalf("%v in %d %s", err, r.Status, r.Body)
	}
	return v
}

func TestCoordinatorPublishesAProcessThatEveryoneThenSees(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		anon := a.browser(t)

		r := coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"Sozialplan Nord","summary":"Worum es geht","office":"Sozialplanung Erfurt","fields":["familie","pflege"]}`)
		if r.Status != 201 {
			t.Fatalf("create = %d %s", r.Status, r.Body)
		}
		p := decode[processBody](t, r)
		if p.Status != "draft" {
			t.Fatalf("status = %s", p.Status)
		}
		if r := anon.do("GET", fmt.Sprintf("/api/v1/processes/%d", p.ID), ""); r.Status != 404 {
			t.Errorf("anonymous sees the draft: %d", r.Status)
		}
		if r := anon.do("GET", "/api/v1/districts/16051/processes", ""); strings.Contains(r.Body, "Sozialplan Nord") {
			t.Error("the draft is in the public list")
		}
		if r := coord.do("POST", fmt.Sprintf("/api/v1/processes/%d/status", p.ID), `{"status":"published"}`); r.Status != 409 || !strings.Contains(r.Body, "status_change_not_allowed") {
			t.Errorf("published without phases: %d %s", r.Status, r.Body)
		}
		overlap := `{"phases":[{"kind":"bestandsaufnahme","title":"","starts_on":"2026-01-01","ends_on":"2026-06-30"},{"kind":"beteiligung","title":"","starts_on":"2026-06-01","ends_on":"2026-12-31"}]}`
		if r := coord.do("PUT", fmt.Sprintf("/api/v1/processes/%d/phases", p.ID), overlap); r.Status != 422 || !strings.Contains(r.Body, "overlap") {
			t.Errorf("overlapping phases: %d %s", r.Status, r.Body)
		}
		if r := coord.do("PUT", fmt.Sprintf("/api/v1/processes/%d/phases", p.ID), `{"phases":[{"kind":"beteiligung","title":"","starts_on":"2026-13-01","ends_on":"2026-12-31"}]}`); r.Status != 400 {
			t.Errorf("impossible date: %d %s", r.Status, r.Body)
		}
		r = coord.do("PUT", fmt.Sprintf("/api/v1/processes/%d/phases", p.ID), phasesJSON)
		if r.Status != 200 || len(decode[processBody](t, r).Phases) != 2 {
			t.Fatalf("phases = %d %s", r.Status, r.Body)
		}
		if r := coord.do("POST", fmt.Sprintf("/api/v1/processes/%d/status", p.ID), `{"status":"published"}`); r.Status != 200 {
			t.Fatalf("publish = %d %s", r.Status, r.Body)
		}
		got := decode[processBody](t, anon.do("GET", fmt.Sprintf("/api/v1/processes/%d", p.ID), ""))
		if got.Status != "published" || len(got.Phases) != 2 || got.Phases[1].StartsOn != "2026-07-01" || got.Phases[0].Kind != "bestandsaufnahme" {
			t.Errorf("public view = %+v", got)
		}
		list := anon.do("GET", "/api/v1/districts/16051/processes?field=pflege", "")
		if !strings.Contains(list.Body, "Sozialplan Nord") {
			t.Errorf("not in the filtered list: %s", list.Body)
		}
		if r := anon.do("GET", "/api/v1/districts/16051/processes?field=sucht", ""); strings.Contains(r.Body, "Sozialplan Nord") {
			t.Error("the field filter does not filter")
		}
		if r := anon.do("GET", "/api/v1/districts/16051/processes?field=raumfahrt", ""); r.Status != 400 {
			t.Errorf("unknown field: %d", r.Status)
		}
		entries := decode[struct{ Items []struct{ Action string } }](t, a.browser(t).login("verwaltung", "demo-admin").do("GET", "/api/v1/audit-log?limit=20", ""))
		var actions []string
		for _, e := range entries.Items {
			actions = append(actions, e.Action)
		}
		for _, want := range []string{"process.create", "process.phases", "process.status"} {
			if !strings.Contains(strings.Join(actions, " "), want) {
				t.Errorf("audit log lacks %s: %v", want, actions)
			}
		}
	})
}

func TestImportRejectsBrokenInputAndWritesNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		open := `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99]]]}`
		jena := `{"type":"Polygon","coordinates":[[[11.58,50.92],[11.60,50.92],[11.60,50.94],[11.58,50.94],[11.58,50.92]]]}`
		body := `{"type":"FeatureCollection","features":[` +
			`{"type":"Feature","properties":{"name":"Gut","level":"sozialraum","code":"G"},"geometry":` + erfurtSquare + `},` +
			`{"type":"Feature","properties":{"name":"Offen","level":"quartier"},"geometry":` + open + `},` +
			`{"type":"Feature","properties":{"name":"Linie","level":"quartier"},"geometry":{"type":"LineString","coordinates":[[11.02,50.97],[11.03,50.98]]}},` +
			`{"type":"Feature","properties":{"name":"Jena","level":"quartier"},"geometry":` + jena + `}]}`
		r := coord.do("POST", "/api/v1/districts/16051/social-areas/import", body)
		if r.Status != 422 {
			t.Fatalf("broken import = %d %s", r.Status, r.Body)
		}
		problem := decode[struct {
			Code      string
			RequestID string `json:"request_id"`
			Issues    []struct {
				Index    int
				Property string
				Message  string
			}
		}](t, r)
		if problem.Code != "import_invalid" || len(problem.Issues) != 3 || problem.RequestID == "" {
			t.Fatalf("problem = %+v", problem)
		}
		for i, want := range []string{"not closed", "LineString", "outside district 16051"} {
			is := problem.Issues[i]
			if is.Index != i+1 || is.Property != "geometry" || !strings.Contains(is.Message, want) {
				t.Errorf("issue %d = %+v, want feature %d geometry %q", i, is, i+1, want)
			}
		}
		if r := a.browser(t).do("GET", "/api/v1/districts/16051/social-areas", ""); r.Body != `{"items":[]}`+"\n" {
			t.Errorf("a rejected import wrote areas: %s", r.Body)
		}

		good := `{"type":"FeatureCollection","features":[` +
			`{"type":"Feature","properties":{"name":"Quartier","level":"quartier","code":"Q","parent_code":"S"},"geometry":` + erfurtSquare + `},` +
			`{"type":"Feature","properties":{"name":"Sozialraum","level":"sozialraum","code":"S","population":5000},"geometry":` + erfurtSquare + `}]}`
		preview := decode[struct {
			DryRun  bool `json:"dry_run"`
			Changes []struct{ Action, Code string }
		}](t, coord.do("POST", "/api/v1/districts/16051/social-areas/import?dry_run=true", good))
		if !preview.DryRun || len(preview.Changes) != 2 || preview.Changes[0].Code != "S" || preview.Changes[0].Action != "create" {
			t.Fatalf("preview = %+v", preview)
		}
		if r := a.browser(t).do("GET", "/api/v1/districts/16051/social-areas", ""); r.Body != `{"items":[]}`+"\n" {
			t.Errorf("a dry run wrote areas: %s", r.Body)
		}
		if r := coord.do("POST", "/api/v1/districts/16051/social-areas/import", good); r.Status != 200 {
			t.Fatalf("import = %d %s", r.Status, r.Body)
		}
		again := decode[struct{ Changes []struct{ Action string } }](t, coord.do("POST", "/api/v1/districts/16051/social-areas/import?dry_run=true", good))
		if len(again.Changes) != 2 || again.Changes[0].Action != "update" {
			t.Errorf("re-import preview = %+v", again)
		}
		areas := decode[struct {
			Items []struct {
				ID       int64  `json:"id"`
				Code     string `json:"code"`
				ParentID *int64 `json:"parent_id"`
			}
		}](t, a.browser(t).do("GET", "/api/v1/districts/16051/social-areas", ""))
		if len(areas.Items) != 2 || areas.Items[1].ParentID == nil || *areas.Items[1].ParentID != areas.Items[0].ID {
			t.Errorf("imported areas = %+v", areas.Items)
		}
	})
}

func docx() string {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
	} {
		w, _ := z.Create(name)
		_, _ = w.Write([]byte(content))
	}
	_ = z.Close()
	return buf.String()
}

func TestDocumentsUploadDownloadAndTypeChecks(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	p := decode[processBody](t, coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"Mit Dokumenten"}`))
	upload := func(name, content string) response {
		return coord.doType("POST", fmt.Sprintf("/api/v1/processes/%d/documents", p.ID), multipartBody(map[string]string{"title": "T " + name}, name, content),
			"multipart/form-data; boundary="+uploadBoundary)
	}
	r := upload("entwurf.pdf", minimalPDF)
	if r.Status != 201 || !strings.Contains(r.Body, `"content_type":"application/pdf"`) {
		t.Fatalf("pdf upload = %d %s", r.Status, r.Body)
	}
	doc := decode[struct{ ID int64 }](t, r)
	if r := upload("bericht.docx", docx()); r.Status != 201 || !strings.Contains(r.Body, "wordprocessingml") {
		t.Errorf("docx upload = %d %s", r.Status, r.Body)
	}
	for name, content := range map[string]string{
		"fake.pdf":  "<html><script>alert(1)</script></html>",
		"tool.exe":  "MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff",
		"image.pdf": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
	} {
		if r := upload(name, content); r.Status != 415 || !strings.Contains(r.Body, "unsupported_file_type") {
			t.Errorf("%s: %d %s", name, r.Status, r.Body)
		}
	}
	if r := upload("leer.pdf", ""); r.Status != 400 {
		t.Errorf("empty file: %d %s", r.Status, r.Body)
	}
	if r := upload("riesig.pdf", minimalPDF+strings.Repeat("x", 21<<20)); r.Status != 413 {
		t.Errorf("too large: %d %.200s", r.Status, r.Body)
	}
	got := coord.do("GET", fmt.Sprintf("/api/v1/processes/%d/documents/%d", p.ID, doc.ID), "")
	if got.Status != 200 || got.Body != minimalPDF || got.Header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(got.Header.Get("Content-Disposition"), `attachment; filename=entwurf.pdf`) || got.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("download = %d %v %q", got.Status, got.Header, got.Body)
	}
	pr := decode[processBody](t, coord.do("GET", fmt.Sprintf("/api/v1/processes/%d", p.ID), ""))
	if len(pr.Documents) != 2 {
		t.Errorf("documents = %+v", pr.Documents)
	}
	if r := coord.do("DELETE", fmt.Sprintf("/api/v1/processes/%d/documents/%d", p.ID, doc.ID), ""); r.Status != 204 {
		t.Errorf("delete = %d", r.Status)
	}
	if r := coord.do("GET", fmt.Sprintf("/api/v1/processes/%d/documents/%d", p.ID, doc.ID), ""); r.Status != 404 {
		t.Errorf("download after delete = %d", r.Status)
	}
}
