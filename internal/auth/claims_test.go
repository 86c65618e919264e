package auth

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/teilhabe/teilhabe/internal/auth/devidp"
)

// idp starts a development provider on a real HTTP server.
func idp(t *testing.T) *devidp.Provider {
	t.Helper()
	var p *devidp.Provider
	srv := httptest.NewServer(nil)
	t.Cleanup(srv.Close)
	p, err := devidp.New(srv.URL+"/devidp", []devidp.Client{{ID: "app", Secret: "s", RedirectURIs: []string{srv.URL + "/cb"}}}, devidp.DemoUsers())
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = p.Handler()
	return p
}

func TestVerifyIDTokenRejectsForeignAndBrokenTokens(t *testing.T) {
	ours, foreign := idp(t), idp(t)
	ctx := context.Background()
	op, err := oidc.NewProvider(ctx, ours.Issuer())
	if err != nil {
		t.Fatal(err)
	}
	verifier := op.Verifier(&oidc.Config{ClientID: "app"})
	now := time.Now()
	claims := func(change func(map[string]any)) map[string]any {
		c := map[string]any{"iss": ours.Issuer(), "sub": "demo-buergerin", "aud": "app", "nonce": "n1",
			"iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "name": "Rita Rathaus", "groups": []string{"a", "b"}}
		if change != nil {
			change(c)
		}
		return c
	}
	sign := func(p *devidp.Provider, c map[string]any) string {
		tok, err := p.SignIDToken(c)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}

	got, err := verifyIDToken(ctx, verifier, sign(ours, claims(nil)), "n1")
	if err != nil || got.Subject != "demo-buergerin" || got.name() != "Rita Rathaus" || strings.Join(first(got.strings(ClaimPath{"groups"})), ",") != "a,b" {
		t.Fatalf("a valid token: %+v, %v", got, err)
	}
	bad := map[string]string{
		"foreign issuer and key":   sign(foreign, claims(func(c map[string]any) { c["iss"] = foreign.Issuer() })),
		"our issuer, foreign key":  sign(foreign, claims(nil)),
		"foreign issuer, our key":  sign(ours, claims(func(c map[string]any) { c["iss"] = foreign.Issuer() })),
		"another audience":         sign(ours, claims(func(c map[string]any) { c["aud"] = "other-app" })),
		"expired":                  sign(ours, claims(func(c map[string]any) { c["exp"] = now.Add(-time.Minute).Unix() })),
		"wrong nonce":              sign(ours, claims(func(c map[string]any) { c["nonce"] = "n2" })),
		"no nonce":                 sign(ours, claims(func(c map[string]any) { delete(c, "nonce") })),
		"not a token":              "abc.def.ghi",
		"empty":                    "",
		"signature of another jwt": spliced(sign(ours, claims(nil)), sign(ours, claims(func(c map[string]any) { c["sub"] = "x" }))),
	}
	for name, tok := range bad {
		if _, err := verifyIDToken(ctx, verifier, tok, "n1"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestClaimStrings(t *testing.T) {
	c := idClaims{extra: map[string]any{"one": "x", "many": []any{"a", 3, "b"}, "given_name": "Rita", "family_name": "Rathaus",
		"realm_access":              map[string]any{"roles": []any{"teilhabe-admin", "offline_access"}},
		"resource_access":           map[string]any{"teilhabe-client": map[string]any{"roles": "koordination-16051"}},
		"https://example.org/roles": []any{"dotted"}, `back\slash`: "bs", "number": 3}}
	for path, want := range map[string]string{
		"one": "x", "many": "a,b", "realm_access.roles": "teilhabe-admin,offline_access",
		"resource_access.teilhabe-client.roles": "koordination-16051",
		`https://example\.org/roles`:            "dotted", `back\\slash`: "bs", "number": "",
	} {
		p, err := ParseClaimPath(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got, present := c.strings(p)
		if !present || strings.Join(got, ",") != want {
			t.Errorf("%s = %v (present %v), want %q", path, got, present, want)
		}
	}
	for _, absent := range []string{"missing", "realm_access.groups", "one.roles", "resource_access.other.roles", "https://example.org/roles"} {
		p, _ := ParseClaimPath(absent)
		if got, present := c.strings(p); present || got != nil {
			t.Errorf("%s: absent claim gave %v (present %v)", absent, got, present)
		}
	}
	if got, present := c.strings(nil); present || got != nil {
		t.Error("no path gave values")
	}
	if c.name() != "Rita Rathaus" {
		t.Errorf("name from given and family name = %q", c.name())
	}
}

func TestParseClaimPathRejectsBrokenPaths(t *testing.T) {
	for _, bad := range []string{"", ".", "a..b", ".a", "a.", `a\`} {
		if p, err := ParseClaimPath(bad); err == nil {
			t.Errorf("%q parsed as %q", bad, p)
		}
	}
}

func first(v []string, _ bool) []string { return v }

// spliced puts b's signature under a's header and payload.
func spliced(a, b string) string {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	return pa[0] + "." + pa[1] + "." + pb[2]
}

// An invitation reaches only an address the provider verified; a missing or false claim is no
// verification.
func TestEmailVerifiedClaim(t *testing.T) {
	for v, want := range map[any]bool{true: true, "true": true, " TRUE ": true, false: false, "false": false, "yes": false, 1.0: false, nil: false} {
		c := idClaims{extra: map[string]any{}}
		if v != nil {
			c.extra["email_verified"] = v
		}
		if got := c.emailVerified(); got != want {
			t.Errorf("email_verified %#v: %v, want %v", v, got, want)
		}
	}
}
