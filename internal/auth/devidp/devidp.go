// Package devidp is teilhabe's built-in development OpenID Connect provider with demo users.
//
// It exists so that `make run` and the tests always exercise the real login path (authorization
// code flow with PKCE, verified with coreos/go-oidc on the relying-party side) instead of a
// bypass. It implements discovery, JWKS, RS256-signed ID tokens, a login page listing made-up
// people, the token endpoint (client_secret_basic / client_secret_post, PKCE S256 mandatory),
// userinfo, RP-initiated logout (end_session) and back-channel logout: a session (sid) per login
// whose end at end_session or LogoutUser is posted as a signed logout token to the client's
// BackchannelLogoutURI.
//
// Anyone can sign in as anyone here, by design. It must only ever be mounted when
// TEILHABE_DEMO=1; the caller enforces that. All state (codes, access tokens) lives in memory
// and the signing key is created fresh per process, so a restart invalidates every session.
package devidp

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// User is a demo person.
type User struct {
	Subject     string   // stable sub claim, e.g. "demo-admin"
	Name        string   // display name (name claim)
	Email       string   // email claim; always reported as verified
	Groups      []string // emitted as the "groups" claim (ID token and userinfo)
	Audience    string   // "staff", "provider" or "resident": which client's login page lists the user
	Description string   // one line shown on the login page, e.g. "Koordination Erfurt (16051)"
	// Claims are more claims released with the profile scope (ID token and userinfo), such as
	// Keycloak's {"realm_access": {"roles": [...]}}; they never replace the standard ones.
	Claims map[string]any
}

// Client is a registered relying party.
type Client struct {
	ID, Secret             string
	RedirectURIs           []string // exact match required
	PostLogoutRedirectURIs []string // exact match; otherwise end_session shows a "signed out" page
	Audience               string   // the users listed on its login page ("" = all users)
	// BackchannelLogoutURI receives a signed logout_token when a session of this client ends
	// (OpenID Connect Back-Channel Logout 1.0); "" sends none.
	BackchannelLogoutURI string
}

// Provider is an in-memory OpenID Connect provider. It is safe for concurrent use.
type Provider struct {
	issuer   string // exactly as given to New: the iss claim must match the RP's configuration byte for byte
	base     string // issuer without trailing slash: endpoint URLs are base + "/authorize" etc.
	basePath string // decoded URL path of base, matched against r.URL.Path
	webPath  string // escaped URL path of base, used in HTML links so pages work on any host alias

	clients map[string]*Client
	users   map[string]*User
	order   []string // user subjects in the order given, so the login page is stable

	key          *rsa.PrivateKey
	kid          string
	signer       jose.Signer
	logoutSigner jose.Signer

	store store
	// now is the clock; tests replace it to expire codes and tokens without sleeping.
	now func() time.Time
}

// Lifetimes. Codes are short-lived because they travel through the browser; tokens match the
// usual one-hour session refresh of relying parties.
const (
	codeLifetime  = 60 * time.Second
	tokenLifetime = time.Hour
)

// New creates a provider whose issuer is the absolute URL issuer (e.g.
// "http://localhost:8080/devidp"), with a fresh RSA-2048 key.
func New(issuer string, clients []Client, users []User) (*Provider, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("devidp: generate key: %w", err)
	}
	return newWithKey(issuer, clients, users, key)
}

// newWithKey is New with a given key; tests share one key because RSA generation is slow under -race.
func newWithKey(issuer string, clients []Client, users []User, key *rsa.PrivateKey) (*Provider, error) {
	u, err := url.Parse(issuer)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("devidp: issuer %q must be an absolute http(s) URL without query or fragment", issuer)
	}
	p := &Provider{
		issuer:   issuer,
		base:     strings.TrimSuffix(issuer, "/"),
		basePath: strings.TrimSuffix(u.Path, "/"),
		webPath:  strings.TrimSuffix(u.EscapedPath(), "/"),
		clients:  make(map[string]*Client, len(clients)),
		users:    make(map[string]*User, len(users)),
		key:      key,
		store:    newStore(),
		now:      time.Now,
	}
	for _, c := range clients {
		if err := validateClient(c); err != nil {
			return nil, err
		}
		if _, dup := p.clients[c.ID]; dup {
			return nil, fmt.Errorf("devidp: duplicate client %q", c.ID)
		}
		// Copy the slices so later changes by the caller cannot alter the registration.
		c.RedirectURIs = append([]string(nil), c.RedirectURIs...)
		c.PostLogoutRedirectURIs = append([]string(nil), c.PostLogoutRedirectURIs...)
		p.clients[c.ID] = &c
	}
	for _, usr := range users {
		if usr.Subject == "" {
			return nil, errors.New("devidp: user without subject")
		}
		if _, dup := p.users[usr.Subject]; dup {
			return nil, fmt.Errorf("devidp: duplicate user %q", usr.Subject)
		}
		usr.Groups = append([]string{}, usr.Groups...) // non-nil: an empty claim is [] rather than null
		p.users[usr.Subject] = &usr
		p.order = append(p.order, usr.Subject)
	}
	if err := p.initSigner(); err != nil {
		return nil, err
	}
	if err := p.initLogoutSigner(); err != nil {
		return nil, err
	}
	return p, nil
}

