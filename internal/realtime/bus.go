package realtime

import (
	"context"
	"sync"
)

// AllRooms, passed as the room to a Subscribe callback (with seq 0), says that notifications may
// have been lost, for example while a PostgreSQL listener reconnected: the subscriber should
// re-read every room it follows. Append refuses the empty room name, so no real room collides.
const AllRooms = ""

// Bus carries "room R is committed up to seq S" between the instances sharing a database. It
// carries no events: listeners read those from the database, so a coalesced or lost notification
// delays an event but never loses it.
type Bus interface {
	// Publish announces that the room's events up to seq are committed.
	Publish(ctx context.Context, room string, seq int64) error
	// Subscribe calls fn for every announcement until ctx ends, then returns nil. Whenever
	// announcements may have been missed (on first subscribing and after a reconnect) it calls
	// fn(AllRooms, 0).
	Subscribe(ctx context.Context, fn func(room string, seq int64)) error
}

// LocalBus is the Bus of a single instance: Publish calls the subscribers directly.
type LocalBus struct {
	mu   sync.RWMutex
	next int
	subs map[int]func(string, int64)
}

// NewLocalBus returns an in-process bus.
func NewLocalBus() *LocalBus { return &LocalBus{subs: map[int]func(string, int64){}} }

// Publish hands the announcement to every current subscriber.
func (l *LocalBus) Publish(_ context.Context, room string, seq int64) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for _, fn := range l.subs {
		fn(room, seq)
	}
	return nil
}

// Subscribe registers fn until ctx ends. Announcements published before it registered are
// covered by the initial fn(AllRooms, 0).
func (l *LocalBus) Subscribe(ctx context.Context, fn func(room string, seq int64)) error {
	l.mu.Lock()
	id := l.next
	l.next++
	l.subs[id] = fn
	l.mu.Unlock()
	fn(AllRooms, 0)
	<-ctx.Done()
	l.mu.Lock()
	delete(l.subs, id)
	l.mu.Unlock()
	return nil
}
