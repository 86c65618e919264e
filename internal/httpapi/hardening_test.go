package httpapi_test

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/jackc/pgx/v5"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestNULCharactersAreRefusedAlike: a NUL in a comment, a title or a search query answered 500 on
// PostgreSQL (which cannot store it) and was stored on SQLite; both now answer 422
// invalid_characters and store nothing.
func TestNULCharactersAreRefusedAlike(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		id := openConsultation(t, a, coord, "post")
		for _, c := range []struct {
			who          *browser
			method, path string
			body         string
		}{
			{rita, "POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"Telefon\u0000 0361"}`},
			{coord, "POST", "/api/v1/districts/16051/processes", `{"title":"Plan\u0000"}`},
			{rita, "GET", fmt.Sprintf("/api/v1/consultations/%d/comments?q=Bank%%00", id), ""},
		} {
			r := c.who.do(c.method, c.path, c.body)
			if r.Status != http.StatusUnprocessableEntity || !strings.Contains(string(r.Body), `"code":"invalid_characters"`) {
				t.Errorf("%s %s = %d %s", c.method, c.path, r.Status, r.Body)
			}
		}
		page := decode[struct{ Items []struct{ ID int64 } }](t, rita.do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments", id), ""))
		if len(page.Items) != 0 {
			t.Errorf("a comment with NUL was stored: %+v", page.Items)
		}
	})
}

// TestPersonalAnswersAreNotStored: every API answer to a logged-in person says no-store; public
// answers to anonymous readers stay cacheable.
func TestPersonalAnswersAreNotStored(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	rita := a.browser(t).login("buerger", "demo-buergerin")
	for _, path := range []string{"/api/v1/me", "/api/v1/districts", "/api/v1/organisations"} {
		r, err := rita.send("GET", path, "", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s for a logged-in person: Cache-Control %q", path, got)
		}
	}
	if got := do(a.Echo, "GET", "/api/v1/districts").Header().Get("Cache-Control"); got == "no-store" {
		t.Errorf("anonymous districts: Cache-Control %q", got)
	}
}

// TestMetricsAreCompressedOnce: Prometheus asks for gzip; the answer must be gzip once, not
// gzip of gzip.
func TestMetricsAreCompressedOnce(t *testing.T) {
	rec := do(newApp(t, testdb.SQLite(t)).Metrics, "GET", "/metrics", "Accept-Encoding", "gzip")
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("metrics not compressed: %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil || !strings.Contains(string(b), "# HELP go_gc_duration_seconds") {
		t.Errorf("one gunzip does not give the metrics text: %v %.60q", err, b)
	}
}

// TestHSTSFollowsThePublicURL: behind a TLS-terminating proxy the request says nothing reliable
// about the scheme; HSTS is sent whenever TEILHABE_BASE_URL is https, and never for http.
func TestHSTSFollowsThePublicURL(t *testing.T) {
	db := testdb.SQLite(t)
	https := newApp(t, db, func(d *testDeps) { d.BaseURL = &url.URL{Scheme: "https", Host: "kreis.example"} })
	if got := do(https.Echo, "GET", "/healthz").Header().Get("Strict-Transport-Security"); !strings.HasPrefix(got, "max-age=") {
		t.Errorf("https base URL: Strict-Transport-Security %q", got)
	}
	plain := newApp(t, testdb.SQLite(t))
	if got := do(plain.Echo, "GET", "/healthz", "X-Forwarded-Proto", "https").Header().Get("Strict-Transport-Security"); got != "" {
		t.Errorf("http base URL: Strict-Transport-Security %q", got)
	}
}

// TestOutageAnswers503: while PostgreSQL refuses connections, writes answer 503 unavailable with
// Retry-After (as /readyz does), never 500; afterwards the same request succeeds.
func TestOutageAnswers503(t *testing.T) {
	dbURL := testdb.PostgresURL(t)
	db, err := store.OpenPostgres(dbURL, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	a := newApp(t, db)
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	rita := a.browser(t).login("buerger", "demo-buergerin")
	id := openConsultation(t, a, coord, "post")

	u, _ := url.Parse(dbURL)
	name := strings.TrimPrefix(u.Path, "/")
	admin, err := pgx.Connect(context.Background(), strings.Replace(dbURL, "/"+name, "/postgres", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	exec := func(sql string) {
		t.Helper()
		if _, err := admin.Exec(context.Background(), sql); err != nil {
			t.Fatal(err)
		}
	}
	exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS false`)
	exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '` + name + `' AND pid <> pg_backend_pid()`)
	r := rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"Während des Ausfalls"}`)
	exec(`ALTER DATABASE "` + name + `" WITH ALLOW_CONNECTIONS true`)
	if r.Status != http.StatusServiceUnavailable || !strings.Contains(string(r.Body), `"code":"unavailable"`) || r.Header.Get("Retry-After") == "" {
		t.Fatalf("post during the outage = %d %v %s", r.Status, r.Header, r.Body)
	}
	// A client waits as Retry-After says; the instance is back once /readyz says so (its ping
	// also lets the pool drop the connections the outage killed, several under load).
	for i := 0; i < 50 && do(a.Echo, "GET", "/readyz").Code != http.StatusOK; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	if r := rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"Danach"}`); r.Status != http.StatusCreated {
		t.Errorf("post after the outage = %d %s", r.Status, r.Body)
	}
}

