package auth_test

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// clock is a test clock that only moves when told to.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// sessionEnv is a Service on a real SQLite database whose cache outlives every step of a test
// (a day), so that whatever a test sees of the timeouts is decided on cached sessions.
type sessionEnv struct {
	svc      *auth.Service
	sessions *store.Sessions
	clock    *clock
	userID   int64
}

func newSessionEnv(t *testing.T) *sessionEnv {
	t.Helper()
	db := testdb.SQLite(t)
	ids := app.Identity(db)
	login, err := identity.NewLogin("https://idp.invalid", "rita", "Rita", "rita@example.invalid", "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ids.Login(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{now: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	base, _ := url.Parse("http://localhost")
	sessions := store.NewSessions(db)
	svc := auth.NewService(nil, sessions, ids, store.NewAudit(db), auth.Options{BaseURL: base,
		IdleTimeout: time.Hour, MaxAge: 3 * time.Hour, CacheMaxAge: 24 * time.Hour, Now: c.Now})
	return &sessionEnv{svc: svc, sessions: sessions, clock: c, userID: p.User.ID}
}

// start stores a session that begins now and returns its token.
func (e *sessionEnv) start(t *testing.T, token string) string {
	t.Helper()
	now := e.clock.Now()
	if err := e.sessions.CreateSession(context.Background(), auth.HashToken(token), auth.Session{UserID: e.userID, ProviderID: "test",
		CSRFToken: "csrf", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(3 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return token
}

func (e *sessionEnv) authenticate(t *testing.T, token string) error {
	t.Helper()
	se, p, err := e.svc.Authenticate(context.Background(), token)
	if err == nil && (se.UserID != e.userID || p.User.ID != e.userID) {
		t.Fatalf("authenticated as %d/%d, want %d", se.UserID, p.User.ID, e.userID)
	}
	return err
}

func (e *sessionEnv) lastSeen(t *testing.T, token string) time.Time {
	t.Helper()
	se, err := e.sessions.Session(context.Background(), auth.HashToken(token))
	if err != nil {
		t.Fatal(err)
	}
	return se.LastSeenAt
}

func TestCachedSessionEndsAtTheIdleTimeout(t *testing.T) {
	e := newSessionEnv(t)
	tok := e.start(t, "idle")
	if err := e.authenticate(t, tok); err != nil {
		t.Fatal(err)
	}
	e.clock.advance(time.Hour)
	if err := e.authenticate(t, tok); err != nil {
		t.Fatalf("exactly the idle timeout later: %v", err)
	}
	e.clock.advance(time.Hour + time.Second)
	if err := e.authenticate(t, tok); !errors.Is(err, auth.ErrNoSession) {
		t.Fatalf("after an idle hour: %v, want ErrNoSession", err)
	}
	if _, err := e.sessions.Session(context.Background(), auth.HashToken(tok)); !errors.Is(err, auth.ErrNoSession) {
		t.Error("the idle session is still stored")
	}
}

func TestCachedSessionEndsAtTheAbsoluteTimeout(t *testing.T) {
	e := newSessionEnv(t)
	tok := e.start(t, "absolute")
	for range 6 { // kept busy every 30 minutes, up to its 3 hours
		if err := e.authenticate(t, tok); err != nil {
			t.Fatalf("at %v: %v", e.clock.Now(), err)
		}
		e.clock.advance(30 * time.Minute)
	}
	if err := e.authenticate(t, tok); err != nil {
		t.Fatalf("at exactly the absolute end: %v", err)
	}
	e.clock.advance(time.Second)
	if err := e.authenticate(t, tok); !errors.Is(err, auth.ErrNoSession) {
		t.Fatalf("past the absolute end: %v, want ErrNoSession", err)
	}
}

// The last-seen time is written at most once a minute, as without the cache, and the cached
// session carries the written time, so the idle timeout counts from the latest activity.
func TestCachedSessionTouchesOncePerMinute(t *testing.T) {
	e := newSessionEnv(t)
	tok := e.start(t, "touch")
	start := e.clock.Now()
	for range 3 {
		e.clock.advance(20 * time.Second)
		if err := e.authenticate(t, tok); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.lastSeen(t, tok); !got.Equal(start) {
		t.Fatalf("last seen written within the first minute: %v", got)
	}
	e.clock.advance(5 * time.Second) // 65 s after the start
	if err := e.authenticate(t, tok); err != nil {
		t.Fatal(err)
	}
	touched := start.Add(65 * time.Second)
	if got := e.lastSeen(t, tok); !got.Equal(touched) {
		t.Fatalf("last seen = %v, want the touch at %v", got, touched)
	}
	// Idle for just under an hour after the touch: still alive, because the cache knows the touch.
	e.clock.advance(59 * time.Minute)
	if err := e.authenticate(t, tok); err != nil {
		t.Fatalf("59 minutes after the touch: %v", err)
	}
}

// A session kept alive through another instance (the database row was touched there) is not
// ended by this instance's older cached copy: the cache never refuses, the database decides.
func TestStaleCachedSessionAsksTheDatabase(t *testing.T) {
	e := newSessionEnv(t)
	tok := e.start(t, "elsewhere")
	if err := e.authenticate(t, tok); err != nil {
		t.Fatal(err)
	}
	e.clock.advance(50 * time.Minute)
	if err := e.sessions.TouchSession(context.Background(), auth.HashToken(tok), e.clock.Now()); err != nil {
		t.Fatal(err)
	}
	e.clock.advance(20 * time.Minute) // idle 70 minutes by the cached copy, 20 by the database
	if err := e.authenticate(t, tok); err != nil {
		t.Fatalf("a session active elsewhere was ended: %v", err)
	}
}

func TestForgetDropsCachedSessions(t *testing.T) {
	e := newSessionEnv(t)
	for name, forget := range map[string]func(tok string){
		"by session": func(tok string) { e.svc.Forget(0, auth.HashToken(tok)) },
		"by user":    func(string) { e.svc.Forget(e.userID, "") },
		"all":        func(string) { e.svc.Forget(0, "") },
	} {
		tok := e.start(t, "forget "+name)
		if err := e.authenticate(t, tok); err != nil {
			t.Fatal(err)
		}
		// Ended behind the cache's back, as a logout on another instance does.
		if err := e.sessions.DeleteSession(context.Background(), auth.HashToken(tok)); err != nil {
			t.Fatal(err)
		}
		if err := e.authenticate(t, tok); err != nil {
			t.Fatalf("%s: the cached session was not served before Forget: %v", name, err)
		}
		forget(tok)
		if err := e.authenticate(t, tok); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("%s: after Forget: %v, want ErrNoSession", name, err)
		}
	}
}
