package realtime_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestOriginCheck: only the configured origins may upgrade; others get 403 before any upgrade.
func TestOriginCheck(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{AllowedOrigins: []string{"HTTP://Teilhabe.test/"}})
	for _, origin := range []string{"http://evil.example", "https://teilhabe.test", "http://teilhabe.test:8080", "null", ""} {
		h := http.Header{}
		if origin != "" {
			h.Set("Origin", origin)
		}
		ws, resp, err := websocket.DefaultDialer.Dial(in.wsURL("consultation:1", 0), h)
		if err == nil {
			_ = ws.Close()
			t.Errorf("origin %q: upgraded", origin)
			continue
		}
		if resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Errorf("origin %q: %v, want 403", origin, err)
		}
	}
	in.dial(t, "consultation:1", 0) // the allowed origin, configured in another spelling
	if in.b.Connections() > 1 {
		t.Errorf("%d connections, want at most 1", in.b.Connections())
	}
}

// TestPingPongKeepsIdleConnectionAlive: a silent but healthy client survives many pong waits,
// because it answers the server's pings.
func TestPingPongKeepsIdleConnectionAlive(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{PingInterval: 100 * time.Millisecond})
	c := in.dial(t, "workshop:1", 0)
	var pings atomic.Int32
	c.ws.SetPingHandler(func(data string) error {
		pings.Add(1)
		return c.ws.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(time.Second))
	})
	events := make(chan realtime.Event, 1)
	go func() { // reading is what runs the ping handler
		ev, err := c.next(5 * time.Second)
		if err == nil {
			events <- ev
		}
		close(events)
	}()
	time.Sleep(1200 * time.Millisecond) // 12 ping intervals, 6 pong waits
	publish(t, in, "workshop:1", 1)
	if ev, ok := <-events; !ok || ev.Seq != 1 {
		t.Fatalf("idle client lost: %v %+v", ok, ev)
	}
	if n := pings.Load(); n < 5 {
		t.Errorf("%d pings in 1.2 s at a 100 ms interval", n)
	}
}

// TestSilentPeerIsDropped: a client that stops answering pings is disconnected after the pong
// wait, so dead peers do not pile up.
func TestSilentPeerIsDropped(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{PingInterval: 100 * time.Millisecond})
	c := in.dial(t, "workshop:1", 0)
	c.ws.SetPingHandler(func(string) error { return nil }) // swallow pings, send no pongs
	if code := c.closeCode(5 * time.Second); code != websocket.CloseAbnormalClosure {
		t.Errorf("close code %d, want the connection just dropped", code)
	}
	waitFor(t, 5*time.Second, "the server to forget the connection", func() bool { return in.b.Connections() == 0 })
}

// TestClientMessages: {"type":"ping"} is welcome, an oversized message is closed with 1009,
// anything that is not a small JSON object with 1003.
func TestClientMessages(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{ReadLimit: 512})

	ok := in.dial(t, "workshop:1", 0)
	if err := ok.ws.WriteMessage(websocket.TextMessage, []byte(`{"type":"ping"}`)); err != nil {
		t.Fatal(err)
	}
	publish(t, in, "workshop:1", 1)
	ok.expect("workshop:1", 1, 1)

	big := in.dial(t, "workshop:1", 1)
	if err := big.ws.WriteMessage(websocket.TextMessage, []byte(`{"type":"`+strings.Repeat("x", 2000)+`"}`)); err != nil {
		t.Fatal(err)
	}
	if code := big.closeCode(5 * time.Second); code != websocket.CloseMessageTooBig {
		t.Errorf("oversized message: close code %d, want 1009", code)
	}

	for _, msg := range []string{"hello", `{"type":""}`, `[1,2]`} {
		bad := in.dial(t, "workshop:1", 1)
		if err := bad.ws.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
			t.Fatal(err)
		}
		if code := bad.closeCode(5 * time.Second); code != websocket.CloseUnsupportedData {
			t.Errorf("%q: close code %d, want 1003", msg, code)
		}
	}
	bin := in.dial(t, "workshop:1", 1)
	_ = bin.ws.WriteMessage(websocket.BinaryMessage, []byte{1, 2, 3})
	if code := bin.closeCode(5 * time.Second); code != websocket.CloseUnsupportedData {
		t.Errorf("binary: close code %d, want 1003", code)
	}
}

// TestShutdownSaysServiceRestart: ending Run closes every connection with 1012, the reconnect
// hint, and later upgrades are refused.
func TestShutdownSaysServiceRestart(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{})
	a, b := in.dial(t, "workshop:1", 0), in.dial(t, "consultation:2", 0)
	publish(t, in, "workshop:1", 1)
	a.expect("workshop:1", 1, 1)
	in.stop(t)
	for _, c := range []*client{a, b} {
		if code := c.closeCode(5 * time.Second); code != websocket.CloseServiceRestart {
			t.Errorf("close code %d, want 1012", code)
		}
	}
	_, resp, err := websocket.DefaultDialer.Dial(in.wsURL("workshop:1", 0), http.Header{"Origin": {testOrigin}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("dial after shutdown: %v", err)
	}
}

// TestSlowClientDoesNotDelayOthers: a client that stops reading fills its socket and its queue
// and is closed, while another client of the room receives every event as it is published.
func TestSlowClientDoesNotDelayOthers(t *testing.T) {
	db := testdb.SQLite(t)
	in := startInstance(t, db, realtime.NewLocalBus(), realtime.Options{SendQueue: 8, WriteTimeout: 2 * time.Second})
	const room, total = "workshop:2", 150
	// A small receive window makes the server's socket fill up quickly behind the slow client.
	slowDialer := &websocket.Dialer{NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if tcp, ok := conn.(*net.TCPConn); ok {
			_ = tcp.SetReadBuffer(64 << 10)
		}
		return conn, err
	}}
	slow := dialWith(t, slowDialer, in.wsURL(room, 0))
	fast := in.dial(t, room, 0)
	waitFor(t, 5*time.Second, "both connections", func() bool { return in.b.Connections() == 2 })

	blob := strings.Repeat("Stellungnahme ", 64<<10/14) // about 64 KB per event
	var slowest time.Duration
	for i := int64(1); i <= total; i++ {
		start := time.Now()
		ev := appendOne(t, db, room, map[string]any{"i": i, "text": blob})
		in.b.Published(room, ev.Seq)
		got, err := fast.next(10 * time.Second)
		if err != nil || got.Seq != i {
			t.Fatalf("fast client at #%d: got #%d, %v", i, got.Seq, err)
		}
		slowest = max(slowest, time.Since(start))
	}
	t.Logf("fast client: slowest append-to-receive %v", slowest)

	waitFor(t, 10*time.Second, "the slow client to be closed", func() bool { return in.b.Connections() == 1 })
	read := 0
	for {
		if _, err := slow.next(5 * time.Second); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("slow client still open after %d events", read)
			}
			break
		}
		read++
	}
	if read >= total {
		t.Errorf("slow client got all %d events; it should have been cut off", read)
	}
	t.Logf("slow client got %d of %d events before being closed", read, total)
}
