package realtime_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestAudiencesInOneRoom: one numbering per room; each connection gets the events of its
// audiences, live and replayed, and sees gaps where the others were.
func TestAudiencesInOneRoom(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{})
	in.gate.set(func(g *gate) { g.moderators["1/1"] = true })
	const room = "workshop:1"
	mod := dialWith(t, websocket.DefaultDialer, in.sessionURL(room, 0, "s1"))
	member := dialWith(t, websocket.DefaultDialer, in.sessionURL(room, 0, "s2"))
	anon := in.dial(t, room, 0)
	for _, a := range []string{realtime.Everyone, realtime.Moderators, realtime.UserAudience(2), realtime.OrgAudience("x"), realtime.Everyone} {
		in.b.Published(room, appendFor(t, db, room, a, a).Seq)
	}
	want := map[*client][]int64{mod: {1, 2, 5}, member: {1, 3, 5}, anon: {1, 5}}
	for c, seqs := range want {
		expectSeqs(c, room, seqs...)
	}
	replays := map[*client][]int64{
		dialWith(t, websocket.DefaultDialer, in.sessionURL(room, 0, "s1")): {1, 2, 5},
		dialWith(t, websocket.DefaultDialer, in.sessionURL(room, 1, "s2")): {3, 5},
		in.dial(t, room, 0): {1, 5},
	}
	for c, seqs := range replays {
		expectSeqs(c, room, seqs...)
	}
}

// TestPeriodicRecheck: without any announcement, a connection whose person lost a role stops
// hearing the moderators, and one whose room became unreadable is closed with 4403, within a
// check interval.
func TestPeriodicRecheck(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{RecheckEvery: 50 * time.Millisecond})
	in.gate.set(func(g *gate) { g.moderators["1/1"] = true })
	mod := dialWith(t, websocket.DefaultDialer, in.sessionURL("workshop:1", 0, "s1"))
	gone := dialWith(t, websocket.DefaultDialer, in.sessionURL("workshop:2", 0, "s1"))
	in.b.Published("workshop:1", appendFor(t, db, "workshop:1", realtime.Moderators, "a").Seq)
	expectSeqs(mod, "workshop:1", 1)

	in.gate.set(func(g *gate) { delete(g.moderators, "1/1"); g.denied["2"] = true })
	if code := gone.closeCode(10 * time.Second); code != realtime.CloseAccessRevoked {
		t.Errorf("close code %d, want 4403", code)
	}
	untilDeaf(t, in, mod, "workshop:1")
}

// TestAnnouncedChangeOverPostgres: a Change announced on one instance re-authorises the
// person's connection on another at once (the periodic check is far off).
func TestAnnouncedChangeOverPostgres(t *testing.T) {
	url := testdb.PostgresURL(t)
	a, b := pgInstance(t, url), pgInstance(t, url)
	b.gate.set(func(g *gate) { g.moderators["5/7"] = true })
	c := dialWith(t, websocket.DefaultDialer, b.sessionURL("consultation:5", 0, "s7"))
	other := dialWith(t, websocket.DefaultDialer, b.sessionURL("consultation:6", 0, "s8"))
	b.gate.set(func(g *gate) { g.ended["s7"] = true; g.denied["5/0"] = true; g.denied["6/8"] = true })
	a.b.Announce(context.Background(), realtime.Change{Session: "s7"})
	if code := c.closeCode(10 * time.Second); code != realtime.CloseAccessRevoked {
		t.Errorf("ended session: close code %d, want 4403", code)
	}
	a.b.Announce(context.Background(), realtime.Change{User: 8})
	if code := other.closeCode(10 * time.Second); code != realtime.CloseAccessRevoked {
		t.Errorf("changed user: close code %d, want 4403", code)
	}
}

// TestUndecidedCheckKeepsAccess: an authoriser that cannot decide (its database away) neither
// closes nor downgrades a connection; it refuses new ones with 500 rather than 403.
func TestUndecidedCheckKeepsAccess(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{RecheckEvery: 20 * time.Millisecond})
	in.gate.set(func(g *gate) { g.moderators["1/1"] = true })
	mod := dialWith(t, websocket.DefaultDialer, in.sessionURL("workshop:1", 0, "s1"))
	in.gate.set(func(g *gate) { g.undecided = true })
	_, resp, err := websocket.DefaultDialer.Dial(in.wsURL("workshop:1", 0), http.Header{"Origin": {testOrigin}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("new connection while undecided: %v %v", err, resp)
	}
	// Several checks pass meanwhile; a moderators' event must still arrive.
	time.Sleep(200 * time.Millisecond)
	in.b.Published("workshop:1", appendFor(t, db, "workshop:1", realtime.Moderators, "still").Seq)
	expectSeqs(mod, "workshop:1", 1)
}