func validateClient(c Client) error {
	if c.ID == "" || c.Secret == "" {
		// Public clients are not supported: the token endpoint always authenticates the client.
		return fmt.Errorf("devidp: client %q needs an ID and a secret", c.ID)
	}
	if len(c.RedirectURIs) == 0 {
		return fmt.Errorf("devidp: client %q has no redirect URI", c.ID)
	}
	for _, list := range [][]string{c.RedirectURIs, c.PostLogoutRedirectURIs, nonEmpty(c.BackchannelLogoutURI)} {
		for _, raw := range list {
			// RFC 6749 3.1.2: redirection endpoints are absolute URIs without fragment.
			u, err := url.Parse(raw)
			if err != nil || !u.IsAbs() || u.Host == "" || u.Fragment != "" {
				return fmt.Errorf("devidp: client %q: redirect URI %q must be absolute without fragment", c.ID, raw)
			}
		}
	}
	return nil
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// Issuer returns the issuer URL exactly as given to New.
func (p *Provider) Issuer() string { return p.issuer }

// Handler serves every endpoint under the issuer's path. It matches the full request paths
// (<issuer path>/.well-known/openid-configuration, /jwks, /authorize, /token, /userinfo,
// /end_session, /style.css), so mount it without http.StripPrefix; everything else is 404.
func (p *Provider) Handler() http.Handler { return http.HandlerFunc(p.route) }

func (p *Provider) route(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, p.basePath)
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch rest {
	case "/.well-known/openid-configuration":
		if allow(w, r, http.MethodGet) {
			p.discovery(w)
		}
	case "/jwks":
		if allow(w, r, http.MethodGet) {
			p.jwks(w)
		}
	case "/style.css":
		if allow(w, r, http.MethodGet) {
			serveStyle(w)
		}
	case "/authorize":
		if allow(w, r, http.MethodGet, http.MethodPost) {
			p.authorize(w, r)
		}
	case "/token":
		if allow(w, r, http.MethodPost) {
			p.token(w, r)
		}
	case "/userinfo":
		if allow(w, r, http.MethodGet, http.MethodPost) {
			p.userinfo(w, r)
		}
	case "/end_session":
		if allow(w, r, http.MethodGet, http.MethodPost) {
			p.endSession(w, r)
		}
	default:
		http.NotFound(w, r)
	}
}

// allow answers 405 with an Allow header unless the method is listed; HEAD counts as GET.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m || (m == http.MethodGet && r.Method == http.MethodHead) {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	return false
}

// randomToken returns 256 random bits, base64url-encoded: unguessable codes and access tokens.
func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (it crashes the program instead)
	return base64.RawURLEncoding.EncodeToString(b)
}

// single returns the only value of a parameter. RFC 6749 3.1 forbids repeating parameters, and
// accepting the first of several would let a tampered request smuggle a second value past checks.
func single(v url.Values, name string) (string, bool) {
	switch len(v[name]) {
	case 0:
		return "", true
	case 1:
		return v[name][0], true
	default:
		return "", false
	}
}

// hasScope reports whether the space-separated scope list contains s.
func hasScope(scope, s string) bool {
	for _, f := range strings.Fields(scope) {
		if f == s {
			return true
		}
	}
	return false
}

// visibleTo reports whether a user is listed for (and may sign in to) the client.
func visibleTo(u *User, c *Client) bool { return c.Audience == "" || u.Audience == c.Audience }
