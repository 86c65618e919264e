package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func fp(v float64) *float64 { return &v }

func atlasFixture(t *testing.T, db *store.DB) (*store.Atlas, *atlas.Service) {
	t.Helper()
	ctx := context.Background()
	if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	svc := app.Atlas(db, nil, 0, nil)
	if err := refdata.LoadAtlas(ctx, svc); err != nil {
		t.Fatal(err)
	}
	return store.NewAtlas(db), svc
}

// TestAtlasStoreContract runs the atlas store's contract on both databases: the primary key
// decides duplicates, the years come from the loose scan, the level query's range reads one
// district's social areas, public reads blank withheld values in SQL, and the log follows the
// decisions.
func TestAtlasStoreContract(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := atlasFixture(t, db)
		in := atlas.Indicator{Key: "test_count", NameDE: "Test", NameEN: "Test", Lebenslage: atlas.Wohnen, Kind: atlas.KindCount,
			Direction: atlas.Neutral, Levels: []atlas.Level{atlas.LevelArea}, MinCount: 3}
		if err := s.InsertIndicator(ctx, in, 0, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := s.InsertIndicator(ctx, in, 0, time.Now()); !errors.Is(err, atlas.ErrIndicatorExists) {
			t.Fatalf("a second insert: %v", err)
		}
		got, err := s.Indicator(ctx, "test_count")
		if err != nil || got.Levels[0] != atlas.LevelArea || got.MinCount != 3 {
			t.Fatalf("%+v %v", got, err)
		}
		if _, err := s.Indicator(ctx, "nope"); !errors.Is(err, atlas.ErrIndicatorNotFound) {
			t.Fatalf("unknown: %v", err)
		}
		vs := []atlas.Value{
			{Indicator: "test_count", Area: "16051:A", Year: 2019, Value: fp(5)},
			{Indicator: "test_count", Area: "16051:B", Year: 2019, Value: fp(1)},
			{Indicator: "test_count", Area: "16052:A", Year: 2019, Value: fp(9)},
			{Indicator: "test_count", Area: "16051:A", Year: 2021, Value: nil, Flag: atlas.FlagSuppressed},
		}
		if err := s.UpsertValues(ctx, vs); err != nil {
			t.Fatal(err)
		}
		vs[0].Value = fp(6) // an upsert replaces
		if err := s.UpsertValues(ctx, vs[:1]); err != nil {
			t.Fatal(err)
		}
		years, err := s.Years(ctx, "test_count")
		if err != nil || len(years) != 2 || years[0] != 2019 || years[1] != 2021 {
			t.Fatalf("years %v %v", years, err)
		}
		erfurt, err := s.LevelValues(ctx, atlas.LevelQuery{Indicator: "test_count", Year: 2019, Level: atlas.LevelArea, DistrictKey: "16051"})
		if err != nil || len(erfurt) != 2 || *erfurt[0].Value != 6 || erfurt[1].Area != "16051:B" {
			t.Fatalf("Erfurt's areas: %+v %v", erfurt, err)
		}
		if err := s.SetSuppression(ctx, "test_count", 2019, map[atlas.AreaKey]atlas.Reason{"16051:B": atlas.ReasonSmallCount}, time.Now()); err != nil {
			t.Fatal(err)
		}
		pub, err := s.LevelValues(ctx, atlas.LevelQuery{Indicator: "test_count", Year: 2019, Level: atlas.LevelArea, DistrictKey: "16051", PublicOnly: true})
		if err != nil || len(pub) != 2 || pub[1].Value != nil || pub[1].Suppression != atlas.ReasonSmallCount || *pub[0].Value != 6 {
			t.Fatalf("public: %+v %v", pub, err)
		}
		series, err := s.SeriesValues(ctx, "test_count", []atlas.AreaKey{"16051:A"}, true)
		if err != nil || len(series) != 2 || series[1].Flag != atlas.FlagSuppressed {
			t.Fatalf("series: %+v %v", series, err)
		}
		n := 0
		if err := s.PublicValues(ctx, func(v atlas.Value) error {
			if v.Suppression != atlas.ReasonNone {
				t.Errorf("public values carry %+v", v)
			}
			n++
			return nil
		}); err != nil || n == 0 {
			t.Fatalf("%d public values: %v", n, err)
		}
		log, err := s.Suppressions(ctx, "test_count")
		if err != nil || len(log) != 1 || log[0].Area != "16051:B" {
			t.Fatalf("log: %+v %v", log, err)
		}
		// A new decision replaces the old one, in the values and in the log.
		if err := s.SetSuppression(ctx, "test_count", 2019, map[atlas.AreaKey]atlas.Reason{"16051:A": atlas.ReasonSecondary}, time.Now()); err != nil {
			t.Fatal(err)
		}
		v, err := s.Value(ctx, "test_count", "16051:B", 2019)
		if err != nil || v.Suppression != atlas.ReasonNone {
			t.Fatalf("B after the new decision: %+v %v", v, err)
		}
		if log, _ = s.Suppressions(ctx, "test_count"); len(log) != 1 || log[0].Reason != atlas.ReasonSecondary {
			t.Fatalf("log after: %+v", log)
		}
		if err := s.Cite(ctx, atlas.Citation{Ref: "test_count/16051:A/2019", Indicator: "test_count", Kind: "needs_assessment", SubjectID: "7", Title: "Bedarf", CitedValue: fp(6), CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		if cs, err := s.Citations(ctx, "test_count"); err != nil || len(cs) != 1 || *cs[0].CitedValue != 6 {
			t.Fatalf("citations %+v %v", cs, err)
		}
	})
}

var erfurtCoordinator = identity.Principal{User: identity.User{ID: 0}, Grants: []identity.Grant{{Role: identity.RoleCoordinator, DistrictKey: "16051"}}}

// TestAtlasBoundaryVersionsMarkBreaks: a new boundary version ends the old one the day before,
// may not start before it, and a series across the change is marked as a break.
func TestAtlasBoundaryVersionsMarkBreaks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, svc := atlasFixture(t, db)
		geom := []byte(`{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99],[11.02,50.97]]]}`)
		vs, err := svc.AddBoundary(ctx, platformAdmin, atlas.Boundary{Area: "16051", Version: "2024-01-01", ValidFrom: "2024-01-01", Geometry: geom})
		if err != nil || len(vs) != 2 || vs[0].ValidTo != "2023-12-31" || vs[1].ValidTo != "" {
			t.Fatalf("versions %+v %v", vs, err)
		}
		if _, err := svc.AddBoundary(ctx, platformAdmin, atlas.Boundary{Area: "16051", Version: "alt", ValidFrom: "2020-01-01", Geometry: geom}); !errors.Is(err, atlas.ErrInvalid) {
			t.Fatalf("a version before the current one: %v", err)
		}
		if _, err := svc.AddBoundary(ctx, erfurtCoordinator, atlas.Boundary{Area: "16053", Version: "x", ValidFrom: "2025-01-01", Geometry: geom}); err == nil {
			t.Fatal("Erfurt's coordinator changed Jena's boundary")
		}
		if got := atlas.BoundaryAt(vs, "2022-12-31"); got != refdata.DistrictBoundaryVersion {
			t.Errorf("boundary at 2022: %q", got)
		}
		if err := s.UpsertValues(ctx, []atlas.Value{{Indicator: "arbeitslose", Area: "16051", Year: 2024, Value: fp(7000), Boundary: "2024-01-01"}}); err != nil {
			t.Fatal(err)
		}
		_, series, err := svc.Series(ctx, identity.Principal{}, "arbeitslose", []atlas.AreaKey{"16051"})
		if err != nil {
			t.Fatal(err)
		}
		ps := series[0].Points
		last := ps[len(ps)-1]
		if last.Year != 2024 || !last.Break || ps[len(ps)-2].Break {
			t.Errorf("the change of boundary is not marked: %+v, %+v", ps[len(ps)-2], last)
		}
	})
}
