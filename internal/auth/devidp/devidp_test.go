package devidp

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

func TestCodeFlowWithGoOIDC(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		name    string
		conf    *oauth2.Config
		subject string
		groups  []string
	}{
		{"basic auth", e.staff(), "demo-koordination-erfurt", []string{"koordination-16051"}},
		{"post auth", e.config("teilhabe-resident", "resident-secret", "https://buerger.example/cb", oauth2.AuthStyleInParams), "demo-buergerin", []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := e.start(tc.conf)
			code := e.login(f, tc.subject)
			tok, err := tc.conf.Exchange(e.ctx, code, oauth2.VerifierOption(f.verifier))
			if err != nil {
				t.Fatalf("exchange: %v", err)
			}
			raw, _ := tok.Extra("id_token").(string)
			idt, err := e.op.Verifier(&oidc.Config{ClientID: tc.conf.ClientID}).Verify(e.ctx, raw)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if idt.Nonce != f.nonce || idt.Subject != tc.subject || idt.Issuer != e.p.Issuer() {
				t.Errorf("ID token nonce %q sub %q iss %q", idt.Nonce, idt.Subject, idt.Issuer)
			}
			if err := idt.VerifyAccessToken(tok.AccessToken); err != nil {
				t.Errorf("at_hash: %v", err)
			}
			var claims struct {
				Name              string   `json:"name"`
				Email             string   `json:"email"`
				PreferredUsername string   `json:"preferred_username"`
				EmailVerified     bool     `json:"email_verified"`
				Groups            []string `json:"groups"`
				AuthTime          int64    `json:"auth_time"`
			}
			if err := idt.Claims(&claims); err != nil {
				t.Fatal(err)
			}
			if !claims.EmailVerified || claims.PreferredUsername != tc.subject || claims.AuthTime == 0 ||
				claims.Name == "" || !strings.HasSuffix(claims.Email, ".invalid") || claims.Groups == nil ||
				!equal(claims.Groups, tc.groups) {
				t.Errorf("ID token claims %+v", claims)
			}
			info, err := e.op.UserInfo(e.ctx, oauth2.StaticTokenSource(tok))
			if err != nil {
				t.Fatalf("userinfo: %v", err)
			}
			var infoClaims struct {
				Groups []string `json:"groups"`
				Name   string   `json:"name"`
			}
			if err := info.Claims(&infoClaims); err != nil {
				t.Fatal(err)
			}
			if info.Subject != tc.subject || !info.EmailVerified || infoClaims.Groups == nil || !equal(infoClaims.Groups, tc.groups) || infoClaims.Name == "" {
				t.Errorf("userinfo %+v %+v", info, infoClaims)
			}
		})
	}
}

func equal(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n") && len(a) == len(b)
}

func TestSignIDTokenAcceptedByGoOIDC(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	claims := func(aud string, exp time.Time) map[string]any {
		return map[string]any{"iss": e.p.Issuer(), "sub": "demo-admin", "aud": aud,
			"exp": exp.Unix(), "iat": now.Unix(), "nonce": "n1"}
	}
	verifier := e.op.Verifier(&oidc.Config{ClientID: staffID})
	raw, err := e.p.SignIDToken(claims(staffID, now.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if idt, err := verifier.Verify(e.ctx, raw); err != nil || idt.Nonce != "n1" {
		t.Fatalf("good token rejected: %v", err)
	}
	for name, c := range map[string]map[string]any{
		"foreign audience": claims("someone-else", now.Add(time.Hour)),
		"expired":          claims(staffID, now.Add(-time.Minute)),
	} {
		raw, err := e.p.SignIDToken(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := verifier.Verify(e.ctx, raw); err == nil {
			t.Errorf("%s: token accepted", name)
		}
	}
}

func TestDiscoveryAndJWKS(t *testing.T) {
	e := newEnv(t)
	var meta map[string]any
	if err := e.op.Claims(&meta); err != nil {
		t.Fatal(err)
	}
	base := e.p.Issuer()
	for k, want := range map[string]string{
		"issuer": base, "token_endpoint": base + "/token", "end_session_endpoint": base + "/end_session",
		"jwks_uri": base + "/jwks", "userinfo_endpoint": base + "/userinfo",
	} {
		if meta[k] != want {
			t.Errorf("%s = %v, want %s", k, meta[k], want)
		}
	}
	if b, _ := json.Marshal(meta["code_challenge_methods_supported"]); string(b) != `["S256"]` {
		t.Errorf("code_challenge_methods_supported = %s", b)
	}
	var set struct {
		Keys []struct{ Kid, Use, Alg, Kty string }
	}
	if err := json.Unmarshal([]byte(e.get(base+"/jwks").body), &set); err != nil {
		t.Fatal(err)
	}
	if len(set.Keys) != 1 || set.Keys[0].Kid != e.p.kid || set.Keys[0].Use != "sig" || set.Keys[0].Alg != "RS256" || set.Keys[0].Kty != "RSA" {
		t.Errorf("jwks %+v", set)
	}
	u, _ := url.Parse(base)
	root := u.Scheme + "://" + u.Host
	for path, want := range map[string]int{
		"/devidp/nothing": 404, "/elsewhere": 404, "/devidp": 404, "/devidp/token": 405, "/devidp/style.css": 200,
	} {
		if got := e.get(root + path).status; got != want {
			t.Errorf("GET %s: %d, want %d", path, got, want)
		}
	}
}

func TestNewValidates(t *testing.T) {
	good := testClients()
	if p, err := New("http://localhost:8080/devidp/", good, DemoUsers()); err != nil || p.Issuer() != "http://localhost:8080/devidp/" || p.basePath != "/devidp" {
		t.Fatalf("New: %v", err)
	}
	for name, tc := range map[string]struct {
		issuer  string
		clients []Client
	}{
		"relative issuer":   {"/devidp", good},
		"issuer with query": {"http://localhost/devidp?x=1", good},
		"duplicate client":  {"http://localhost", append(testClients(), good[0])},
		"relative redirect": {"http://localhost", []Client{{ID: "a", Secret: "b", RedirectURIs: []string{"/cb"}}}},
		"no secret":         {"http://localhost", []Client{{ID: "a", RedirectURIs: []string{"http://x/cb"}}}},
	} {
		if _, err := newWithKey(tc.issuer, tc.clients, nil, testKey()); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestDemoUsers(t *testing.T) {
	seen := map[string]bool{}
	for _, u := range DemoUsers() {
		if seen[u.Subject] || !strings.HasSuffix(u.Email, "@demo.teilhabe.invalid") || u.Name == "" || u.Description == "" {
			t.Errorf("bad demo user %+v", u)
		}
		seen[u.Subject] = true
		if u.Audience != "staff" && u.Audience != "provider" && u.Audience != "resident" {
			t.Errorf("%s: audience %q", u.Subject, u.Audience)
		}
	}
	if len(seen) != 7 {
		t.Errorf("%d demo users, want 7", len(seen))
	}
}
