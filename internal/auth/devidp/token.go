package devidp

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// pkceVerifier is the RFC 7636 4.1 code_verifier syntax: 43 to 128 unreserved characters.
var pkceVerifier = regexp.MustCompile(`^[A-Za-z0-9._~-]{43,128}$`)

// tokenResponse is the RFC 6749 5.1 / OIDC Core 3.1.3.3 success response.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
	IDToken     string `json:"id_token"`
}

// token implements the authorization_code grant of the token endpoint.
func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	// Tokens and errors alike must not be cached (RFC 6749 5.1).
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	resp, oerr := p.exchange(w, r)
	if oerr != nil {
		if oerr.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Basic realm="devidp"`)
		}
		writeJSON(w, oerr.status, map[string]string{"error": oerr.code, "error_description": oerr.desc})
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (p *Provider) exchange(w http.ResponseWriter, r *http.Request) (*tokenResponse, *oauthError) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, invalidRequest("body must be application/x-www-form-urlencoded")
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return nil, invalidRequest("malformed body")
	}
	form := r.PostForm // parameters in the URL query are not accepted at the token endpoint
	for _, name := range []string{"grant_type", "code", "redirect_uri", "code_verifier", "client_id", "client_secret"} {
		if _, ok := single(form, name); !ok {
			return nil, invalidRequest("parameter " + name + " repeated")
		}
	}
	client, oerr := p.authenticateClient(r, form)
	if oerr != nil {
		return nil, oerr
	}
	switch gt := form.Get("grant_type"); gt {
	case "authorization_code":
	case "":
		return nil, invalidRequest("grant_type missing")
	default:
		return nil, &oauthError{status: http.StatusBadRequest, code: "unsupported_grant_type", desc: "only authorization_code is supported"}
	}
	code, redirectURI, verifier := form.Get("code"), form.Get("redirect_uri"), form.Get("code_verifier")
	switch {
	case code == "":
		return nil, invalidRequest("code missing")
	case redirectURI == "":
		return nil, invalidRequest("redirect_uri missing")
	case verifier == "":
		return nil, invalidRequest("code_verifier missing")
	case !pkceVerifier.MatchString(verifier):
		return nil, invalidRequest("code_verifier malformed")
	}
	now := p.now()
	c, err := p.store.redeem(code, client.ID, now)
	if err != nil {
		return nil, invalidGrant(err.Error())
	}
	if c.redirectURI != redirectURI {
		return nil, invalidGrant("redirect_uri differs from the authorization request")
	}
	sum := sha256.Sum256([]byte(verifier))
	if subtle.ConstantTimeCompare([]byte(base64.RawURLEncoding.EncodeToString(sum[:])), []byte(c.challenge)) != 1 {
		return nil, invalidGrant("code_verifier does not match code_challenge")
	}
	u := p.users[c.subject]
	access := randomToken()
	if err := p.store.putToken(access, code, &accessToken{
		clientID: client.ID, subject: u.Subject, scope: c.scope, expires: now.Add(tokenLifetime),
	}, now); err != nil {
		if errors.Is(err, errFull) {
			return nil, &oauthError{status: http.StatusServiceUnavailable, code: "temporarily_unavailable", desc: err.Error()}
		}
		return nil, invalidGrant(err.Error())
	}
	claims := userClaims(u, c.scope)
	claims["iss"] = p.issuer
	claims["aud"] = client.ID
	claims["exp"] = now.Add(tokenLifetime).Unix()
	claims["iat"] = now.Unix()
	claims["auth_time"] = c.authTime.Unix()
	claims["nonce"] = c.nonce
	claims["sid"] = c.sid
	claims["at_hash"] = atHash(access)
	idToken, err := p.SignIDToken(claims)
	if err != nil {
		return nil, &oauthError{status: http.StatusInternalServerError, code: "server_error", desc: err.Error()}
	}
	return &tokenResponse{
		AccessToken: access, TokenType: "Bearer", ExpiresIn: int(tokenLifetime.Seconds()),
		Scope: c.scope, IDToken: idToken,
	}, nil
}

func invalidGrant(desc string) *oauthError {
	return &oauthError{status: http.StatusBadRequest, code: "invalid_grant", desc: desc}
}

// authenticateClient accepts exactly one of client_secret_basic and client_secret_post.
func (p *Provider) authenticateClient(r *http.Request, form url.Values) (*Client, *oauthError) {
	id, secret, basic := r.BasicAuth()
	hasHeader := r.Header.Get("Authorization") != ""
	switch {
	case hasHeader && !basic:
		return nil, invalidClient("malformed Authorization header")
	case basic && form.Has("client_secret"):
		// RFC 6749 2.3: a client MUST NOT use more than one authentication method per request.
		return nil, invalidRequest("use either HTTP Basic or client_secret in the body, not both")
	case basic:
		// RFC 6749 2.3.1: id and secret are form-urlencoded before Basic encoding.
		var err1, err2 error
		id, err1 = url.QueryUnescape(id)
		secret, err2 = url.QueryUnescape(secret)
		if err1 != nil || err2 != nil {
			return nil, invalidClient("malformed Basic credentials")
		}
		if bodyID := form.Get("client_id"); bodyID != "" && bodyID != id {
			return nil, invalidRequest("client_id in body differs from the authenticated client")
		}
	case form.Has("client_secret"):
		id, secret = form.Get("client_id"), form.Get("client_secret")
	default:
		return nil, invalidClient("client authentication required")
	}
	c, ok := p.clients[id]
	// Compare even for unknown clients, so timing does not tell which client IDs exist.
	want := "\x00no-such-client"
	if ok {
		want = c.Secret
	}
	if subtle.ConstantTimeCompare([]byte(secret), []byte(want)) != 1 || !ok {
		return nil, invalidClient("client authentication failed")
	}
	return c, nil
}

func invalidClient(desc string) *oauthError {
	return &oauthError{status: http.StatusUnauthorized, code: "invalid_client", desc: desc}
}

// userClaims are the user's claims as released by the granted scopes (OIDC Core 5.4, plus the
// non-standard groups scope). Both the ID token and userinfo use them, so they never disagree.
func userClaims(u *User, scope string) map[string]any {
	claims := map[string]any{"sub": u.Subject}
	if hasScope(scope, "profile") {
		for k, v := range u.Claims {
			claims[k] = v
		}
		claims["name"] = u.Name
		claims["preferred_username"] = u.Subject
	}
	if hasScope(scope, "email") {
		claims["email"] = u.Email
		claims["email_verified"] = true
	}
	if hasScope(scope, "groups") {
		claims["groups"] = append([]string{}, u.Groups...)
	}
	return claims
}

// bearerToken extracts an RFC 6750 2.1 bearer token; the scheme is case-insensitive.
func bearerToken(r *http.Request) string {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}
