package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/config"
	"github.com/teilhabe/teilhabe/internal/demo"
	"github.com/teilhabe/teilhabe/internal/httpapi"
)

// loginProviders reads the providers file and, in demo mode only, adds the built-in development
// provider's three logins; the development provider's handler is nil outside demo mode, so it
// cannot be reached in production.
func loginProviders(cfg config.Config) ([]auth.ProviderConfig, http.Handler, error) {
	var providers []auth.ProviderConfig
	if cfg.AuthConfig != "" {
		ps, err := auth.LoadConfigFile(cfg.AuthConfig)
		if err != nil {
			return nil, nil, err
		}
		providers = ps
	}
	if !cfg.Demo {
		return providers, nil, nil
	}
	idp, demoProviders, err := demo.Login(cfg.BaseURL)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range demoProviders {
		for _, p := range providers {
			if p.ID == d.ID {
				return nil, nil, fmt.Errorf("TEILHABE_AUTH_CONFIG: provider id %q is taken by the demo login (TEILHABE_DEMO=1)", p.ID)
			}
		}
	}
	return append(providers, demoProviders...), idp.Handler(), nil
}

// sweep deletes ended sessions, abandoned logins and expired idempotency keys every few minutes.
func sweep(ctx context.Context, svc *auth.Service, keys httpapi.IdempotencyStore, log *slog.Logger) {
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := svc.Sweep(ctx); err != nil {
				log.Warn("sweeping sessions failed", "error", err)
			}
			if _, err := httpapi.SweepIdempotencyKeys(ctx, keys, time.Now()); err != nil {
				log.Warn("sweeping idempotency keys failed", "error", err)
			}
		}
	}
}
