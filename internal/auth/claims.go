package auth

import (
	"context"
	"crypto/subtle"
	"fmt"
	"slices"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
)

// idClaims are the verified claims of a login: the ID token's, merged with userinfo's.
type idClaims struct {
	Issuer, Subject string
	extra           map[string]any
}

// verifyIDToken checks signature, issuer, audience and expiry (go-oidc) and the nonce (here, in
// constant time).
func verifyIDToken(ctx context.Context, v *oidc.IDTokenVerifier, raw, nonce string) (idClaims, error) {
	if raw == "" {
		return idClaims{}, fmt.Errorf("%w: the provider sent no ID token", ErrLoginFailed)
	}
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return idClaims{}, fmt.Errorf("%w: ID token: %v", ErrLoginFailed, err)
	}
	if subtle.ConstantTimeCompare([]byte(tok.Nonce), []byte(nonce)) != 1 {
		return idClaims{}, fmt.Errorf("%w: ID token nonce does not match", ErrLoginFailed)
	}
	c := idClaims{Issuer: tok.Issuer, Subject: tok.Subject, extra: map[string]any{}}
	if err := tok.Claims(&c.extra); err != nil {
		return idClaims{}, fmt.Errorf("%w: ID token claims: %v", ErrLoginFailed, err)
	}
	return c, nil
}

func (c idClaims) str(name string) string {
	s, _ := c.extra[name].(string)
	return strings.TrimSpace(s)
}

func (c idClaims) name() string {
	for _, k := range []string{"name", "preferred_username"} {
		if v := c.str(k); v != "" {
			return v
		}
	}
	return strings.TrimSpace(c.str("given_name") + " " + c.str("family_name"))
}

func (c idClaims) email() string { return c.str("email") }

// emailVerified reads the email_verified claim: true, or the string "true" that some providers
// send; anything else (missing too) is unverified.
func (c idClaims) emailVerified() bool {
	switch v := c.extra["email_verified"].(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(strings.TrimSpace(v), "true")
	}
	return false
}

// strings reads a claim holding a list of strings; a single string counts as a list of one.
// present is false when the claim is absent (or a part of its path is not an object), which the
// caller reports: a misspelt roles claim otherwise silently grants only the default role.
func (c idClaims) strings(path ClaimPath) (values []string, present bool) {
	if len(path) == 0 {
		return nil, false
	}
	v, ok := path.lookup(c.extra)
	if !ok {
		return nil, false
	}
	switch v := v.(type) {
	case string:
		return []string{v}, true
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out, true
	}
	return nil, true
}

// names lists the top-level claim names, sorted, for a warning that a configured claim is absent.
func (c idClaims) names() []string {
	out := make([]string, 0, len(c.extra))
	for k := range c.extra {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
