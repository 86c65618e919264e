package httpapi_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// setCookie is the named cookie of a response's Set-Cookie headers, with its attributes.
func setCookie(t *testing.T, r response, name string) *http.Cookie {
	t.Helper()
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no Set-Cookie %s in %v", name, r.Header["Set-Cookie"])
	return nil
}

// TestServedUnderTheBasePath: with TEILHABE_BASE_URL=<origin>/teilhabe the proxy forwards the
// full path; the API, the app, its assets and the websocket answer under /teilhabe only, health
// also at the root (probes bypass the proxy), everything else outside it is a 404.
func TestServedUnderTheBasePath(t *testing.T) {
	a := newAppAt(t, testdb.SQLite(t), "/teilhabe")
	anon := a.browser(t)
	for path, want := range map[string]int{
		"/teilhabe/api/v1/districts":   200,
		"/teilhabe/healthz":            200,
		"/teilhabe/readyz":             200,
		"/healthz":                     200,
		"/readyz":                      200,
		"/teilhabe/assets/app-1a2b.js": 200,
		"/teilhabe/favicon.svg":        200,
		"/teilhabe/metrics":            404,
		"/api/v1/districts":            404,
		"/":                            404,
		"/districts/16051":             404,
		"/assets/app-1a2b.js":          404,
		"/auth/login/buerger":          404,
		"/devidp/.well-known/openid-configuration":          404,
		"/teilhabefoo/api/v1/districts":                     404,
		"/teilhabe/devidp/.well-known/openid-configuration": 200,
	} {
		if r := anon.do("GET", a.Origin+path, ""); r.Status != want {
			t.Errorf("GET %s = %d, want %d", path, r.Status, want)
		}
	}
	// The app itself, under any of its routes, learns the base path from <base href>.
	for _, path := range []string{"/teilhabe", "/teilhabe/", "/teilhabe/districts/16051", "/teilhabe/index.html"} {
		r := anon.do("GET", a.Origin+path, "")
		if r.Status != 200 || !strings.Contains(r.Body, `<base href="/teilhabe/">`) || !strings.Contains(r.Body, "<div id=root>") {
			t.Errorf("GET %s = %d %q", path, r.Status, r.Body)
		}
	}
	if r := do(newApp(t, testdb.SQLite(t)).Echo, "GET", "/districts/16051"); !strings.Contains(r.Body.String(), `<base href="/">`) {
		t.Errorf("at the host's root the base is not /: %q", r.Body)
	}
	// A websocket under the base path; none at the root.
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(t, a, coord, "post")
	live := fmt.Sprintf("/api/v1/live?room=consultation:%d", id)
	if got := anon.dialStatus(live); got != http.StatusSwitchingProtocols {
		t.Errorf("websocket under the base path: %d", got)
	}
	root := *a
	root.URL = a.Origin
	if got := root.browser(t).dialStatus(live); got != 404 {
		t.Errorf("websocket outside the base path: %d", got)
	}
}

// TestLoginUnderTheBasePath: the redirect URI and the provider's issuer carry the base path, the
// cookies live below it, return_to and the pages after login and logout stay inside it.
func TestLoginUnderTheBasePath(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newAppAt(t, db, "/teilhabe")
		b := a.browser(t)
		start := b.do("GET", "/auth/login/buerger?return_to="+url.QueryEscape("/districts/16051?tab=map"), "")
		if start.Status != http.StatusFound || !strings.HasPrefix(start.Location, a.URL+"/devidp/authorize?") {
			t.Fatalf("login start = %d to %q", start.Status, start.Location)
		}
		authURL, _ := url.Parse(start.Location)
		if got := authURL.Query().Get("redirect_uri"); got != a.URL+"/auth/callback/buerger" {
			t.Errorf("redirect_uri = %q", got)
		}
		if c := setCookie(t, start, "teilhabe_login"); c.Path != "/teilhabe/auth/callback/" || !c.HttpOnly {
			t.Errorf("login cookie %+v", c)
		}
		cb := b.do("GET", b.choose(authURL, "demo-buergerin"), "")
		if cb.Status != http.StatusSeeOther || cb.Location != "/teilhabe/districts/16051?tab=map" {
			t.Fatalf("callback = %d to %q", cb.Status, cb.Location)
		}
		if c := setCookie(t, cb, "teilhabe_session"); c.Path != "/teilhabe" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
			t.Errorf("session cookie %+v", c)
		}
		if c := setCookie(t, cb, "teilhabe_login"); c.Path != "/teilhabe/auth/callback/" || c.MaxAge >= 0 {
			t.Errorf("login cookie not removed where it was set: %+v", c)
		}
		me := b.me()
		if me == nil || me.Name != "Rita Rathaus" {
			t.Fatalf("me = %+v", me)
		}
		b.csrf = me.CsrfToken
		out := b.do("POST", "/auth/logout", "")
		if out.Status != 200 || !strings.Contains(out.Body, `"redirect_url":"`+a.URL+`/devidp/end_session?`) ||
			!strings.Contains(out.Body, "post_logout_redirect_uri="+url.QueryEscape(a.URL+"/")) {
			t.Errorf("logout = %d %s", out.Status, out.Body)
		}
		if c := setCookie(t, out, "teilhabe_session"); c.Path != "/teilhabe" || c.MaxAge >= 0 {
			t.Errorf("session cookie not removed where it was set: %+v", c)
		}
		if b.me() != nil {
			t.Error("still logged in after logout")
		}

		// return_to is a path of the app: nothing the browser would resolve outside /teilhabe.
		for _, bad := range []string{"/../metrics", "/%2e%2e/x", "/a/./b", "/.", "//evil.example/", "https://evil.example/"} {
			if r := b.do("GET", "/auth/login/buerger?return_to="+url.QueryEscape(bad), ""); r.Status != 400 || !strings.Contains(r.Body, "invalid_return_to") {
				t.Errorf("return_to %q = %d %s", bad, r.Status, r.Body)
			}
		}
		// A failed login lands on the app's page for it, under the base path.
		st, _ := url.Parse(b.do("GET", "/auth/login/buerger", "").Location)
		failed := b.do("GET", "/auth/callback/buerger?error=access_denied&state="+url.QueryEscape(st.Query().Get("state")), "")
		if failed.Status != http.StatusSeeOther || failed.Location != "/teilhabe/login/failed" {
			t.Errorf("failed login = %d to %q", failed.Status, failed.Location)
		}
	})
}
