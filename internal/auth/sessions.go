package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"
)

// ErrNoSession means the cookie names no live session (none, expired, or logged out).
var ErrNoSession = errors.New("no session")

// LoginState is what the server keeps between sending a browser to the provider and its return.
type LoginState struct {
	ProviderID string
	State      string
	Nonce      string
	Verifier   string // PKCE code verifier
	ReturnTo   string
	CreatedAt  time.Time
	ExpiresAt  time.Time
}

// Session is a logged-in browser. The cookie holds a random token; the database only its hash, so
// a leaked database does not leak live sessions.
type Session struct {
	UserID     int64
	ProviderID string
	CSRFToken  string
	IDToken    string // the provider's ID token, as id_token_hint at logout
	// OIDCSid and OIDCSub are the provider's session id (the ID token's sid, "" when it sends
	// none) and subject, which its back-channel logout tokens name.
	OIDCSid, OIDCSub string
	CreatedAt        time.Time
	LastSeenAt       time.Time
	ExpiresAt        time.Time // absolute end
}

// SessionStore keeps login states and sessions by the hash of their cookie token.
type SessionStore interface {
	SaveLoginState(ctx context.Context, idHash string, s LoginState) error
	// TakeLoginState returns and deletes the state, so it can be used once (ErrNoSession if absent).
	TakeLoginState(ctx context.Context, idHash string) (LoginState, error)
	CreateSession(ctx context.Context, idHash string, s Session) error
	// Session returns the session (ErrNoSession if absent).
	Session(ctx context.Context, idHash string) (Session, error)
	TouchSession(ctx context.Context, idHash string, at time.Time) error
	DeleteSession(ctx context.Context, idHash string) error
	// DeleteProviderSessions removes the provider's sessions whose sid is sid (when not empty)
	// and whose sub is sub (when not empty) and returns them; one of the two is always given.
	DeleteProviderSessions(ctx context.Context, providerID, sid, sub string) ([]EndedSession, error)
	// DeleteExpired removes login states and sessions past their end or idle since idleBefore.
	DeleteExpired(ctx context.Context, now, idleBefore time.Time) error
}

// EndedSession is a session that a provider ended.
type EndedSession struct {
	IDHash string // HashToken of its cookie
	UserID int64
}

// randomToken returns 32 random bytes, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is how a cookie token is stored and looked up.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
