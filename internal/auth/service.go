package auth

import (
	"cmp"
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// Errors of the login flow; the HTTP layer maps them to problem codes.
var (
	ErrUnknownProvider = errors.New("unknown login provider")
	ErrBadReturnTo     = errors.New("return_to must be a local path")
	ErrLoginFailed     = errors.New("login failed")
)

// Options configure the service.
type Options struct {
	BaseURL     *url.URL
	IdleTimeout time.Duration // a session unused this long ends
	MaxAge      time.Duration // a session ends this long after login, however used
	// HTTPClient talks to the providers (nil: a client with a 10 s timeout).
	HTTPClient *http.Client
	// CacheSize bounds how many sessions are kept in memory with their principals (0:
	// DefaultCacheSize; negative: no cache, every request reads the database).
	CacheSize int
	// CacheMaxAge is how long a cached session is used before it is read again (0:
	// DefaultCacheMaxAge; negative: no cache). Changes announced over the bus drop entries at
	// once; this bounds how long a change that was never announced goes unseen.
	CacheMaxAge time.Duration
	// Now is the clock (nil: time.Now in UTC); tests move it to let sessions expire.
	Now func() time.Time
	// Log receives the warnings about providers and claims (nil: discarded).
	Log *slog.Logger
	// DiscoveryTimeout bounds one fetch of a provider's discovery document (0: 5 s).
	DiscoveryTimeout time.Duration
	// RefreshEvery is how often Watch fetches a reachable provider's metadata and keys again
	// (0: DefaultRefreshEvery).
	RefreshEvery time.Duration
	// RetryMin and RetryMax bound Watch's backoff for an unreachable provider (0: 1 s and 5 min).
	RetryMin, RetryMax time.Duration
}

// Service runs logins, sessions and logouts.
type Service struct {
	providers []*provider
	sessions  SessionStore
	identity  Identities
	audit     audit.Store
	opts      Options
	now       func() time.Time
	cache     *cache
}

// NewService configures the providers; nothing is fetched from them until Watch runs or the first
// login.
func NewService(cfgs []ProviderConfig, sessions SessionStore, ids Identities, log audit.Store, opts Options) *Service {
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return time.Now().UTC() }
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	opts.DiscoveryTimeout = cmp.Or(opts.DiscoveryTimeout, 5*time.Second)
	opts.RefreshEvery = cmp.Or(opts.RefreshEvery, DefaultRefreshEvery)
	opts.RetryMin = cmp.Or(opts.RetryMin, time.Second)
	opts.RetryMax = cmp.Or(opts.RetryMax, 5*time.Minute)
	s := &Service{sessions: sessions, identity: ids, audit: log, opts: opts, now: opts.Now, cache: newCache(opts.CacheSize, opts.CacheMaxAge)}
	for _, c := range cfgs {
		cb := opts.BaseURL.JoinPath("/auth/callback/", c.ID)
		s.providers = append(s.providers, &provider{cfg: c, redirectURL: cb.String(), client: opts.HTTPClient, timeout: opts.DiscoveryTimeout})
	}
	return s
}

// Providers lists the configured providers in configuration order.
func (s *Service) Providers() []ProviderConfig {
	out := make([]ProviderConfig, len(s.providers))
	for i, p := range s.providers {
		out[i] = p.cfg
	}
	return out
}

func (s *Service) provider(id string) (*provider, error) {
	for _, p := range s.providers {
		if p.cfg.ID == id {
			return p, nil
		}
	}
	return nil, ErrUnknownProvider
}

// LocalPath returns returnTo if it is a path of the app (and "/" if empty), so a login can never
// be turned into a redirect to another site. The path is the app's, below the base URL's path:
// the browser is sent to the base path plus it, so a dot segment, which the browser would resolve
// to a place outside the base path, is refused too (also percent-encoded: url.Parse decodes it).
func LocalPath(returnTo string) (string, error) {
	if returnTo == "" {
		return "/", nil
	}
	u, err := url.Parse(returnTo)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(returnTo, "/") ||
		strings.HasPrefix(returnTo, "//") || strings.ContainsAny(returnTo, "\\\r\n\t") || dotSegment(u.Path) {
		return "", ErrBadReturnTo
	}
	return returnTo, nil
}

func dotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// BeginLogin keeps state, nonce and PKCE verifier server side and returns the provider's
// authorization URL and the token of the browser-bound login cookie.
func (s *Service) BeginLogin(ctx context.Context, providerID, returnTo string) (authURL, loginToken string, err error) {
	p, err := s.provider(providerID)
	if err != nil {
		return "", "", err
	}
	if returnTo, err = LocalPath(returnTo); err != nil {
		return "", "", err
	}
	d, err := p.discover(ctx, s.now())
	if err != nil {
		return "", "", err
	}
	now := s.now()
	st := LoginState{ProviderID: providerID, State: randomToken(), Nonce: randomToken(), Verifier: oauth2.GenerateVerifier(),
		ReturnTo: returnTo, CreatedAt: now, ExpiresAt: now.Add(10 * time.Minute)}
	loginToken = randomToken()
	if err := s.sessions.SaveLoginState(ctx, HashToken(loginToken), st); err != nil {
		return "", "", err
	}
	return d.oauth.AuthCodeURL(st.State, oidc.Nonce(st.Nonce), oauth2.S256ChallengeOption(st.Verifier)), loginToken, nil
}

// Callback is what the provider sends back to /auth/callback/{provider}.
type Callback struct {
	ProviderID, LoginToken, State, Code, Error string
}

// FinishLogin checks the callback against the kept state, redeems the code with the PKCE
// verifier, verifies the ID token (issuer, audience, expiry, nonce) and the userinfo subject,
// updates the user and their roles, and starts a new session. The roles claimed at login replace
// the person's claim-sourced ones, so this instance forgets the person's other cached sessions at
// once; the caller announces Change{User} so that the other instances do too.
func (s *Service) FinishLogin(ctx context.Context, cb Callback) (LoggedIn, error) {
	if cb.LoginToken == "" {
		return LoggedIn{}, fmt.Errorf("%w: no login in progress in this browser", ErrLoginFailed)
	}
	st, err := s.sessions.TakeLoginState(ctx, HashToken(cb.LoginToken))
	if errors.Is(err, ErrNoSession) {
		return LoggedIn{}, fmt.Errorf("%w: unknown or already used login", ErrLoginFailed)
	} else if err != nil {
		return LoggedIn{}, err
	}
	switch {
	case st.ProviderID != cb.ProviderID:
		return LoggedIn{}, fmt.Errorf("%w: the login was started with another provider", ErrLoginFailed)
	case subtle.ConstantTimeCompare([]byte(st.State), []byte(cb.State)) != 1:
		return LoggedIn{}, fmt.Errorf("%w: state does not match", ErrLoginFailed)
	case s.now().After(st.ExpiresAt):
		return LoggedIn{}, fmt.Errorf("%w: the login took too long", ErrLoginFailed)
	case cb.Error != "":
		return LoggedIn{}, fmt.Errorf("%w: the provider answered %q", ErrLoginFailed, cb.Error)
	case cb.Code == "":
		return LoggedIn{}, fmt.Errorf("%w: no code", ErrLoginFailed)
	}
	p, err := s.provider(cb.ProviderID)
	if err != nil {
		return LoggedIn{}, err
	}
	d, err := p.discover(ctx, s.now())
	if err != nil {
		return LoggedIn{}, err
	}
	octx := oidc.ClientContext(ctx, p.client)
	tok, err := d.oauth.Exchange(octx, cb.Code, oauth2.VerifierOption(st.Verifier))
	if err != nil {
		return LoggedIn{}, fmt.Errorf("%w: code exchange: %v", ErrLoginFailed, err)
	}
	rawID, _ := tok.Extra("id_token").(string)
	claims, err := verifyIDToken(octx, d.verifier, rawID, st.Nonce)
	if err != nil {
		return LoggedIn{}, err
	}
	sid := claims.str("sid") // the ID token's, before userinfo's claims are merged in
	if d.op.UserInfoEndpoint() != "" {
		ui, err := d.op.UserInfo(octx, oauth2.StaticTokenSource(tok))
		if err != nil {
			return LoggedIn{}, fmt.Errorf("%w: userinfo: %v", ErrLoginFailed, err)
		}
		if ui.Subject != claims.Subject {
			return LoggedIn{}, fmt.Errorf("%w: userinfo subject differs from the ID token's", ErrLoginFailed)
		}
		if err := ui.Claims(&claims.extra); err != nil {
			return LoggedIn{}, fmt.Errorf("%w: userinfo claims: %v", ErrLoginFailed, err)
		}
	}
	login, err := identity.NewLogin(claims.Issuer, claims.Subject, claims.name(), claims.email(), p.cfg.ID, p.cfg.Roles(s.roleValues(ctx, p, claims)))
	if err != nil {
		return LoggedIn{}, err
	}
	login.EmailVerified = claims.emailVerified()
	principal, err := s.identity.Login(ctx, login)
	if err != nil {
		return LoggedIn{}, err
	}
	// Always, not only when the roles differ: telling would need the roles from before the
	// login, one more read, and a login is rare next to the requests the cache serves.
	s.cache.forgetUser(principal.User.ID)
	now := s.now()
	sessionToken := randomToken()
	err = s.sessions.CreateSession(ctx, HashToken(sessionToken), Session{UserID: principal.User.ID, ProviderID: p.cfg.ID,
		CSRFToken: randomToken(), IDToken: rawID, OIDCSid: sid, OIDCSub: claims.Subject, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(s.opts.MaxAge)})
	if err != nil {
		return LoggedIn{}, err
	}
	return LoggedIn{Token: sessionToken, ReturnTo: s.opts.BaseURL.EscapedPath() + st.ReturnTo, UserID: principal.User.ID}, nil
}

