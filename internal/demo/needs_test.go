package demo_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/demo"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestDemoNeeds: the demo's needs data goes through the use cases once: a published table row
// signed by two organisations, labelled as made up, and AWO's draft for AWO's eyes only.
func TestDemoNeeds(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		districts := store.NewDistricts(db)
		if err := refdata.Load(ctx, districts); err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		plan, blobs, ids := store.NewPlanning(db), blob.Disk{Root: t.TempDir()}, app.Identity(db)
		issuer := "http://localhost:8080/devidp"
		if err := demo.SeedAll(ctx, districts, ids, plan, store.NewConsultations(db), blobs, issuer, now); err != nil {
			t.Fatal(err)
		}
		at := app.Atlas(db, blobs, 300, nil)
		if err := demo.SeedAtlas(ctx, at); err != nil {
			t.Fatal(err)
		}
		svc := app.Needs(db, store.NewOutbox(db, slog.New(slog.DiscardHandler), nil), blobs, app.Planning(db, blobs, nil), ids, at, nil)
		for range 2 {
			if err := demo.SeedNeeds(ctx, svc, ids, plan, issuer, now); err != nil {
				t.Fatal(err)
			}
		}
		ps, _, _ := plan.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", Limit: 10})
		var rows []needs.Item
		for _, p := range ps {
			items, _, _, err := svc.Table(ctx, identity.Principal{}, p.ID, needs.ItemQuery{})
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, items...)
		}
		if len(rows) != 1 || rows[0].Published == nil || !strings.Contains(rows[0].Summary, "Beispiel") ||
			rows[0].Submitter != "Diakonie Erfurt (Beispiel), mitgezeichnet von AWO Erfurt (Beispiel)" {
			t.Fatalf("the public table after seeding twice: %+v", rows)
		}
		measures, _, err := svc.Measures(ctx, identity.Principal{}, rows[0].ProcessID, "", 0)
		if err != nil || len(measures) != 1 || measures[0].Target == nil || measures[0].Target.Baseline == nil {
			t.Fatalf("the demo measure: %v %+v", err, measures)
		}
		dora, err := ids.Login(ctx, mustLogin(t, issuer, "demo-traeger-diakonie", "provider_admin:diakonie-erfurt"))
		if err != nil {
			t.Fatal(err)
		}
		awoDrafts, _, err := svc.OrgAssessments(ctx, dora, "awo-erfurt", false, "", 10)
		if err == nil || len(awoDrafts) > 0 {
			t.Errorf("Diakonie lists AWO's drafts: %v %+v", err, awoDrafts)
		}
	})
}

func mustLogin(t *testing.T, issuer, subject, role string) identity.Login {
	t.Helper()
	r, err := identity.ParseRole(role)
	if err != nil {
		t.Fatal(err)
	}
	l, err := identity.NewLogin(issuer, subject, subject, subject+"@demo.teilhabe.invalid", "traeger", []identity.ClaimedRole{r})
	if err != nil {
		t.Fatal(err)
	}
	return l
}
