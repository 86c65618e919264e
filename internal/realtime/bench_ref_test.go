package realtime_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/teilhabe/teilhabe/internal/realtime"
)

// refHub is the reference: a minimal gorilla/websocket broadcast hub in the style of gorilla's
// chat example (one hub goroutine, a buffered send channel and a write goroutine per client,
// non-blocking broadcast), without storage, replay, authorisation or sequence bookkeeping.
type refHub struct {
	register, unregister chan *refClient
	broadcast            chan []byte
	done                 chan struct{} // closed when run has returned
	count                atomic.Int64
	batch                bool                   // the refBatchHub: queued messages join one write
	welcome              atomic.Pointer[[]byte] // the newest message, written to each new client
}

// A refBatchHub is a refHub whose writer joins what is queued into one message, one per line, as
// gorilla's chat example does.
func newRefHub(batch bool) *refHub {
	return &refHub{register: make(chan *refClient), unregister: make(chan *refClient), broadcast: make(chan []byte), done: make(chan struct{}), batch: batch}
}

type refClient struct {
	ws   *websocket.Conn
	send chan []byte
}

func (h *refHub) run(ctx context.Context) {
	defer close(h.done)
	clients := map[*refClient]bool{}
	for {
		select {
		case <-ctx.Done():
			for c := range clients {
				close(c.send)
			}
			return
		case c := <-h.register:
			clients[c] = true
		case c := <-h.unregister:
			if clients[c] {
				delete(clients, c)
				close(c.send)
			}
		case msg := <-h.broadcast:
			for c := range clients {
				select {
				case c.send <- msg:
				default:
					delete(clients, c)
					close(c.send)
				}
			}
		}
	}
}

func (h *refHub) serve(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	h.count.Add(1)
	defer h.count.Add(-1)
	c := &refClient{ws: ws, send: make(chan []byte, 256)}
	if msg := h.welcome.Load(); msg != nil {
		c.send <- *msg
	}
	select {
	case h.register <- c:
	case <-h.done:
		_ = ws.Close()
		return
	}
	go h.writePump(c)
	ws.SetReadLimit(4096)
	for { // read pump
		if _, _, err := ws.ReadMessage(); err != nil {
			break
		}
	}
	select {
	case h.unregister <- c:
	case <-h.done:
	}
}

func (h *refHub) writePump(c *refClient) {
	ws := c.ws
	ping := time.NewTicker(25 * time.Second)
	defer ping.Stop()
	defer ws.Close()
	for {
		select {
		case msg, ok := <-c.send:
			if !ok {
				return
			}
			_ = ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if !h.batch {
				if ws.WriteMessage(websocket.TextMessage, msg) != nil {
					return
				}
				continue
			}
			w, err := ws.NextWriter(websocket.TextMessage)
			if err != nil {
				return
			}
			_, _ = w.Write(msg)
			for range len(c.send) {
				_, _ = w.Write([]byte{'\n'})
				_, _ = w.Write(<-c.send)
			}
			if w.Close() != nil {
				return
			}
		case <-ping.C:
			if ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(10*time.Second)) != nil {
				return
			}
		}
	}
}

func startReferenceTarget(*testing.B) *benchTarget      { return startRefHub(false) }
func startBatchReferenceTarget(*testing.B) *benchTarget { return startRefHub(true) }

func startRefHub(batch bool) *benchTarget {
	h := newRefHub(batch)
	ctx, cancel := context.WithCancel(context.Background())
	go h.run(ctx)
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", ping)
	mux.HandleFunc("/", h.serve)
	srv := httptest.NewServer(mux)
	var seq atomic.Int64
	return &benchTarget{
		url:   "ws" + strings.TrimPrefix(srv.URL, "http") + "/",
		conns: func() int { return int(h.count.Load()) },
		send: func(data []byte) int64 {
			// The same message shape as the broker's, so both write the same bytes.
			n := seq.Add(1)
			msg, _ := json.Marshal(realtime.Event{Room: benchRoom, Seq: n, Type: "question.created", Data: data})
			h.welcome.Store(&msg)
			h.broadcast <- msg
			return n
		},
		stop: func() { cancel(); srv.CloseClientConnections(); srv.Close() },
	}
}
