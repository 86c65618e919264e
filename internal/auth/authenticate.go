package auth

import (
	"context"
	"errors"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// touchEvery throttles the last-seen bookkeeping: one write a minute per session, not one per
// request. The idle timeout is therefore measured to within a minute.
const touchEvery = time.Minute

// Authenticate returns the session and principal of a session token, or ErrNoSession when the
// session does not exist, has expired or has been idle too long. A session cached on this
// instance is used without asking the database, but only while it is within both timeouts;
// otherwise the database decides, since another instance may have kept it alive.
func (s *Service) Authenticate(ctx context.Context, token string) (Session, identity.Principal, error) {
	if token == "" {
		return Session{}, identity.Principal{}, ErrNoSession
	}
	h := HashToken(token)
	now := s.now()
	if se, p, ok := s.cache.get(h, now); ok {
		if s.live(se, now) {
			if s.cache.claimTouch(h, now, touchEvery) {
				if err := s.sessions.TouchSession(ctx, h, now); err != nil {
					s.cache.forgetSession(h) // the next request tries the touch again
					return Session{}, identity.Principal{}, err
				}
			}
			return se, p, nil
		}
		s.cache.forgetSession(h)
	}
	gen := s.cache.generation()
	se, err := s.sessions.Session(ctx, h)
	if err != nil {
		return Session{}, identity.Principal{}, err
	}
	if !s.live(se, now) {
		_ = s.sessions.DeleteSession(ctx, h)
		return Session{}, identity.Principal{}, ErrNoSession
	}
	if now.Sub(se.LastSeenAt) > touchEvery {
		if err := s.sessions.TouchSession(ctx, h, now); err != nil {
			return Session{}, identity.Principal{}, err
		}
		se.LastSeenAt = now
	}
	p, err := s.identity.Principal(ctx, se.UserID)
	if errors.Is(err, identity.ErrUserNotFound) {
		return Session{}, identity.Principal{}, ErrNoSession
	}
	if err != nil {
		return Session{}, identity.Principal{}, err
	}
	s.cache.put(h, se, p, now, gen)
	return se, p, nil
}

// live reports whether the session is within its absolute and its idle timeout at now.
func (s *Service) live(se Session, now time.Time) bool {
	return !now.After(se.ExpiresAt) && now.Sub(se.LastSeenAt) <= s.opts.IdleTimeout
}

// SessionPrincipal returns who the session stored under idHash (HashToken of its cookie) belongs
// to now, with their current roles, or ErrNoSession when it has ended, under the same rules as
// Authenticate. It does not count as activity: a websocket that re-checks its access every few
// seconds must not keep an otherwise idle session alive. It always reads the database: it runs
// right after a Change, perhaps before this instance's cache has heard of it.
func (s *Service) SessionPrincipal(ctx context.Context, idHash string) (identity.Principal, error) {
	se, err := s.sessions.Session(ctx, idHash)
	if err != nil {
		return identity.Principal{}, err
	}
	if !s.live(se, s.now()) {
		return identity.Principal{}, ErrNoSession
	}
	p, err := s.identity.Principal(ctx, se.UserID)
	if errors.Is(err, identity.ErrUserNotFound) {
		return identity.Principal{}, ErrNoSession
	}
	return p, err
}

// Forget drops cached sessions after a change elsewhere: every session of the user when user is
// set, the session with this token hash when session is set, and all of them when neither is
// (changes may have been missed). Call it for every change announced on the bus, this
// instance's own included.
func (s *Service) Forget(user int64, session string) {
	if user > 0 {
		s.cache.forgetUser(user)
	}
	if session != "" {
		s.cache.forgetSession(session)
	}
	if user <= 0 && session == "" {
		s.cache.forgetAll()
	}
}
