package realtime_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// countingLog is the store's log, counting the reads of Since and marking events of the type
// "comment.hidden" as superseding earlier ones (as a Log that knows its events' rules would).
type countingLog struct {
	*store.Events
	since atomic.Int64
}

func (l *countingLog) Since(ctx context.Context, room string, after int64, limit int) ([]realtime.Event, error) {
	l.since.Add(1)
	evs, err := l.Events.Since(ctx, room, after, limit)
	for i := range evs {
		evs[i].Supersedes = evs[i].Type == "comment.hidden"
	}
	return evs, err
}

// TestUpToDateJoinReadsNothing: a client that joins with since at the room's newest event (a
// late joiner that just loaded the page) costs no read of the log, and hears what follows.
func TestUpToDateJoinReadsNothing(t *testing.T) {
	db := testdb.SQLite(t)
	events := &countingLog{Events: store.NewEvents(db)}
	in := startInstanceLog(t, db, events, realtime.NewLocalBus(), realtime.Options{})
	const room = "workshop:1"
	first := joined(t, in, room)
	publish(t, in, room, 2)
	first.expect(room, 2, 3)
	reads := events.since.Load()
	late := in.dial(t, room, 3)
	ahead := in.dial(t, room, 5) // saw more on another instance: nothing twice, nothing lost
	waitFor(t, 5*time.Second, "both connections", func() bool { return in.b.Connections() == 3 })
	publish(t, in, room, 3)
	late.expect(room, 4, 6)
	ahead.expect(room, 6, 6)
	// The hub's reads of new events: one per announcement, fewer when one read covered several.
	if n := events.since.Load() - reads; n < 1 || n > 3 {
		t.Errorf("%d reads of the log, want 1 to 3 (the hub's)", n)
	}
}

// TestReplayFromRing: with a ring, a client a little behind replays from memory, filtered by its
// audiences, without reading the log; one further behind than the ring reaches reads it; both
// then continue live, each event once, in order.
func TestReplayFromRing(t *testing.T) {
	db := testdb.SQLite(t)
	events := &countingLog{Events: store.NewEvents(db)}
	in := startInstanceLog(t, db, events, realtime.NewLocalBus(), realtime.Options{ReplayRing: 16})
	const room = "workshop:2"
	keeper := joined(t, in, room) // keeps the room, and so its ring, alive
	publish(t, in, room, 3)
	in.b.Published(room, appendFor(t, db, room, realtime.Moderators, "intern").Seq) // #5
	publish(t, in, room, 20)                                                        // #6..25
	expectSeqs(keeper, room, 2, 3, 4)
	keeper.expect(room, 6, 25)

	reads := events.since.Load()
	near := in.dial(t, room, 3) // the ring holds 10..25: not enough
	near.expect(room, 4, 4)
	near.expect(room, 6, 25)
	if events.since.Load() == reads {
		t.Error("a client behind the ring replayed without reading the log")
	}
	reads = events.since.Load()
	recent := in.dial(t, room, 12)
	recent.expect(room, 13, 25)
	if n := events.since.Load() - reads; n != 0 {
		t.Errorf("a replay from the ring read the log %d times", n)
	}

	publish(t, in, room, 2)
	for _, c := range []*client{keeper, near, recent} {
		c.expect(room, 26, 27)
	}
}

// TestRingEmptiedBySupersedingEvent: after an event that rewrote or deleted earlier ones, the
// ring no longer replays those as they were; a client from before it reads the log, which shows
// the present.
func TestRingEmptiedBySupersedingEvent(t *testing.T) {
	db := testdb.SQLite(t)
	events := &countingLog{Events: store.NewEvents(db)}
	in := startInstanceLog(t, db, events, realtime.NewLocalBus(), realtime.Options{ReplayRing: 64})
	const room = "workshop:3"
	keeper := joined(t, in, room)
	publish(t, in, room, 2)
	hidden := appendHidden(t, db, room)
	in.b.Published(room, hidden.Seq) // #4
	publish(t, in, room, 2)          // #5, #6
	keeper.expect(room, 2, 6)

	reads := events.since.Load()
	before := in.dial(t, room, 2)
	before.expect(room, 3, 6)
	if events.since.Load() == reads {
		t.Error("replayed events before a superseding one from the ring")
	}
	reads = events.since.Load()
	after := in.dial(t, room, 4)
	after.expect(room, 5, 6)
	if n := events.since.Load() - reads; n != 0 {
		t.Errorf("events after the superseding one read the log %d times", n)
	}
}

// joined dials room with since=0 and returns once the hub delivers to the connection live: its
// first event #1, published after the dial, either came live or (if the connection registered
// later) from its replay, and in both cases every later event is fanned out to it.
func joined(t *testing.T, in *instance, room string) *client {
	t.Helper()
	c := in.dial(t, room, 0)
	publish(t, in, room, 1)
	c.expect(room, 1, 1)
	return c
}

func appendHidden(t *testing.T, db *store.DB, room string) realtime.Event {
	t.Helper()
	var ev realtime.Event
	err := db.Gorm.Transaction(func(tx *gorm.DB) (err error) {
		ev, err = store.AppendEvent(tx, room, realtime.Everyone, "comment.hidden", map[string]int{"id": 1})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}
