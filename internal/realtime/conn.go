package realtime

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// CloseAccessRevoked is the close code of a connection whose person may no longer read the room
// (logged out of a private room, lost a role, the room became private). It is in the 4000-4999
// range of application codes: 1008 (policy violation) would not tell a client that reconnecting
// is pointless until the person logs in again.
const CloseAccessRevoked = 4403

// conn is one websocket subscribed to one room. The hub holds it in its index and feeds send; the
// writer goroutine owns all data writes; the reader handles control frames and notices a dead
// peer. Both run on goroutines of their own, not the HTTP handler's.
type conn struct {
	room    string
	since   int64
	who     identity.Principal // as admitted; re-resolved from session when it has one
	session string             // hash of the session token; "" for anonymous connections
	cred    string             // Subscription.Credential, for the authoriser's re-checks
	aud     atomic.Pointer[audienceSet]
	ws      *websocket.Conn
	send    chan *frame
	ready   chan struct{} // closed by the hub once the connection may replay

	// Set by the hub before ready is closed: the room's delivered seq at registration, and the
	// ring's frames after since when the ring covers them (fromRing).
	joined   int64
	backlog  []*frame
	fromRing bool

	ctx    context.Context // ends with the connection; bounds its replay reads
	cancel context.CancelFunc

	once   sync.Once
	closed chan struct{} // closed by close; code and reason are set before
	code   int
	reason string
}

func newConn(ws *websocket.Conn, sub Subscription, aud audienceSet, queue int) *conn {
	ctx, cancel := context.WithCancel(context.Background())
	c := &conn{
		room: sub.Room, since: max(sub.Since, 0), who: sub.Who, session: sub.Session, cred: sub.Credential, ws: ws,
		send:  make(chan *frame, queue),
		ready: make(chan struct{}),
		ctx:   ctx, cancel: cancel,
		closed: make(chan struct{}),
	}
	c.aud.Store(&aud)
	return c
}

// hears reports whether an event for audience a may go to this connection. The hub, the writer
// and the access checker each run on their own goroutine, so the set is swapped atomically.
func (c *conn) hears(a string) bool {
	return a == Everyone || c.aud.Load().hears(a)
}

// close asks the writer to say goodbye with code and reason and end the connection. It never
// blocks, so the hub may call it; only the first call counts.
func (c *conn) close(code int, reason string) {
	c.once.Do(func() {
		c.code, c.reason = code, reason
		close(c.closed)
		c.cancel()
	})
}

// readPump reads until the peer goes away, sends something it must not, or stays silent longer
// than the pong wait. Clients only need to answer pings; a small {"type":"ping"} also counts as
// a sign of life.
func (b *Broker) readPump(c *conn) {
	ws, wait := c.ws, b.opts.pongWait()
	ws.SetReadLimit(b.opts.ReadLimit) // a larger message closes with 1009
	_ = ws.SetReadDeadline(time.Now().Add(wait))
	ws.SetPongHandler(func(string) error { return ws.SetReadDeadline(time.Now().Add(wait)) })
	for {
		typ, r, err := ws.NextReader()
		if err != nil {
			return
		}
		_ = ws.SetReadDeadline(time.Now().Add(wait))
		if typ != websocket.TextMessage {
			c.close(websocket.CloseUnsupportedData, "text messages only")
			return
		}
		msg, err := io.ReadAll(r)
		if err != nil {
			return
		}
		if _, err := parseClientMessage(msg); err != nil {
			c.close(websocket.CloseUnsupportedData, "expected {\"type\":\"ping\"}")
			return
		}
	}
}

// writePump first replays what the client missed, then writes live events, pings on schedule, and
// finally the close frame. Writing only seq > last keeps the two phases free of duplicates.
//
// Whatever is queued when the writer wakes goes out as one message, one event per line: under a
// burst a connection costs one write (and one wakeup of the client) per batch instead of per
// event, and a single event costs what it did.
func (b *Broker) writePump(c *conn) {
	defer c.ws.Close() // unblocks the reader when the writer ends first
	ping := time.NewTicker(b.opts.PingInterval)
	defer ping.Stop()
	select {
	case <-c.ready:
	case <-c.closed:
		b.goodbye(c)
		return
	}
	last, err := b.replay(c, ping)
	if err != nil {
		c.close(websocket.CloseInternalServerErr, "try again")
		b.goodbye(c)
		return
	}
	out := lines{b: b, c: c}
	for {
		select {
		case f := <-c.send:
			err := out.live(f, &last)
		drain: // what else is queued right now joins the message
			for err == nil && !out.full() {
				select {
				case f = <-c.send:
					err = out.live(f, &last)
				default:
					break drain
				}
			}
			if err == nil {
				err = out.flush()
			}
			if err != nil {
				c.close(websocket.CloseAbnormalClosure, "")
				return
			}
		case <-ping.C:
			if err := c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(b.opts.WriteTimeout)); err != nil {
				c.close(websocket.CloseAbnormalClosure, "")
				return
			}
		case <-c.closed:
			b.goodbye(c)
			return
		}
	}
}

