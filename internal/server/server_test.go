package server_test

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/teilhabe/teilhabe/internal/config"
	"github.com/teilhabe/teilhabe/internal/server"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
	"github.com/teilhabe/teilhabe/migrations"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func cfgFor(t *testing.T, dbURL string) config.Config {
	t.Helper()
	c, err := config.Load(func(k string) string {
		return map[string]string{"TEILHABE_DATA_DIR": t.TempDir(), "TEILHABE_DATABASE_URL": dbURL, "TEILHABE_ADDR": "127.0.0.1:0"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// start runs the server in the background and returns its base URL and a stop function that
// returns Run's result.
func start(t *testing.T, cfg config.Config, opts server.Options) (string, func() error) {
	t.Helper()
	ln := mustListen(t)
	opts.Listener = ln
	opts.Frontend = fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Run(ctx, cfg, quiet, opts) }()
	var once sync.Once
	var result error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case result = <-done:
			case <-time.After(30 * time.Second):
				t.Error("server did not stop")
			}
		})
		return result
	}
	t.Cleanup(func() { _ = stop() })
	return "http://" + ln.Addr().String(), stop
}

func mustListen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln
}

func get(url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	pollFor(t, 20*time.Second, what, cond)
}

// pollFor polls cond until it holds and fails the test if it has not within timeout.
func pollFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServesSQLiteAndShutsDownGracefully(t *testing.T) {
	base, stop := start(t, cfgFor(t, ""), server.Options{})
	waitFor(t, "ready", func() bool { s, _ := get(base + "/readyz"); return s == 200 })
	_, body := get(base + "/api/v1/districts")
	var list struct{ Items []json.RawMessage }
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Items) != 22 {
		t.Fatalf("districts: %v, %d", err, len(list.Items))
	}
	if err := stop(); err != nil {
		t.Fatalf("graceful shutdown returned %v", err)
	}
	if s, _ := get(base + "/healthz"); s != 0 {
		t.Errorf("still serving after shutdown: %d", s)
	}
}

func TestRestartDoesNotDuplicateReferenceData(t *testing.T) {
	cfg := cfgFor(t, "")
	for i := 0; i < 2; i++ {
		base, stop := start(t, cfg, server.Options{})
		waitFor(t, "ready", func() bool { s, _ := get(base + "/readyz"); return s == 200 })
		if err := stop(); err != nil {
			t.Fatal(err)
		}
	}
	db, err := store.OpenSQLite(cfg.SQLitePath(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	if err := db.Gorm.Table("districts").Count(&n).Error; err != nil || n != 22 {
		t.Errorf("after two starts: %d districts (%v)", n, err)
	}
}

func TestFailingMigrationStopsStartUp(t *testing.T) {
	cfg := cfgFor(t, "")
	broken := fstest.MapFS{}
	for _, name := range []string{"00001_districts.sql"} {
		b, err := fs.ReadFile(migrations.SQLite(), name)
		if err != nil {
			t.Fatal(err)
		}
		broken[name] = &fstest.MapFile{Data: b}
	}
	broken["00002_broken.sql"] = &fstest.MapFile{Data: []byte("-- +goose Up\nALTER TABLE districts ADD COLUMN x INTEGER;\nSELECT nonsense FROM nowhere;\n")}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := server.Run(ctx, cfg, quiet, server.Options{Migrations: broken, Listener: mustListen(t)})
	if err == nil || !strings.Contains(err.Error(), "00002_broken.sql") {
		t.Fatalf("Run returned %v, want an error naming 00002_broken.sql", err)
	}
	db, err := store.OpenSQLite(cfg.SQLitePath(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Gorm.Migrator().HasColumn("districts", "x") {
		t.Error("the failed migration changed the schema")
	}
}

// An unreachable PostgreSQL does not stop start-up: /readyz says 503 until the database comes
// back, then the instance migrates and becomes ready by itself.
func TestRecoversWhenDatabaseComesBack(t *testing.T) {
	target := testdb.PostgresURL(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close() // nothing listens: the database is "down"

	u, _ := url.Parse(target)
	appURL := "postgres://postgres@127.0.0.1:" + strconv.Itoa(port) + u.Path + "?sslmode=disable&connect_timeout=2"
	base, stop := start(t, cfgFor(t, appURL), server.Options{RetryEvery: 100 * time.Millisecond})

	waitFor(t, "listening", func() bool { s, _ := get(base + "/healthz"); return s == 200 })
	status, body := get(base + "/readyz")
	if status != 503 || !strings.Contains(body, "not_ready") {
		t.Fatalf("readyz with the database down = %d %s", status, body)
	}

	proxy := startProxy(t, "127.0.0.1:"+strconv.Itoa(port), target)
	defer proxy.Close()
	waitFor(t, "ready after the database came back", func() bool { s, _ := get(base + "/readyz"); return s == 200 })
	if s, b := get(base + "/api/v1/districts/16051"); s != 200 || !strings.Contains(b, "Erfurt") {
		t.Errorf("district after recovery = %d %s", s, b)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestMetricsOnlyOnTheMetricsAddress: /metrics answers on TEILHABE_METRICS_ADDR's listener and is
// a 404 on the public port; without a metrics address nothing serves it.
func TestMetricsOnlyOnTheMetricsAddress(t *testing.T) {
	cfg := cfgFor(t, "")
	cfg.MetricsAddr = "127.0.0.1:0"
	mln := mustListen(t)
	base, _ := start(t, cfg, server.Options{MetricsListener: mln})
	waitFor(t, "ready", func() bool { s, _ := get(base + "/readyz"); return s == 200 })
	if s, body := get(base + "/metrics"); s != 404 || strings.Contains(body, "teilhabe_http_requests_total") {
		t.Errorf("public /metrics = %d %.80q", s, body)
	}
	metrics := "http://" + mln.Addr().String()
	if s, body := get(metrics + "/metrics"); s != 200 || !strings.Contains(body, `teilhabe_http_requests_total{method="GET",route="/readyz",status="200"}`) {
		t.Errorf("metrics /metrics = %d %.200q", s, body)
	}
	if s, _ := get(metrics + "/api/v1/districts"); s != 404 {
		t.Errorf("metrics address serves the API: %d", s)
	}

	off, _ := start(t, cfgFor(t, ""), server.Options{})
	waitFor(t, "ready", func() bool { s, _ := get(off + "/readyz"); return s == 200 })
	if s, _ := get(off + "/metrics"); s != 404 {
		t.Errorf("public /metrics without a metrics address = %d", s)
	}
}
