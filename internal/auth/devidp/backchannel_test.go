package devidp

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// TestLogoutTokensFollowTheSpec: ending a session sends its client one logout token (Back-Channel
// Logout 1.0, 2.4: iss, aud, iat, exp, jti, the event, sid and sub, no nonce, typed logout+jwt);
// a hint of another client ends nothing; LogoutUser names only the sub.
func TestLogoutTokensFollowTheSpec(t *testing.T) {
	var mu sync.Mutex
	var got []string
	rp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.PostFormValue("logout_token"))
		mu.Unlock()
	}))
	t.Cleanup(rp.Close)
	clients := testClients()
	clients[0].BackchannelLogoutURI = rp.URL + "/bc"
	p, err := newWithKey("https://idp.example", clients, DemoUsers(), newKey())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	sid, err := p.store.newSession("demo-admin", staffID, now)
	if err != nil {
		t.Fatal(err)
	}
	hint := func(aud string) string {
		h, _ := p.SignIDToken(map[string]any{"iss": p.Issuer(), "aud": aud, "sub": "demo-admin", "sid": sid})
		return h
	}
	ctx := context.Background()
	if err := p.endHinted(ctx, hint(providerID)); err != nil || len(got) != 0 {
		t.Fatalf("another client's hint: %v, %d tokens", err, len(got))
	}
	if err := p.endHinted(ctx, hint(staffID)); err != nil || len(got) != 1 {
		t.Fatalf("the session's hint: %v, %d tokens", err, len(got))
	}
	if err := p.endHinted(ctx, hint(staffID)); err != nil || len(got) != 1 {
		t.Fatalf("an ended session is ended again: %v, %d tokens", err, len(got))
	}
	claims, typ := decodeLogoutToken(t, p, got[0])
	if typ != "logout+jwt" || claims["iss"] != p.Issuer() || claims["aud"] != staffID || claims["sid"] != sid ||
		claims["sub"] != "demo-admin" || claims["jti"] == "" || claims["iat"] == nil || claims["exp"] == nil {
		t.Errorf("logout token %s %v", typ, claims)
	}
	if _, ok := claims["nonce"]; ok {
		t.Error("a logout token with a nonce")
	}
	if ev, _ := claims["events"].(map[string]any); ev == nil || ev[BackchannelLogoutEvent] == nil {
		t.Errorf("events = %v", claims["events"])
	}

	if _, err := p.store.newSession("demo-admin", staffID, now); err != nil {
		t.Fatal(err)
	}
	if err := p.LogoutUser(ctx, "demo-admin"); err != nil || len(got) != 2 {
		t.Fatalf("LogoutUser: %v, %d tokens", err, len(got))
	}
	if claims, _ := decodeLogoutToken(t, p, got[1]); claims["sub"] != "demo-admin" || claims["sid"] != nil {
		t.Errorf("LogoutUser's token %v", claims)
	}
}

func decodeLogoutToken(t *testing.T, p *Provider, raw string) (map[string]any, string) {
	t.Helper()
	jws, err := jose.ParseSignedCompact(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatal(err)
	}
	payload, err := jws.Verify(&p.key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	if err := json.Unmarshal(payload, &c); err != nil {
		t.Fatal(err)
	}
	typ, _ := jws.Signatures[0].Header.ExtraHeaders["typ"].(string)
	return c, typ
}