// replay writes the room's events after c.since straight from the database, page by page, each
// page in messages of up to maxBatch events. Live events arriving meanwhile wait in the send
// queue and are dropped there if already replayed.
func (b *Broker) replay(c *conn, ping *time.Ticker) (int64, error) {
	last := c.since
	out := lines{b: b, c: c}
	if last >= c.joined {
		return last, nil // up to date: everything newer reaches the connection live
	}
	if c.fromRing {
		backlog := c.backlog
		c.backlog = nil
		for _, f := range backlog {
			if err := out.live(f, &last); err != nil {
				return last, err
			}
			if out.full() {
				if err := out.flush(); err != nil {
					return last, err
				}
			}
		}
		return max(last, c.joined), out.flush()
	}
	for {
		events, err := b.events.Since(c.ctx, c.room, last, defaultPage)
		if err != nil {
			return last, err
		}
		for _, ev := range events {
			if !c.hears(ev.Audience) {
				last = ev.Seq // not for this person: a gap the client tolerates
				continue
			}
			payload, err := encodeEvent(ev)
			if err != nil {
				b.log.Error("realtime: event not encodable, skipped", "room", ev.Room, "seq", ev.Seq, "err", err)
			} else if err := out.add(payload); err != nil {
				return last, err
			}
			last = ev.Seq
			if out.full() {
				if err := out.flush(); err != nil {
					return last, err
				}
			}
		}
		if err := out.flush(); err != nil {
			return last, err
		}
		if len(events) < defaultPage {
			return last, nil
		}
		select { // a long replay must not starve the peer of pings it answers to stay alive
		case <-ping.C:
			if err := c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(b.opts.WriteTimeout)); err != nil {
				return last, err
			}
		default:
		}
	}
}

// The bounds of one message: enough to take a burst in a few writes, small enough that one
// message never holds a client's parser (or the writer's pooled buffer) for long.
const (
	maxBatch      = 64
	maxBatchBytes = 64 << 10
)

var newline = []byte{'\n'}

// lines builds one websocket text message of events, one JSON object per line (json.Marshal
// never writes a raw newline, so the separator is unambiguous). Events are written straight into
// the connection's message writer: no joined copy, and nothing held between messages.
type lines struct {
	b    *Broker
	c    *conn
	w    io.WriteCloser // the open message; nil between messages
	n    int
	size int
}

// live adds a frame from the send queue unless it was replayed already or its audience is no
// longer the connection's (it was queued before the audiences shrank).
func (l *lines) live(f *frame, last *int64) error {
	if f.seq <= *last || !l.c.hears(f.audience) {
		return nil
	}
	*last = f.seq
	return l.add(f.payload)
}

func (l *lines) add(payload []byte) error {
	if payload == nil {
		return nil // an event that could not be encoded was logged by the hub
	}
	if l.w == nil {
		if err := l.c.ws.SetWriteDeadline(time.Now().Add(l.b.opts.WriteTimeout)); err != nil {
			return err
		}
		w, err := l.c.ws.NextWriter(websocket.TextMessage)
		if err != nil {
			return err
		}
		l.w = w
	} else if _, err := l.w.Write(newline); err != nil {
		return err
	}
	l.n++
	l.size += len(payload) + 1
	_, err := l.w.Write(payload)
	return err
}

func (l *lines) full() bool { return l.n >= maxBatch || l.size >= maxBatchBytes }

// flush ends the open message, if any.
func (l *lines) flush() error {
	if l.w == nil {
		return nil
	}
	err := l.w.Close()
	l.w, l.n, l.size = nil, 0, 0
	return err
}

// goodbye sends the close frame chosen by close, if one is to be sent.
func (b *Broker) goodbye(c *conn) {
	if c.code == websocket.CloseAbnormalClosure || c.code == 0 {
		return // 1006 is never sent on the wire: the connection just ends
	}
	msg := websocket.FormatCloseMessage(c.code, c.reason)
	_ = c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(b.opts.WriteTimeout))
}
