package devidp

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestEndSessionRedirectsOnlyToRegisteredURIs(t *testing.T) {
	e := newEnv(t)
	hint := func(aud string) string {
		raw, err := e.p.SignIDToken(map[string]any{"iss": e.p.Issuer(), "sub": "demo-admin", "aud": aud,
			"exp": time.Now().Add(-time.Hour).Unix()}) // expired hints are still valid hints
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	hintAuds := func(aud ...string) string {
		raw, _ := e.p.SignIDToken(map[string]any{"iss": e.p.Issuer(), "aud": aud})
		return raw
	}
	foreign, err := newWithKey(e.p.Issuer(), testClients(), nil, foreignKey())
	if err != nil {
		t.Fatal(err)
	}
	forged, _ := foreign.SignIDToken(map[string]any{"iss": e.p.Issuer(), "aud": staffID})
	otherIssuer, _ := e.p.SignIDToken(map[string]any{"iss": "https://other.example", "aud": staffID})

	for _, tc := range []struct {
		name   string
		params url.Values
		want   string // redirect target without state; "" = signed-out page
	}{
		{"hinted client's URI", url.Values{"id_token_hint": {hint(staffID)}, "post_logout_redirect_uri": {staffLogout}}, staffLogout},
		{"other client's URI with hint", url.Values{"id_token_hint": {hint(staffID)}, "post_logout_redirect_uri": {providerLogout}}, ""},
		{"any client's URI without hint", url.Values{"post_logout_redirect_uri": {providerLogout}}, providerLogout},
		{"client_id restricts", url.Values{"client_id": {staffID}, "post_logout_redirect_uri": {providerLogout}}, ""},
		{"forged hint is ignored", url.Values{"id_token_hint": {forged}, "post_logout_redirect_uri": {providerLogout}}, providerLogout},
		{"hint of another issuer is ignored", url.Values{"id_token_hint": {otherIssuer}, "post_logout_redirect_uri": {providerLogout}}, providerLogout},
		{"audience list hint", url.Values{"id_token_hint": {hintAuds(staffID, "x")}, "post_logout_redirect_uri": {staffLogout}}, staffLogout},
		{"garbage hint is ignored", url.Values{"id_token_hint": {"x.y.z"}, "post_logout_redirect_uri": {staffLogout}}, staffLogout},
		{"unregistered URI", url.Values{"post_logout_redirect_uri": {"https://evil.example/"}}, ""},
		{"no URI", url.Values{"id_token_hint": {hint(staffID)}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.params.Set("state", "s&1")
			r := e.get(e.p.Issuer() + "/end_session?" + tc.params.Encode())
			if tc.want == "" {
				if r.status != http.StatusOK || r.header.Get("Location") != "" || !strings.Contains(r.body, "Sie sind abgemeldet.") {
					t.Errorf("want signed-out page, got %d %q", r.status, r.header.Get("Location"))
				}
				return
			}
			if loc := e.location(r); loc.String() != tc.want+"?state=s%261" {
				t.Errorf("redirect to %s, want %s", loc, tc.want)
			}
		})
	}
}
