package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// ErrProviderUnavailable means the provider's discovery document or keys could not be fetched
// yet; the login answers 503 with Retry-After instead of a bare gateway error.
var ErrProviderUnavailable = errors.New("login provider unavailable")

// UnavailableError is ErrProviderUnavailable with what went wrong and when to try again.
type UnavailableError struct {
	Provider   string
	RetryAfter time.Duration
	Err        error // the last discovery error
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("provider %s: discovery: %v", e.Provider, e.Err)
}

// Is makes errors.Is(err, ErrProviderUnavailable) hold.
func (e *UnavailableError) Is(target error) bool { return target == ErrProviderUnavailable }

// Unwrap returns the discovery error.
func (e *UnavailableError) Unwrap() error { return e.Err }

// minAttemptGap keeps a login from fetching discovery itself more than once in this long: while a
// provider is down, each login click would otherwise wait for the timeout.
const minAttemptGap = 5 * time.Second

// provider is a configured identity provider. Its discovery document and keys are fetched at
// start and refreshed in the background (Service.Watch); a login before the first success tries
// once itself. A provider that is down at start must not stop the platform, and the built-in
// development provider is served by the same process that configures it.
type provider struct {
	cfg         ProviderConfig
	redirectURL string
	client      *http.Client
	timeout     time.Duration

	fetch sync.Mutex // one discovery at a time

	mu        sync.Mutex
	d         *discovered // the last good metadata; nil until the first success
	checkedAt time.Time   // the last attempt
	upSince   time.Time   // the last success
	lastErr   string
	lastErrAt time.Time
	failing   bool      // the last attempt failed
	nextTry   time.Time // when the background loop tries again
	warning   *ClaimWarning
}

type discovered struct {
	op         *oidc.Provider
	oauth      oauth2.Config
	verifier   *oidc.IDTokenVerifier
	logout     *oidc.IDTokenVerifier // logout tokens: same issuer, keys and audience
	endSession string
	at         time.Time
}

// discover returns the provider's metadata, fetching it only if it was never fetched.
func (p *provider) discover(ctx context.Context, now time.Time) (discovered, error) {
	p.mu.Lock()
	d, last, lastErr, next := p.d, p.checkedAt, p.lastErr, p.nextTry
	p.mu.Unlock()
	if d != nil {
		return *d, nil
	}
	if !last.IsZero() && now.Sub(last) < minAttemptGap {
		return discovered{}, &UnavailableError{Provider: p.cfg.ID, RetryAfter: retryAfter(next, now), Err: errors.New(lastErr)}
	}
	if err := p.refresh(ctx, now); err != nil {
		return discovered{}, &UnavailableError{Provider: p.cfg.ID, RetryAfter: minAttemptGap, Err: err}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return *p.d, nil
}

func retryAfter(next, now time.Time) time.Duration {
	if d := next.Sub(now); d > time.Second {
		return d
	}
	return minAttemptGap
}

// refresh fetches the discovery document again, with a new key set, so that a rotated or revoked
// key is picked up (go-oidc's key set already re-fetches the keys when a token names an unknown
// key, but keeps a known key for the life of the set). A failed refresh keeps the last good
// metadata: a provider that is briefly down does not stop logins that need no new keys.
func (p *provider) refresh(ctx context.Context, now time.Time) error {
	p.fetch.Lock()
	defer p.fetch.Unlock()
	ctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, p.client), p.timeout)
	defer cancel()
	op, err := oidc.NewProvider(ctx, p.cfg.Issuer)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.checkedAt = now
	if err != nil {
		p.failing, p.lastErr, p.lastErrAt = true, err.Error(), now
		return err
	}
	var extra struct {
		EndSession string `json:"end_session_endpoint"`
	}
	_ = op.Claims(&extra)
	vctx := oidc.ClientContext(context.Background(), p.client)
	p.d = &discovered{
		op: op,
		oauth: oauth2.Config{
			ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret, Endpoint: op.Endpoint(),
			RedirectURL: p.redirectURL, Scopes: p.cfg.Scopes,
		},
		verifier: op.VerifierContext(vctx, &oidc.Config{ClientID: p.cfg.ClientID}),
		// A logout token may carry no exp (Back-Channel Logout 1.0 before its final version);
		// BackchannelLogout checks iat and exp itself.
		logout:     op.VerifierContext(vctx, &oidc.Config{ClientID: p.cfg.ClientID, SkipExpiryCheck: true}),
		endSession: extra.EndSession,
		at:         now,
	}
	if p.failing || p.upSince.IsZero() {
		p.upSince = now
	}
	p.failing = false
	return nil
}

// ProviderStatus is what admins see of a provider: whether its metadata could be fetched, and the
// latest warning about its claims.
type ProviderStatus struct {
	ID, Label string
	// State is "ok" (the last check worked), "unreachable" (it failed) or "pending" (not checked yet).
	State        string
	CheckedAt    time.Time // the last check (zero: none yet)
	UpSince      time.Time // since when it answers (zero: never)
	LastError    string    // the last failure's reason ("" when none)
	LastErrorAt  time.Time
	ClaimWarning *ClaimWarning // the latest login whose tokens lacked a configured claim
}

// ClaimWarning records a login whose tokens lacked the configured roles claim.
type ClaimWarning struct {
	Claim   string    // the configured claim path, as written
	At      time.Time // the login
	Present []string  // the top-level claims the tokens did carry
}

// Provider states.
const (
	StateOK          = "ok"
	StateUnreachable = "unreachable"
	StatePending     = "pending"
)

func (p *provider) status() ProviderStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := ProviderStatus{ID: p.cfg.ID, Label: p.cfg.Label, CheckedAt: p.checkedAt, UpSince: p.upSince,
		LastError: p.lastErr, LastErrorAt: p.lastErrAt, State: StateOK}
	switch {
	case p.checkedAt.IsZero():
		st.State = StatePending
	case p.failing:
		st.State = StateUnreachable
	}
	if p.warning != nil {
		w := *p.warning
		st.ClaimWarning = &w
	}
	return st
}
