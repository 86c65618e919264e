package store_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// The atlas benchmarks read a table state of 10 million values (testdata/atlas_bench.sql). It
// takes minutes to build (some six on a busy 2-core machine), so it lives in its own database on
// the test server, which later runs reuse; the httpapi benchmarks share it. DROP DATABASE
// teilhabe_bench_atlas frees its 2 GB.
const (
	atlasBenchDBName   = "teilhabe_bench_atlas"
	atlasBenchValues   = 10_004_040
	atlasBenchDistrict = "16051" // Erfurt: 420 social areas in the state
	atlasBenchRounds   = 200
)

// atlasBenchDB opens the benchmarks' database, creating, migrating and filling it when needed.
func atlasBenchDB(b *testing.B, script string) *store.DB {
	b.Helper()
	ctx := context.Background()
	// A fresh test database names the server (TEST_DATABASE_URL's or the throwaway cluster).
	fresh, err := url.Parse(testdb.PostgresURL(b))
	if err != nil {
		b.Fatal(err)
	}
	c, err := pgx.Connect(ctx, fresh.String())
	if err != nil {
		b.Fatal(err)
	}
	// An error here is "exists", or a real one that opening the database below reports.
	_, _ = c.Exec(ctx, "CREATE DATABASE "+atlasBenchDBName)
	_ = c.Close(ctx)
	fresh.Path = "/" + atlasBenchDBName
	db, err := store.OpenPostgres(fresh.String(), slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	if _, err := db.MigrateUp(ctx, nil); err != nil {
		b.Fatal(err)
	}
	if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
		b.Fatal(err)
	}
	sqlText, err := os.ReadFile(script)
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	if err := db.Gorm.Exec(string(sqlText)).Error; err != nil {
		b.Fatal(err)
	}
	var n int64
	if err := db.SQL.QueryRowContext(ctx, "SELECT rows FROM atlas_bench_state").Scan(&n); err != nil || n != atlasBenchValues {
		b.Fatalf("the benchmark state has %d values (%v), want %d", n, err, atlasBenchValues)
	}
	b.Logf("atlas benchmark state ready in %s", time.Since(t0).Round(time.Millisecond))
	return db
}

// medians runs the store's read and its reference alternately, so that both see the same
// machine, up to atlasBenchRounds times or for about three seconds (15 times at least), and
// returns their median times after checking that both read want rows.
func medians(b *testing.B, store, ref func() int, want int) (time.Duration, time.Duration) {
	b.Helper()
	var st, rt []time.Duration
	for start := time.Now(); len(st) < atlasBenchRounds && (len(st) < 15 || time.Since(start) < 3*time.Second); {
		for _, f := range []func() int{store, ref} {
			t0 := time.Now()
			got := f()
			d := time.Since(t0)
			if got != want {
				b.Fatalf("read %d rows, want %d", got, want)
			}
			if len(st) == len(rt) {
				st = append(st, d)
			} else {
				rt = append(rt, d)
			}
		}
	}
	slices.Sort(st)
	slices.Sort(rt)
	return st[len(st)/2], rt[len(rt)/2]
}

