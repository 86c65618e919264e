package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
	compose "github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func box(x, y, d float64) orb.Polygon {
	return orb.Polygon{{{x, y}, {x + d, y}, {x + d, y + d}, {x, y + d}, {x, y}}}
}

// planningService loads the districts into db and returns the planning use cases on it, as the
// server composes them, and an admin who may do everything they offer.
func planningService(t *testing.T, db *store.DB) (*planning.Service, identity.Principal) {
	t.Helper()
	if err := refdata.Load(context.Background(), store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	return compose.Planning(db, blob.Disk{Root: t.TempDir()}, nil), login(t, compose.Identity(db), "admin", "admin")
}

func date(s string) time.Time {
	d, _ := time.Parse(time.DateOnly, s)
	return d
}

func TestPlanningStoreContract(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, admin := planningService(t, db)

		pr, err := s.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", Name: "West", Level: planning.LevelPlanungsraum, Code: "W", Geometry: box(10.98, 50.95, 0.05)})
		if err != nil {
			t.Fatal(err)
		}
		sr, err := s.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", ParentID: pr.ID, Name: "Altstadt", Level: planning.LevelSozialraum, Geometry: box(11.02, 50.97, 0.01)})
		if err != nil {
			t.Fatal(err)
		}
		// Rules the store enforces with the domain: place, parent, level, code.
		if _, err := s.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", Name: "Jena", Level: planning.LevelQuartier, Geometry: box(11.58, 50.92, 0.01)}); !errors.Is(err, planning.ErrOutsideDistrict) {
			t.Errorf("outside the district: %v", err)
		}
		bad := map[string]planning.SocialArea{
			"unknown parent":    {DistrictKey: "16051", ParentID: 999999, Name: "X", Level: planning.LevelQuartier, Geometry: box(11.02, 50.97, 0.01)},
			"parent too narrow": {DistrictKey: "16051", ParentID: sr.ID, Name: "X", Level: planning.LevelPlanungsraum, Geometry: box(11.02, 50.97, 0.01)},
			"parent elsewhere":  {DistrictKey: "16053", ParentID: pr.ID, Name: "X", Level: planning.LevelQuartier, Geometry: box(11.58, 50.92, 0.01)},
		}
		for name, a := range bad {
			if _, err := s.CreateArea(ctx, admin, a); !errors.Is(err, planning.ErrInvalid) {
				t.Errorf("%s: %v", name, err)
			}
		}
		if _, err := s.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", Name: "Doppelt", Level: planning.LevelQuartier, Code: "W", Geometry: box(11.02, 50.97, 0.01)}); !errors.Is(err, planning.ErrConflict) {
			t.Errorf("duplicate code: %v", err)
		}
		if _, err := s.UpdateArea(ctx, admin, pr.ID, planning.AreaPatch{ParentID: &sr.ID, Level: ptr(planning.LevelQuartier)}); err == nil {
			t.Error("a cycle was accepted")
		}
		upd, err := s.UpdateArea(ctx, admin, sr.ID, planning.AreaPatch{Name: ptr("Altstadt-Nord"), Population: ptr(int64(4000))})
		if err != nil || upd.Name != "Altstadt-Nord" || *upd.Population != 4000 {
			t.Fatalf("update: %+v %v", upd, err)
		}
		areas, err := s.Areas(ctx, "16051")
		if err != nil || len(areas) != 2 || areas[0].ID != pr.ID || areas[1].ParentID != pr.ID {
			t.Fatalf("areas = %+v, %v", areas, err)
		}

		// Processes with phases, areas and a status.
		p, err := s.CreateProcess(ctx, admin, planning.Process{DistrictKey: "16051", Title: "Sozialplan 2027", Fields: []planning.Field{"pflege", "jugendhilfe"}, SocialAreaIDs: []int64{sr.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != planning.StatusDraft || !slices.Equal(p.Fields, []planning.Field{"jugendhilfe", "pflege"}) || !slices.Equal(p.SocialAreaIDs, []int64{sr.ID}) {
			t.Fatalf("created = %+v", p)
		}
		if err := s.DeleteArea(ctx, admin, sr.ID); !errors.Is(err, planning.ErrConflict) {
			t.Errorf("deleted an area a process names: %v", err)
		}
		if err := s.DeleteArea(ctx, admin, pr.ID); !errors.Is(err, planning.ErrConflict) {
			t.Errorf("deleted an area with sub-areas: %v", err)
		}
		phases := []planning.Phase{{Kind: "bestandsaufnahme", StartsOn: date("2026-01-01"), EndsOn: date("2026-06-30")},
			{Kind: "eigene", Title: "Stadtteilkonferenz", StartsOn: date("2026-07-01"), EndsOn: date("2026-07-01")}}
		p, err = s.ReplacePhases(ctx, admin, p.ID, phases)
		if err != nil || len(p.Phases) != 2 || !p.Phases[1].StartsOn.Equal(date("2026-07-01")) || p.Phases[1].Title != "Stadtteilkonferenz" {
			t.Fatalf("phases = %+v, %v", p.Phases, err)
		}
		overlapping := []planning.Phase{phases[0], {Kind: "beteiligung", StartsOn: date("2026-06-01"), EndsOn: date("2026-08-01")}}
		if _, err := s.ReplacePhases(ctx, admin, p.ID, overlapping); !errors.Is(err, planning.ErrInvalid) {
			t.Errorf("overlapping phases: %v", err)
		}
		if got, _ := s.Process(ctx, admin, p.ID); len(got.Phases) != 2 || got.Phases[1].Kind != "eigene" {
			t.Errorf("a rejected change altered the phases: %+v", got.Phases)
		}
		if _, err := s.UpdateProcess(ctx, admin, p.ID, planning.ProcessChange{Title: p.Title, SocialAreaIDs: &[]int64{424242}}); !errors.Is(err, planning.ErrInvalid) {
			t.Errorf("unknown area in scope: %v", err)
		}

		// Lists: running first, drafts only when asked, filters, cursor pages.
		for i, st := range []planning.Status{planning.StatusPublished, planning.StatusConcluded, planning.StatusPublished} {
			q, err := s.CreateProcess(ctx, admin, planning.Process{DistrictKey: "16051", Title: "P" + string(rune('a'+i)), Fields: []planning.Field{"wohnen"}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.ReplacePhases(ctx, admin, q.ID, phases); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ChangeStatus(ctx, admin, q.ID, planning.StatusPublished); err != nil {
				t.Fatal(err)
			}
			if st != planning.StatusPublished {
				if _, err := s.ChangeStatus(ctx, admin, q.ID, st); err != nil {
					t.Fatal(err)
				}
			}
		}
		// The lists and documents are the store's own queries.
		st := store.NewPlanning(db)
		all, _, err := st.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", IncludeDrafts: true, Limit: 10})
		if err != nil || len(all) != 4 {
			t.Fatalf("list = %d, %v", len(all), err)
		}
		var order []planning.Status
		for _, x := range all {
			order = append(order, x.Status)
		}
		if !slices.Equal(order, []planning.Status{"published", "published", "draft", "concluded"}) || len(all[0].Phases) != 2 {
			t.Errorf("order = %v", order)
		}
		public, _, _ := st.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", Limit: 10})
		if len(public) != 3 {
			t.Errorf("public list has %d, want 3 without the draft", len(public))
		}
		if byField, _, _ := st.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", Field: "pflege", IncludeDrafts: true, Limit: 10}); len(byField) != 1 || byField[0].ID != p.ID {
			t.Errorf("field filter = %d", len(byField))
		}
		if byStatus, _, _ := st.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", Status: "concluded", Limit: 10}); len(byStatus) != 1 {
			t.Errorf("status filter = %d", len(byStatus))
		}
		var paged []int64
		cursor := ""
		for {
			page, next, err := st.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", IncludeDrafts: true, Limit: 1, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range page {
				paged = append(paged, x.ID)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		var ids []int64
		for _, x := range all {
			ids = append(ids, x.ID)
		}
		if !slices.Equal(paged, ids) {
			t.Errorf("pages %v != list %v", paged, ids)
		}
		if _, _, err := st.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", Limit: 1, Cursor: "x"}); !errors.Is(err, planning.ErrInvalid) {
			t.Errorf("bad cursor: %v", err)
		}

		// Documents.
		d, err := st.InsertDocument(ctx, planning.Document{ProcessID: p.ID, Title: "Entwurf", FileName: "entwurf.pdf", ContentType: "application/pdf", Size: 10, StorageKey: "documents/x1", SHA256: "ab"})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Process(ctx, admin, p.ID); len(got.Documents) != 1 || got.Documents[0].FileName != "entwurf.pdf" {
			t.Errorf("documents = %+v", got.Documents)
		}
		if _, err := st.Document(ctx, p.ID+1000, d.ID); !errors.Is(err, planning.ErrDocumentNotFound) {
			t.Errorf("document of another process: %v", err)
		}
		if _, err := st.DeleteDocument(ctx, p.ID, d.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := st.DeleteDocument(ctx, p.ID, d.ID); !errors.Is(err, planning.ErrDocumentNotFound) {
			t.Errorf("deleting twice: %v", err)
		}
	})
}

func TestImportAppliesAllOrNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, admin := planningService(t, db)
		plan := []planning.ImportChange{
			{Index: 1, Area: planning.SocialArea{Name: "PR", Level: planning.LevelPlanungsraum, Code: "PR", Geometry: box(10.98, 50.95, 0.05)}},
			{Index: 0, ParentCode: "PR", Area: planning.SocialArea{Name: "SR", Level: planning.LevelSozialraum, Code: "SR", Geometry: box(11.02, 50.97, 0.01)}},
		}
		applied, err := s.ApplyImport(ctx, admin, "16051", plan)
		if err != nil || applied[1].Area.ParentID != applied[0].ID || applied[0].ID == 0 {
			t.Fatalf("applied = %+v, %v", applied, err)
		}
		// A plan whose last change fails leaves nothing behind.
		broken := []planning.ImportChange{
			{Index: 0, Area: planning.SocialArea{Name: "Neu", Level: planning.LevelPlanungsraum, Code: "N", Geometry: box(10.98, 50.95, 0.05)}},
			{Index: 1, Area: planning.SocialArea{Name: "Doppelt", Level: planning.LevelQuartier, Code: "PR", Geometry: box(11.02, 50.97, 0.01)}},
		}
		if _, err := s.ApplyImport(ctx, admin, "16051", broken); err == nil {
			t.Fatal("a failing import was applied")
		}
		if areas, _ := s.Areas(ctx, "16051"); len(areas) != 2 {
			t.Errorf("after a failed import: %d areas, want 2", len(areas))
		}
	})
}
