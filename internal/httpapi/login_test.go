package httpapi_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func roleList(m *meBody) []string {
	var out []string
	for _, r := range m.Roles {
		s := r.Role
		if r.DistrictKey != nil {
			s += ":" + *r.DistrictKey
		}
		if r.Organisation != nil {
			s += ":" + *r.Organisation
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// Every demo user logs in through the real flow and gets the roles their claims map to.
func TestLoginFlowForEveryDemoUser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		cases := []struct {
			provider, subject, name string
			roles                   []string
			districts               []string
		}{
			{"verwaltung", "demo-admin", "Anna Admin", []string{"admin"}, nil},
			{"verwaltung", "demo-koordination-erfurt", "Karl Koordinator", []string{"coordinator:16051"}, []string{"16051"}},
			{"verwaltung", "demo-koordination-jena", "Jana Jenaer", []string{"coordinator:16053"}, []string{"16053"}},
			{"traeger", "demo-traeger-diakonie", "Dora Diakonie", []string{"provider_admin:diakonie-erfurt"}, nil},
			{"traeger", "demo-traeger-awo", "Arne Awo", []string{"provider_member:awo-erfurt"}, nil},
			{"traeger", "demo-traeger-awo-leitung", "Agnes Awo", []string{"provider_admin:awo-erfurt"}, nil},
			{"buerger", "demo-buergerin", "Rita Rathaus", []string{"resident"}, nil},
		}
		for _, c := range cases {
			t.Run(c.subject, func(t *testing.T) {
				b := a.browser(t)
				if b.me() != nil {
					t.Fatal("logged in before logging in")
				}
				b.login(c.provider, c.subject)
				me := b.me()
				if me.Name != c.name || !strings.HasSuffix(me.Email, "@demo.teilhabe.invalid") || me.CsrfToken == "" {
					t.Errorf("me = %+v", me)
				}
				if got := roleList(me); !slices.Equal(got, c.roles) {
					t.Errorf("roles = %v, want %v", got, c.roles)
				}
				var ds []string
				for _, d := range me.Districts {
					ds = append(ds, d.Key)
				}
				if c.subject != "demo-admin" && !slices.Equal(ds, c.districts) {
					t.Errorf("districts = %v, want %v", ds, c.districts)
				}
				if c.subject == "demo-admin" && len(ds) != 22 {
					t.Errorf("an admin sees %d districts, want all 22", len(ds))
				}
			})
		}
	})
}

func TestLoginReturnsToThePageAndRotatesTheSession(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	b := a.browser(t)
	cb := b.do("GET", b.choose(b.startLogin("buerger", "/districts/16051?tab=map"), "demo-buergerin"), "")
	if cb.Status != http.StatusSeeOther || cb.Location != "/districts/16051?tab=map" {
		t.Fatalf("callback = %d to %q", cb.Status, cb.Location)
	}
	cookie := sessionCookieOf(t, b)
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Errorf("session cookie flags: %+v", cookie)
	}
	first := cookie.Value
	// Logging in again in the same browser gives a new session id and ends the old one.
	b.login("buerger", "demo-buergerin")
	second := sessionCookieOf(t, b).Value
	if second == first {
		t.Fatal("the session id was not rotated at login")
	}
	other := a.browser(t)
	u, _ := url.Parse(a.URL)
	other.http.Jar.SetCookies(u, []*http.Cookie{{Name: "teilhabe_session", Value: first}})
	if other.me() != nil {
		t.Error("the session from before the second login still works")
	}
}

