package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"

	"github.com/labstack/echo/v4"

	compose "github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/auth/devidp"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/demo"
	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestMain(m *testing.M) {
	// The HTTP benchmarks' Go load client runs in a child copy of this binary (load_bench_test.go),
	// which needs no database.
	if os.Getenv(loadChildEnv) != "" {
		os.Exit(runLoadChild())
	}
	os.Exit(testdb.Main(m))
}

// testFrontend stands in for the built app; the real build is exercised by the browser tests.
var testFrontend = fstest.MapFS{
	"index.html":         {Data: []byte(`<!doctype html><base href="/"><title>teilhabe</title><div id=root></div>`)},
	"assets/app-1a2b.js": {Data: []byte("console.log('teilhabe')")},
	// The build's Brotli form of an asset (frontend/scripts/compress.mjs); its bytes differ so a
	// test sees which one was sent.
	"assets/big-3c4d.js":    {Data: []byte(strings.Repeat("console.log('teilhabe');\n", 200))},
	"assets/big-3c4d.js.br": {Data: []byte("brotli bytes")},
	"favicon.svg":           {Data: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>")},
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// app is the whole HTTP stack on a real database, served over real HTTP so that the login runs
// through the development OIDC provider exactly as in `make run`.
type app struct {
	// URL is the base URL (with the base path, if any); Origin its scheme and host.
	URL    string
	Origin string
	Echo   *echo.Echo
	DB     *store.DB
	IdP    *devidp.Provider
	Blobs  blob.Disk
	Live   *realtime.Broker
	Auth   *auth.Service
	// Metrics is what the metrics listener serves (never the public router).
	Metrics http.Handler
	// Atlas is the atlas's service, for tests that seed it.
	Atlas *atlas.Service
}

// testDeps are the server's dependencies plus what the harness composes from options.
type testDeps struct {
	httpapi.Deps
	limits  compose.Limits
	noRelay bool       // the outbox relay does not run (events stay in the outbox)
	clock   *testClock // the session service's clock; nil: the wall clock
	// providers changes the demo login providers before the session service is built.
	providers func([]auth.ProviderConfig)
}

// withProviders changes the demo login providers' configuration.
func withProviders(f func([]auth.ProviderConfig)) appOption {
	return func(d *testDeps) { d.providers = f }
}

// testClock is the wall clock moved ahead by what a test advanced it, so that sessions can expire
// without the test waiting for hours.
type testClock struct{ ahead atomic.Int64 }

func (c *testClock) advance(d time.Duration) { c.ahead.Add(int64(d)) }

func (c *testClock) offset() time.Duration {
	if c == nil {
		return 0
	}
	return time.Duration(c.ahead.Load())
}

// pageTTL is the life of the test apps' cached anonymous pages: an hour, so that a test reading
// a page it changed passes only if the change dropped it, never by the page's expiry.
const pageTTL = time.Hour

func withClock(c *testClock) appOption { return func(d *testDeps) { d.clock = c } }

type appOption func(*testDeps)

func newApp(t testing.TB, db *store.DB, opts ...appOption) *app {
	t.Helper()
	return newAppAt(t, db, "", opts...)
}

// newAppAt is newApp served under the base path root (e.g. "/teilhabe"), as behind a reverse
// proxy that forwards the full path.
func newAppAt(t testing.TB, db *store.DB, root string, opts ...appOption) *app {
	t.Helper()
	if err := refdata.Load(context.Background(), store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	ids := compose.Identity(db)
	if err := demo.Seed(context.Background(), ids); err != nil {
		t.Fatal(err)
	}
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	base, _ := url.Parse(srv.URL + root)
	idp, providers, err := demo.Login(base)
	if err != nil {
		t.Fatal(err)
	}
	var early testDeps // the options that shape the session service, applied before it is built
	for _, o := range opts {
		o(&early)
	}
	if early.providers != nil {
		early.providers(providers)
	}
	audit := store.NewAudit(db)
	blobs := blob.Disk{Root: t.TempDir()}
	var deps testDeps
	// The options are applied below, before the first request; the clock is read at each one.
	now := func() time.Time { return time.Now().UTC().Add(deps.clock.offset()) }
	svc := auth.NewService(providers, store.NewSessions(db), ids, audit,
		auth.Options{BaseURL: base, IdleTimeout: time.Hour, MaxAge: 12 * time.Hour, Now: now})
	pages := httpapi.NewPageCache(pageTTL)
	broker := realtime.NewBroker(store.NewEvents(db), realtime.NewLocalBus(), httpapi.LiveResolver(svc), quiet, realtime.Options{AllowedOrigins: []string{srv.URL},
		OnChange: httpapi.SessionInvalidator(svc), OnRoom: pages.OnRoom})
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	outbox := store.NewOutbox(db, quiet, broker.Published)
	relayed := make(chan struct{})
	go func() { _ = broker.Run(ctx); close(done) }()
	t.Cleanup(func() { stop(); <-done; <-relayed })
	deps.Deps = httpapi.Deps{
		Log: quiet, SQL: db.SQL, BaseURL: base, Districts: store.NewDistricts(db), Identity: ids, Audit: audit,
		Planning: compose.Planning(db, blobs, nil),
		Live:     broker, Idempotency: store.NewIdempotencyKeys(db), Auth: svc, SessionMaxAge: 12 * time.Hour, DevIdP: idp.Handler(), Ready: db.Ping, Frontend: testFrontend,
		Pages: pages, Metrics: httpapi.NewMetrics(db.SQL, svc), Atlas: compose.Atlas(db, blobs, 0, nil),
	}
	for _, o := range opts {
		o(&deps)
	}
	if deps.noRelay {
		close(relayed)
	} else {
		go func() { outbox.Run(ctx); close(relayed) }()
	}
	deps.Consultations = compose.Consultations(db, outbox, deps.limits, nil)
	if deps.Needs == nil {
		deps.Needs = compose.Needs(db, outbox, blobs, deps.Planning, ids, deps.Atlas, nil)
	}
	if deps.Workshops == nil {
		deps.Workshops = compose.Workshops(db, outbox, deps.Planning, deps.Consultations, deps.Needs, nil)
		go deps.Workshops.Run(ctx)
	}
	e, err := httpapi.New(deps.Deps)
	if err != nil {
		t.Fatal(err)
	}
	handler = e
	return &app{URL: base.String(), Origin: srv.URL, Echo: e, DB: db, IdP: idp, Blobs: blobs, Live: broker, Auth: svc, Metrics: deps.Metrics.Handler(), Atlas: deps.Atlas}
}

func withPostLimit(every time.Duration, burst int) appOption {
	return func(d *testDeps) { d.limits = compose.Limits{PostInterval: every, PostBurst: burst} }
}

func withReady(ready func(context.Context) error) appOption {
	return func(d *testDeps) { d.Ready = ready }
}

// newServer is the router alone, for requests that need no login.
func newServer(t testing.TB, db *store.DB, ready func(context.Context) error) *echo.Echo {
	t.Helper()
	if ready == nil {
		return newApp(t, db).Echo
	}
	return newApp(t, db, withReady(ready)).Echo
}

func do(e http.Handler, method, path string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}
