package realtime

import (
	"context"
	"sync"
)

// AllRooms, passed as the room to a Subscribe callback (with seq 0), says that notifications may
// have been lost, for example while a PostgreSQL listener reconnected: the subscriber should
// re-read every room it follows (and re-check every connection's access, since a Change may have
// been lost too). CheckEvent refuses the empty room name, so no real room collides.
const AllRooms = ""

// Change says that what someone may see has changed: a person's roles or memberships (User), or
// one session ended (Session, the stored hash of its token). Connections it concerns are
// re-authorised at once instead of at the next periodic check.
type Change struct {
	User    int64  `json:"u,omitempty"`
	Session string `json:"x,omitempty"`
}

// Bus carries "room R is committed up to seq S" and Changes between the instances sharing a
// database. It carries no events: listeners read those from the database, so a coalesced or lost
// notification delays an event but never loses it; a lost Change is caught by the periodic check.
type Bus interface {
	// Publish announces that the room's events up to seq are committed.
	Publish(ctx context.Context, room string, seq int64) error
	// Announce tells every instance that someone's access may have changed.
	Announce(ctx context.Context, ch Change) error
	// Subscribe calls fn for every announcement and changed for every Change until ctx ends,
	// then returns nil. Whenever announcements may have been missed (on first subscribing and
	// after a reconnect) it calls fn(AllRooms, 0).
	Subscribe(ctx context.Context, fn func(room string, seq int64), changed func(Change)) error
}

// LocalBus is the Bus of a single instance: Publish and Announce call the subscribers directly.
type LocalBus struct {
	mu   sync.RWMutex
	next int
	subs map[int]localSub
}

type localSub struct {
	fn      func(string, int64)
	changed func(Change)
}

// NewLocalBus returns an in-process bus.
func NewLocalBus() *LocalBus { return &LocalBus{subs: map[int]localSub{}} }

// Publish hands the announcement to every current subscriber.
func (l *LocalBus) Publish(_ context.Context, room string, seq int64) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for _, s := range l.subs {
		s.fn(room, seq)
	}
	return nil
}

// Announce hands the change to every current subscriber.
func (l *LocalBus) Announce(_ context.Context, ch Change) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for _, s := range l.subs {
		s.changed(ch)
	}
	return nil
}

// Subscribe registers fn and changed until ctx ends. Announcements published before it
// registered are covered by the initial fn(AllRooms, 0).
func (l *LocalBus) Subscribe(ctx context.Context, fn func(room string, seq int64), changed func(Change)) error {
	l.mu.Lock()
	id := l.next
	l.next++
	l.subs[id] = localSub{fn: fn, changed: changed}
	l.mu.Unlock()
	fn(AllRooms, 0)
	<-ctx.Done()
	l.mu.Lock()
	delete(l.subs, id)
	l.mu.Unlock()
	return nil
}
