package devidp

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

func TestLoginPageListsAudienceAndEscapes(t *testing.T) {
	e := newEnv(t)
	f := e.start(e.staff())
	f.state = `"><script>alert(1)</script>`
	page := e.get(f.authURL())
	if page.status != http.StatusOK || !strings.HasPrefix(page.header.Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, %s", page.status, page.header.Get("Content-Type"))
	}
	for _, want := range []string{
		`<html lang="de">`, `<title>Demo-Anmeldung</title>`, `<h1>Demo-Anmeldung – teilhabe</h1>`,
		`Entwicklungs-Anmeldedienst mit Beispielnutzerinnen und -nutzern. Nicht für den Betrieb.`,
		`<form method="post" action="/devidp/authorize">`,
		`<button type="submit" name="subject" value="demo-admin">Anna Admin</button>`,
		`<button type="submit" name="subject" value="demo-koordination-jena">Jana Jenaer</button>`,
		`Planungskoordination Erfurt (16051)`, `&lt;script&gt;`,
	} {
		if !strings.Contains(page.body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Other audiences are not listed, and nothing inline would violate the CSP.
	for _, bad := range []string{"demo-traeger-awo", "demo-buergerin", "<script", "<style", "style="} {
		if strings.Contains(page.body, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if got := hiddenFields(page.body).Get("state"); got != f.state {
		t.Errorf("hidden state %q, want %q", got, f.state)
	}
	if strings.Count(page.body, "<form") != 1 {
		t.Error("want exactly one form")
	}
}

func TestAuthorizeRejects(t *testing.T) {
	e := newEnv(t)
	f := e.start(e.staff())
	good, _ := url.Parse(f.authURL())
	for _, tc := range []struct {
		name      string
		change    func(url.Values)
		wantErr   string // error code in the redirect; "" means a 400 page without redirect
		wantState bool
	}{
		{"missing PKCE", func(v url.Values) { v.Del("code_challenge"); v.Del("code_challenge_method") }, "invalid_request", true},
		{"plain PKCE", func(v url.Values) { v.Set("code_challenge_method", "plain") }, "invalid_request", true},
		{"malformed challenge", func(v url.Values) { v.Set("code_challenge", "short") }, "invalid_request", true},
		{"missing nonce", func(v url.Values) { v.Del("nonce") }, "invalid_request", true},
		{"missing state", func(v url.Values) { v.Del("state") }, "invalid_request", false},
		{"repeated state", func(v url.Values) { v.Add("state", "other") }, "invalid_request", false},
		{"implicit flow", func(v url.Values) { v.Set("response_type", "id_token") }, "unsupported_response_type", true},
		{"no openid scope", func(v url.Values) { v.Set("scope", "profile") }, "invalid_scope", true},
		{"prompt none", func(v url.Values) { v.Set("prompt", "none") }, "login_required", true},
		{"unknown redirect_uri", func(v url.Values) { v.Set("redirect_uri", "https://evil.example/cb") }, "", false},
		{"redirect_uri prefix only", func(v url.Values) { v.Set("redirect_uri", "https://app.example/auth/callback") }, "", false},
		{"unknown client", func(v url.Values) { v.Set("client_id", "nobody") }, "", false},
		{"missing client", func(v url.Values) { v.Del("client_id") }, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := *good
			q := u.Query()
			tc.change(q)
			u.RawQuery = q.Encode()
			r := e.get(u.String())
			if tc.wantErr == "" {
				if r.status != http.StatusBadRequest || r.header.Get("Location") != "" || !strings.Contains(r.body, `<html lang="de">`) {
					t.Fatalf("want 400 page without redirect, got %d %q", r.status, r.header.Get("Location"))
				}
				return
			}
			loc := e.location(r)
			got := loc.Query()
			if !strings.HasPrefix(loc.String(), "https://app.example/auth/callback?") || got.Get("error") != tc.wantErr ||
				got.Get("error_description") == "" || got.Get("tenant") != "1" || got.Get("code") != "" {
				t.Fatalf("redirect %s, want error %s", loc, tc.wantErr)
			}
			if tc.wantState != (got.Get("state") == f.state) {
				t.Errorf("state in redirect %q", got.Get("state"))
			}
		})
	}
}

func TestAuthorizePostChecksUser(t *testing.T) {
	e := newEnv(t)
	f := e.start(e.staff())
	form := hiddenFields(e.get(f.authURL()).body)
	for name, tc := range map[string]struct{ field, value, wantErr string }{
		"user of another audience": {"subject", "demo-buergerin", "access_denied"},
		"unknown user":             {"subject", "demo-nobody", "access_denied"},
		"cancel":                   {"cancel", "1", "access_denied"},
	} {
		v := url.Values{}
		for k, vs := range form {
			v[k] = vs
		}
		v.Set(tc.field, tc.value)
		q := e.location(e.postForm(e.p.Issuer()+"/authorize", v)).Query()
		if q.Get("error") != tc.wantErr || q.Get("state") != f.state || q.Get("code") != "" {
			t.Errorf("%s: redirect query %v", name, q)
		}
	}

	// A tampered form is re-validated like a fresh request: no code for a foreign redirect URI.
	form.Set("redirect_uri", "https://evil.example/cb")
	form.Set("subject", "demo-admin")
	if r := e.postForm(e.p.Issuer()+"/authorize", form); r.status != http.StatusBadRequest || r.header.Get("Location") != "" {
		t.Errorf("tampered form: %d %q", r.status, r.header.Get("Location"))
	}

	// A GET never signs anyone in, even with a subject parameter.
	if r := e.get(f.authURL(oauth2.SetAuthURLParam("subject", "demo-admin"))); r.status != http.StatusOK {
		t.Errorf("GET with subject: %d", r.status)
	}
	// A client without audience lists everybody.
	all := &Client{ID: "all"}
	if !visibleTo(e.p.users["demo-buergerin"], all) || !visibleTo(e.p.users["demo-admin"], all) {
		t.Error("client without audience must see all users")
	}
}
