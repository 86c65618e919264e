package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/demo"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestDemoAtlasIsLabelledAndShowsDisclosure: the demo's social-area figures say they are made
// up, seeding twice changes nothing, and the demo shows a withheld small count together with
// the secondary suppression that protects it.
func TestDemoAtlasIsLabelledAndShowsDisclosure(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		districts := store.NewDistricts(db)
		if err := refdata.Load(ctx, districts); err != nil {
			t.Fatal(err)
		}
		if err := demo.SeedAll(ctx, districts, app.Identity(db), store.NewPlanning(db), store.NewConsultations(db), blob.Disk{Root: t.TempDir()}, "http://localhost/devidp", time.Now()); err != nil {
			t.Fatal(err)
		}
		svc := app.Atlas(db, nil, 0, nil)
		if err := refdata.LoadAtlas(ctx, svc); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := demo.SeedAtlas(ctx, svc); err != nil {
				t.Fatal(err)
			}
		}
		m, err := svc.Map(ctx, identity.Principal{}, atlas.MapQuery{Indicator: "demo_kinder_bedarfsgemeinschaften", Level: atlas.LevelArea, District: "16051", Method: atlas.Quantile, Classes: 3})
		if err != nil {
			t.Fatal(err)
		}
		if m.Year != 2023 || len(m.Cells) != 4 || !strings.Contains(m.Indicator.Source, "Erfundene Beispieldaten") || !strings.Contains(m.Indicator.NameDE, "Beispiel") {
			t.Fatalf("map: year %d, %d cells, source %q", m.Year, len(m.Cells), m.Indicator.Source)
		}
		withheld := map[atlas.AreaKey]atlas.Reason{}
		for _, c := range m.Cells {
			if c.Status == atlas.StatusSuppressed {
				withheld[c.Area] = c.Suppression
				if c.Value != nil {
					t.Errorf("the public sees %s", c.Area)
				}
			}
			if !strings.Contains(c.Name, "Beispiel") {
				t.Errorf("area %q is not labelled as made up", c.Name)
			}
		}
		if withheld["16051:SR-O2"] != atlas.ReasonSmallCount || withheld["16051:SR-W2"] != atlas.ReasonSecondary || len(withheld) != 2 {
			t.Errorf("withheld: %v", withheld)
		}
	})
}
