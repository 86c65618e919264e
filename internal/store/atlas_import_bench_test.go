package store_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// Sizes of the benchmark's import: 5,000 social areas x 20 years x 10 indicators.
const (
	benchAreas      = 5000
	benchYears      = 20
	benchIndicators = 10
)

// benchValues are one district's million values, with numerators and denominators.
func benchValues() []atlas.Value {
	vs := make([]atlas.Value, 0, benchAreas*benchYears*benchIndicators)
	for i := range benchIndicators {
		for y := range benchYears {
			for a := range benchAreas {
				v, num, den := float64(a%997)/10, float64(a%97), float64(100+a%13)
				vs = append(vs, atlas.Value{Indicator: fmt.Sprintf("bench_%02d", i), Year: 2000 + y,
					Area: atlas.DistrictArea("16051", fmt.Sprintf("SR%04d", a)), Value: &v, Numerator: &num, Denominator: &den})
			}
		}
	}
	return vs
}

// BenchmarkAtlasImport times the import store's apply of a million values into an empty
// atlas_values (the whole of an import's write: the scope's move, the COPY, the counts) against
// the reference, a bare COPY of the same rows into the same table with the same indexes.
func BenchmarkAtlasImport(b *testing.B) {
	url := testdb.PostgresURL(b)
	db, err := store.OpenPostgres(url, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	ctx := context.Background()
	for i := range benchIndicators {
		err := db.Gorm.Exec(`INSERT INTO atlas_indicators (key, name_de, name_en, lebenslage, kind, direction, levels, created_at)
			VALUES (?, 'Bench', 'Bench', 'arbeit', 'count', 'neutral', 'area', ?)`, fmt.Sprintf("bench_%02d", i), time.Now().UTC()).Error
		if err != nil {
			b.Fatal(err)
		}
	}
	vs := benchValues()
	scope := atlas.ScopeOf("16051", vs)
	imports := store.NewAtlasImports(db)
	for b.Loop() {
		truncate(b, db)
		im, err := imports.InsertImport(ctx, atlas.Import{Scope: "16051", FileName: "bench.csv", FileHash: "x", Status: atlas.ImportRunning, CreatedAt: time.Now()})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		var c atlas.ImportCounts
		err = imports.InImportTx(ctx, func(ctx context.Context) error {
			c, err = imports.ApplyValues(ctx, im.ID, scope, vs)
			return err
		})
		ours := time.Since(start)
		if err != nil || c.Added != int64(len(vs)) {
			b.Fatalf("apply: %+v, %v", c, err)
		}

		truncate(b, db)
		start = time.Now()
		copied := referenceCopy(b, url, vs)
		ref := time.Since(start)
		if copied != int64(len(vs)) {
			b.Fatalf("copied %d", copied)
		}
		b.ReportMetric(float64(len(vs))/ours.Seconds(), "import_values/s")
		b.ReportMetric(float64(len(vs))/ref.Seconds(), "copy_values/s")
		b.ReportMetric(ref.Seconds()/ours.Seconds(), "import_copy_ratio")
	}
}

func truncate(b *testing.B, db *store.DB) {
	b.Helper()
	if err := db.Gorm.Exec("TRUNCATE atlas_values, atlas_value_changes").Error; err != nil {
		b.Fatal(err)
	}
	if err := db.Gorm.Exec("CHECKPOINT").Error; err != nil {
		b.Fatal(err)
	}
}

// referenceCopy is COPY of the values into atlas_values through pgx, in one transaction.
func referenceCopy(b *testing.B, url string, vs []atlas.Value) int64 {
	b.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		b.Fatal(err)
	}
	cols := []string{"indicator", "year", "level", "area", "date", "district", "value", "numerator", "denominator", "flag", "boundary", "import_id"}
	n, err := tx.CopyFrom(ctx, pgx.Identifier{"atlas_values"}, cols, pgx.CopyFromSlice(len(vs), func(i int) ([]any, error) {
		v := vs[i]
		return []any{v.Indicator, v.Year, string(v.Area.Level()), string(v.Area), v.Date, v.Area.District(),
			v.Value, v.Numerator, v.Denominator, string(v.Flag), v.Boundary, int64(1)}, nil
	}))
	if err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkAtlasImportSQLite times the same apply on the embedded database, where the values go
// in as batched multi-row inserts (there is no COPY to compare with).
func BenchmarkAtlasImportSQLite(b *testing.B) {
	db := testdb.SQLite(b)
	ctx := context.Background()
	for i := range benchIndicators {
		err := db.Gorm.Exec(`INSERT INTO atlas_indicators (key, name_de, name_en, lebenslage, kind, direction, levels, created_at)
			VALUES (?, 'Bench', 'Bench', 'arbeit', 'count', 'neutral', 'area', ?)`, fmt.Sprintf("bench_%02d", i), time.Now().UTC()).Error
		if err != nil {
			b.Fatal(err)
		}
	}
	vs := benchValues()
	scope := atlas.ScopeOf("16051", vs)
	imports := store.NewAtlasImports(db)
	for b.Loop() {
		if err := db.Gorm.Exec("DELETE FROM atlas_values").Error; err != nil {
			b.Fatal(err)
		}
		im, err := imports.InsertImport(ctx, atlas.Import{Scope: "16051", FileName: "bench.csv", FileHash: "x", Status: atlas.ImportRunning, CreatedAt: time.Now()})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		var c atlas.ImportCounts
		err = imports.InImportTx(ctx, func(ctx context.Context) error {
			c, err = imports.ApplyValues(ctx, im.ID, scope, vs)
			return err
		})
		if err != nil || c.Added != int64(len(vs)) {
			b.Fatalf("apply: %+v, %v", c, err)
		}
		b.ReportMetric(float64(len(vs))/time.Since(start).Seconds(), "import_values/s")
	}
}