// refRows is the reference: one plain SELECT of the columns the store reads, on the same pool,
// each row scanned into the same variables and thrown away.
func refRows(b *testing.B, db *store.DB, q string, args ...any) int {
	rows, err := db.SQL.QueryContext(context.Background(), q, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	var (
		ind, area, date, flag, boundary, supp string
		year                                  int
		importID                              int64
		val, num, den                         *float64
		n                                     int
	)
	for rows.Next() {
		if err := rows.Scan(&ind, &year, &area, &date, &val, &num, &den, &flag, &boundary, &supp, &importID); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}

// atlasRefCols are the store's columns (atlasValueCols), unmasked: masking is the store's work.
const atlasRefCols = "SELECT indicator, year, area, date, value, numerator, denominator, flag, boundary, suppression, import_id FROM atlas_values "

// BenchmarkAtlasStore: with 10 million values stored, the map's read (one indicator and year on
// the district level, and on the social-area level of one district) and the profile's read
// (every indicator and year of the Land and the 22 districts), each against one plain indexed
// SELECT of the same rows on the same pool (target: within 1.5 times).
func BenchmarkAtlasStore(b *testing.B) {
	db := atlasBenchDB(b, "testdata/atlas_bench.sql")
	s := store.NewAtlas(db)
	ctx := context.Background()
	districts := []atlas.AreaKey{atlas.LandKey}
	var keys []string
	if err := db.Gorm.Raw("SELECT key FROM districts ORDER BY key").Scan(&keys).Error; err != nil {
		b.Fatal(err)
	}
	for _, k := range keys {
		districts = append(districts, atlas.AreaKey(k))
	}
	// The httpapi benchmarks add the seeded INKAR indicators to the state: the profile reads them too.
	var profileRows int
	if err := db.SQL.QueryRowContext(ctx, "SELECT count(*) FROM atlas_values WHERE area = ANY($1)", keysOf(districts)).Scan(&profileRows); err != nil {
		b.Fatal(err)
	}
	level := func(q atlas.LevelQuery) func() int {
		return func() int {
			vs, err := s.LevelValues(ctx, q)
			if err != nil {
				b.Fatal(err)
			}
			return len(vs)
		}
	}
	profile := func() int {
		vs, err := s.AreaValues(ctx, districts, true)
		if err != nil {
			b.Fatal(err)
		}
		return len(vs)
	}
	cases := []struct {
		name       string
		store, ref func() int
		want       int
	}{
		{"district", level(atlas.LevelQuery{Indicator: "bench07", Year: 2024, Level: atlas.LevelDistrict, PublicOnly: true}),
			func() int {
				return refRows(b, db, atlasRefCols+"WHERE indicator = $1 AND year = $2 AND level = $3", "bench07", 2024, "district")
			}, len(keys)},
		{"area", level(atlas.LevelQuery{Indicator: "bench07", Year: 2024, Level: atlas.LevelArea, DistrictKey: atlasBenchDistrict, PublicOnly: true}),
			func() int {
				return refRows(b, db, atlasRefCols+"WHERE indicator = $1 AND year = $2 AND level = $3 AND area >= $4 AND area < $5",
					"bench07", 2024, "area", atlasBenchDistrict+":", atlasBenchDistrict+";")
			}, 420},
		// The reference reads the rows in no order: ordering them is the store's work.
		{"profile", profile, func() int {
			return refRows(b, db, atlasRefCols+"WHERE area = ANY($1)", keysOf(districts))
		}, profileRows},
	}
	for range b.N {
		for _, c := range cases {
			medians(b, c.store, c.ref, c.want) // warm up the pool, the statement caches and the pages
			st, ref := medians(b, c.store, c.ref, c.want)
			b.ReportMetric(float64(st.Microseconds())/1000, c.name+"_ms")
			b.ReportMetric(float64(ref.Microseconds())/1000, c.name+"_select_ms")
			b.ReportMetric(float64(st)/float64(ref), c.name+"_ratio")
		}
	}
}

func keysOf(areas []atlas.AreaKey) []string {
	out := make([]string, len(areas))
	for i, a := range areas {
		out[i] = string(a)
	}
	return out
}

// TestAtlasAreaValuesInTimeOrder: the profile's read, which the benchmark made the store order
// itself, gives all values of the areas asked for, each indicator's and area's in year and date
// order and with its own numbers, whatever order they were stored in.
func TestAtlasAreaValuesInTimeOrder(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := store.NewAtlas(db)
		for _, key := range []string{"order_a", "order_b"} {
			in := atlas.Indicator{Key: key, NameDE: key, NameEN: key, Lebenslage: atlas.Bildung, Kind: atlas.KindCount,
				Direction: atlas.Neutral, Levels: []atlas.Level{atlas.LevelDistrict}}
			if err := s.InsertIndicator(ctx, in, 0, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		var stored []atlas.Value
		for i, year := range []int{2021, 2019, 2023, 2020, 2022} {
			for _, date := range []string{"2020-12-31", "2020-06-30"} {
				for j, area := range []atlas.AreaKey{"16051", "16052", "16053"} {
					v := float64(year*100 + i*10 + j)
					stored = append(stored, atlas.Value{Indicator: []string{"order_a", "order_b"}[(i+j)%2], Area: area,
						Year: year, Date: date, Value: &v})
				}
			}
		}
		if err := s.UpsertValues(ctx, stored); err != nil {
			t.Fatal(err)
		}
		got, err := s.AreaValues(ctx, []atlas.AreaKey{"16051", "16053"}, false)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]float64{} // by indicator, area, year and date: the stored number
		for _, v := range stored {
			if v.Area != "16052" {
				want[fmt.Sprint(v.Indicator, v.Area, v.Year, v.Date)] = *v.Value
			}
		}
		if len(got) != len(want) {
			t.Fatalf("read %d values, want %d", len(got), len(want))
		}
		last := map[string]atlas.Value{}
		for _, v := range got {
			k := fmt.Sprint(v.Indicator, v.Area, v.Year, v.Date)
			if v.Value == nil || *v.Value != want[k] {
				t.Errorf("%s: value %v, want %v", k, v.Value, want[k])
			}
			group := v.Indicator + string(v.Area)
			if p, ok := last[group]; ok && (p.Year > v.Year || p.Year == v.Year && p.Date >= v.Date) {
				t.Errorf("%s: %d %s after %d %s", group, v.Year, v.Date, p.Year, p.Date)
			}
			last[group] = v
		}
	})
}
