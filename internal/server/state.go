package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"

	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
)

var errUnreachable = errors.New("database unreachable")

// state tracks whether the instance is ready: database reachable, migrated and loaded, and not
// shutting down.
type state struct {
	db         *store.DB
	migrations fs.FS                       // nil: the embedded ones
	seed       func(context.Context) error // demo data, after the reference data
	atlas      *atlas.Service              // seeded with the atlas's reference data
	prepared   atomic.Bool
	lastErr    atomic.Pointer[string]
	stopping   atomic.Bool
}

// prepare migrates the database and loads the reference data. It returns errUnreachable (wrapped)
// when the database does not answer, so the caller can retry, and any other error as fatal.
func (s *state) prepare(ctx context.Context, log *slog.Logger) error {
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.db.Ping(pingCtx); err != nil {
		msg := err.Error()
		s.lastErr.Store(&msg)
		return fmt.Errorf("%w: %v", errUnreachable, err)
	}
	applied, err := s.db.MigrateUp(ctx, s.migrations)
	if err != nil {
		if s.db.Ping(ctx) != nil {
			return fmt.Errorf("%w during migration: %v", errUnreachable, err)
		}
		return err
	}
	for _, f := range applied {
		log.Info("migration applied", "file", f)
	}
	if err := refdata.Load(ctx, store.NewDistricts(s.db)); err != nil {
		return fmt.Errorf("load reference data: %w", err)
	}
	if s.atlas != nil {
		if err := refdata.LoadAtlas(ctx, s.atlas); err != nil {
			return fmt.Errorf("load the atlas's reference data: %w", err)
		}
		// Imports still running when the server stopped died with it (not those another
		// instance runs now): say so on them.
		if n, err := s.atlas.FailInterrupted(ctx); err != nil {
			return fmt.Errorf("mark interrupted atlas imports: %w", err)
		} else if n > 0 {
			log.Info("atlas imports interrupted by the last stop marked failed", "count", n)
		}
	}
	if s.seed != nil {
		if err := s.seed(ctx); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
	}
	s.prepared.Store(true)
	log.Info("database ready", "dialect", s.db.Dialect)
	return nil
}

// retry prepares the database until it works; a fatal error ends the server through fatal.
func (s *state) retry(ctx context.Context, log *slog.Logger, every time.Duration, fatal chan<- error) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := s.prepare(ctx, log)
		if err == nil {
			return
		}
		if !errors.Is(err, errUnreachable) {
			fatal <- err
			return
		}
		log.Warn("database still unreachable", "error", err)
	}
}

// ready is the readiness check behind /readyz.
func (s *state) ready(ctx context.Context) error {
	if s.stopping.Load() {
		return errors.New("shutting down")
	}
	if !s.prepared.Load() {
		reason := "not yet migrated"
		if p := s.lastErr.Load(); p != nil {
			reason = *p
		}
		return fmt.Errorf("database not ready: %s", reason)
	}
	if err := s.db.Ping(ctx); err != nil {
		return fmt.Errorf("database unreachable: %w", err)
	}
	return nil
}
