package httpapi_test

import (
	"compress/gzip"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	e := newServer(t, testdb.SQLite(t), nil)
	for _, path := range []string{"/", "/api/v1/districts", "/api/v1/districts/00000", "/healthz"} {
		h := do(e, "GET", path).Header()
		want := map[string]string{
			"Content-Security-Policy": httpapi.ContentSecurityPolicy,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "strict-origin-when-cross-origin",
			"X-Frame-Options":         "DENY",
		}
		for k, v := range want {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", path, k, h.Get(k), v)
			}
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") || h.Get("X-Request-Id") == "" {
			t.Errorf("%s: no frame-ancestors or request id", path)
		}
	}
}

func TestCompressionAndCaching(t *testing.T) {
	e := newServer(t, testdb.SQLite(t), nil)
	rec := do(e, "GET", "/api/v1/district-boundaries", "Accept-Encoding", "gzip")
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("boundaries not compressed: %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(zr); !strings.Contains(string(b), "FeatureCollection") {
		t.Error("compressed body is not the collection")
	}
	asset := do(e, "GET", "/assets/app-1a2b.js")
	if !strings.Contains(asset.Header().Get("Cache-Control"), "immutable") || asset.Header().Get("ETag") == "" {
		t.Errorf("asset headers: %v", asset.Header())
	}
	if do(e, "GET", "/assets/app-1a2b.js", "If-None-Match", asset.Header().Get("ETag")).Code != 304 {
		t.Error("a matching ETag does not give 304")
	}
	if cc := do(e, "GET", "/").Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("index.html Cache-Control = %q", cc)
	}
}

func TestMetricsCountRequestsByRoute(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	e := a.Echo
	do(e, "GET", "/api/v1/districts/16051")
	do(e, "GET", "/api/v1/districts/16052")
	do(e, "GET", "/api/v1/districts/99999")
	body := do(a.Metrics, "GET", "/metrics").Body.String()
	for _, want := range []string{
		`teilhabe_http_requests_total{method="GET",route="/api/v1/districts/:key",status="200"} 2`,
		`teilhabe_http_requests_total{method="GET",route="/api/v1/districts/:key",status="404"} 1`,
		`teilhabe_http_request_duration_seconds_bucket{method="GET",route="/api/v1/districts/:key",status="200",le="+Inf"} 2`,
		`go_sql_max_open_connections{db_name="teilhabe"} 8`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, "16051") {
		t.Error("raw paths leak into metric labels")
	}
}

// TestMetricsAreNotPublic: the public router answers 404 for /metrics (never the app's
// index.html, never the metrics), the metrics handler nothing but /metrics.
func TestMetricsAreNotPublic(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	for _, p := range []string{"/metrics", "/metrics/", "/metrics?x=1"} {
		rec := do(a.Echo, "GET", p)
		if rec.Code != 404 || strings.Contains(rec.Body.String(), "go_gc_duration_seconds") || strings.Contains(rec.Body.String(), "<title>") {
			t.Errorf("public %s = %d %.80q", p, rec.Code, rec.Body)
		}
	}
	if rec := do(a.Metrics, "GET", "/api/v1/districts"); rec.Code != 404 {
		t.Errorf("metrics handler serves the API: %d", rec.Code)
	}
	if rec := do(a.Metrics, "GET", "/metrics"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "go_gc_duration_seconds") {
		t.Errorf("metrics handler /metrics = %d", rec.Code)
	}
}

func TestReadyzAnswers503WhenNotReady(t *testing.T) {
	e := newServer(t, testdb.SQLite(t), func(context.Context) error { return errors.New("database unreachable: connection refused") })
	rec := do(e, "GET", "/readyz")
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), `"code":"not_ready"`) || rec.Header().Get("Retry-After") == "" {
		t.Errorf("readyz = %d %s", rec.Code, rec.Body)
	}
	// The driver's reason names the database's user, host and port: it goes to the log only.
	if strings.Contains(rec.Body.String(), "connection refused") {
		t.Errorf("readyz shows the reason to everyone: %s", rec.Body)
	}
	if do(e, "GET", "/healthz").Code != 200 {
		t.Error("healthz fails while not ready")
	}
}
