package devidp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// BackchannelLogoutEvent is the events member of every logout token (Back-Channel Logout 1.0,
// section 2.4).
const BackchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout"

// sessionLifetime bounds how long the provider remembers a login's session (sid).
const sessionLifetime = 24 * time.Hour

// idpSession is a login at the provider: one per issued code, named by the sid claim of the ID
// tokens issued with it. The provider has no browser cookie, so every login is a session of its
// own, and it ends at end_session (with an id_token_hint naming it) or with LogoutUser.
type idpSession struct {
	subject, clientID string
	expires           time.Time
}

// newSession records a session and returns its sid.
func (s *store) newSession(subject, clientID string, now time.Time) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, se := range s.sessions {
		if !now.Before(se.expires) {
			delete(s.sessions, k)
		}
	}
	if len(s.sessions) >= maxEntries {
		return "", errFull
	}
	sid := randomToken()
	s.sessions[sid] = &idpSession{subject: subject, clientID: clientID, expires: now.Add(sessionLifetime)}
	return sid, nil
}

// endSession forgets the session and returns it (ok false when unknown, ended, or not one of
// these clients': a hint names the sessions of its audience only).
func (s *store) endSession(sid string, clients []string) (idpSession, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	se, ok := s.sessions[sid]
	if ok && slices.Contains(clients, se.clientID) {
		delete(s.sessions, sid)
		return *se, true
	}
	return idpSession{}, false
}

// endSubject forgets every session of subject and returns the clients they belonged to.
func (s *store) endSubject(subject string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	var clients []string
	for sid, se := range s.sessions {
		if se.subject == subject {
			delete(s.sessions, sid)
			if !seen[se.clientID] {
				seen[se.clientID] = true
				clients = append(clients, se.clientID)
			}
		}
	}
	return clients
}

// LogoutUser ends every session of the person, as a provider does when an administrator disables
// them or signs them out everywhere, and sends each client that had one a logout token naming
// only the subject (no sid). It returns the first delivery error.
func (p *Provider) LogoutUser(ctx context.Context, subject string) error {
	var first error
	for _, id := range p.store.endSubject(subject) {
		if err := p.sendLogout(ctx, p.clients[id], "", subject); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// endHinted ends the session an id_token_hint names, if it is still live, and tells its client.
// Delivery is synchronous, as in a provider that waits for its relying parties before showing
// "signed out", so that the client's session is over once end_session answers.
func (p *Provider) endHinted(ctx context.Context, hint string) error {
	claims := p.hintClaims(hint)
	if claims == nil || claims.Sid == "" {
		return nil
	}
	se, ok := p.store.endSession(claims.Sid, p.hintClients(hint))
	if !ok {
		return nil
	}
	return p.sendLogout(ctx, p.clients[se.clientID], claims.Sid, se.subject)
}

// LogoutToken returns a logout token for the client (Back-Channel Logout 1.0, section 2.4): iss,
// aud, iat, exp, a fresh jti, the events member, and sid and/or sub, never a nonce. Tests use it
// to post tokens themselves.
func (p *Provider) LogoutToken(clientID, sid, sub string) (string, error) {
	if sid == "" && sub == "" {
		return "", errors.New("devidp: a logout token names a sid, a sub or both")
	}
	now := p.now()
	claims := map[string]any{"iss": p.issuer, "aud": clientID, "iat": now.Unix(), "exp": now.Add(2 * time.Minute).Unix(),
		"jti": randomToken(), "events": map[string]any{BackchannelLogoutEvent: map[string]any{}}}
	if sid != "" {
		claims["sid"] = sid
	}
	if sub != "" {
		claims["sub"] = sub
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	jws, err := p.logoutSigner.Sign(payload)
	if err != nil {
		return "", fmt.Errorf("devidp: sign logout token: %w", err)
	}
	return jws.CompactSerialize()
}

// sendLogout posts a logout token to the client's back-channel logout URI, if it registered one.
func (p *Provider) sendLogout(ctx context.Context, c *Client, sid, sub string) error {
	if c == nil || c.BackchannelLogoutURI == "" {
		return nil
	}
	tok, err := p.LogoutToken(c.ID, sid, sub)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BackchannelLogoutURI,
		strings.NewReader(url.Values{"logout_token": {tok}}.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("devidp: back-channel logout to %s: %w", c.ID, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("devidp: back-channel logout to %s answered %d: %s", c.ID, resp.StatusCode, body)
	}
	return nil
}

// initLogoutSigner prepares the signer of logout tokens: the same key, explicitly typed
// logout+jwt (section 2.4), so that a logout token can never pass for an ID token.
func (p *Provider) initLogoutSigner() error {
	var err error
	p.logoutSigner, err = jose.NewSigner(
		jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: p.key, KeyID: p.kid, Algorithm: string(jose.RS256)}},
		(&jose.SignerOptions{}).WithType("logout+jwt"),
	)
	return err
}
