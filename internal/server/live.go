package server

import (
	"context"
	"log/slog"

	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/config"
	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
)

// startBroker runs the real-time layer: on PostgreSQL its bus is LISTEN/NOTIFY, so that several
// instances behind a load balancer share live events; on the embedded SQLite there is one
// instance and an in-process bus. It reads events from the store's log and re-resolves its
// connections' sessions through svc. Its listener also feeds svc's session cache: one LISTEN
// connection per instance carries room events and Changes alike, and keeps pages' cache of
// anonymous first pages fresh. The room kinds are registered by httpapi.New. The returned
// stop ends it and waits for its connections.
func startBroker(ctx context.Context, cfg config.Config, db *store.DB, svc *auth.Service, pages *httpapi.PageCache, log *slog.Logger) (*realtime.Broker, func(), error) {
	var bus realtime.Bus = realtime.NewLocalBus()
	closeBus := func() {}
	if db.Dialect == store.Postgres {
		pg, err := realtime.NewPostgresBus(cfg.DatabaseURL, log)
		if err != nil {
			return nil, nil, err
		}
		bus, closeBus = pg, pg.Close
	}
	origin := cfg.BaseURL.Scheme + "://" + cfg.BaseURL.Host
	b := realtime.NewBroker(store.NewEvents(db), bus, httpapi.LiveResolver(svc), log, realtime.Options{AllowedOrigins: []string{origin},
		OnChange: httpapi.SessionInvalidator(svc), OnRoom: pages.OnRoom,
		// store.Events marks superseding events, which empty a room's ring: a reconnect from
		// before one reads the log, which shows the present (TestRingNeverReplaysSupersededText).
		ReplayRing: 256})
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := b.Run(ctx); err != nil {
			log.Error("real-time layer stopped", "error", err)
		}
	}()
	return b, func() { cancel(); <-done; closeBus() }, nil
}
