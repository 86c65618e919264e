package auth_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/auth/devidp"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// flow is the login service on a real database with the development provider on a real HTTP
// server; login walks the real authorization code flow through it.
type flow struct {
	svc      *auth.Service
	ids      *identity.Service
	sessions *store.Sessions
	idp      *devidp.Provider
	url      string
	log      *syncBuffer
}

// syncBuffer collects log lines from concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// newFlow registers one devidp client per provider (client id = provider id, everyone listed) and
// mounts the app's back-channel logout endpoint, when given, at /auth/backchannel-logout/.
func newFlow(t *testing.T, db *store.DB, users []devidp.User, providers []auth.ProviderConfig, opts auth.Options) *flow {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	issuer := srv.URL + "/devidp"
	var clients []devidp.Client
	for i := range providers {
		p := &providers[i]
		p.Issuer, p.ClientID, p.ClientSecret = issuer, p.ID, "secret-"+p.ID
		if p.Label == "" {
			p.Label, p.Audience = p.ID, auth.AudienceStaff
		}
		if len(p.Scopes) == 0 {
			p.Scopes = []string{"openid", "profile", "email"}
		}
		clients = append(clients, devidp.Client{ID: p.ID, Secret: p.ClientSecret,
			RedirectURIs:         []string{srv.URL + "/auth/callback/" + p.ID},
			BackchannelLogoutURI: srv.URL + "/auth/backchannel-logout/" + p.ID})
	}
	idp, err := devidp.New(issuer, clients, users)
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/devidp/", idp.Handler())
	f := &flow{idp: idp, url: srv.URL, log: &syncBuffer{}, ids: app.Identity(db), sessions: store.NewSessions(db)}
	opts.BaseURL, _ = url.Parse(srv.URL)
	opts.Log = slog.New(slog.NewTextHandler(f.log, nil))
	opts.IdleTimeout, opts.MaxAge = cmpDur(opts.IdleTimeout, time.Hour), cmpDur(opts.MaxAge, 12*time.Hour)
	f.svc = auth.NewService(providers, f.sessions, f.ids, store.NewAudit(db), opts)
	return f
}

func cmpDur(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// login signs subject in with provider through the development provider's login page and
// returns the new session's token and the person.
func (f *flow) login(t *testing.T, provider, subject string) (string, identity.Principal) {
	t.Helper()
	ctx := context.Background()
	authURL, loginToken, err := f.svc.BeginLogin(ctx, provider, "/")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(authURL)
	form := u.Query()
	form.Set("subject", subject)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm(f.idp.Issuer()+"/authorize", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cb, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || cb.Query().Get("code") == "" {
		t.Fatalf("the provider answered %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	in, err := f.svc.FinishLogin(ctx, auth.Callback{ProviderID: provider, LoginToken: loginToken,
		State: cb.Query().Get("state"), Code: cb.Query().Get("code")})
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.ids.Principal(ctx, in.UserID)
	if err != nil {
		t.Fatal(err)
	}
	return in.Token, p
}

func grantNames(p identity.Principal) string {
	var out []string
	for _, g := range p.Grants {
		out = append(out, strings.TrimSuffix(string(g.Role)+":"+g.DistrictKey, ":"))
	}
	return strings.Join(out, ",")
}

// Keycloak puts realm roles into realm_access.roles and client roles into
// resource_access.<client>.roles: a roles_claim path reaches both; a login whose tokens lack the
// configured claim gets default_role, is logged with provider and claim, and is shown to admins.
func TestRolesFromNestedClaims(t *testing.T) {
	users := []devidp.User{
		{Subject: "kc-admin", Name: "Kim Keycloak", Email: "kim@example.invalid",
			Claims: map[string]any{"realm_access": map[string]any{"roles": []string{"offline_access", "teilhabe-admin"}}}},
		{Subject: "kc-koordination", Name: "Kai Client", Email: "kai@example.invalid",
			Claims: map[string]any{"resource_access": map[string]any{"teilhabe-client": map[string]any{"roles": "koordination-16051"}}}},
		{Subject: "kc-plain", Name: "Pia Plain", Email: "pia@example.invalid"},
	}
	roleMap := map[string]string{"teilhabe-admin": "admin", "koordination-16051": "coordinator:16051"}
	f := newFlow(t, sqliteWithDistricts(t), users, []auth.ProviderConfig{
		{ID: "realm", RolesClaim: "realm_access.roles", RoleMap: roleMap, DefaultRole: "resident"},
		{ID: "client", RolesClaim: "resource_access.teilhabe-client.roles", RoleMap: roleMap, DefaultRole: "resident"},
	}, auth.Options{})

	if _, p := f.login(t, "realm", "kc-admin"); grantNames(p) != "admin" {
		t.Errorf("realm_access.roles: grants %q, want admin", grantNames(p))
	}
	if _, p := f.login(t, "client", "kc-koordination"); grantNames(p) != "coordinator:16051" {
		t.Errorf("resource_access.teilhabe-client.roles: grants %q, want coordinator:16051", grantNames(p))
	}
	for _, st := range f.svc.ProviderStatuses() {
		if st.ClaimWarning != nil {
			t.Errorf("%s: a warning although every claim was there: %+v", st.ID, st.ClaimWarning)
		}
	}

	if _, p := f.login(t, "realm", "kc-plain"); grantNames(p) != "resident" {
		t.Errorf("absent claim: grants %q, want the default role", grantNames(p))
	}
	if log := f.log.String(); !strings.Contains(log, "provider=realm") || !strings.Contains(log, "claim=realm_access.roles") {
		t.Errorf("no warning naming provider and claim in the log: %s", log)
	}
	st := f.svc.ProviderStatuses()
	if w := st[0].ClaimWarning; w == nil || w.Claim != "realm_access.roles" || w.At.IsZero() || !strings.Contains(strings.Join(w.Present, ","), "email") {
		t.Errorf("realm's warning for admins = %+v", w)
	}
	if st[1].ClaimWarning != nil {
		t.Errorf("the other provider got the warning: %+v", st[1].ClaimWarning)
	}
}

// sqliteWithDistricts is a fresh SQLite database with the reference districts, which
// coordinator roles name.
func sqliteWithDistricts(t *testing.T) *store.DB {
	t.Helper()
	db := testdb.SQLite(t)
	withDistricts(t, db)
	return db
}

func withDistricts(t *testing.T, db *store.DB) {
	t.Helper()
	if err := refdata.Load(context.Background(), store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
}