// TestSupportTogglesAreLimited: a person toggling a support as fast as a script can is stopped
// with 429 rate_limited and Retry-After (each toggle is a stored live event); nothing else
// answers.
func TestSupportTogglesAreLimited(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	rita := a.browser(t).login("buerger", "demo-buergerin")
	id := openConsultation(t, a, coord, "post")
	c := decode[struct{ ID int64 }](t, coord.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"Mehr Bänke"}`))
	limited, supported := 0, false
	for i := 0; i < 60; i++ {
		method := "PUT"
		if supported {
			method = "DELETE"
		}
		r := rita.do(method, fmt.Sprintf("/api/v1/comments/%d/support", c.ID), "")
		switch {
		case r.Status == http.StatusOK:
			supported = !supported
		case r.Status == http.StatusTooManyRequests && strings.Contains(string(r.Body), `"code":"rate_limited"`) && r.Header.Get("Retry-After") != "":
			limited++
		default:
			t.Fatalf("toggle %d = %d %s", i, r.Status, r.Body)
		}
	}
	if limited == 0 {
		t.Error("60 toggles in a row were all accepted")
	}
}

// TestLiveConnectionsPerAddressAreLimited: the review opened 2,000 websockets from one address;
// past 50 the server answers 429 as problem+json, and a closed connection frees its place.
func TestLiveConnectionsPerAddressAreLimited(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	anon := a.browser(t)
	path := fmt.Sprintf("/api/v1/live?room=consultation:%d", openConsultation(t, a, coord, "post"))
	var open []*websocket.Conn
	defer func() {
		for _, c := range open {
			c.Close()
		}
	}()
	for i := 0; i < 50; i++ {
		c, _, err := anon.dial(path)
		if err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		open = append(open, c)
	}
	_, resp, err := anon.dial(path)
	if err == nil || resp == nil || resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("connection 51 = %v %v", resp, err)
	}
	open[0].Close()
	open = open[1:]
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, _, err := anon.dial(path)
		if err == nil {
			open = append(open, c)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a closed connection did not free its place: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLoginStartsPerAddressAreLimited: each login start stores a login state; an address that
// starts logins without end is answered 429 with Retry-After.
func TestLoginStartsPerAddressAreLimited(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	for i := 0; i < 61; i++ {
		rec := do(a.Echo, "GET", "/auth/login/verwaltung?return_to=/")
		if i < 60 && rec.Code != http.StatusFound {
			t.Fatalf("login start %d = %d %s", i+1, rec.Code, rec.Body)
		}
		if i == 60 && (rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), `"rate_limited"`)) {
			t.Fatalf("login start 61 = %d %v %s", rec.Code, rec.Header(), rec.Body)
		}
	}
}

// TestInvisibleNamesAreRefused: a name of nothing but zero-width or control characters is
// refused like an empty one; bidirectional overrides are taken out of names; and limits count
// characters, not bytes (150 × "ä" is a valid name of 150 characters).
func TestInvisibleNamesAreRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		if r := coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"\u200b\u200d\ufeff"}`); r.Status != http.StatusUnprocessableEntity {
			t.Errorf("zero-width title = %d %s", r.Status, r.Body)
		}
		r := coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"Plan \u202eNord"}`)
		if r.Status != http.StatusCreated || strings.Contains(string(r.Body), "\u202e") || strings.Contains(string(r.Body), `\u202e`) {
			t.Errorf("bidi override title = %d %s", r.Status, r.Body)
		}
		if r := coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"`+strings.Repeat("ä", 150)+`"}`); r.Status != http.StatusCreated {
			t.Errorf("150 × ä = %d %s", r.Status, r.Body)
		}
	})
}

// TestImportProblemsAreCapped: a file with thousands of broken features is answered with the first
// 100 problems and the count of all, not with a list as long as the file.
func TestImportProblemsAreCapped(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	features := make([]string, 2500)
	for i := range features {
		features[i] = `{"type":"Feature","properties":{"level":"quartier"},"geometry":null}`
	}
	r := coord.do("POST", "/api/v1/districts/16051/social-areas/import", `{"type":"FeatureCollection","features":[`+strings.Join(features, ",")+`]}`)
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("import = %d %.300s", r.Status, r.Body)
	}
	p := decode[struct {
		Issues     []struct{ Index int }
		IssueCount int `json:"issue_count"`
	}](t, r)
	if len(p.Issues) != 100 || p.IssueCount < 2500 || p.Issues[0].Index != 0 {
		t.Errorf("answer lists %d issues of %d (first at %d)", len(p.Issues), p.IssueCount, p.Issues[0].Index)
	}
}
