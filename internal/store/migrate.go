package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/teilhabe/teilhabe/migrations"
)

// Migrations returns the embedded migrations of the database's dialect.
func (db *DB) Migrations() fs.FS {
	if db.Dialect == Postgres {
		return migrations.Postgres()
	}
	return migrations.SQLite()
}

func (db *DB) provider(fsys fs.FS) (*goose.Provider, error) {
	var opts []goose.ProviderOption
	dialect := goose.DialectSQLite3
	if db.Dialect == Postgres {
		dialect = goose.DialectPostgres
		// Several replicas may start at once; the advisory lock lets one migrate at a time.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	return goose.NewProvider(dialect, db.SQL, fsys, opts...)
}

// MigrateUp applies every pending migration of fsys (nil: the embedded ones). Each runs in its own
// transaction, so a failing one leaves the schema as the previous one left it; its error names the
// migration's file.
func (db *DB) MigrateUp(ctx context.Context, fsys fs.FS) ([]string, error) {
	if fsys == nil {
		fsys = db.Migrations()
	}
	p, err := db.provider(fsys)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	return applied(results), describe(err)
}

// MigrateDown rolls back the newest applied migration.
func (db *DB) MigrateDown(ctx context.Context) ([]string, error) {
	p, err := db.provider(db.Migrations())
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	r, err := p.Down(ctx)
	if r == nil {
		return nil, describe(err)
	}
	return applied([]*goose.MigrationResult{r}), describe(err)
}

// MigrationStatus lists every migration with whether it is applied.
func (db *DB) MigrationStatus(ctx context.Context) ([]MigrationState, error) {
	p, err := db.provider(db.Migrations())
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]MigrationState, 0, len(st))
	for _, s := range st {
		out = append(out, MigrationState{Version: s.Source.Version, File: s.Source.Path, Applied: s.State == goose.StateApplied, AppliedAt: s.AppliedAt})
	}
	return out, nil
}

func applied(results []*goose.MigrationResult) []string {
	var out []string
	for _, r := range results {
		if r != nil && r.Error == nil && !r.Empty {
			out = append(out, r.Source.Path)
		}
	}
	return out
}

func describe(err error) error {
	var partial *goose.PartialError
	if errors.As(err, &partial) && partial.Failed != nil {
		return fmt.Errorf("migration %s failed: %w", partial.Failed.Source.Path, partial.Err)
	}
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return nil
}
