package devidp

import (
	"errors"
	"sync"
	"time"
)

// maxEntries bounds each map so that a flood of logins cannot exhaust memory; expired entries
// are swept on every insert, so the cap is only reached by more than maxEntries live entries.
const maxEntries = 10000

var (
	errFull        = errors.New("too many pending logins, try again later")
	errUnknownCode = errors.New("authorization code unknown or expired")
	errWrongClient = errors.New("authorization code was issued to another client")
	errCodeReused  = errors.New("authorization code already used; tokens issued with it are revoked")
)

// authCode is what an authorization code stands for, bound at the authorize step.
type authCode struct {
	clientID, redirectURI, subject, nonce, challenge, scope, sid string
	authTime, expires                                            time.Time

	used        bool   // redeemed once; kept until expiry to detect replays
	replayed    bool   // presented again: refuse to bind a token still being issued for it
	accessToken string // token issued with the code, revoked on replay (RFC 6749 4.1.2)
}

// accessToken is what a bearer token at the userinfo endpoint stands for.
type accessToken struct {
	clientID, subject, scope string
	expires                  time.Time
}

// store holds codes and access tokens in memory; one mutex is plenty for a development IdP.
type store struct {
	mu       sync.Mutex
	codes    map[string]*authCode
	tokens   map[string]*accessToken
	sessions map[string]*idpSession // by sid
}

func newStore() store {
	return store{codes: map[string]*authCode{}, tokens: map[string]*accessToken{}, sessions: map[string]*idpSession{}}
}

// sweep drops expired entries; the caller holds mu.
func (s *store) sweep(now time.Time) {
	for k, c := range s.codes {
		if !now.Before(c.expires) {
			delete(s.codes, k)
		}
	}
	for k, t := range s.tokens {
		if !now.Before(t.expires) {
			delete(s.tokens, k)
		}
	}
}

// putCode stores a fresh code.
func (s *store) putCode(code string, c *authCode, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweep(now)
	if len(s.codes) >= maxEntries {
		return errFull
	}
	s.codes[code] = c
	return nil
}

// redeem marks a code as used by clientID and returns a copy of it. Any attempt by the rightful
// client consumes the code, even if later checks (redirect_uri, PKCE) fail: codes are single-use.
// A code of another client is left untouched, so one client cannot burn another's codes.
func (s *store) redeem(code, clientID string, now time.Time) (authCode, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.codes[code]
	if !ok || !now.Before(c.expires) {
		return authCode{}, errUnknownCode
	}
	if c.clientID != clientID {
		return authCode{}, errWrongClient
	}
	if c.used {
		c.replayed = true
		delete(s.tokens, c.accessToken)
		return authCode{}, errCodeReused
	}
	c.used = true
	return *c, nil
}

// putToken stores an access token issued for code, unless the code was replayed meanwhile.
func (s *store) putToken(token, code string, t *accessToken, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.codes[code]; ok {
		if c.replayed {
			return errCodeReused
		}
		c.accessToken = token
	}
	s.sweep(now)
	if len(s.tokens) >= maxEntries {
		return errFull
	}
	s.tokens[token] = t
	return nil
}

// lookupToken returns a copy of a live access token.
func (s *store) lookupToken(token string, now time.Time) (accessToken, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tokens[token]
	if !ok || !now.Before(t.expires) {
		return accessToken{}, false
	}
	return *t, true
}
