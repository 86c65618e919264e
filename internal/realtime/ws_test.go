package realtime_test

import (
	"bytes"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestReplayThenLive: a client joining with since=0 gets the stored events, then live ones, in
// order, once each, and only those of its own room; the messages are exactly Event's JSON.
func TestReplayThenLive(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{})
		first := appendOne(t, db, "consultation:42", map[string]string{"text": "Mehr Spielplätze"})
		in.b.Published("consultation:42", first.Seq)
		publish(t, in, "consultation:42", 4)
		publish(t, in, "workshop:7", 3)

		c := in.dial(t, "consultation:42", 0)
		raw, err := c.line(10 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"room":"consultation:42","seq":1,"type":"comment.created","data":{"text":"Mehr Spielplätze"}}`; string(raw) != want {
			t.Fatalf("first message\n got %s\nwant %s", raw, want)
		}
		c.expect("consultation:42", 2, 5)
		w := in.dial(t, "workshop:7", 0)
		w.expect("workshop:7", 1, 3)

		publish(t, in, "consultation:42", 5)
		publish(t, in, "workshop:7", 1)
		c.expect("consultation:42", 6, 10)
		w.expect("workshop:7", 4, 4)

		// A marker proves nothing else (no duplicate, no other room) was queued in between.
		publish(t, in, "consultation:42", 1)
		c.expect("consultation:42", 11, 11)
	})
}

// TestReconnectGetsExactlyWhatWasMissed: events appended while a client is away arrive on
// reconnect with since=<last seen>, then live ones continue.
func TestReconnectGetsExactlyWhatWasMissed(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{})
		c := in.dial(t, "workshop:1", 0)
		publish(t, in, "workshop:1", 3)
		c.expect("workshop:1", 1, 3)
		_ = c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, ""))
		_ = c.ws.Close()
		waitFor(t, 5*time.Second, "the server to drop the connection", func() bool { return in.b.Connections() == 0 })

		publish(t, in, "workshop:1", 4) // 4..7, nobody listening

		c = in.dial(t, "workshop:1", 3)
		c.expect("workshop:1", 4, 7)
		publish(t, in, "workshop:1", 2)
		c.expect("workshop:1", 8, 9)
	})
}

// TestJoinWhileAppending races joins (each with its own since) against a steady stream of
// appends: every client must see every event after its since exactly once, in order, whether it
// came from the replay or live.
func TestJoinWhileAppending(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{})
		const room, total = "workshop:9", 120
		var wg sync.WaitGroup
		wg.Go(func() {
			for i := range total {
				var ev realtime.Event
				err := db.Gorm.Transaction(func(tx *gorm.DB) (err error) {
					ev, err = store.AppendEvent(tx, room, realtime.Everyone, "message.posted", i)
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
				in.b.Published(room, ev.Seq)
				if i%10 == 0 {
					time.Sleep(5 * time.Millisecond)
				}
			}
		})
		for j := range 8 {
			wg.Go(func() {
				time.Sleep(time.Duration(j*15) * time.Millisecond)
				since := int64(rand.IntN(5*j + 1))
				ws, _, err := websocket.DefaultDialer.Dial(in.wsURL(room, since), http.Header{"Origin": {testOrigin}})
				if err != nil {
					t.Errorf("client %d: %v", j, err)
					return
				}
				defer ws.Close()
				c := &client{t: t, ws: ws}
				for want := since + 1; want <= total; want++ {
					ev, err := c.next(10 * time.Second)
					if err != nil {
						t.Errorf("client %d (since %d): waiting for #%d: %v", j, since, want, err)
						return
					}
					if ev.Seq != want {
						t.Errorf("client %d (since %d): got #%d, want #%d", j, since, ev.Seq, want)
						return
					}
				}
			})
		}
		wg.Wait()
	})
}

// TestTwoInstancesSharePostgres: an event appended and published on instance A reaches a client
// of instance B through LISTEN/NOTIFY, and A's own clients too.
func TestTwoInstancesSharePostgres(t *testing.T) {
	url := testdb.PostgresURL(t)
	a, b := pgInstance(t, url), pgInstance(t, url)
	onB := b.dial(t, "consultation:5", 0)
	onA := a.dial(t, "consultation:5", 0)
	publish(t, a, "consultation:5", 3)
	onB.expect("consultation:5", 1, 3)
	onA.expect("consultation:5", 1, 3)
	publish(t, b, "consultation:5", 1)
	onA.expect("consultation:5", 4, 4)
	onB.expect("consultation:5", 4, 4)
}

// TestListenerReconnectCatchesUp kills the PostgreSQL listener session: the bus reconnects and
// the broker re-reads its rooms, delivering an event whose notification was never received.
func TestListenerReconnectCatchesUp(t *testing.T) {
	in := pgInstance(t, testdb.PostgresURL(t))
	c := in.dial(t, "workshop:3", 0)
	publish(t, in, "workshop:3", 1)
	c.expect("workshop:3", 1, 1)

	appendOne(t, in.db, "workshop:3", "never announced") // as if its NOTIFY had been lost
	var killed int
	err := in.db.Gorm.Raw(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = 'teilhabe-realtime-listen' AND datname = current_database()`).Scan(&killed).Error
	if err != nil || killed != 1 {
		t.Fatalf("terminated %d listener sessions: %v", killed, err)
	}
	c.expect("workshop:3", 2, 2)
	publish(t, in, "workshop:3", 1)
	c.expect("workshop:3", 3, 3)
}

func pgInstance(t *testing.T, url string) *instance {
	t.Helper()
	return pgInstanceWith(t, url, realtime.Options{})
}

// pgInstanceWith is pgInstance with the broker's options.
func pgInstanceWith(t *testing.T, url string, opts realtime.Options) *instance {
	t.Helper()
	db, err := store.OpenPostgres(url, testLog())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	bus, err := realtime.NewPostgresBus(url, testLog())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(bus.Close) // runs after the instance has stopped
	return startInstance(t, db, bus, opts)
}

// TestReplayIsBatched: a replay goes out as few messages of at most 64 events each, one event per
// line, in order; the lines are exactly the events' JSON.
func TestReplayIsBatched(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{})
	const room, total = "workshop:5", 150
	publish(t, in, room, total)
	c := in.dial(t, room, 0)
	messages := 0
	for seen := 0; seen < total; {
		_ = c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, msg, err := c.ws.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		messages++
		n := bytes.Count(msg, []byte{'\n'}) + 1
		if n > 64 {
			t.Errorf("a message of %d events", n)
		}
		c.pending = bytes.Split(msg, []byte{'\n'})
		c.expect(room, int64(seen+1), int64(seen+n))
		seen += n
	}
	if messages > 6 {
		t.Errorf("%d messages for %d replayed events", messages, total)
	}
}
