package auth_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/auth/devidp"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestWatchRetriesAndRefreshes: a provider that is down at start is reported unreachable with its
// error (log and status), logins answer ErrProviderUnavailable with a retry time, and the
// background check brings it up by itself once it answers; then its metadata is fetched again
// every RefreshEvery.
func TestWatchRetriesAndRefreshes(t *testing.T) {
	var up atomic.Bool
	var discoveries atomic.Int64
	var idp *devidp.Provider
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/.well-known/openid-configuration") {
			discoveries.Add(1)
		}
		idp.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	var err error
	idp, err = devidp.New(srv.URL+"/devidp", []devidp.Client{{ID: "app", Secret: "s", RedirectURIs: []string{srv.URL + "/auth/callback/kc"}}}, devidp.DemoUsers())
	if err != nil {
		t.Fatal(err)
	}
	db := testdb.SQLite(t)
	logs := &syncBuffer{}
	base, _ := url.Parse(srv.URL)
	svc := auth.NewService([]auth.ProviderConfig{{ID: "kc", Label: "KC", Audience: auth.AudienceStaff, Issuer: idp.Issuer(),
		ClientID: "app", ClientSecret: "s", Scopes: []string{"openid"}}}, store.NewSessions(db), app.Identity(db), store.NewAudit(db),
		auth.Options{BaseURL: base, IdleTimeout: time.Hour, MaxAge: time.Hour, Log: slog.New(slog.NewTextHandler(logs, nil)),
			RetryMin: 20 * time.Millisecond, RetryMax: 50 * time.Millisecond, RefreshEvery: 50 * time.Millisecond})

	if st := svc.ProviderStatuses()[0]; st.State != auth.StatePending {
		t.Errorf("before any check: %+v", st)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { svc.Watch(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	waitUntil(t, "reported down", func() bool { return svc.ProviderStatuses()[0].State == auth.StateUnreachable })
	st := svc.ProviderStatuses()[0]
	if !strings.Contains(st.LastError, "503") || st.LastErrorAt.IsZero() || !st.UpSince.IsZero() {
		t.Errorf("down: %+v", st)
	}
	// The state is set inside refresh, the warning right after it: wait for the line, not just the state.
	waitUntil(t, "warning in the log", func() bool {
		l := logs.String()
		return strings.Contains(l, "provider=kc") && strings.Contains(l, "login provider unreachable")
	})
	_, _, err = svc.BeginLogin(ctx, "kc", "/")
	var unavailable *auth.UnavailableError
	if !errors.Is(err, auth.ErrProviderUnavailable) || !errors.As(err, &unavailable) || unavailable.RetryAfter <= 0 {
		t.Fatalf("login while down: %v", err)
	}

	up.Store(true)
	waitUntil(t, "back up", func() bool { return svc.ProviderStatuses()[0].State == auth.StateOK })
	if st := svc.ProviderStatuses()[0]; st.UpSince.IsZero() || st.CheckedAt.IsZero() {
		t.Errorf("up: %+v", st)
	}
	if _, _, err := svc.BeginLogin(ctx, "kc", "/"); err != nil {
		t.Fatalf("login once up: %v", err)
	}
	first := discoveries.Load()
	waitUntil(t, "refreshed", func() bool { return discoveries.Load() >= first+2 })
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
