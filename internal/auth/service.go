package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
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
}

// Service runs logins, sessions and logouts.
type Service struct {
	providers []*provider
	sessions  SessionStore
	identity  Identities
	audit     audit.Store
	opts      Options
	now       func() time.Time
}

// NewService configures the providers; nothing is fetched from them until the first login.
func NewService(cfgs []ProviderConfig, sessions SessionStore, ids Identities, log audit.Store, opts Options) *Service {
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	s := &Service{sessions: sessions, identity: ids, audit: log, opts: opts, now: func() time.Time { return time.Now().UTC() }}
	for _, c := range cfgs {
		cb := opts.BaseURL.JoinPath("/auth/callback/", c.ID)
		s.providers = append(s.providers, &provider{cfg: c, redirectURL: cb.String(), client: opts.HTTPClient})
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

// LocalPath returns returnTo if it is a path on this site (and "/" if empty), so a login can
// never be turned into a redirect to another site.
func LocalPath(returnTo string) (string, error) {
	if returnTo == "" {
		return "/", nil
	}
	u, err := url.Parse(returnTo)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(returnTo, "/") ||
		strings.HasPrefix(returnTo, "//") || strings.ContainsAny(returnTo, "\\\r\n\t") {
		return "", ErrBadReturnTo
	}
	return returnTo, nil
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
	d, err := p.discover(ctx)
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
// updates the user and their roles, and starts a new session. It returns the session token and
// where to send the browser.
func (s *Service) FinishLogin(ctx context.Context, cb Callback) (sessionToken, returnTo string, err error) {
	if cb.LoginToken == "" {
		return "", "", fmt.Errorf("%w: no login in progress in this browser", ErrLoginFailed)
	}
	st, err := s.sessions.TakeLoginState(ctx, HashToken(cb.LoginToken))
	if errors.Is(err, ErrNoSession) {
		return "", "", fmt.Errorf("%w: unknown or already used login", ErrLoginFailed)
	} else if err != nil {
		return "", "", err
	}
	switch {
	case st.ProviderID != cb.ProviderID:
		return "", "", fmt.Errorf("%w: the login was started with another provider", ErrLoginFailed)
	case subtle.ConstantTimeCompare([]byte(st.State), []byte(cb.State)) != 1:
		return "", "", fmt.Errorf("%w: state does not match", ErrLoginFailed)
	case s.now().After(st.ExpiresAt):
		return "", "", fmt.Errorf("%w: the login took too long", ErrLoginFailed)
	case cb.Error != "":
		return "", "", fmt.Errorf("%w: the provider answered %q", ErrLoginFailed, cb.Error)
	case cb.Code == "":
		return "", "", fmt.Errorf("%w: no code", ErrLoginFailed)
	}
	p, err := s.provider(cb.ProviderID)
	if err != nil {
		return "", "", err
	}
	d, err := p.discover(ctx)
	if err != nil {
		return "", "", err
	}
	octx := oidc.ClientContext(ctx, p.client)
	tok, err := d.oauth.Exchange(octx, cb.Code, oauth2.VerifierOption(st.Verifier))
	if err != nil {
		return "", "", fmt.Errorf("%w: code exchange: %v", ErrLoginFailed, err)
	}
	rawID, _ := tok.Extra("id_token").(string)
	claims, err := verifyIDToken(octx, d.verifier, rawID, st.Nonce)
	if err != nil {
		return "", "", err
	}
	if d.op.UserInfoEndpoint() != "" {
		ui, err := d.op.UserInfo(octx, oauth2.StaticTokenSource(tok))
		if err != nil {
			return "", "", fmt.Errorf("%w: userinfo: %v", ErrLoginFailed, err)
		}
		if ui.Subject != claims.Subject {
			return "", "", fmt.Errorf("%w: userinfo subject differs from the ID token's", ErrLoginFailed)
		}
		if err := ui.Claims(&claims.extra); err != nil {
			return "", "", fmt.Errorf("%w: userinfo claims: %v", ErrLoginFailed, err)
		}
	}
	login, err := identity.NewLogin(claims.Issuer, claims.Subject, claims.name(), claims.email(), p.cfg.ID, p.cfg.Roles(claims.strings(p.cfg.RolesClaim)))
	if err != nil {
		return "", "", err
	}
	principal, err := s.identity.Login(ctx, login)
	if err != nil {
		return "", "", err
	}
	now := s.now()
	sessionToken = randomToken()
	err = s.sessions.CreateSession(ctx, HashToken(sessionToken), Session{UserID: principal.User.ID, ProviderID: p.cfg.ID,
		CSRFToken: randomToken(), IDToken: rawID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(s.opts.MaxAge)})
	if err != nil {
		return "", "", err
	}
	return sessionToken, st.ReturnTo, nil
}

// Authenticate returns the session and principal of a session token, or ErrNoSession when the
// session does not exist, has expired or has been idle too long.
func (s *Service) Authenticate(ctx context.Context, token string) (Session, identity.Principal, error) {
	if token == "" {
		return Session{}, identity.Principal{}, ErrNoSession
	}
	h := HashToken(token)
	se, err := s.sessions.Session(ctx, h)
	if err != nil {
		return Session{}, identity.Principal{}, err
	}
	now := s.now()
	if now.After(se.ExpiresAt) || now.Sub(se.LastSeenAt) > s.opts.IdleTimeout {
		_ = s.sessions.DeleteSession(ctx, h)
		return Session{}, identity.Principal{}, ErrNoSession
	}
	if now.Sub(se.LastSeenAt) > time.Minute { // one write a minute, not one per request
		if err := s.sessions.TouchSession(ctx, h, now); err != nil {
			return Session{}, identity.Principal{}, err
		}
	}
	p, err := s.identity.Principal(ctx, se.UserID)
	if errors.Is(err, identity.ErrUserNotFound) {
		return Session{}, identity.Principal{}, ErrNoSession
	}
	return se, p, err
}

// SessionPrincipal returns who the session stored under idHash (HashToken of its cookie) belongs
// to now, with their current roles, or ErrNoSession when it has ended, under the same rules as
// Authenticate. It does not count as activity: a websocket that re-checks its access every few
// seconds must not keep an otherwise idle session alive.
func (s *Service) SessionPrincipal(ctx context.Context, idHash string) (identity.Principal, error) {
	se, err := s.sessions.Session(ctx, idHash)
	if err != nil {
		return identity.Principal{}, err
	}
	now := s.now()
	if now.After(se.ExpiresAt) || now.Sub(se.LastSeenAt) > s.opts.IdleTimeout {
		return identity.Principal{}, ErrNoSession
	}
	p, err := s.identity.Principal(ctx, se.UserID)
	if errors.Is(err, identity.ErrUserNotFound) {
		return identity.Principal{}, ErrNoSession
	}
	return p, err
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
	_ = s.audit.Append(ctx, audit.Entry{ActorID: p.User.ID, Action: "logout", TargetType: "user",
		TargetID: fmt.Sprint(p.User.ID), Details: map[string]any{"provider": se.ProviderID}})
	prov, err := s.provider(se.ProviderID)
	if err != nil {
		return postLogout, nil // the provider was removed from the configuration
	}
	d, err := prov.discover(ctx)
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
	return s.sessions.DeleteSession(ctx, HashToken(token))
}
