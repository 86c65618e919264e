package realtime_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
)

const testOrigin = "http://teilhabe.test"

// testLog is silent unless REALTIME_TEST_LOG is set, for debugging a failing run.
func testLog() *slog.Logger {
	if os.Getenv("REALTIME_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// instance is one running broker behind its own HTTP server: one app instance. Its rooms are of
// the kinds "consultation" and "workshop", both guarded by its gate.
type instance struct {
	b      *realtime.Broker
	db     *store.DB
	gate   *gate
	srv    *httptest.Server
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
}

func startInstance(t testing.TB, db *store.DB, bus realtime.Bus, opts realtime.Options) *instance {
	t.Helper()
	return startInstanceLog(t, db, store.NewEvents(db), bus, opts)
}

// startInstanceLog is startInstance whose broker reads the events of db through events.
func startInstanceLog(t testing.TB, db *store.DB, events realtime.Log, bus realtime.Bus, opts realtime.Options) *instance {
	t.Helper()
	if opts.AllowedOrigins == nil {
		opts.AllowedOrigins = []string{testOrigin}
	}
	g := newGate()
	b := realtime.NewBroker(events, bus, g.resolve, testLog(), opts)
	b.RegisterKind("consultation", g.authorise)
	b.RegisterKind("workshop", g.authorise)
	ctx, cancel := context.WithCancel(context.Background())
	in := &instance{b: b, db: db, gate: g, cancel: cancel, done: make(chan error, 1)}
	go func() { in.done <- b.Run(ctx) }()
	in.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		since, _ := strconv.ParseInt(q.Get("since"), 10, 64)
		sub := realtime.Subscription{Room: q.Get("room"), Since: since, Session: q.Get("session"), Credential: q.Get("credential")}
		if sub.Session != "" {
			sub.Who, _ = g.resolve(r.Context(), sub.Session)
		}
		var refused *realtime.Refusal
		if err := b.ServeWS(w, r, sub); errors.As(err, &refused) {
			http.Error(w, refused.Error(), refused.Status)
		} else if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}))
	t.Cleanup(func() {
		in.stop(t)
		in.srv.Close()
	})
	return in
}

// stop ends Run and waits for it; calling it twice is fine.
func (in *instance) stop(t testing.TB) {
	in.once.Do(func() {
		in.cancel()
		select {
		case err := <-in.done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("Run did not return after cancel")
		}
	})
}

func (in *instance) wsURL(room string, since int64) string {
	return "ws" + strings.TrimPrefix(in.srv.URL, "http") + "/?room=" + url.QueryEscape(room) + "&since=" + strconv.FormatInt(since, 10)
}

// client is a websocket client of one room, as a browser tab would be.
type client struct {
	t       testing.TB
	ws      *websocket.Conn
	pending [][]byte // the lines of the last message not read yet
}

func (in *instance) dial(t testing.TB, room string, since int64) *client {
	t.Helper()
	return dialWith(t, websocket.DefaultDialer, in.wsURL(room, since))
}

func dialWith(t testing.TB, d *websocket.Dialer, u string) *client {
	t.Helper()
	ws, resp, err := d.Dial(u, http.Header{"Origin": {testOrigin}})
	if err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		t.Fatalf("dial %s: %v (status %d)", u, err, status)
	}
	t.Cleanup(func() { _ = ws.Close() })
	return &client{t: t, ws: ws}
}

// line returns the next event's raw JSON: a message carries one event per line.
func (c *client) line(timeout time.Duration) ([]byte, error) {
	if len(c.pending) == 0 {
		_ = c.ws.SetReadDeadline(time.Now().Add(timeout))
		typ, msg, err := c.ws.ReadMessage()
		if err != nil {
			return nil, err
		}
		if typ != websocket.TextMessage {
			return nil, fmt.Errorf("message type %d", typ)
		}
		c.pending = bytes.Split(msg, []byte{'\n'})
	}
	line := c.pending[0]
	c.pending = c.pending[1:]
	return line, nil
}

// next reads one event and checks that it is exactly an Event's JSON and nothing more.
func (c *client) next(timeout time.Duration) (realtime.Event, error) {
	msg, err := c.line(timeout)
	if err != nil {
		return realtime.Event{}, err
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(msg, &keys); err != nil || len(keys) != 4 {
		return realtime.Event{}, fmt.Errorf("not an event: %s", msg)
	}
	var ev realtime.Event
	dec := json.NewDecoder(strings.NewReader(string(msg)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ev); err != nil {
		return realtime.Event{}, fmt.Errorf("not an event: %s: %v", msg, err)
	}
	return ev, nil
}

// expect reads the events from..to of room, in order, each exactly once.
func (c *client) expect(room string, from, to int64) {
	c.t.Helper()
	for want := from; want <= to; want++ {
		ev, err := c.next(10 * time.Second)
		if err != nil {
			c.t.Fatalf("waiting for %s #%d: %v", room, want, err)
		}
		if ev.Room != room || ev.Seq != want {
			c.t.Fatalf("got %s #%d, want %s #%d", ev.Room, ev.Seq, room, want)
		}
	}
}

// closeCode waits for the connection to end and returns the close code the server sent (1006
// when it sent none).
func (c *client) closeCode(timeout time.Duration) int {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		_ = c.ws.SetReadDeadline(deadline)
		_, _, err := c.ws.ReadMessage()
		if err == nil {
			continue
		}
		if ce, ok := err.(*websocket.CloseError); ok {
			return ce.Code
		}
		if ne, ok := err.(interface{ Timeout() bool }); ok && ne.Timeout() {
			c.t.Fatalf("connection still open after %v", timeout)
		}
		return websocket.CloseAbnormalClosure
	}
}

// publish appends n events to room, each in its own transaction, announcing each after commit as
// the platform's handlers do.
func publish(t testing.TB, in *instance, room string, n int) []realtime.Event {
	t.Helper()
	out := make([]realtime.Event, 0, n)
	for i := 0; i < n; i++ {
		ev := appendOne(t, in.db, room, map[string]any{"n": i})
		in.b.Published(room, ev.Seq)
		out = append(out, ev)
	}
	return out
}

func appendOne(t testing.TB, db *store.DB, room string, data any) realtime.Event {
	t.Helper()
	return appendFor(t, db, room, realtime.Everyone, data)
}

// appendFor stores one event of room for audience.
func appendFor(t testing.TB, db *store.DB, room, audience string, data any) realtime.Event {
	t.Helper()
	var ev realtime.Event
	err := db.Gorm.Transaction(func(tx *gorm.DB) error {
		var err error
		ev, err = store.AppendEvent(tx, room, audience, "comment.created", data)
		return err
	})
	if err != nil {
		t.Fatalf("append to %s: %v", room, err)
	}
	return ev
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
