package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
	compose "github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// importFixture is an atlas on db with two indicators and two social areas of Erfurt (W, M).
type importFixture struct {
	db                  *store.DB
	s                   *atlas.Service
	admin, erfurt, jena identity.Principal
}

func newImportFixture(t *testing.T, db *store.DB) importFixture {
	t.Helper()
	ctx := context.Background()
	plan, admin := planningService(t, db)
	west, err := plan.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", Name: "West", Level: planning.LevelPlanungsraum, Code: "W", Geometry: box(10.98, 50.95, 0.05)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", ParentID: west.ID, Name: "Mitte", Level: planning.LevelSozialraum, Code: "M", Geometry: box(11.02, 50.97, 0.01)}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"arbeitslose", "einwohner"} {
		err := db.Gorm.Exec(`INSERT INTO atlas_indicators (key, name_de, name_en, lebenslage, kind, direction, levels, created_at)
			VALUES (?, ?, ?, 'arbeit', 'count', 'neutral', 'land,district,area', ?)`, key, key, key, time.Now().UTC()).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	ids := compose.Identity(db)
	return importFixture{db: db, s: compose.Atlas(db, blob.Disk{Root: t.TempDir()}, 0, nil),
		admin: admin, erfurt: login(t, ids, "erfurt", "coordinator:16051"), jena: login(t, ids, "jena", "coordinator:16053")}
}

// run previews and applies a file as who, synchronously, and returns the finished import.
func (f importFixture) run(t *testing.T, who identity.Principal, scope, csv string) atlas.Import {
	t.Helper()
	ctx := context.Background()
	p, err := f.s.PreviewImport(ctx, who, atlas.ImportFile{Scope: scope, FileName: "werte.csv", Data: []byte(csv)})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) > 0 {
		t.Fatalf("problems: %+v", p.Problems)
	}
	_, work, err := f.s.ApplyImport(ctx, who, p.Import.ID)
	if err != nil {
		t.Fatal(err)
	}
	work(ctx)
	im, err := f.s.ImportOf(ctx, who, p.Import.ID)
	if err != nil {
		t.Fatal(err)
	}
	return im
}

// values is every stored value as a line, in key order.
func (f importFixture) values(t *testing.T) []string {
	t.Helper()
	var rows []struct {
		Indicator, Level, Area, Date, District, Flag, Boundary string
		Year                                                   int
		Value, Numerator, Denominator                          *float64
		ImportID                                               int64
	}
	if err := f.db.Gorm.Raw("SELECT * FROM atlas_values ORDER BY indicator, year, level, area, date").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		v := "nil"
		if r.Value != nil {
			v = fmt.Sprint(*r.Value)
		}
		out[i] = fmt.Sprintf("%s/%d/%s/%s/%s=%s %s #%d", r.Indicator, r.Year, r.Level, r.Area, r.District, v, r.Flag, r.ImportID)
	}
	return out
}

const firstFile = `area;indicator;year;value
16051;arbeitslose;2020;1200
W;arbeitslose;2020;700
M;arbeitslose;2020;500
16051;arbeitslose;2021;1100,5
W;arbeitslose;2021;600
M;arbeitslose;2021;.
16051;einwohner;2020;213000
`

// The re-import replaces (arbeitslose, 2020) and adds (einwohner, 2021); (arbeitslose, 2021)
// and (einwohner, 2020) are outside its scope.
const secondFile = `area;indicator;year;value
16051;arbeitslose;2020;1200
W;arbeitslose;2020;650
16051;einwohner;2021;214000
`

