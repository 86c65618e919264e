package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// healthz answers as long as the process serves requests: the liveness probe.
func healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 only when the instance can do its work (database reachable and migrated):
// the readiness probe, so a load balancer sends no traffic to an instance that would fail it.
// The reason goes to the log only: the driver's message names the database's user, host and port.
func readyz(ready func(context.Context) error, log *slog.Logger) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
		defer cancel()
		if err := ready(ctx); err != nil {
			log.WarnContext(ctx, "not ready", "error", err)
			p := NewProblem(http.StatusServiceUnavailable, "not_ready", "The database is unreachable or not yet migrated.")
			p.RetryAfter = "5"
			return p
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
	}
}
