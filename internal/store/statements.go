package store

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
)

// StatementCounter counts every SQL statement a PostgreSQL pool sends, BEGIN and COMMIT
// included: each one is a round trip, and the round trips, not the rows, bound how many comments a
// second one instance can take. Benchmarks report statements per post with it, and a test may
// assert an upper bound.
type StatementCounter struct {
	// Only, when set before the pool opens, restricts the count to the statements whose SQL it
	// accepts: a test can then count the statements of one concern (say, those reading sessions)
	// while the background work on the same pool (the outbox relay's polling) goes on.
	Only func(sql string) bool
	n    atomic.Int64
}

// TraceQueryStart implements pgx.QueryTracer: pgx calls it for every Exec and Query, and the
// database/sql driver sends BEGIN, COMMIT and ROLLBACK through Exec.
func (c *StatementCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	if c.Only == nil || c.Only(d.SQL) {
		c.n.Add(1)
	}
	return ctx
}

// TraceQueryEnd implements pgx.QueryTracer; the count is taken at the start.
func (c *StatementCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// Count is the number of statements sent so far.
func (c *StatementCounter) Count() int64 { return c.n.Load() }

// OpenPostgresCounted opens a pool like OpenPostgres whose every statement c counts.
func OpenPostgresCounted(url string, log *slog.Logger, c *StatementCounter) (*DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	cfg.Tracer = c
	return openPostgres(postgres.New(postgres.Config{Conn: stdlib.OpenDB(*cfg)}), log)
}
