// Package server runs one teilhabe instance: it opens the database, migrates it, loads the
// reference data and serves HTTP until its context ends, then shuts down gracefully.
package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/teilhabe/teilhabe/frontend"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/config"
	"github.com/teilhabe/teilhabe/internal/demo"
	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/store"
)

// Open opens the configured database: PostgreSQL when TEILHABE_DATABASE_URL is set, else the
// embedded SQLite file in the data folder.
func Open(cfg config.Config, log *slog.Logger) (*store.DB, error) {
	if cfg.DatabaseURL != "" {
		return store.OpenPostgres(cfg.DatabaseURL, log)
	}
	return store.OpenSQLite(cfg.SQLitePath(), log)
}

// Options are the parts tests replace; zero values mean production behaviour.
type Options struct {
	// Listener to serve on instead of listening on cfg.Addr.
	Listener net.Listener
	// MetricsListener to serve /metrics on instead of listening on cfg.MetricsAddr (which may
	// then be empty).
	MetricsListener net.Listener
	// Frontend to serve instead of the embedded build.
	Frontend fs.FS
	// Migrations to apply instead of the embedded ones.
	Migrations fs.FS
	// RetryEvery is the pause between attempts to reach an unreachable database (default 2 s).
	RetryEvery time.Duration
}

// Run serves until ctx ends (then it shuts down gracefully and returns nil) or a fatal error
// occurs: a failing migration, or a listener that cannot be opened.
func Run(ctx context.Context, cfg config.Config, log *slog.Logger, opts Options) error {
	log.Info("starting teilhabe", cfg.LogValue()...)
	db, err := Open(cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if opts.RetryEvery == 0 {
		opts.RetryEvery = 2 * time.Second
	}
	if opts.Frontend == nil {
		opts.Frontend = frontend.Dist()
	}

	providers, devIdP, err := loginProviders(cfg)
	if err != nil {
		return err
	}
	ids := app.Identity(db)
	blobs := blob.Disk{Root: filepath.Join(cfg.DataDir, "files")}
	atlasSvc := app.Atlas(db, blobs, float64(cfg.AtlasMinPopulation), nil)
	st := &state{db: db, migrations: opts.Migrations, atlas: atlasSvc}
	cons := store.NewConsultations(db)
	if cfg.Demo {
		issuer := cfg.BaseURL.JoinPath(demo.IdPPath).String()
		st.seed = func(ctx context.Context) error {
			if err := demo.SeedAll(ctx, store.NewDistricts(db), ids, store.NewPlanning(db), cons, blobs, issuer, time.Now()); err != nil {
				return err
			}
			if err := demo.SeedAtlas(ctx, atlasSvc); err != nil {
				return err
			}
			// The seed's events wait in the outbox for the relay, which starts after it.
			seedPlan := app.Planning(db, blobs, nil)
			needsSvc := app.Needs(db, store.NewOutbox(db, log, nil), blobs, seedPlan, ids, atlasSvc, nil)
			if err := demo.SeedNeeds(ctx, needsSvc, ids, store.NewPlanning(db), issuer, time.Now()); err != nil {
				return err
			}
			seedOut := store.NewOutbox(db, log, nil)
			seedWs := app.Workshops(db, seedOut, seedPlan, app.Consultations(db, seedOut, app.Limits{}, nil), needsSvc, nil)
			return demo.SeedWorkshop(ctx, seedWs, ids, store.NewPlanning(db), issuer, time.Now())
		}
	}
	fatal := make(chan error, 3) // the database retry, the public and the metrics server
	if err := st.prepare(ctx, log); err != nil {
		if !errors.Is(err, errUnreachable) {
			return err
		}
		log.Warn("database unreachable; serving with /readyz 503 and retrying", "error", err)
		go st.retry(ctx, log, opts.RetryEvery, fatal)
	}

	audit := store.NewAudit(db)
	authSvc := auth.NewService(providers, store.NewSessions(db), ids, audit,
		auth.Options{BaseURL: cfg.BaseURL, IdleTimeout: cfg.SessionIdle, MaxAge: cfg.SessionMaxAge, Log: log})
	keys := store.NewIdempotencyKeys(db)
	go sweep(ctx, authSvc, keys, log)
	pages := httpapi.NewPageCache(httpapi.PageCacheTTL)
	broker, stopBroker, err := startBroker(ctx, cfg, db, authSvc, pages, log)
	if err != nil {
		return err
	}
	defer stopBroker()
	outbox := store.NewOutbox(db, log, broker.Published)
	outbox.DeliverTo(broker.Deliver) // this instance's broker fans out what its relay moved without reading it back
	relayCtx, stopRelay := context.WithCancel(ctx)
	defer stopRelay()
	go outbox.Run(relayCtx)

	metrics := httpapi.NewMetrics(db.SQL, authSvc)
	plan := app.Planning(db, blobs, nil)
	needsSvc := app.Needs(db, outbox, blobs, plan, ids, atlasSvc, nil)
	consSvc := app.Consultations(db, outbox, app.Limits{PostBurst: cfg.PostBurst, PostInterval: cfg.PostInterval}, nil)
	workshops := app.Workshops(db, outbox, plan, consSvc, needsSvc, nil)
	go workshops.Run(relayCtx)
	e, err := httpapi.New(httpapi.Deps{
		Log: log, SQL: db.SQL, BaseURL: cfg.BaseURL, Districts: store.NewDistricts(db), Identity: ids, Audit: audit,
		Planning: plan, Needs: needsSvc,
		Consultations: consSvc, Live: broker, Idempotency: keys, Auth: authSvc, SessionMaxAge: cfg.SessionMaxAge, DevIdP: devIdP, Ready: st.ready, Frontend: opts.Frontend,
		Pages: pages, Metrics: metrics, Atlas: atlasSvc, Workshops: workshops,
	})
	if err != nil {
		return err
	}
	ln := opts.Listener
	if ln == nil {
		if ln, err = net.Listen("tcp", cfg.Addr); err != nil {
			return fmt.Errorf("listen on %s (TEILHABE_ADDR): %w", cfg.Addr, err)
		}
	}
	mln := opts.MetricsListener
	if mln == nil && cfg.MetricsAddr != "" {
		if mln, err = net.Listen("tcp", cfg.MetricsAddr); err != nil {
			_ = ln.Close()
			return fmt.Errorf("listen on %s (TEILHABE_METRICS_ADDR): %w", cfg.MetricsAddr, err)
		}
	}
	srv := serve(ln, e, log, fatal)
	log.Info("listening", "addr", ln.Addr().String(), "base_url", cfg.BaseURL.String())
	var msrv *http.Server
	if mln != nil {
		msrv = serve(mln, metrics.Handler(), log, fatal)
		log.Info("serving metrics", "metrics_addr", mln.Addr().String())
	}
	// Every provider's discovery is checked now, once the development provider (served here in
	// demo mode) can answer, and kept fresh; one that is down is logged and retried, and never
	// stops the start.
	go authSvc.Watch(ctx)

	select {
	case <-ctx.Done():
	case err := <-fatal:
		_ = srv.Close()
		if msrv != nil {
			_ = msrv.Close()
		}
		return err
	}
	st.stopping.Store(true)
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("graceful shutdown: %w", err)
	}
	// Metrics are scraped until the public port has drained, so the last requests are counted.
	if msrv != nil {
		_ = msrv.Shutdown(shutdownCtx)
	}
	log.Info("stopped")
	return nil
}

// serve answers on ln in the background; an error other than a shutdown goes to fatal.
func serve(ln net.Listener, h http.Handler, log *slog.Logger, fatal chan<- error) *http.Server {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fatal <- err
		}
	}()
	return srv
}