// LoggedIn is the outcome of a login.
type LoggedIn struct {
	Token    string // the session cookie's value
	ReturnTo string // where to send the browser: the app path asked for, below the base URL's path
	UserID   int64  // whose roles may have changed with the login's claims
}

// Logout ends the session and returns where to send the browser: the provider's end-session
// endpoint (RP-initiated logout) when it advertises one, else postLogout.
func (s *Service) Logout(ctx context.Context, token, postLogout string) (string, error) {
	se, p, err := s.Authenticate(ctx, token)
	if err != nil {
		return postLogout, err
	}
	if err := s.sessions.DeleteSession(ctx, HashToken(token)); err != nil {
		return "", err
	}
	s.cache.forgetSession(HashToken(token))
	_ = s.audit.Append(ctx, audit.Entry{ActorID: p.User.ID, Action: "logout", TargetType: "user",
		TargetID: fmt.Sprint(p.User.ID), Details: map[string]any{"provider": se.ProviderID}})
	prov, err := s.provider(se.ProviderID)
	if err != nil {
		return postLogout, nil // the provider was removed from the configuration
	}
	d, err := prov.discover(ctx, s.now())
	if err != nil || d.endSession == "" {
		return postLogout, nil
	}
	u, err := url.Parse(d.endSession)
	if err != nil {
		return postLogout, nil
	}
	q := u.Query()
	q.Set("client_id", prov.cfg.ClientID)
	q.Set("post_logout_redirect_uri", postLogout)
	if se.IDToken != "" {
		q.Set("id_token_hint", se.IDToken)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// Sweep deletes expired login states and sessions.
func (s *Service) Sweep(ctx context.Context) error {
	now := s.now()
	return s.sessions.DeleteExpired(ctx, now, now.Add(-s.opts.IdleTimeout))
}

// Discard deletes a session without logging out at the provider: the session a browser had
// before a new login, which must not live on next to the new one.
func (s *Service) Discard(ctx context.Context, token string) error {
	h := HashToken(token)
	err := s.sessions.DeleteSession(ctx, h)
	s.cache.forgetSession(h)
	return err
}
