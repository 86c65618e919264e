// Package testdb gives tests real databases: a fresh SQLite file, and a fresh PostgreSQL database
// per test, cloned from a migrated template that belongs to the test package, so packages run in
// parallel without seeing each other's data.
//
// PostgreSQL comes from TEST_DATABASE_URL when it is set (a server URL whose user may create
// databases). Otherwise Main starts a throwaway cluster with the installed initdb and pg_ctl on a
// temporary socket and removes it afterwards. When neither is possible the PostgreSQL half of the
// tests is skipped, except under CI=true, where that fails the run.
//
// A package that uses Postgres or Each must call Main from its TestMain.
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/teilhabe/teilhabe/internal/store"
)

var (
	mainCalled  bool
	serverURL   string // maintenance connection URL of the server
	templateDB  string // migrated template of this package
	skipReason  string // why PostgreSQL is unavailable, when it is
	dbCounter   atomic.Int64
	quietLogger = slog.New(slog.NewTextHandler(io.Discard, nil))
)

// Main prepares PostgreSQL for the package's tests, runs them and cleans up.
func Main(m *testing.M) int {
	mainCalled = true
	cleanup, err := setup()
	if err != nil {
		if os.Getenv("CI") == "true" {
			fmt.Fprintf(os.Stderr, "testdb: PostgreSQL is required under CI=true: %v\n", err)
			return 1
		}
		skipReason = err.Error()
		fmt.Fprintf(os.Stderr, "\n*** testdb: PostgreSQL tests SKIPPED: %v ***\n\n", err)
	}
	code := m.Run()
	if cleanup != nil {
		cleanup()
	}
	return code
}

func setup() (func(), error) {
	var stopCluster func()
	serverURL = os.Getenv("TEST_DATABASE_URL")
	if serverURL == "" {
		u, stop, err := startCluster()
		if err != nil {
			return nil, err
		}
		serverURL, stopCluster = u, stop
	}
	templateDB = "teilhabe_t_" + randomHex(6)
	if err := execSQL(serverURL, "CREATE DATABASE "+templateDB); err != nil {
		if stopCluster != nil {
			stopCluster()
		}
		return nil, fmt.Errorf("create template database: %w", err)
	}
	db, err := store.OpenPostgres(withDB(serverURL, templateDB), quietLogger)
	if err == nil {
		_, err = db.MigrateUp(context.Background(), nil)
		_ = db.Close()
	}
	cleanup := func() {
		_ = execSQL(serverURL, "DROP DATABASE IF EXISTS "+templateDB+" WITH (FORCE)")
		if stopCluster != nil {
			stopCluster()
		}
	}
	if err != nil {
		cleanup()
		return nil, fmt.Errorf("migrate template: %w", err)
	}
	return cleanup, nil
}

// SQLite returns a migrated SQLite database in a temporary folder, closed after the test.
func SQLite(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.OpenSQLite(filepath.Join(tb.TempDir(), "test.db"), quietLogger)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	if _, err := db.MigrateUp(context.Background(), nil); err != nil {
		tb.Fatal(err)
	}
	return db
}

// PostgresURL returns the URL of a fresh, migrated PostgreSQL database, dropped after the test.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	if !mainCalled {
		tb.Fatal("testdb: call testdb.Main from the package's TestMain")
	}
	if skipReason != "" {
		tb.Skip("PostgreSQL unavailable: " + skipReason)
	}
	name := fmt.Sprintf("%s_%d", templateDB, dbCounter.Add(1))
	if err := execSQL(serverURL, "CREATE DATABASE "+name+" TEMPLATE "+templateDB); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() { _ = execSQL(serverURL, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	return withDB(serverURL, name)
}

// Postgres returns a fresh, migrated PostgreSQL database, closed and dropped after the test.
func Postgres(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.OpenPostgres(PostgresURL(tb), quietLogger)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	return db
}

// Each runs f as a subtest on a fresh SQLite and a fresh PostgreSQL database: the contract suite.
func Each(t *testing.T, f func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { f(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, Postgres(t)) })
}

func execSQL(dbURL, sql string) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func withDB(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return strings.ToLower(hex.EncodeToString(b))
}
