package realtime

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// ErrSessionEnded is what a Resolver returns for a session that no longer exists (logged out,
// expired, idle too long): its connections go on as anonymous ones, if the room allows that.
var ErrSessionEnded = errors.New("realtime: session ended")

// Resolver returns who the session with this token hash belongs to now, with their current roles
// and memberships, or ErrSessionEnded. Any other error means it could not tell; the connection
// keeps its audiences until the next check. It must not count as activity of the session.
type Resolver func(ctx context.Context, session string) (identity.Principal, error)

// Announce tells every instance (through the bus) that someone's access may have changed, so
// that their connections are re-authorised now rather than at the next periodic check. Call it
// after the change has committed. A failure is logged and otherwise harmless: the periodic check
// catches up within Options.RecheckEvery.
func (b *Broker) Announce(ctx context.Context, ch Change) {
	if !validChange(ch) {
		b.log.Error("realtime: Announce with an invalid change", "user", ch.User, "session_len", len(ch.Session))
		return
	}
	if err := b.bus.Announce(ctx, ch); err != nil {
		b.log.Warn("realtime: announcing a change failed; the periodic check will catch up", "err", err)
	}
}

// checker re-authorises connections: all of them every RecheckEvery, and those a Change names as
// soon as it arrives. Like the publisher it coalesces: Changes that arrive during a check are
// gathered and handled together afterwards, and the bus callback never waits for a check.
type checker struct {
	b *Broker

	mu       sync.Mutex
	all      bool
	users    map[int64]struct{}
	sessions map[string]struct{}
	wake     chan struct{} // capacity 1: "something is pending"
}

func newChecker(b *Broker) *checker {
	return &checker{b: b, users: map[int64]struct{}{}, sessions: map[string]struct{}{}, wake: make(chan struct{}, 1)}
}

// add records a Change; the zero Change means "everyone" (announcements may have been lost).
func (k *checker) add(ch Change) {
	k.mu.Lock()
	switch {
	case ch.User > 0:
		k.users[ch.User] = struct{}{}
	case ch.Session != "":
		k.sessions[ch.Session] = struct{}{}
	default:
		k.all = true
	}
	k.mu.Unlock()
	select {
	case k.wake <- struct{}{}:
	default:
	}
}

// take returns what is pending as a filter over connections, or nil when nothing is.
func (k *checker) take() func(*conn) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	all, users, sessions := k.all, k.users, k.sessions
	if !all && len(users) == 0 && len(sessions) == 0 {
		return nil
	}
	k.all, k.users, k.sessions = false, map[int64]struct{}{}, map[string]struct{}{}
	if all {
		return func(*conn) bool { return true }
	}
	return func(c *conn) bool {
		_, u := users[c.who.User.ID]
		_, s := sessions[c.session]
		return (u && c.who.User.ID != 0) || (s && c.session != "")
	}
}

func (k *checker) run(ctx context.Context) {
	tick := time.NewTicker(k.b.opts.RecheckEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			k.add(Change{})
			continue
		case <-k.wake:
		}
		if match := k.take(); match != nil {
			k.check(ctx, k.b.hub.connections(match))
		}
	}
}

// decision is the outcome of one authorisation, shared by the connections of one session (or
// one admitted principal) with one credential in one room during a check.
type decision struct {
	aud audienceSet
	err error
}

type decisionKey struct {
	session    string
	credential string // two guests of one room are two decisions, however alike otherwise
	user       int64
	room       string
}

// check re-authorises cs. It resolves each session once and asks each room's authoriser once per
// person, so a thousand anonymous readers of a room cost one authorisation, not a thousand.
func (k *checker) check(ctx context.Context, cs []*conn) {
	people := map[string]identity.Principal{}
	unsure := map[string]bool{}
	decided := map[decisionKey]decision{}
	for _, c := range cs {
		if ctx.Err() != nil {
			return
		}
		who := c.who
		if c.session != "" && k.b.resolve != nil {
			p, seen := people[c.session]
			if !seen && !unsure[c.session] {
				var err error
				p, err = k.b.resolve(ctx, c.session)
				switch {
				case errors.Is(err, ErrSessionEnded):
					p = identity.Principal{}
				case err != nil:
					k.b.log.Warn("realtime: resolving a session failed; access kept until the next check", "err", err)
					unsure[c.session] = true
					continue
				}
				people[c.session] = p
			}
			if unsure[c.session] {
				continue
			}
			who = p
		}
		key := decisionKey{session: c.session, credential: c.cred, user: who.User.ID, room: c.room}
		d, seen := decided[key]
		if !seen {
			d.aud, d.err = k.b.kinds.authorise(withCredential(ctx, c.cred), who, c.room)
			decided[key] = d
		}
		switch {
		case d.err == nil:
			c.aud.Store(&d.aud)
		case errors.Is(d.err, ErrNoAccess), errors.Is(d.err, ErrUnknownKind), errors.Is(d.err, ErrInvalidRoom):
			c.close(CloseAccessRevoked, "access revoked")
		default:
			k.b.log.Warn("realtime: re-authorising failed; access kept until the next check", "room", c.room, "err", d.err)
		}
	}
}
