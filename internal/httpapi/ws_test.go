package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// dial opens a websocket as this browser (its cookies, the site's Origin).
func (b *browser) dial(path string) (*websocket.Conn, *http.Response, error) {
	u, _ := url.Parse(b.app.URL + path)
	u.Scheme = strings.Replace(u.Scheme, "http", "ws", 1)
	d := websocket.Dialer{Jar: b.http.Jar, HandshakeTimeout: 5 * time.Second}
	return d.Dial(u.String(), http.Header{"Origin": {b.app.Origin}})
}

// dialStatus is the status of a websocket handshake: 101 when it succeeded.
func (b *browser) dialStatus(path string) int {
	b.t.Helper()
	c, resp, err := b.dial(path)
	if err == nil {
		c.Close()
		return http.StatusSwitchingProtocols
	}
	if resp == nil {
		b.t.Fatalf("dial %s: %v", path, err)
	}
	return resp.StatusCode
}

// liveEvent is one message of a room.
type liveEvent struct {
	Room string          `json:"room"`
	Seq  int64           `json:"seq"`
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

// unread holds, per socket, the events of its last message not read yet: a message carries
// one event per line.
var unread sync.Map // *websocket.Conn → []string

// next reads the next event, failing after a few seconds.
func next(b *browser, c *websocket.Conn) liveEvent {
	b.t.Helper()
	lines, _ := unread.Load(c)
	pending, _ := lines.([]string)
	if len(pending) == 0 {
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, msg, err := c.ReadMessage()
		if err != nil {
			b.t.Fatalf("no live event: %v", err)
		}
		pending = strings.Split(string(msg), "\n")
	}
	var ev liveEvent
	if err := json.Unmarshal([]byte(pending[0]), &ev); err != nil {
		b.t.Fatalf("not a live event: %q: %v", pending[0], err)
	}
	unread.Store(c, pending[1:])
	return ev
}
