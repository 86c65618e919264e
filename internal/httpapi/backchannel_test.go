package httpapi_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// session returns the stored session of the browser's cookie.
func (b *browser) session() auth.Session {
	b.t.Helper()
	u, _ := url.Parse(b.app.URL)
	for _, c := range b.http.Jar.Cookies(u) {
		if c.Name == "teilhabe_session" {
			se, err := store.NewSessions(b.app.DB).Session(b.t.Context(), auth.HashToken(c.Value))
			if err != nil {
				b.t.Fatal(err)
			}
			return se
		}
	}
	b.t.Fatal("no session cookie")
	return auth.Session{}
}

// postLogoutToken posts a logout token as a provider's server does: no cookie, a foreign Origin.
func postLogoutToken(t *testing.T, a *app, provider, token string) response {
	t.Helper()
	req, _ := http.NewRequest("POST", a.URL+"/auth/backchannel-logout/"+provider, strings.NewReader(url.Values{"logout_token": {token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://idp.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return response{Status: resp.StatusCode, Header: resp.Header, Body: string(body)}
}

// TestBackchannelLogoutEndsTheSessionAtOnce: when the development provider ends a session (its
// end_session with the session's ID token as hint), it posts a signed logout token naming the
// sid; teilhabe ends exactly that session, at once (not after the cache's 30 s), closes its
// socket on a draft with 4403, and leaves the person's other session alone. When the provider
// signs the person out everywhere (a token naming only the sub), every session of theirs ends.
func TestBackchannelLogoutEndsTheSessionAtOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		laptop := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		phone := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		other := a.browser(t).login("verwaltung", "demo-admin")
		onDraft := follow(laptop, draftConsultation(t, a), 0)
		se := laptop.session()
		if se.OIDCSid == "" || se.OIDCSub != "demo-koordination-erfurt" {
			t.Fatalf("the session keeps sid %q and sub %q", se.OIDCSid, se.OIDCSub)
		}

		r := laptop.do("GET", a.URL+"/devidp/end_session?"+url.Values{"id_token_hint": {se.IDToken}}.Encode(), "")
		if r.Status != http.StatusOK || !strings.Contains(r.Body, "Sie sind abgemeldet.") {
			t.Fatalf("end_session = %d %s", r.Status, r.Body)
		}
		if laptop.me() != nil {
			t.Error("the session the provider ended still works")
		}
		if code, _ := closeCode(t, onDraft); code != realtime.CloseAccessRevoked {
			t.Errorf("its socket on the draft closed with %d, want 4403", code)
		}
		if phone.me() == nil || other.me() == nil {
			t.Fatal("a session with another sid ended too")
		}

		if err := a.IdP.LogoutUser(t.Context(), "demo-koordination-erfurt"); err != nil {
			t.Fatal(err)
		}
		if phone.me() != nil {
			t.Error("signed out everywhere, but a session lives on")
		}
		if other.me() == nil {
			t.Error("another person's session ended")
		}
		entries, err := store.NewAudit(db).List(t.Context(), 0, 10)
		if err != nil || len(entries) == 0 || entries[0].Action != "logout" || entries[0].Details["by"] != "backchannel" {
			t.Errorf("the audit log does not end with the back-channel logout: %+v %v", entries, err)
		}
	})
}

// TestBackchannelLogoutRefusesBadTokens: only a token signed by the provider for this client,
// fresh, with the logout event, a sid or sub and no nonce ends anything; the rest answer 400, and
// every answer says no-store.
func TestBackchannelLogoutRefusesBadTokens(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	b := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	se := b.session()
	iss := a.IdP.Issuer()
	now := time.Now()
	claims := func(change func(map[string]any)) map[string]any {
		c := map[string]any{"iss": iss, "aud": "teilhabe-verwaltung", "iat": now.Unix(), "exp": now.Add(time.Minute).Unix(), "jti": "j1",
			"sid": se.OIDCSid, "events": map[string]any{"http://schemas.openid.net/event/backchannel-logout": map[string]any{}}}
		if change != nil {
			change(c)
		}
		return c
	}
	sign := func(c map[string]any) string {
		tok, err := a.IdP.SignIDToken(c)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	foreign := newApp(t, testdb.SQLite(t)).IdP
	forged, _ := foreign.SignIDToken(claims(nil))
	bad := map[string]string{
		"with a nonce":          sign(claims(func(c map[string]any) { c["nonce"] = "n" })),
		"without events":        sign(claims(func(c map[string]any) { delete(c, "events") })),
		"another event":         sign(claims(func(c map[string]any) { c["events"] = map[string]any{"urn:other": map[string]any{}} })),
		"neither sid nor sub":   sign(claims(func(c map[string]any) { delete(c, "sid") })),
		"no jti":                sign(claims(func(c map[string]any) { delete(c, "jti") })),
		"another client's":      sign(claims(func(c map[string]any) { c["aud"] = "teilhabe-buerger" })),
		"another issuer":        sign(claims(func(c map[string]any) { c["iss"] = "https://idp.invalid" })),
		"old":                   sign(claims(func(c map[string]any) { c["iat"] = now.Add(-time.Hour).Unix(); delete(c, "exp") })),
		"expired":               sign(claims(func(c map[string]any) { c["exp"] = now.Add(-time.Hour).Unix() })),
		"signed by another key": forged,
		"not a token":           "abc.def.ghi",
		"empty":                 "",
	}
	for name, tok := range bad {
		r := postLogoutToken(t, a, "verwaltung", tok)
		if r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "invalid_logout_token") || r.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: %d %q %s", name, r.Status, r.Header.Get("Cache-Control"), r.Body)
		}
	}
	if b.me() == nil {
		t.Fatal("a refused token ended the session")
	}
	if r := postLogoutToken(t, a, "nope", sign(claims(nil))); r.Status != http.StatusNotFound {
		t.Errorf("unknown provider: %d %s", r.Status, r.Body)
	}
	// The right token, but for the Träger login: a sid of another provider ends nothing there.
	trToken, _ := a.IdP.LogoutToken("teilhabe-traeger", se.OIDCSid, "")
	if r := postLogoutToken(t, a, "traeger", trToken); r.Status != http.StatusOK || b.me() == nil {
		t.Errorf("another provider's sid: %d, session ended: %v", r.Status, b.me() == nil)
	}
	good, _ := a.IdP.LogoutToken("teilhabe-verwaltung", se.OIDCSid, "")
	if r := postLogoutToken(t, a, "verwaltung", good); r.Status != http.StatusOK || r.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("a valid token: %d %q %s", r.Status, r.Header.Get("Cache-Control"), r.Body)
	}
	if b.me() != nil {
		t.Error("a valid token did not end the session")
	}
	// Exempt from CSRF is exactly this endpoint: another POST from a foreign origin is still refused.
	req, _ := http.NewRequest("POST", a.URL+"/auth/backchannel-logout/verwaltung/x", strings.NewReader("logout_token="+good))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://idp.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a foreign POST below the endpoint = %d, want 403 (csrf)", resp.StatusCode)
	}
}
