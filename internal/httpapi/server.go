// Package httpapi is teilhabe's HTTP server: echo with its middleware, thin handlers that
// implement the generated api.StrictServerInterface, one error handler that speaks
// application/problem+json, the operational endpoints and the embedded frontend.
package httpapi

import (
	"context"
	"database/sql"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/auth"
)

// ContentSecurityPolicy allows only the app's own scripts, styles and connections: no inline
// code, no third parties, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Deps is what the server needs from the composition root.
type Deps struct {
	Log       *slog.Logger
	SQL       *sql.DB
	BaseURL   *url.URL
	Districts district.Store
	// Identity is the identity context's use cases: people, organisations, members and roles.
	Identity *identity.Service
	Audit    audit.Store
	// Planning is the planning context's use cases (areas, processes, documents).
	Planning *planning.Service
	// Consultations is the consultation context's use cases; Live serves their rooms (nil: no
	// live updates).
	Consultations *consultation.Service
	Live          Live
	// Idempotency keeps the Idempotency-Keys of creating requests (nil: the header is ignored).
	Idempotency IdempotencyStore
	Auth        *auth.Service
	// SessionMaxAge is the session cookie's lifetime.
	SessionMaxAge time.Duration
	// DevIdP is the built-in development identity provider, mounted at /devidp in demo mode only.
	DevIdP http.Handler
	// Ready reports why the instance cannot serve yet (nil when it can).
	Ready func(context.Context) error
	// Frontend is the built single-page app.
	Frontend fs.FS
	// Metrics counts the requests; the composition root serves its Handler on the metrics
	// listener (nil: counted into a registry nobody serves).
	Metrics *Metrics
	// Pages caches the first pages of threads for anonymous readers (nil: no cache); the
	// broker's OnRoom keeps it fresh across instances.
	Pages *PageCache
	// Atlas is the social-structure atlas's use cases.
	Atlas *atlas.Service
	// Needs is the needs context's use cases: calls, assessments, workbench, weighing, measures.
	Needs *needs.Service
	// Workshops is the live workshops' use cases.
	Workshops *workshop.Service
}

// handlers implements api.StrictServerInterface, one file per resource.
type handlers struct {
	districts district.Store
	identity  *identity.Service
	audit     audit.Store
	plan      *planning.Service
	cons      *consultation.Service
	atlas     *atlas.Service
	needs     *needs.Service
	workshops *workshop.Service
	cookies   cookieScope
	geo       geometryCache // the atlas maps' boundaries, per instance
	live      Live
	pages     *PageCache
	auth      *auth.Service
	now       func() time.Time
}

var _ api.StrictServerInterface = (*handlers)(nil)

// New builds the echo server with every route and middleware.
func New(d Deps) (*echo.Echo, error) {
	e, err := stack(d)
	if err != nil {
		return nil, err
	}
	if d.Idempotency != nil {
		idem, err := newIdempotency(d.Idempotency, d.Log)
		if err != nil {
			return nil, err
		}
		e.Use(idem.handle)
	}
	if d.Pages != nil {
		e.Use(d.Pages.clearOnWrite)
	}
	e.GET("/healthz", healthz)
	e.GET("/readyz", readyz(d.Ready, d.Log))

	h := &handlers{districts: d.Districts, identity: d.Identity, audit: d.Audit, plan: d.Planning,
		cons: d.Consultations, atlas: d.Atlas, needs: d.Needs, workshops: d.Workshops, cookies: newCookieScope(d.BaseURL), live: d.Live, pages: d.Pages, auth: d.Auth,
		now: func() time.Time { return time.Now().UTC() }}
	h.registerLiveKinds()
	api.RegisterHandlersWithBaseURL(e, api.NewStrictHandler(h, []api.StrictMiddlewareFunc{h.liveUpgrade, h.workshopCredentials}), apiPrefix)

	l := &loginRoutes{svc: d.Auth, cookies: newCookieScope(d.BaseURL), maxAge: int(d.SessionMaxAge.Seconds()), base: d.BaseURL, log: d.Log, ended: h.sessionEnded, endedHash: h.sessionHashEnded, loggedIn: h.loggedIn,
		starts: kernel.NewLimiter[string](loginStartEvery, loginStartBurst, nil)}
	e.GET("/auth/login/:provider", l.login)
	e.GET("/auth/callback/:provider", l.callback)
	e.POST("/auth/logout", l.logout)
	e.POST(backchannelLogoutPath+":provider", l.backchannelLogout)
	if d.DevIdP != nil {
		e.Any(devIdPPath+"/*", echo.WrapHandler(withBase(basePath(d.BaseURL), d.DevIdP)))
	}

	s := &spa{files: d.Frontend, root: basePath(d.BaseURL)}
	e.GET("/*", s.handle)
	e.HEAD("/*", s.handle)
	return e, nil
}