func sessionCookieOf(t *testing.T, b *browser) *http.Cookie {
	t.Helper()
	u, _ := url.Parse(b.app.URL)
	for _, c := range b.http.Jar.Cookies(u) {
		if c.Name == "teilhabe_session" {
			// The jar drops attributes; read them from a fresh login response instead when needed.
			return sessionCookieAttributes(t, b, c)
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// sessionCookieAttributes logs in once more in a scratch browser to see the Set-Cookie attributes.
func sessionCookieAttributes(t *testing.T, b *browser, c *http.Cookie) *http.Cookie {
	t.Helper()
	s := b.app.browser(t)
	resp, err := s.http.Get(s.choose(s.startLogin("buerger", "/"), "demo-buergerin"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, sc := range resp.Cookies() {
		if sc.Name == "teilhabe_session" {
			sc.Value = c.Value
			return sc
		}
	}
	t.Fatal("the callback set no session cookie")
	return nil
}

func TestLoginStartRejectsBadInput(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	b := a.browser(t)
	for _, rt := range []string{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"} {
		r := b.do("GET", "/auth/login/buerger?return_to="+url.QueryEscape(rt), "")
		if r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "invalid_return_to") {
			t.Errorf("return_to %q: %d %s", rt, r.Status, r.Body)
		}
	}
	if r := b.do("GET", "/auth/login/nope", ""); r.Status != http.StatusNotFound || !strings.Contains(r.Body, "provider_not_found") {
		t.Errorf("unknown provider: %d %s", r.Status, r.Body)
	}
}

// assertFailed checks that a callback ends on the failure page without a session.
func assertFailed(t *testing.T, b *browser, r response) {
	t.Helper()
	if r.Status != http.StatusSeeOther || r.Location != "/login/failed" {
		t.Fatalf("callback = %d to %q, want the failure page", r.Status, r.Location)
	}
	if b.me() != nil {
		t.Fatal("a failed login left a session")
	}
}

func TestTamperedStateIsRejected(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	b := a.browser(t)
	cb, _ := url.Parse(b.choose(b.startLogin("buerger", "/"), "demo-buergerin"))
	q := cb.Query()
	q.Set("state", q.Get("state")+"x")
	cb.RawQuery = q.Encode()
	assertFailed(t, b, b.do("GET", cb.String(), ""))
}

func TestReplayedCallbackIsRejected(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	b := a.browser(t)
	cbURL := b.choose(b.startLogin("buerger", "/"), "demo-buergerin")
	if r := b.do("GET", cbURL, ""); r.Status != http.StatusSeeOther || r.Location != "/" {
		t.Fatalf("first callback = %d %q", r.Status, r.Location)
	}
	// The same callback again, from a fresh browser that carries the original login cookie value:
	// the state was used up, so nothing may come of it.
	attacker := a.browser(t)
	attacker.startLogin("buerger", "/") // gives the attacker a login cookie of their own
	assertFailed(t, attacker, attacker.do("GET", cbURL, ""))
	// And in the original browser, whose login cookie was consumed.
	r := b.do("GET", cbURL, "")
	if r.Location != "/login/failed" {
		t.Errorf("replay in the same browser = %d %q", r.Status, r.Location)
	}
}

func TestCallbackFromAnotherBrowserIsRejected(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	victim, attacker := a.browser(t), a.browser(t)
	// The attacker starts a login and lures the victim to the callback (login CSRF).
	cb := attacker.choose(attacker.startLogin("buerger", "/"), "demo-buergerin")
	assertFailed(t, victim, victim.do("GET", cb, ""))
}

func TestWrongNonceIsRejected(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		b := a.browser(t)
		authURL := b.startLogin("buerger", "/")
		// The provider will put the original nonce into the ID token; the server now expects another.
		if err := db.Gorm.Exec("UPDATE login_states SET nonce = ?", "another-nonce").Error; err != nil {
			t.Fatal(err)
		}
		assertFailed(t, b, b.do("GET", b.choose(authURL, "demo-buergerin"), ""))
	})
}

func TestProviderErrorIsAFailedLogin(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	b := a.browser(t)
	authURL := b.startLogin("buerger", "/")
	cb := a.URL + "/auth/callback/buerger?error=access_denied&state=" + url.QueryEscape(authURL.Query().Get("state"))
	assertFailed(t, b, b.do("GET", cb, ""))
}

// The session timeouts hold for sessions this instance has cached as well: the clock moves, the
// cache is never asked to forget.
func TestExpiredSessionsAreRejected(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		clock := &testClock{}
		a := newApp(t, db, withClock(clock))
		expectEnded := func(name string, b *browser) {
			t.Helper()
			r := b.do("GET", "/api/v1/me", "")
			if r.Status != http.StatusUnauthorized || !strings.Contains(r.Body, "unauthenticated") {
				t.Errorf("%s: /me with an expired session = %d %s", name, r.Status, r.Body)
			}
		}

		idle := a.browser(t).login("buerger", "demo-buergerin")
		clock.advance(59 * time.Minute)
		if idle.me() == nil {
			t.Fatal("idle: ended after 59 idle minutes")
		}
		clock.advance(61 * time.Minute)
		expectEnded("idle", idle)

		// Busy every 50 minutes, so never idle, until the 12 hours after login are over.
		busy := a.browser(t).login("buerger", "demo-buergerin")
		for range 14 {
			clock.advance(50 * time.Minute)
			if busy.me() == nil {
				t.Fatal("absolute: a busy session ended before its 12 hours")
			}
		}
		clock.advance(19 * time.Minute) // 11 h 59 min
		if busy.me() == nil {
			t.Fatal("absolute: ended a minute early")
		}
		clock.advance(2 * time.Minute)
		expectEnded("absolute", busy)
	})
}

func TestLogoutEndsTheSessionAtTheProviderToo(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		b := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		token := b.csrf
		b.csrf = ""
		if r := b.do("POST", "/auth/logout", ""); r.Status != http.StatusForbidden || !strings.Contains(r.Body, "csrf_failed") {
			t.Fatalf("logout without CSRF token = %d %s", r.Status, r.Body)
		}
		b.csrf = token
		r := b.do("POST", "/auth/logout", "")
		if r.Status != http.StatusOK || !strings.Contains(r.Body, `"redirect_url":"`+a.URL+`/devidp/end_session?`) || !strings.Contains(r.Body, "id_token_hint") {
			t.Fatalf("logout = %d %s", r.Status, r.Body)
		}
		if b.me() != nil {
			t.Fatal("still logged in after logout")
		}
		entries, err := store.NewAudit(db).List(t.Context(), 0, 10)
		if err != nil || len(entries) == 0 || entries[0].Action != "logout" {
			t.Errorf("audit log does not end with the logout: %+v %v", entries, err)
		}
	})
}

func TestCSRFProtection(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	b := a.browser(t).login("verwaltung", "demo-admin")
	body := `{"slug":"neu-e","name":"Neu","kind":"provider"}`
	token := b.csrf

	b.csrf = ""
	if r := b.do("POST", "/api/v1/organisations", body); r.Status != http.StatusForbidden || !strings.Contains(r.Body, "csrf_failed") {
		t.Errorf("no token: %d %s", r.Status, r.Body)
	}
	b.csrf = "wrong"
	if r := b.do("POST", "/api/v1/organisations", body); r.Status != http.StatusForbidden {
		t.Errorf("wrong token: %d %s", r.Status, r.Body)
	}
	// A request from another site is refused even with the token.
	req, _ := http.NewRequest("POST", a.URL+"/api/v1/organisations", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("X-CSRF-Token", token)
	resp, err := b.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign origin: %d", resp.StatusCode)
	}
	b.csrf = token
	if r := b.do("POST", "/api/v1/organisations", body); r.Status != http.StatusCreated {
		t.Errorf("with token: %d %s", r.Status, r.Body)
	}
}
