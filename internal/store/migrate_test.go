package store_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestModelsMatchMigratedSchema(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		problems, err := store.SchemaMismatches(db)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Error(p)
		}
	})
}

func TestMigrationsGoDownAndUpAgain(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		st, err := db.MigrationStatus(ctx)
		if err != nil || len(st) == 0 {
			t.Fatalf("status: %v, %d", err, len(st))
		}
		for _, s := range st {
			if !s.Applied {
				t.Errorf("%s not applied", s.File)
			}
		}
		for range st {
			if _, err := db.MigrateDown(ctx); err != nil {
				t.Fatalf("down: %v", err)
			}
		}
		if ok := db.Gorm.Migrator().HasTable("districts"); ok {
			t.Error("districts still there after migrating all the way down")
		}
		applied, err := db.MigrateUp(ctx, nil)
		if err != nil || len(applied) != len(st) {
			t.Fatalf("up again: %v, applied %v", err, applied)
		}
	})
}

// A failing migration must name its file and leave the schema as the previous migration left it.
func TestFailingMigrationNamesFileAndChangesNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		broken := fstest.MapFS{}
		entries, err := copyMigrations(db, broken)
		if err != nil {
			t.Fatal(err)
		}
		broken["99999_broken.sql"] = &fstest.MapFile{Data: []byte(
			"-- +goose Up\nCREATE TABLE half_done (id INTEGER);\nSELECT * FROM no_such_table;\n-- +goose Down\nDROP TABLE half_done;\n")}
		_, err = db.MigrateUp(ctx, broken)
		if err == nil || !strings.Contains(err.Error(), "99999_broken.sql") {
			t.Fatalf("error %v does not name the failing file", err)
		}
		if db.Gorm.Migrator().HasTable("half_done") {
			t.Error("the failed migration left a table behind")
		}
		st, err := db.MigrationStatus(ctx)
		if err != nil || len(st) != entries {
			t.Errorf("status after failure: %v, %d entries, want %d", err, len(st), entries)
		}
	})
}

func copyMigrations(db *store.DB, into fstest.MapFS) (int, error) {
	src := db.Migrations()
	names, err := fs.Glob(src, "*.sql")
	if err != nil {
		return 0, err
	}
	for _, n := range names {
		b, err := fs.ReadFile(src, n)
		if err != nil {
			return 0, err
		}
		into[n] = &fstest.MapFile{Data: b}
	}
	return len(names), nil
}
