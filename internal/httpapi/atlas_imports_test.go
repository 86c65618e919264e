package httpapi_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// inkarIndicators are the indicators of the INKAR extract in /work/shared/data.
var inkarIndicators = []string{"arbeitslose", "beschaeftigtenquote", "bruttoverdienst", "erwerbsfaehige_15_64",
	"haushaltseinkommen", "schulabgaenger_ohne_abschluss", "schuldnerquote", "sv_beschaeftigte_wohnort"}

// atlasCatalogue puts the INKAR indicators into the catalogue of db.
func atlasCatalogue(t testing.TB, db *store.DB) {
	t.Helper()
	for _, key := range inkarIndicators {
		err := db.Gorm.Exec(`INSERT INTO atlas_indicators (key, name_de, name_en, lebenslage, kind, direction, levels, created_at)
			VALUES (?, ?, ?, 'arbeit', 'count', 'neutral', 'land,district,area', ?)`, key, key, key, time.Now().UTC()).Error
		if err != nil {
			t.Fatal(err)
		}
	}
}

// erfurtImport is a previewed import of one Erfurt value for the year, by fixtureAdmin.
func (e *matrixEnv) erfurtImport(year int) int64 {
	p, err := e.atlas.PreviewImport(context.Background(), fixtureAdmin, atlas.ImportFile{Scope: "16051", FileName: "matrix.csv",
		Data: []byte(fmt.Sprintf("ags;indicator;year;value\n16051;arbeitslose;%d;1234\n", year))})
	if err != nil || len(p.Problems) > 0 {
		panic(fmt.Sprintf("matrix import: %v %+v", err, p.Problems))
	}
	return p.Import.ID
}

// doneErfurtImport is erfurtImport applied.
func (e *matrixEnv) doneErfurtImport(year int) int64 {
	id := e.erfurtImport(year)
	_, work, err := e.atlas.ApplyImport(context.Background(), fixtureAdmin, id)
	if err != nil {
		panic(err)
	}
	work(context.Background())
	return id
}

// atlasImportRows are the import operations' rows of the authorisation matrix.
var atlasImportRows = []matrixRow{
	{op: "GET /atlas/imports", path: fixed("/api/v1/atlas/imports?scope=16051"), want: coordinatorsOfErfurt(200)},
	{op: "POST /atlas/imports", path: fixed("/api/v1/atlas/imports"), ctype: "multipart/form-data; boundary=" + uploadBoundary,
		body: func(*matrixEnv, string) string {
			return multipartBody(map[string]string{"scope": "16051"}, "werte.csv", "ags;indicator;year;value\n16051;arbeitslose;2019;5\n")
		}, want: coordinatorsOfErfurt(201)},
	{op: "GET /atlas/imports/{importId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/atlas/imports/%d", e.erfurtImport(2018))
	}, want: erfurtImports(200)},
	{op: "PUT /atlas/imports/{importId}/mapping", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/atlas/imports/%d/mapping", e.erfurtImport(2018))
	}, body: func(*matrixEnv, string) string {
		return `{"format":"long","columns":["area","indicator","year","value"]}`
	}, want: erfurtImports(200)},
	{op: "POST /atlas/imports/{importId}/apply", path: func(e *matrixEnv, role string) string {
		return fmt.Sprintf("/api/v1/atlas/imports/%d/apply", e.erfurtImport(2000+len(role)))
	}, want: erfurtImports(202)},
	{op: "POST /atlas/imports/{importId}/undo", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/atlas/imports/%d/undo", e.doneErfurtImport(1990))
	}, want: erfurtImports(200)},
}

// erfurtImports: an import of Erfurt exists only for its coordinators and admins.
func erfurtImports(status int) map[string]int {
	return expect(404, "anonymous", 401, "admin", status, "coordinator_16051", status)
}

