package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// person is someone logged in through the development provider of one instance, whose session
// cookie any instance sharing the database accepts.
type person struct {
	t     *testing.T
	token string
	csrf  string
}

// logIn runs the real OIDC flow on the demo instance at base: login start, the provider's form,
// the callback.
func logIn(t *testing.T, base, provider, subject string) *person {
	t.Helper()
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	step := func(resp *http.Response, err error) *http.Response {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode/100 != 3 {
			t.Fatalf("%s %s = %d, want a redirect", resp.Request.Method, resp.Request.URL, resp.StatusCode)
		}
		return resp
	}
	start := step(noRedirect.Get(base + "/auth/login/" + provider + "?return_to=/"))
	var loginCookie *http.Cookie
	for _, c := range start.Cookies() {
		if c.Name == "teilhabe_login" {
			loginCookie = c
		}
	}
	authURL, err := url.Parse(start.Header.Get("Location"))
	if err != nil || loginCookie == nil {
		t.Fatalf("login start: %v, login cookie %v", err, loginCookie)
	}
	form := authURL.Query()
	form.Set("subject", subject)
	endpoint := *authURL
	endpoint.RawQuery = ""
	chosen := step(noRedirect.PostForm(endpoint.String(), form))
	req, _ := http.NewRequest("GET", chosen.Header.Get("Location"), nil)
	req.AddCookie(loginCookie)
	cb := step(noRedirect.Do(req))
	p := &person{t: t}
	for _, c := range cb.Cookies() {
		if c.Name == "teilhabe_session" {
			p.token = c.Value
		}
	}
	if p.token == "" {
		t.Fatal("the callback set no session cookie")
	}
	status, body := p.do("GET", base+"/api/v1/me", "")
	var me struct {
		CSRF string `json:"csrf_token"`
	}
	if status != 200 || json.Unmarshal([]byte(body), &me) != nil {
		t.Fatalf("/me after login = %d %s", status, body)
	}
	p.csrf = me.CSRF
	return p
}

