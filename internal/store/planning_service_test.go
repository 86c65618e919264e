package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// The rules that moved from the store into planning.Service, on both databases and without HTTP.

func TestPlanningServiceKeepsTheHierarchyATree(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, admin := planningService(t, db)
		west, err := s.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", Name: "West", Level: planning.LevelPlanungsraum, Geometry: box(10.98, 50.95, 0.05)})
		if err != nil {
			t.Fatal(err)
		}
		mitte, err := s.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16051", ParentID: west.ID, Name: "Mitte", Level: planning.LevelSozialraum, Geometry: box(11.02, 50.97, 0.01)})
		if err != nil {
			t.Fatal(err)
		}
		// West under its own sub-area: the levels would allow it, the tree does not.
		_, err = s.UpdateArea(ctx, admin, west.ID, planning.AreaPatch{ParentID: &mitte.ID, Level: ptr(planning.LevelQuartier)})
		if !errors.Is(err, planning.ErrInvalid) || !strings.Contains(err.Error(), "inside this area") {
			t.Fatalf("a cycle: %v", err)
		}
		if got, _ := s.Area(ctx, west.ID); got.ParentID != 0 || got.Level != planning.LevelPlanungsraum {
			t.Errorf("a refused change was saved: %+v", got)
		}
		// A parent of another district, for an area that lies in Jena.
		_, err = s.CreateArea(ctx, admin, planning.SocialArea{DistrictKey: "16053", ParentID: west.ID, Name: "Jena-Zentrum", Level: planning.LevelQuartier, Geometry: box(11.58, 50.92, 0.01)})
		if !errors.Is(err, planning.ErrInvalid) || !strings.Contains(err.Error(), "another district") {
			t.Errorf("a parent in another district: %v", err)
		}
		// Only the district's coordinators may add areas.
		jena := login(t, app.Identity(db), "jena", "coordinator:16053")
		if _, err := s.CreateArea(ctx, jena, planning.SocialArea{DistrictKey: "16051", Name: "Fremd", Level: planning.LevelQuartier, Geometry: box(11.02, 50.97, 0.01)}); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("a coordinator of Jena added an area to Erfurt: %v", err)
		}
	})
}

func TestPlanningServiceProcessLifecycle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, admin := planningService(t, db)
		ids := app.Identity(db)
		erfurt := login(t, ids, "erfurt", "coordinator:16051")
		jena := login(t, ids, "jena", "coordinator:16053")
		resident := login(t, ids, "resident")
		phases := []planning.Phase{{Kind: planning.PhaseBeteiligung, StartsOn: date("2026-01-01"), EndsOn: date("2026-12-31")}}

		// A new process is a draft, whatever status it is given.
		p, err := s.CreateProcess(ctx, erfurt, planning.Process{DistrictKey: "16051", Title: "Sozialplan", Status: planning.StatusPublished})
		if err != nil {
			t.Fatal(err)
		}
		if stored, _ := store.NewPlanning(db).ProcessHead(ctx, p.ID); p.Status != planning.StatusDraft || stored.Status != planning.StatusDraft {
			t.Fatalf("created as %s, stored as %s", p.Status, stored.Status)
		}

		// A draft does not exist for those who may not coordinate Erfurt.
		for name, who := range map[string]identity.Principal{"anonymous": {}, "resident": resident, "Jena's coordinator": jena} {
			if _, err := s.Process(ctx, who, p.ID); !errors.Is(err, planning.ErrProcessNotFound) {
				t.Errorf("%s reads the draft: %v", name, err)
			}
			if _, err := s.ReadableProcess(ctx, who, p.ID); !errors.Is(err, planning.ErrProcessNotFound) {
				t.Errorf("%s reads the draft's head: %v", name, err)
			}
		}
		if _, err := s.UpdateProcess(ctx, jena, p.ID, planning.ProcessChange{Title: "Übernommen"}); !errors.Is(err, planning.ErrProcessNotFound) {
			t.Errorf("Jena's coordinator changes Erfurt's draft: %v", err)
		}
		if _, err := s.ChangeStatus(ctx, identity.Principal{}, p.ID, planning.StatusPublished); !errors.Is(err, kernel.ErrLoginRequired) {
			t.Errorf("anonymous publishes: %v", err)
		}
		if got, err := s.Process(ctx, erfurt, p.ID); err != nil || got.Title != "Sozialplan" {
			t.Errorf("Erfurt's coordinator reads the draft: %+v, %v", got, err)
		}

		// Publishing needs a phase; once published, the phases cannot all go.
		if _, err := s.ChangeStatus(ctx, erfurt, p.ID, planning.StatusPublished); !errors.Is(err, planning.ErrBadTransition) {
			t.Fatalf("published without a phase: %v", err)
		}
		if _, err := s.ReplacePhases(ctx, erfurt, p.ID, phases); err != nil {
			t.Fatal(err)
		}
		if p, err = s.ChangeStatus(ctx, erfurt, p.ID, planning.StatusPublished); err != nil || p.Status != planning.StatusPublished {
			t.Fatalf("publish: %v", err)
		}
		if _, err := s.ReplacePhases(ctx, admin, p.ID, nil); !errors.Is(err, planning.ErrInvalid) {
			t.Errorf("a published process lost its phases: %v", err)
		}
		if got, err := s.Process(ctx, resident, p.ID); err != nil || len(got.Phases) != 1 {
			t.Errorf("the published process for a resident: %+v, %v", got, err)
		}

		// Every change wrote its audit line, refused ones none.
		entries, err := store.NewAudit(db).List(ctx, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range entries {
			if e.TargetType == "process" {
				actions = append(actions, e.Action)
			}
		}
		if strings.Join(actions, " ") != "process.status process.phases process.create" {
			t.Errorf("audit lines = %v", actions)
		}
	})
}
