package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/audit"
)

// ErrBadLogoutToken means a back-channel logout token failed validation; the provider gets 400.
var ErrBadLogoutToken = errors.New("invalid logout token")

// backchannelEvent is the member a logout token's events claim must hold.
const backchannelEvent = "http://schemas.openid.net/event/backchannel-logout"

// logoutTokenMaxAge bounds how old a logout token may be (by its iat): it is delivered at once,
// so an old one is a replay. The same allowance covers clocks that are slightly ahead.
const logoutTokenMaxAge = 5 * time.Minute

// BackchannelLogout validates a logout token of the provider (OpenID Connect Back-Channel Logout
// 1.0, section 2.6: signature with the provider's keys, issuer, audience this client, iat, the
// back-channel logout event, sid or sub, no nonce) and ends the provider's sessions it names:
// those with its sid, or every session of its sub when it names only the sub. It returns the
// ended sessions, which this instance's cache has forgotten already; the caller announces them
// so that other instances and live connections follow.
func (s *Service) BackchannelLogout(ctx context.Context, providerID, raw string) ([]EndedSession, error) {
	p, err := s.provider(providerID)
	if err != nil {
		return nil, err
	}
	if raw == "" {
		return nil, fmt.Errorf("%w: no logout_token", ErrBadLogoutToken)
	}
	d, err := p.discover(ctx, s.now())
	if err != nil {
		return nil, err
	}
	tok, err := d.logout.Verify(ctx, raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLogoutToken, err)
	}
	var c struct {
		Sid    string                     `json:"sid"`
		Jti    string                     `json:"jti"`
		Exp    *int64                     `json:"exp"`
		Nonce  *json.RawMessage           `json:"nonce"`
		Events map[string]json.RawMessage `json:"events"`
	}
	if err := tok.Claims(&c); err != nil {
		return nil, fmt.Errorf("%w: claims: %v", ErrBadLogoutToken, err)
	}
	now := s.now()
	var event map[string]any
	switch {
	case c.Nonce != nil:
		return nil, fmt.Errorf("%w: it carries a nonce", ErrBadLogoutToken)
	case json.Unmarshal(c.Events[backchannelEvent], &event) != nil || event == nil:
		return nil, fmt.Errorf("%w: events lacks %s", ErrBadLogoutToken, backchannelEvent)
	case c.Sid == "" && tok.Subject == "":
		return nil, fmt.Errorf("%w: neither sid nor sub", ErrBadLogoutToken)
	case c.Jti == "":
		return nil, fmt.Errorf("%w: no jti", ErrBadLogoutToken)
	case tok.IssuedAt.IsZero() || now.Sub(tok.IssuedAt) > logoutTokenMaxAge || tok.IssuedAt.Sub(now) > logoutTokenMaxAge:
		return nil, fmt.Errorf("%w: iat %v is not within %v of now", ErrBadLogoutToken, tok.IssuedAt, logoutTokenMaxAge)
	case c.Exp != nil && now.After(time.Unix(*c.Exp, 0).Add(time.Minute)):
		return nil, fmt.Errorf("%w: expired", ErrBadLogoutToken)
	}
	ended, err := s.sessions.DeleteProviderSessions(ctx, providerID, c.Sid, tok.Subject)
	if err != nil {
		return nil, err
	}
	for _, e := range ended {
		s.cache.forgetSession(e.IDHash)
		_ = s.audit.Append(ctx, audit.Entry{ActorID: e.UserID, Action: "logout", TargetType: "user",
			TargetID: fmt.Sprint(e.UserID), Details: map[string]any{"provider": providerID, "by": "backchannel"}})
	}
	return ended, nil
}
