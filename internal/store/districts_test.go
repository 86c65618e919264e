package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/paulmach/orb"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestDistrictStoreContract(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := store.NewDistricts(db)

		if ds, err := s.List(ctx); err != nil || len(ds) != 0 {
			t.Fatalf("empty store lists %d districts, %v", len(ds), err)
		}
		if _, err := s.Get(ctx, "16051"); !errors.Is(err, district.ErrNotFound) {
			t.Fatalf("Get on empty store: %v, want ErrNotFound", err)
		}

		// Loading the reference data twice must neither fail nor duplicate.
		for i := 0; i < 2; i++ {
			if err := refdata.Load(ctx, s); err != nil {
				t.Fatalf("load %d: %v", i, err)
			}
		}
		ds, err := s.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 22 {
			t.Fatalf("after two loads: %d districts, want 22", len(ds))
		}
		for i := 1; i < len(ds); i++ {
			if ds[i-1].Key >= ds[i].Key {
				t.Fatalf("not ordered by key: %s before %s", ds[i-1].Key, ds[i].Key)
			}
		}

		erfurt, err := s.Get(ctx, "16051")
		if err != nil {
			t.Fatal(err)
		}
		if erfurt.Name != "Erfurt" || erfurt.Kind != district.KindKreisfreieStadt || erfurt.Population != 214969 || erfurt.AreaKm2 != 269.91 {
			t.Errorf("Erfurt = %+v", erfurt)
		}
		if _, ok := erfurt.Boundary.(orb.Polygon); !ok {
			t.Errorf("Erfurt's boundary is %T", erfurt.Boundary)
		}

		// An upsert updates in place.
		erfurt.Population = 215000
		if err := s.Upsert(ctx, []district.District{erfurt}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Get(ctx, "16051"); got.Population != 215000 {
			t.Errorf("population after upsert = %d", got.Population)
		}
		if ds, _ := s.List(ctx); len(ds) != 22 {
			t.Errorf("upsert changed the count to %d", len(ds))
		}
	})
}