// waitImport polls the import until it is no longer running, as the page does.
func waitImport(t *testing.T, b *browser, id int64) api.AtlasImport {
	t.Helper()
	for range 600 {
		im := decode[api.AtlasImport](t, b.do("GET", fmt.Sprintf("/api/v1/atlas/imports/%d", id), ""))
		if im.Status != api.AtlasImportStatus(atlas.ImportRunning) {
			return im
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the import did not end")
	return api.AtlasImport{}
}

func TestAtlasImportOfINKARThroughTheAPI(t *testing.T) {
	data, err := os.ReadFile("/work/shared/data/thueringen-inkar-indikatoren.csv")
	if err != nil {
		t.Skip("the INKAR extract is not here:", err)
	}
	rows := strings.Count(strings.TrimSpace(string(data)), "\n")
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		atlasCatalogue(t, db)
		admin := a.browser(t).login("verwaltung", "demo-admin")
		upload := multipartBody(map[string]string{"scope": atlas.LandKey}, "thueringen-inkar-indikatoren.csv", string(data))
		ctype := "multipart/form-data; boundary=" + uploadBoundary
		apply := func() api.AtlasImport {
			r := admin.doType("POST", "/api/v1/atlas/imports", upload, ctype)
			if r.Status != 201 {
				t.Fatalf("preview: %d %s", r.Status, r.Body)
			}
			p := decode[api.AtlasImportPreview](t, r)
			if len(p.Problems) > 0 || p.Values != rows || p.Import.Delimiter != "," || p.Import.German || len(p.Sample) != atlas.PreviewRows ||
				p.Import.Mapping.Columns[0] != "area" || p.Import.FileHash == "" || !p.Import.CanApply {
				t.Fatalf("preview: %d values, %+v, %+v", p.Values, p.Import, p.Problems)
			}
			r = admin.do("POST", fmt.Sprintf("/api/v1/atlas/imports/%d/apply", p.Import.Id), "")
			if r.Status != 202 {
				t.Fatalf("apply: %d %s", r.Status, r.Body)
			}
			return waitImport(t, admin, p.Import.Id)
		}
		first := apply()
		if first.Status != "done" || first.Added != int64(rows) || first.Processed != int64(rows) || !first.CanUndo {
			t.Fatalf("first import: %+v", first)
		}
		again := apply()
		if again.Status != "done" || again.Added != 0 || again.Changed != 0 || again.Removed != 0 {
			t.Fatalf("the same file again: %+v", again)
		}
		r := admin.do("POST", fmt.Sprintf("/api/v1/atlas/imports/%d/undo", first.Id), "")
		if r.Status != 409 || !strings.Contains(r.Body, "atlas_undo_not_newest") {
			t.Errorf("undo of the older import: %d %s", r.Status, r.Body)
		}
		if r = admin.do("POST", fmt.Sprintf("/api/v1/atlas/imports/%d/undo", again.Id), ""); r.Status != 200 {
			t.Errorf("undo of the newest: %d %s", r.Status, r.Body)
		}
		list := decode[api.AtlasImportList](t, admin.do("GET", "/api/v1/atlas/imports?scope=16", ""))
		if len(list.Items) != 2 || list.Items[0].Id != again.Id || list.Items[0].Status != "undone" || list.ImportScopes[0] != atlas.LandKey {
			t.Errorf("history: %+v", list)
		}
		var n int64
		db.Gorm.Raw("SELECT count(*) FROM atlas_values").Scan(&n)
		if n != int64(rows) {
			t.Errorf("%d values stored, want %d", n, rows)
		}

		// A file with problems is previewed with them and refused.
		bad := multipartBody(map[string]string{"scope": atlas.LandKey}, "bad.csv", "ags,indicator,year,value\n16051,arbeitslose,2020,zwölf\n")
		p := decode[api.AtlasImportPreview](t, admin.doType("POST", "/api/v1/atlas/imports", bad, ctype))
		if len(p.Problems) != 1 || p.Problems[0].Row != 2 || p.Problems[0].Column != "value" || p.Import.CanApply {
			t.Fatalf("problems: %+v", p.Problems)
		}
		if r := admin.do("POST", fmt.Sprintf("/api/v1/atlas/imports/%d/apply", p.Import.Id), ""); r.Status != 422 || !strings.Contains(r.Body, "atlas_import_has_problems") {
			t.Errorf("apply with problems: %d %s", r.Status, r.Body)
		}

		// Who may upload for Erfurt.
		erfurt := multipartBody(map[string]string{"scope": "16051"}, "e.csv", "ags;indicator;year;value\n16051;arbeitslose;2020;1\n")
		for _, c := range []struct {
			b    *browser
			want int
		}{{a.browser(t), 401}, {a.browser(t).login("buerger", "demo-buergerin"), 403},
			{a.browser(t).login("verwaltung", "demo-koordination-jena"), 403}, {a.browser(t).login("verwaltung", "demo-koordination-erfurt"), 201}} {
			if r := c.b.doType("POST", "/api/v1/atlas/imports", erfurt, ctype); r.Status != c.want {
				t.Errorf("upload for Erfurt: %d, want %d: %s", r.Status, c.want, r.Body)
			}
		}
	})
}

// An upload beyond the file limit is refused with the reader's code, not cut short.
func TestAtlasImportFileLimit(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	admin := a.browser(t).login("verwaltung", "demo-admin")
	big := strings.Repeat("16051;arbeitslose;2020;1\n", atlas.MaxImportBytes/25+1)
	r := admin.doType("POST", "/api/v1/atlas/imports", multipartBody(map[string]string{"scope": "16"}, "gross.csv", "ags;indicator;year;value\n"+big),
		"multipart/form-data; boundary="+uploadBoundary)
	if r.Status != 422 || !strings.Contains(r.Body, "atlas_file_too_large") {
		t.Errorf("a file over %d bytes: %d %.200s", atlas.MaxImportBytes, r.Status, r.Body)
	}
}
