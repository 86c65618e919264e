// Package store implements the domain's Store interfaces with gorm, on PostgreSQL in production
// and on an embedded pure-Go SQLite file by default. The schema belongs to the SQL migrations in
// migrations/, never to gorm's AutoMigrate.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the SQL database behind a DB.
type Dialect string

// The two supported databases.
const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// DB is an open database with its dialect.
type DB struct {
	Gorm    *gorm.DB
	SQL     *sql.DB
	Dialect Dialect
	// relay is woken after a commit that stored live events (set by NewOutbox).
	relay atomic.Pointer[func()]
}

// kickRelay wakes the outbox relay, if one runs.
func (db *DB) kickRelay() {
	if f := db.relay.Load(); f != nil {
		(*f)()
	}
}

func gormConfig(log *slog.Logger) *gorm.Config {
	return &gorm.Config{
		// Start-up must not fail when PostgreSQL is briefly away: /readyz reports it instead.
		DisableAutomaticPing: true,
		NowFunc:              func() time.Time { return time.Now().UTC() },
		Logger: logger.New(slog.NewLogLogger(log.Handler(), slog.LevelWarn), logger.Config{
			SlowThreshold:             500 * time.Millisecond,
			LogLevel:                  logger.Warn,
			IgnoreRecordNotFoundError: true,
		}),
		TranslateError: true,
	}
}

// OpenPostgres opens a pool to the PostgreSQL server at url without connecting yet.
func OpenPostgres(url string, log *slog.Logger) (*DB, error) {
	return openPostgres(postgres.Open(url), log)
}

func openPostgres(dialector gorm.Dialector, log *slog.Logger) (*DB, error) {
	g, err := gorm.Open(dialector, gormConfig(log))
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(25)
	sqlDB.SetMaxIdleConns(10)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{Gorm: g, SQL: sqlDB, Dialect: Postgres}, nil
}

// OpenSQLite opens (and creates) the SQLite file at path with a busy timeout, write-ahead logging
// and foreign keys on; transactions take the write lock at BEGIN so that concurrent writers wait
// for each other instead of failing with SQLITE_BUSY halfway through.
func OpenSQLite(path string, log *slog.Logger) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	g, err := gorm.Open(sqlite.Open(dsn), gormConfig(log))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetConnMaxIdleTime(time.Minute)
	return &DB{Gorm: g, SQL: sqlDB, Dialect: SQLite}, nil
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.SQL.PingContext(ctx) }

// Close closes the pool.
func (db *DB) Close() error { return db.SQL.Close() }