func TestAtlasImportReplacesCountsAndUndoes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newImportFixture(t, db)
		first := f.run(t, f.erfurt, "16051", firstFile)
		if first.Status != atlas.ImportDone || first.Added != 7 || first.Changed != 0 || first.Removed != 0 || first.Processed != 7 {
			t.Fatalf("first import: %+v", first)
		}
		if !first.Facts.German || first.Facts.Delimiter != ";" {
			t.Errorf("facts: %+v", first.Facts)
		}
		afterFirst := f.values(t)
		if len(afterFirst) != 7 || !strings.Contains(strings.Join(afterFirst, "\n"), "arbeitslose/2021/district/16051/16051=1100.5") {
			t.Fatalf("values after the first import:\n%s", strings.Join(afterFirst, "\n"))
		}

		second := f.run(t, f.erfurt, "16051", secondFile)
		if second.Added != 1 || second.Changed != 1 || second.Removed != 1 {
			t.Fatalf("second import: added %d, changed %d, removed %d", second.Added, second.Changed, second.Removed)
		}
		if got := f.values(t); len(got) != 7 || strings.Contains(strings.Join(got, "\n"), "16051:M/16051=500") {
			t.Fatalf("values after the second import:\n%s", strings.Join(got, "\n"))
		}
		history, err := f.s.ImportHistory(ctx, f.erfurt, "16051")
		if err != nil || len(history) != 2 || history[0].ID != second.ID || history[0].FileHash == "" {
			t.Fatalf("history: %+v, %v", history, err)
		}

		if _, err := f.s.UndoImport(ctx, f.erfurt, first.ID); !errors.Is(err, atlas.ErrUndoNotNewest) {
			t.Fatalf("undo of the older import: %v", err)
		}
		undone, err := f.s.UndoImport(ctx, f.erfurt, second.ID)
		if err != nil || undone.Status != atlas.ImportUndone {
			t.Fatalf("undo: %+v, %v", undone, err)
		}
		if got := f.values(t); strings.Join(got, "\n") != strings.Join(afterFirst, "\n") {
			t.Fatalf("undo did not restore the values:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(afterFirst, "\n"))
		}
		if _, err := f.s.UndoImport(ctx, f.erfurt, second.ID); !errors.Is(err, atlas.ErrImportState) {
			t.Errorf("a second undo: %v", err)
		}
		if _, err := f.s.UndoImport(ctx, f.erfurt, first.ID); err != nil {
			t.Fatalf("undo of the first import once the second is undone: %v", err)
		}
		if got := f.values(t); len(got) != 0 {
			t.Errorf("values after undoing both: %v", got)
		}
	})
}

func TestAtlasImportPreviewListsProblemsAndRefusesToApply(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newImportFixture(t, db)
		bad := "area;indicator;year;value\n16051;arbeitslose;2020;12a\n16053;arbeitslose;2020;5\n16051;gibtsnicht;2020;1\n"
		p, err := f.s.PreviewImport(ctx, f.erfurt, atlas.ImportFile{Scope: "16051", FileName: "bad.csv", Data: []byte(bad)})
		if err != nil {
			t.Fatal(err)
		}
		codes := map[string]int{}
		for _, pr := range p.Problems {
			codes[pr.Code] = pr.Row
		}
		// Row 1 is the header: the bad number is on row 2, Jena (not Erfurt's) on 3.
		if codes[atlas.ProblemNotANumber] != 2 || codes[atlas.ProblemUnknownArea] != 3 || codes[atlas.ProblemUnknownIndicator] != 4 {
			t.Fatalf("problems: %+v", p.Problems)
		}
		if p.Import.Facts.Problems != len(p.Problems) || len(p.Sample) != 3 || p.Import.Status != atlas.ImportPreviewed {
			t.Errorf("preview: %+v", p.Import)
		}
		if _, _, err := f.s.ApplyImport(ctx, f.erfurt, p.Import.ID); !errors.Is(err, atlas.ErrImportProblems) {
			t.Fatalf("apply with problems: %v", err)
		}
		// The mapping fixes nothing here, but a new mapping gives a new preview with its problems.
		m := p.Import.Mapping
		m.Columns = []atlas.Role{atlas.RoleArea, atlas.RoleIndicator, atlas.RoleYear, atlas.RoleIgnore}
		p2, err := f.s.RemapImport(ctx, f.erfurt, p.Import.ID, m)
		if err != nil || p2.Values != 0 || len(p2.Problems) == 0 {
			t.Fatalf("remap: %d values, %+v, %v", p2.Values, p2.Problems, err)
		}

		// Who may import where.
		if _, err := f.s.PreviewImport(ctx, f.jena, atlas.ImportFile{Scope: "16051", FileName: "x.csv", Data: []byte(bad)}); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("Jena's coordinator for Erfurt: %v", err)
		}
		if _, err := f.s.PreviewImport(ctx, f.erfurt, atlas.ImportFile{Scope: atlas.LandKey, FileName: "x.csv", Data: []byte(bad)}); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("a coordinator for the Land: %v", err)
		}
		if _, err := f.s.ImportOf(ctx, f.jena, p.Import.ID); !errors.Is(err, atlas.ErrImportNotFound) {
			t.Errorf("Jena's coordinator reads Erfurt's import: %v", err)
		}
		if _, err := f.s.ImportOf(ctx, identity.Principal{}, p.Import.ID); !errors.Is(err, kernel.ErrLoginRequired) {
			t.Errorf("anonymous: %v", err)
		}
	})
}

// failOn makes the database refuse one value, so an apply fails half-way through its writes.
func failOn(t *testing.T, db *store.DB, area string, year int) {
	t.Helper()
	stmts := []string{fmt.Sprintf(`CREATE TRIGGER atlas_fail BEFORE INSERT ON atlas_values
		WHEN NEW.area = '%s' AND NEW.year = %d BEGIN SELECT RAISE(ABORT, 'refused'); END`, area, year)}
	if db.Dialect == store.Postgres {
		stmts = []string{fmt.Sprintf(`CREATE FUNCTION atlas_fail() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.area = '%s' AND NEW.year = %d THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`, area, year),
			`CREATE TRIGGER atlas_fail BEFORE INSERT ON atlas_values FOR EACH ROW EXECUTE FUNCTION atlas_fail()`}
	}
	for _, s := range stmts {
		if err := db.Gorm.Exec(s).Error; err != nil {
			t.Fatal(err)
		}
	}
}

func TestAtlasImportIsAllOrNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newImportFixture(t, db)
		f.run(t, f.erfurt, "16051", firstFile)
		before := f.values(t)
		failOn(t, db, "16051:W", 2020)
		p, err := f.s.PreviewImport(ctx, f.erfurt, atlas.ImportFile{Scope: "16051", FileName: "zwei.csv", Data: []byte(secondFile)})
		if err != nil {
			t.Fatal(err)
		}
		im, work, err := f.s.ApplyImport(ctx, f.erfurt, p.Import.ID)
		if err != nil || im.Status != atlas.ImportRunning {
			t.Fatalf("apply: %+v, %v", im, err)
		}
		work(ctx)
		got, err := f.s.ImportOf(ctx, f.erfurt, p.Import.ID)
		if err != nil || got.Status != atlas.ImportFailed || !strings.Contains(got.Error, "refused") || got.FinishedAt == nil {
			t.Fatalf("failed import: %+v, %v", got, err)
		}
		if after := f.values(t); strings.Join(after, "\n") != strings.Join(before, "\n") {
			t.Fatalf("a failed import changed values:\n%s", strings.Join(after, "\n"))
		}
		var changes int64
		db.Gorm.Raw("SELECT count(*) FROM atlas_value_changes WHERE import_id = ?", p.Import.ID).Scan(&changes)
		if changes != 0 {
			t.Errorf("a failed import kept %d changes", changes)
		}
		if _, _, err := f.s.ApplyImport(ctx, f.erfurt, p.Import.ID); !errors.Is(err, atlas.ErrImportState) {
			t.Errorf("a failed import applied again: %v", err)
		}
	})
}

func TestAtlasImportRunningAtStartFails(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newImportFixture(t, db)
		p, err := f.s.PreviewImport(ctx, f.admin, atlas.ImportFile{Scope: atlas.LandKey, FileName: "land.csv",
			Data: []byte("ags,indicator,year,value\n16,einwohner,2020,2100000\n16051,einwohner,2020,213000\n")})
		if err != nil || len(p.Problems) > 0 {
			t.Fatalf("preview: %+v, %v", p.Problems, err)
		}
		if _, _, err := f.s.ApplyImport(ctx, f.admin, p.Import.ID); err != nil { // started, never run: the process died
			t.Fatal(err)
		}
		if db.Dialect == store.Postgres {
			// Another instance still applying it holds the import's lock ("atls", id): it is left alone.
			holder := db.Gorm.Begin()
			if err := holder.Exec("SELECT pg_advisory_xact_lock(x'61746c73'::int, ?)", p.Import.ID).Error; err != nil {
				t.Fatal(err)
			}
			n, err := f.s.FailInterrupted(ctx)
			holder.Rollback()
			if err != nil || n != 0 {
				t.Fatalf("an import another instance runs was failed: %d, %v", n, err)
			}
		}
		n, err := f.s.FailInterrupted(ctx)
		if err != nil || n != 1 {
			t.Fatalf("failed %d, %v", n, err)
		}
		got, _ := f.s.ImportOf(ctx, f.admin, p.Import.ID)
		if got.Status != atlas.ImportFailed || got.Error != atlas.InterruptedError {
			t.Errorf("interrupted import: %+v", got)
		}
	})
}

func TestAtlasImportsAtOnceBothApply(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newImportFixture(t, db)
		var works []func(context.Context)
		var ids []int64
		for _, file := range []string{firstFile, secondFile} {
			p, err := f.s.PreviewImport(ctx, f.erfurt, atlas.ImportFile{Scope: "16051", FileName: "w.csv", Data: []byte(file)})
			if err != nil {
				t.Fatal(err)
			}
			_, work, err := f.s.ApplyImport(ctx, f.erfurt, p.Import.ID)
			if err != nil {
				t.Fatal(err)
			}
			works, ids = append(works, work), append(ids, p.Import.ID)
		}
		done := make(chan struct{})
		for _, w := range works {
			go func() { w(ctx); done <- struct{}{} }()
		}
		<-done
		<-done
		for _, id := range ids {
			if im, _ := f.s.ImportOf(ctx, f.erfurt, id); im.Status != atlas.ImportDone {
				t.Errorf("import %d: %s %s", id, im.Status, im.Error)
			}
		}
	})
}
