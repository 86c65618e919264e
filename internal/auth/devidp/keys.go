package devidp

import (
	"crypto"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"

	jose "github.com/go-jose/go-jose/v4"
)

// initSigner derives the key ID and prepares the RS256 signer. The kid is the RFC 7638
// thumbprint, so it changes exactly when the key does and RPs refetch the JWKS on restart.
func (p *Provider) initSigner() error {
	pub := jose.JSONWebKey{Key: &p.key.PublicKey}
	tp, err := pub.Thumbprint(crypto.SHA256)
	if err != nil {
		return fmt.Errorf("devidp: key thumbprint: %w", err)
	}
	p.kid = base64.RawURLEncoding.EncodeToString(tp)
	p.signer, err = jose.NewSigner(
		jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: p.key, KeyID: p.kid, Algorithm: string(jose.RS256)}},
		(&jose.SignerOptions{}).WithType("JWT"),
	)
	if err != nil {
		return fmt.Errorf("devidp: signer: %w", err)
	}
	return nil
}

// SignIDToken signs arbitrary claims with the provider's key (kid in the header). Tests of the
// relying party use it to craft tokens (foreign audience, expired, wrong nonce) that are
// otherwise real. No claim is added or checked.
func (p *Provider) SignIDToken(claims map[string]any) (string, error) {
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("devidp: encode claims: %w", err)
	}
	jws, err := p.signer.Sign(payload)
	if err != nil {
		return "", fmt.Errorf("devidp: sign: %w", err)
	}
	return jws.CompactSerialize()
}

// jwks serves the public key. There is only ever one key: it lives as long as the process.
func (p *Provider) jwks(w http.ResponseWriter) {
	set := jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{
		Key: &p.key.PublicKey, KeyID: p.kid, Algorithm: string(jose.RS256), Use: "sig",
	}}}
	writeJSON(w, http.StatusOK, set)
}

// hintClients returns the known clients an id_token_hint was issued to. It verifies signature
// and issuer but deliberately not expiry: OIDC RP-Initiated Logout expects expired hints,
// since logout often happens after the ID token ran out. Invalid hints yield nil.
func (p *Provider) hintClients(hint string) []string {
	claims := p.hintClaims(hint)
	if claims == nil {
		return nil
	}
	var auds []string
	var one string
	if json.Unmarshal(claims.Aud, &one) == nil {
		auds = []string{one}
	} else if json.Unmarshal(claims.Aud, &auds) != nil {
		return nil
	}
	var known []string
	for _, a := range auds {
		if _, ok := p.clients[a]; ok {
			known = append(known, a)
		}
	}
	return known
}

// hintClaims are the claims of an id_token_hint signed by this provider for its issuer (expiry
// not checked, see hintClients), or nil.
func (p *Provider) hintClaims(hint string) *hintClaims {
	jws, err := jose.ParseSignedCompact(hint, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil
	}
	payload, err := jws.Verify(&p.key.PublicKey)
	if err != nil {
		return nil
	}
	var claims hintClaims
	if json.Unmarshal(payload, &claims) != nil || claims.Iss != p.issuer {
		return nil
	}
	return &claims
}

type hintClaims struct {
	Iss string          `json:"iss"`
	Aud json.RawMessage `json:"aud"`
	Sid string          `json:"sid"`
}

// atHash is the OIDC at_hash of an access token: the left half of its SHA-256, base64url.
// It lets RPs bind the access token to the ID token (IDToken.VerifyAccessToken in go-oidc).
func atHash(accessToken string) string {
	sum := sha256.Sum256([]byte(accessToken))
	return base64.RawURLEncoding.EncodeToString(sum[:len(sum)/2])
}

// writeJSON writes v as a JSON response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