// do sends a request with the person's session; unsafe ones carry the CSRF token and the
// target's own Origin, as the frontend of that instance would.
func (p *person) do(method, target, body string) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		p.t.Fatal(err)
	}
	req.AddCookie(&http.Cookie{Name: "teilhabe_session", Value: p.token})
	if method != "GET" {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", req.URL.Scheme+"://"+req.URL.Host)
		req.Header.Set("X-CSRF-Token", p.csrf)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// within waits for cond a few seconds: the issue asks for a second, the deadline leaves room for
// a loaded machine without letting a cache that never hears of the change pass (it would serve
// for its 30 s).
func within(t *testing.T, what string, cond func() bool) {
	t.Helper()
	pollFor(t, 5*time.Second, what, cond)
}

// twoInstances starts a demo instance A (with the development provider) and a plain instance B
// on one PostgreSQL database, A first so that only A seeds the demo.
func twoInstances(t *testing.T) (a, b, dbURL string) {
	t.Helper()
	dbURL = testdb.PostgresURL(t)
	return instanceWith(t, dbURL, map[string]string{"TEILHABE_DEMO": "1"}), instance(t, dbURL), dbURL
}

// TestLogoutOnOneInstanceEndsTheSessionOnAnother: B has the session cached; the logout on A
// reaches B's cache over the bus, and B answers as anonymous.
func TestLogoutOnOneInstanceEndsTheSessionOnAnother(t *testing.T) {
	a, b, _ := twoInstances(t)
	rita := logIn(t, a, "buerger", "demo-buergerin")
	if s, body := rita.do("GET", b+"/api/v1/me", ""); s != 200 {
		t.Fatalf("/me on B = %d %s", s, body)
	}
	if s, body := rita.do("POST", a+"/auth/logout", ""); s != 200 {
		t.Fatalf("logout on A = %d %s", s, body)
	}
	within(t, "B answers the logged-out session as anonymous", func() bool {
		s, _ := rita.do("GET", b+"/api/v1/me", "")
		return s == http.StatusUnauthorized
	})
}

// TestRevokedRoleOnOneInstanceIsGoneOnAnother: a coordinator granted Jena by an admin on A reads
// a Jena draft on B (and so has their principal cached there); once the admin revokes the grant
// on A, B refuses them the draft.
func TestRevokedRoleOnOneInstanceIsGoneOnAnother(t *testing.T) {
	a, b, _ := twoInstances(t)
	admin := logIn(t, a, "verwaltung", "demo-admin")
	karl := logIn(t, a, "verwaltung", "demo-koordination-erfurt")
	_, body := karl.do("GET", a+"/api/v1/me", "")
	var me struct{ ID int64 }
	if err := json.Unmarshal([]byte(body), &me); err != nil {
		t.Fatal(err)
	}
	s, body := admin.do("POST", fmt.Sprintf("%s/api/v1/users/%d/roles", a, me.ID), `{"role":"coordinator","district_key":"16053"}`)
	var grant struct{ ID int64 }
	if s != 201 || json.Unmarshal([]byte(body), &grant) != nil {
		t.Fatalf("grant on A = %d %s", s, body)
	}
	s, body = karl.do("POST", a+"/api/v1/districts/16053/processes", `{"title":"Entwurf Jena"}`)
	var draft struct{ ID int64 }
	if s != 201 || json.Unmarshal([]byte(body), &draft) != nil {
		t.Fatalf("draft in Jena on A = %d %s", s, body)
	}
	draftURL := fmt.Sprintf("%s/api/v1/processes/%d", b, draft.ID)
	if s, body := karl.do("GET", draftURL, ""); s != 200 {
		t.Fatalf("the Jena draft on B = %d %s", s, body)
	}
	if s, body := admin.do("DELETE", fmt.Sprintf("%s/api/v1/users/%d/roles/%d", a, me.ID, grant.ID), ""); s != 204 {
		t.Fatalf("revoke on A = %d %s", s, body)
	}
	within(t, "B refuses the Jena draft to the former coordinator", func() bool {
		s, _ := karl.do("GET", draftURL, "")
		return s == http.StatusNotFound // a draft exists only for its district's coordinators
	})
	// Still a coordinator of Erfurt on B: the refusal is the revoked grant, not a lost session.
	if s, body := karl.do("GET", b+"/api/v1/me", ""); s != 200 || !strings.Contains(body, `"district_key":"16051"`) || strings.Contains(body, `"district_key":"16053"`) {
		t.Errorf("/me on B after the revocation = %d %s", s, body)
	}
}

// TestLoginAnnouncesTheRolesItApplies: a login re-applies the roles the provider claims; the
// person's other sessions, cached on another instance, show them. The claimed grant is deleted
// behind the instances' backs first, so that the second login creates it anew, with a new id.
func TestLoginAnnouncesTheRolesItApplies(t *testing.T) {
	a, b, dbURL := twoInstances(t)
	first := logIn(t, a, "verwaltung", "demo-koordination-erfurt")
	roleIDs := func() string {
		s, body := first.do("GET", b+"/api/v1/me", "")
		var me struct {
			Roles []struct{ ID int64 } `json:"roles"`
		}
		if s != 200 || json.Unmarshal([]byte(body), &me) != nil {
			t.Fatalf("/me on B = %d %s", s, body)
		}
		return fmt.Sprint(me.Roles)
	}
	before := roleIDs() // now cached on B
	db, err := store.OpenPostgres(dbURL, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Gorm.Exec("DELETE FROM role_grants WHERE source = 'claim' AND user_id = (SELECT user_id FROM sessions WHERE id_hash = ?)", auth.HashToken(first.token)).Error; err != nil {
		t.Fatal(err)
	}
	logIn(t, a, "verwaltung", "demo-koordination-erfurt")
	within(t, "B shows the grant the second login created to the first session", func() bool {
		now := roleIDs()
		return now != before && now != "[]"
	})
}
