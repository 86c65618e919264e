package demo_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/demo"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

func TestSeedIsLabelledAndIdempotent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		districts := store.NewDistricts(db)
		if err := refdata.Load(ctx, districts); err != nil {
			t.Fatal(err)
		}
		plan, blobs := store.NewPlanning(db), blob.Disk{Root: t.TempDir()}
		now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
		cons := store.NewConsultations(db)
		for i := 0; i < 2; i++ {
			if err := demo.SeedAll(ctx, districts, app.Identity(db), plan, cons, blobs, "http://localhost:8080/devidp", now); err != nil {
				t.Fatal(err)
			}
		}
		areas, _ := plan.Areas(ctx, "16051")
		if len(areas) != 6 {
			t.Fatalf("%d areas after seeding twice, want 6", len(areas))
		}
		for _, a := range areas {
			if !strings.Contains(a.Name, "Beispiel") || !strings.Contains(a.Description, "Beispieldaten") {
				t.Errorf("area %q is not labelled as made up", a.Name)
			}
		}
		ps, _, err := plan.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", Limit: 10})
		if err != nil || len(ps) != 2 {
			t.Fatalf("processes = %d, %v", len(ps), err)
		}
		kinds := map[planning.PhaseKind]bool{}
		for _, p := range ps {
			cur, ok := p.CurrentPhase(now)
			if !ok {
				t.Errorf("%s has no current phase", p.Title)
			}
			kinds[cur.Kind] = true
			full, _ := plan.Process(ctx, p.ID)
			if len(full.Documents) != 1 {
				t.Fatalf("%s has %d documents", p.Title, len(full.Documents))
			}
			f, err := blobs.Open(ctx, full.Documents[0].StorageKey)
			if err != nil {
				t.Fatal(err)
			}
			head := make([]byte, 8)
			_, _ = f.Read(head)
			f.Close()
			if string(head[:5]) != "%PDF-" {
				t.Errorf("document is not a PDF: %q", head)
			}
		}
		if len(kinds) != 2 {
			t.Errorf("the two processes are in the same phase: %v", kinds)
		}
		var consultations int
		for _, p := range ps {
			cs, err := cons.ByProcess(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			consultations += len(cs)
			for _, c := range cs {
				if !c.Open(now) || len(c.Sections) < 3 {
					t.Errorf("demo consultation %q: open %v, %d sections", c.Title, c.Open(now), len(c.Sections))
				}
				page, _, err := cons.Comments(ctx, consultation.CommentQuery{ConsultationID: c.ID, Limit: 100})
				if err != nil || len(page) < 30 {
					t.Errorf("demo consultation has %d top-level comments (%v), want a few dozen", len(page), err)
				}
			}
		}
		if consultations != 1 {
			t.Errorf("%d demo consultations after seeding twice, want 1", consultations)
		}
	})
}
