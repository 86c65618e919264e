package devidp

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// tokenRequest posts to the token endpoint with client_secret_post credentials unless the
// caller set its own, and decodes the JSON answer.
func (e *env) tokenRequest(form url.Values, basicUser, basicPass string) (response, map[string]any) {
	e.t.Helper()
	req, _ := http.NewRequestWithContext(e.ctx, http.MethodPost, e.p.Issuer()+"/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basicUser != "" {
		req.SetBasicAuth(url.QueryEscape(basicUser), url.QueryEscape(basicPass))
	}
	r := e.do(req)
	var body map[string]any
	if err := json.Unmarshal([]byte(r.body), &body); err != nil {
		e.t.Fatalf("token response %d not JSON: %s", r.status, r.body)
	}
	return r, body
}

func codeForm(code string, f flow) url.Values {
	return url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"redirect_uri": {f.conf.RedirectURL}, "code_verifier": {f.verifier}}
}

// wantError asserts an RFC 6749 5.2 error response.
func wantError(t *testing.T, r response, body map[string]any, status int, code string) {
	t.Helper()
	if r.status != status || body["error"] != code || body["error_description"] == "" {
		t.Errorf("got %d %v, want %d %s", r.status, body, status, code)
	}
}

func TestTokenEndpoint(t *testing.T) {
	e := newEnv(t)
	f := e.start(e.staff())

	t.Run("success headers and reuse", func(t *testing.T) {
		code := e.login(f, "demo-admin")
		r, body := e.tokenRequest(codeForm(code, f), staffID, staffSecret)
		if r.status != http.StatusOK || body["token_type"] != "Bearer" || body["expires_in"] != float64(3600) ||
			body["id_token"] == nil || r.header.Get("Cache-Control") != "no-store" || r.header.Get("Pragma") != "no-cache" {
			t.Fatalf("%d %v %v", r.status, body, r.header)
		}
		access := body["access_token"].(string)
		if u := e.userinfo(access); u.status != http.StatusOK {
			t.Fatalf("userinfo before reuse: %d", u.status)
		}
		r, body = e.tokenRequest(codeForm(code, f), staffID, staffSecret)
		wantError(t, r, body, http.StatusBadRequest, "invalid_grant")
		if u := e.userinfo(access); u.status != http.StatusUnauthorized {
			t.Errorf("token of a replayed code still valid: %d", u.status)
		}
	})
	t.Run("wrong verifier burns the code", func(t *testing.T) {
		code := e.login(f, "demo-admin")
		form := codeForm(code, f)
		form.Set("code_verifier", oauth2.GenerateVerifier())
		r, body := e.tokenRequest(form, staffID, staffSecret)
		wantError(t, r, body, http.StatusBadRequest, "invalid_grant")
		r, body = e.tokenRequest(codeForm(code, f), staffID, staffSecret)
		wantError(t, r, body, http.StatusBadRequest, "invalid_grant")
	})
	t.Run("expired code", func(t *testing.T) {
		code := e.login(f, "demo-admin")
		e.clock.Advance(61 * time.Second)
		_, err := f.conf.Exchange(e.ctx, code, oauth2.VerifierOption(f.verifier))
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) || re.ErrorCode != "invalid_grant" {
			t.Errorf("expired code: %v", err)
		}
	})
	t.Run("wrong secret", func(t *testing.T) {
		code := e.login(f, "demo-admin")
		bad := e.config(staffID, "wrong", staffRedirect, oauth2.AuthStyleInHeader)
		_, err := bad.Exchange(e.ctx, code, oauth2.VerifierOption(f.verifier))
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) || re.Response.StatusCode != http.StatusUnauthorized || re.ErrorCode != "invalid_client" ||
			re.Response.Header.Get("WWW-Authenticate") == "" {
			t.Fatalf("wrong secret: %v", err)
		}
		// A failed client authentication does not consume the code.
		if _, err := f.conf.Exchange(e.ctx, code, oauth2.VerifierOption(f.verifier)); err != nil {
			t.Errorf("exchange after failed authentication: %v", err)
		}
	})
	t.Run("code of another client", func(t *testing.T) {
		code := e.login(f, "demo-admin")
		r, body := e.tokenRequest(codeForm(code, f), providerID, "provider-secret")
		wantError(t, r, body, http.StatusBadRequest, "invalid_grant")
		if _, err := f.conf.Exchange(e.ctx, code, oauth2.VerifierOption(f.verifier)); err != nil {
			t.Errorf("rightful client after foreign attempt: %v", err)
		}
	})

	code := e.login(f, "demo-admin")
	withBody := func(change func(url.Values)) url.Values {
		form := codeForm(code, f)
		form.Set("client_id", staffID)
		form.Set("client_secret", staffSecret)
		change(form)
		return form
	}
	for _, tc := range []struct {
		name       string
		form       url.Values
		user, pass string
		status     int
		code       string
	}{
		{"no client auth", codeForm(code, f), "", "", 401, "invalid_client"},
		{"unknown client", codeForm(code, f), "nobody", "x", 401, "invalid_client"},
		{"wrong secret in body", withBody(func(v url.Values) { v.Set("client_secret", "nope") }), "", "", 401, "invalid_client"},
		{"two auth methods", withBody(func(url.Values) {}), staffID, staffSecret, 400, "invalid_request"},
		{"wrong grant type", withBody(func(v url.Values) { v.Set("grant_type", "password") }), "", "", 400, "unsupported_grant_type"},
		{"missing verifier", withBody(func(v url.Values) { v.Del("code_verifier") }), "", "", 400, "invalid_request"},
		{"unknown code", withBody(func(v url.Values) { v.Set("code", "made-up") }), "", "", 400, "invalid_grant"},
		// Last, since an attempt by the rightful client consumes the code.
		{"redirect_uri mismatch", withBody(func(v url.Values) { v.Set("redirect_uri", "https://traeger.example/cb") }), "", "", 400, "invalid_grant"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, body := e.tokenRequest(tc.form, tc.user, tc.pass)
			wantError(t, r, body, tc.status, tc.code)
		})
	}
}

func (e *env) userinfo(token string) response {
	req, _ := http.NewRequestWithContext(e.ctx, http.MethodGet, e.p.Issuer()+"/userinfo", nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return e.do(req)
}

func TestUserinfoRejectsBadTokens(t *testing.T) {
	e := newEnv(t)
	if r := e.userinfo("not-a-token"); r.status != 401 || r.header.Get("WWW-Authenticate") != `Bearer error="invalid_token"` {
		t.Errorf("bad token: %d %q", r.status, r.header.Get("WWW-Authenticate"))
	}
	if r := e.userinfo(""); r.status != 401 || r.header.Get("WWW-Authenticate") != "Bearer" {
		t.Errorf("no token: %d %q", r.status, r.header.Get("WWW-Authenticate"))
	}
	f := e.start(e.staff())
	tok, err := f.conf.Exchange(e.ctx, e.login(f, "demo-admin"), oauth2.VerifierOption(f.verifier))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(e.ctx, http.MethodPost, e.p.Issuer()+"/userinfo", nil)
	req.Header.Set("Authorization", "bearer "+tok.AccessToken)
	if r := e.do(req); r.status != 200 || !strings.Contains(r.body, `"teilhabe-admin"`) {
		t.Errorf("POST userinfo: %d %s", r.status, r.body)
	}
	e.clock.Advance(time.Hour)
	if r := e.userinfo(tok.AccessToken); r.status != 401 || !strings.Contains(r.header.Get("WWW-Authenticate"), `error="invalid_token"`) {
		t.Errorf("expired token: %d", r.status)
	}
}
