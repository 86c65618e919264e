package realtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Channel is the PostgreSQL notification channel shared by all instances.
const Channel = "teilhabe_events"

// healthInterval is how long the listener waits for a notification before it pings the server:
// a connection that died silently (no RST) would otherwise leave it waiting forever.
const healthInterval = 30 * time.Second

// PostgresBus is the Bus of several instances sharing one PostgreSQL database, over LISTEN/NOTIFY
// on Channel. It opens its own connections: one dedicated listener, and a small pool for NOTIFY,
// which always runs outside any write transaction (a NOTIFY inside one serialises commits).
type PostgresBus struct {
	listenCfg *pgx.ConnConfig
	pool      *pgxpool.Pool
	log       *slog.Logger
}

// NewPostgresBus prepares a bus on the database at url; it connects lazily. Close releases it.
func NewPostgresBus(url string, log *slog.Logger) (*PostgresBus, error) {
	listenCfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("realtime: bus url: %w", err)
	}
	// Names the sessions in pg_stat_activity, for operators (and the reconnect test).
	listenCfg.RuntimeParams["application_name"] = "teilhabe-realtime-listen"
	poolCfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("realtime: bus url: %w", err)
	}
	poolCfg.MaxConns = 2 // one publisher per instance; the second covers a reconnect
	poolCfg.ConnConfig.RuntimeParams["application_name"] = "teilhabe-realtime-notify"
	pool, err := pgxpool.NewWithConfig(context.Background(), poolCfg)
	if err != nil {
		return nil, fmt.Errorf("realtime: bus pool: %w", err)
	}
	return &PostgresBus{listenCfg: listenCfg, pool: pool, log: log}, nil
}

// Close releases the publishing connections; call it after the broker's Run has returned.
func (p *PostgresBus) Close() { p.pool.Close() }

// Publish sends one NOTIFY with the room and its newest sequence.
func (p *PostgresBus) Publish(ctx context.Context, room string, seq int64) error {
	payload, err := encodeNotification(room, seq)
	if err != nil {
		return fmt.Errorf("realtime: notify %q: %w", room, err)
	}
	return p.notify(ctx, payload)
}

func (p *PostgresBus) notify(ctx context.Context, payload string) error {
	if _, err := p.pool.Exec(ctx, "SELECT pg_notify($1, $2)", Channel, payload); err != nil {
		return fmt.Errorf("realtime: notify: %w", err)
	}
	return nil
}

// Announce sends one NOTIFY with the Change, on the same channel as the rooms' announcements: one
// listener per instance hears both, and a reconnect's catch-up covers both.
func (p *PostgresBus) Announce(ctx context.Context, ch Change) error {
	payload, err := encodeChange(ch)
	if err != nil {
		return fmt.Errorf("realtime: notify change: %w", err)
	}
	return p.notify(ctx, payload)
}

// Subscribe listens until ctx ends, reconnecting with exponential backoff. After every (re)connect
// it calls fn(AllRooms, 0): notifications sent while no listener was connected are gone, and the
// broker re-reads its rooms from the database instead.
func (p *PostgresBus) Subscribe(ctx context.Context, fn func(room string, seq int64), changed func(Change)) error {
	backoff := minBackoff
	for {
		connected, err := p.listen(ctx, fn, changed)
		if ctx.Err() != nil {
			return nil
		}
		if connected {
			backoff = minBackoff
		}
		p.log.Warn("realtime: listener lost, reconnecting", "err", err, "in", backoff)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

// listen runs one listening session until it fails or ctx ends; connected reports whether it got
// as far as LISTEN.
func (p *PostgresBus) listen(ctx context.Context, fn func(string, int64), changed func(Change)) (connected bool, err error) {
	conn, err := pgx.ConnectConfig(ctx, p.listenCfg)
	if err != nil {
		return false, err
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_ = conn.Close(closeCtx)
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{Channel}.Sanitize()); err != nil {
		return false, err
	}
	fn(AllRooms, 0)
	for {
		waitCtx, cancel := context.WithTimeout(ctx, healthInterval)
		n, err := conn.WaitForNotification(waitCtx)
		cancel()
		switch {
		case ctx.Err() != nil:
			return true, nil
		case errors.Is(err, context.DeadlineExceeded):
			// pgx's default context handling sets a read deadline, which leaves the connection
			// usable after the timeout; a failing ping tells a dead one apart.
			pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
			err = conn.Ping(pingCtx)
			cancel()
			if err != nil {
				return true, err
			}
		case err != nil:
			return true, err
		default:
			if room, seq, perr := parseNotification(n.Payload); perr == nil {
				fn(room, seq)
			} else if ch, cerr := parseChange(n.Payload); cerr == nil {
				changed(ch)
			} else {
				p.log.Warn("realtime: ignoring malformed notification", "pid", n.PID, "len", len(n.Payload))
			}
		}
	}
}
