package realtime_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// relayTo is the outbox of in's database as the server wires it: its relay hands what it moved to
// deliver (nil: announcement only) and announces it on in's broker. Relays run when the test
// calls relay, not in the background, so each batch is known.
func relayTo(in *instance, deliver func([]realtime.Event)) *store.Outbox {
	o := store.NewOutbox(in.db, testLog(), in.b.Published)
	if deliver != nil {
		o.DeliverTo(deliver)
	}
	return o
}

// emit stores events in one transaction, then relays them in one batch.
func emit(t *testing.T, in *instance, o *store.Outbox, events ...kernel.Event) {
	t.Helper()
	ctx := context.Background()
	if err := in.db.InTx(ctx, func(ctx context.Context) error { return o.Emit(ctx, events...) }); err != nil {
		t.Fatal(err)
	}
	if n, err := o.Relay(ctx); err != nil || n != len(events) {
		t.Fatalf("relay moved %d, %v; want %d", n, err, len(events))
	}
}

func standalone(room string, n int) kernel.Event {
	return kernel.Event{Room: room, Type: "chat.message", Data: map[string]int{"n": n}, Supersede: kernel.Standalone}
}

// heard counts the announcements the bus delivered to in, newest seq per room.
type heard struct{ seq atomic.Int64 }

func (h *heard) onRoom(room string, seq int64) {
	if room != realtime.AllRooms {
		h.seq.Store(max(h.seq.Load(), seq))
	}
}

// TestDeliverWithoutReading: what this instance's relay hands over is fanned out without the hub
// reading the log, and the announcement that follows it costs no read either.
func TestDeliverWithoutReading(t *testing.T) {
	db := testdb.SQLite(t)
	events := &countingLog{Events: store.NewEvents(db)}
	var ann heard
	in := startInstanceLog(t, db, events, realtime.NewLocalBus(), realtime.Options{OnRoom: ann.onRoom})
	const room = "workshop:10"
	keeper := joined(t, in, room) // #1
	o := relayTo(in, in.b.Deliver)
	waitFor(t, 5*time.Second, "the first announcement", func() bool { return ann.seq.Load() == 1 })
	time.Sleep(50 * time.Millisecond) // let the hub finish with it
	reads := events.since.Load()
	emit(t, in, o, standalone(room, 2))
	emit(t, in, o, standalone(room, 3), standalone(room, 4), standalone("workshop:99", 1)) // one room without connections
	keeper.expect(room, 2, 4)
	waitFor(t, 5*time.Second, "the announcements", func() bool { return ann.seq.Load() == 4 })
	time.Sleep(50 * time.Millisecond) // a read the announcements started would be under way now
	if n := events.since.Load() - reads; n != 0 {
		t.Errorf("the hub read the log %d times for events handed over", n)
	}
}

// TestDeliverGapReadsLog: events that do not continue the room's delivered sequence (a handover
// dropped, events of another relay) are read from the log, in order, each once; a handover of
// what was read already is ignored.
func TestDeliverGapReadsLog(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{})
	const room = "workshop:11"
	keeper := joined(t, in, room) // #1
	var kept []realtime.Event
	o := relayTo(in, func(evs []realtime.Event) { kept = append(kept, evs...) })
	emit(t, in, o, standalone(room, 2)) // handed to nobody: announced only
	keeper.expect(room, 2, 2)
	emit(t, in, o, standalone(room, 3), standalone(room, 4))
	emit(t, in, o, standalone(room, 5))
	in.b.Deliver(kept[len(kept)-1:]) // #5 without #3, #4: a gap
	keeper.expect(room, 3, 5)
	in.b.Deliver(kept) // everything again: delivered already
	emit(t, in, o, standalone(room, 6))
	in.b.Deliver(kept[len(kept)-1:])
	keeper.expect(room, 6, 6)
	if ev, err := keeper.next(200 * time.Millisecond); err == nil {
		t.Errorf("got %s #%d twice", ev.Room, ev.Seq)
	}
}