// Stack is the echo server with New's whole middleware chain and no route. The benchmarks mount
// their reference handler on it, so that a comparison with the API measures the handler and the
// store, not a lighter server.
func Stack(d Deps) (*echo.Echo, error) {
	return stack(d)
}

func stack(d Deps) (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(d.Log)
	e.Pre(underBase(basePath(d.BaseURL)))
	m := d.Metrics
	if m == nil {
		m = NewMetrics(d.SQL, d.Auth)
	}
	validate, err := validateRequests()
	if err != nil {
		return nil, err
	}

	e.Use(middleware.RequestID())
	e.Use(withRequestID)
	e.Use(requestLogger(d.Log))
	e.Use(m.middleware)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			d.Log.ErrorContext(c.Request().Context(), "panic", "error", err, "stack", string(stack))
			return err
		},
	}))
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:         "0",
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		ContentSecurityPolicy: ContentSecurityPolicy,
		ReferrerPolicy:        "strict-origin-when-cross-origin",
	}))
	e.Use(permissionsPolicy)
	if d.BaseURL.Scheme == "https" {
		e.Use(hsts)
	}
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: 5, MinLength: 1024,
		Skipper: func(c echo.Context) bool { return isLive(c) || brotliAsset(c) }}))
	// Documents and GeoJSON imports may be large; every other request body is small.
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: "2M", Skipper: largeBody}))
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: "25M", Skipper: func(c echo.Context) bool { return !largeBody(c) || atlasImportBody(c) }}))
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: atlasImportBodyLimit, Skipper: func(c echo.Context) bool { return !atlasImportBody(c) }}))
	e.Use(middleware.ContextTimeoutWithConfig(middleware.ContextTimeoutConfig{Timeout: 30 * time.Second, Skipper: isLive}))
	e.Use(authenticate(d.Auth, newCookieScope(d.BaseURL)))
	e.Use(csrfProtect(d.BaseURL))
	e.Use(personalNoStore)
	e.Use(refuseNUL)
	e.Use(validate)
	return e, nil
}

// isLive: a websocket lives long and must not be compressed or timed out like a request.
func isLive(c echo.Context) bool { return c.Request().URL.Path == livePath }

func largeBody(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasSuffix(p, "/documents") || strings.HasSuffix(p, "/attachments") || strings.HasSuffix(p, "/social-areas/import") || atlasImportBody(c)
}

// permissionsPolicy switches off browser features the platform never uses.
func permissionsPolicy(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		return next(c)
	}
}

// requestLogger writes one structured line per request.
func requestLogger(log *slog.Logger) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogMethod: true, LogURIPath: true, LogRoutePath: true, LogStatus: true, LogLatency: true,
		LogRequestID: true, LogResponseSize: true, LogError: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			log.LogAttrs(c.Request().Context(), level, "request",
				slog.String("method", v.Method), slog.String("path", v.URIPath), slog.String("route", v.RoutePath),
				slog.Int("status", v.Status), slog.Duration("latency", v.Latency),
				slog.Int64("bytes", v.ResponseSize), slog.String("request_id", v.RequestID))
			return nil
		},
	})
}