// TestUnknownKindRefused: a room of no registered kind is refused before the upgrade.
func TestUnknownKindRefused(t *testing.T) {
	in := startInstance(t, testdb.SQLite(t), realtime.NewLocalBus(), realtime.Options{})
	for _, room := range []string{"poll:1", "lobby", "workshop:"} {
		_, resp, err := websocket.DefaultDialer.Dial(in.wsURL(room, 0), http.Header{"Origin": {testOrigin}})
		if err == nil || resp == nil || resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %v %v", room, err, resp)
		}
	}
}

// expectSeqs reads exactly the events seqs of room, in order.
func expectSeqs(c *client, room string, seqs ...int64) {
	c.t.Helper()
	for _, want := range seqs {
		ev, err := c.next(10 * time.Second)
		if err != nil {
			c.t.Fatalf("waiting for %s #%d: %v", room, want, err)
		}
		if ev.Room != room || ev.Seq != want {
			c.t.Fatalf("got %s #%d, want %s #%d", ev.Room, ev.Seq, room, want)
		}
	}
}

// untilDeaf emits pairs of a moderators' event and a public marker until c gets the marker
// alone; it fails if the moderators' frames never stop.
func untilDeaf(t *testing.T, in *instance, c *client, room string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		mod := appendFor(t, in.db, room, realtime.Moderators, "intern").Seq
		marker := appendFor(t, in.db, room, realtime.Everyone, "public").Seq
		in.b.Published(room, marker)
		ev, err := c.next(10 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Seq == marker {
			return
		}
		if ev.Seq != mod {
			t.Fatalf("got #%d, want #%d or #%d", ev.Seq, mod, marker)
		}
		expectSeqs(c, room, marker)
	}
	t.Fatal("the connection still hears the moderators")
}

// TestOnChangeHearsEveryChange: the hook gets the zero Change when the listener (re)subscribes,
// then every Change announced, on another instance as on its own.
func TestOnChangeHearsEveryChange(t *testing.T) {
	url := testdb.PostgresURL(t)
	var mu sync.Mutex
	var heard []realtime.Change
	a := pgInstance(t, url)
	b := pgInstanceWith(t, url, realtime.Options{OnChange: func(ch realtime.Change) {
		mu.Lock()
		heard = append(heard, ch)
		mu.Unlock()
	}})
	has := func(want realtime.Change) func() bool {
		return func() bool { mu.Lock(); defer mu.Unlock(); return slices.Contains(heard, want) }
	}
	waitFor(t, 10*time.Second, "the zero Change on subscribing", has(realtime.Change{}))
	a.b.Announce(context.Background(), realtime.Change{User: 8})
	waitFor(t, 10*time.Second, "a Change from another instance", has(realtime.Change{User: 8}))
	b.b.Announce(context.Background(), realtime.Change{Session: "s9"})
	waitFor(t, 10*time.Second, "the instance's own Change", has(realtime.Change{Session: "s9"}))
}

// TestGuestCredential: a guest's credential reaches the kind's authoriser at the upgrade and at
// every re-check; a wrong one is refused with 403, and once the authoriser refuses the right one
// (the token was revoked) the open connection is closed with 4403, while a second guest's
// connection with its own credential is decided on its own.
func TestGuestCredential(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{RecheckEvery: 50 * time.Millisecond})
	in.gate.set(func(g *gate) { g.tokens["3"] = "hash-a"; g.tokens["4"] = "hash-b" })
	for _, u := range []string{in.wsURL("workshop:3", 0), in.credentialURL("workshop:3", 0, "hash-b")} {
		_, resp, err := websocket.DefaultDialer.Dial(u, http.Header{"Origin": {testOrigin}})
		if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Fatalf("%s: %v %v, want 403", u, err, resp)
		}
	}
	guest := dialWith(t, websocket.DefaultDialer, in.credentialURL("workshop:3", 0, "hash-a"))
	other := dialWith(t, websocket.DefaultDialer, in.credentialURL("workshop:4", 0, "hash-b"))
	in.b.Published("workshop:3", appendFor(t, db, "workshop:3", realtime.GuestAudience(1), "own vote").Seq)
	expectSeqs(guest, "workshop:3", 1)

	in.gate.set(func(g *gate) { g.tokens["3"] = "hash-c" }) // guest a's token revoked
	if code := guest.closeCode(10 * time.Second); code != realtime.CloseAccessRevoked {
		t.Errorf("close code %d, want 4403", code)
	}
	time.Sleep(150 * time.Millisecond) // several checks more
	publish(t, in, "workshop:4", 1)
	expectSeqs(other, "workshop:4", 1)
}