// TestDeliverOtherInstance: events handed to one instance reach the other's clients through the
// announcement and the other's log read.
func TestDeliverOtherInstance(t *testing.T) {
	db, bus := testdb.SQLite(t), realtime.NewLocalBus() // two instances of one database and bus
	a := startInstance(t, db, bus, realtime.Options{})
	b := startInstance(t, db, bus, realtime.Options{})
	const room = "workshop:12"
	there := joinedVia(t, a, b, room) // a client of b; #1 relayed by a
	here := a.dial(t, room, 1)
	o := relayTo(a, a.b.Deliver)
	waitFor(t, 5*time.Second, "both connections", func() bool { return a.b.Connections() == 1 })
	emit(t, a, o, standalone(room, 2), standalone(room, 3))
	here.expect(room, 2, 3)
	there.expect(room, 2, 3)
}

// joinedVia dials b and returns once b delivers to it live, the event coming from a's relay.
func joinedVia(t *testing.T, a, b *instance, room string) *client {
	t.Helper()
	c := b.dial(t, room, 0)
	emit(t, a, relayTo(a, a.b.Deliver), standalone(room, 1))
	c.expect(room, 1, 1)
	return c
}

// TestRingNeverReplaysSupersededText: with the server's ring, a client that reconnects from
// before a comment (or a workshop question) and the event that hid or withdrew it is never sent
// the text, whether the hub had the events handed over by the relay or read them from the log,
// and whether they came in one batch or two; one that reconnects between them is sent the
// present state.
func TestRingNeverReplaysSupersededText(t *testing.T) {
	const secret = "Meine Telefonnummer ist 0361 555"
	created := func(room, subject string, how kernel.Supersede) kernel.Event {
		return kernel.Event{Room: room, Type: "comment.created", Subject: subject, Supersede: how, Data: map[string]string{"text": secret}}
	}
	cases := []struct {
		name  string
		first kernel.Supersede
		last  kernel.Event // supersedes the subject's first event
	}{
		{"hidden", kernel.Rewrite, kernel.Event{Type: "comment.hidden", Supersede: kernel.Replace, Data: map[string]int{"id": 1}}},
		{"withdrawn", kernel.Rewrite, kernel.Event{Type: "comment.withdrawn", Supersede: kernel.Rewrite, Data: map[string]string{"text": ""}}},
		{"question hidden", kernel.Replace, kernel.Event{Type: "question.hidden", Supersede: kernel.Replace, Data: map[string]int{"id": 1}}},
	}
	for _, direct := range []bool{true, false} {
		for _, batch := range []bool{false, true} {
			for _, tc := range cases {
				name := tc.name
				if direct {
					name += "/handed over"
				} else {
					name += "/read"
				}
				if batch {
					name += "/one batch"
				}
				t.Run(name, func(t *testing.T) {
					db := testdb.SQLite(t)
					in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{ReplayRing: 256})
					const room = "workshop:13"
					var deliver func([]realtime.Event)
					if direct {
						deliver = in.b.Deliver
					}
					o := relayTo(in, deliver)
					keeper := in.dial(t, room, 0)
					emit(t, in, o, standalone(room, 1))
					keeper.expect(room, 1, 1)

					first := created(room, "comment:1", tc.first)
					last := tc.last
					last.Room, last.Subject = room, "comment:1"
					end := int64(4)
					if batch {
						emit(t, in, o, first, last, standalone(room, 3)) // the relay drops or rewrites the first
						if tc.last.Supersede == kernel.Replace {
							end = 3
						}
					} else {
						emit(t, in, o, first)
						emit(t, in, o, last)
						emit(t, in, o, standalone(room, 4))
					}
					// What the log deleted, a client may miss live as well; the rest comes in order.
					untilSeq(t, keeper, end, false) // live, it had the text before it was withdrawn
					for _, since := range []int64{0, 1, 2} {
						untilSeq(t, in.dial(t, room, since), end, true)
					}
				})
			}
		}
	}
}

// untilSeq reads c's events up to seq end, in increasing order, and with replayed fails on any
// that shows the superseded text.
func untilSeq(t *testing.T, c *client, end int64, replayed bool) {
	t.Helper()
	var last int64
	for last < end {
		line, err := c.line(5 * time.Second)
		if err != nil {
			t.Fatalf("waiting for #%d after #%d: %v", end, last, err)
		}
		if replayed && strings.Contains(string(line), "0361") {
			t.Fatalf("sent the superseded text: %s", line)
		}
		var ev struct{ Seq int64 }
		if err := json.Unmarshal(line, &ev); err != nil || ev.Seq <= last {
			t.Fatalf("after #%d: %s (%v)", last, line, err)
		}
		last = ev.Seq
	}
}
