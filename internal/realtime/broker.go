package realtime

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
	"gorm.io/gorm"
)

// ErrOriginNotAllowed is returned by ServeWS after it answered 403 to a foreign Origin.
var ErrOriginNotAllowed = errors.New("realtime: origin not allowed")

// ErrStopped is returned by ServeWS after it answered 503 because the broker is shutting down.
var ErrStopped = errors.New("realtime: broker stopped")

// Broker is the real-time layer of one instance: the hub with its connections, the coalescing
// publisher and the bus listener.
type Broker struct {
	db       *gorm.DB
	bus      Bus
	log      *slog.Logger
	opts     Options
	hub      *hub
	pub      *publisher
	upgrader websocket.Upgrader

	started atomic.Bool
	mu      sync.Mutex // guards stopping against active.Add
	stop    bool
	active  sync.WaitGroup // ServeWS calls past the upgrade
	conns   atomic.Int64
}

// NewBroker returns a broker reading events from db and exchanging announcements on bus
// (NewLocalBus for one instance, NewPostgresBus for several). Run must be running for ServeWS.
func NewBroker(db *gorm.DB, bus Bus, log *slog.Logger, opts Options) *Broker {
	b := &Broker{db: db, bus: bus, log: log, opts: opts.withDefaults()}
	b.hub = newHub(db, log)
	b.pub = newPublisher(bus, log)
	b.upgrader = websocket.Upgrader{
		HandshakeTimeout: b.opts.WriteTimeout,
		// Clients send only tiny messages; a small read buffer and pooled write buffers keep an
		// idle connection's memory low.
		ReadBufferSize:  512,
		WriteBufferSize: 4096,
		WriteBufferPool: &sync.Pool{},
		CheckOrigin:     func(r *http.Request) bool { return b.opts.originAllowed(r.Header.Get("Origin")) },
	}
	return b
}

// Run runs the hub, the publisher and the bus listener until ctx ends. Then it closes every
// connection with 1012 (service restart), which tells clients to reconnect, possibly to another
// instance; it returns once they are closed (each within WriteTimeout) and pending announcements
// were sent. A clean shutdown returns nil.
func (b *Broker) Run(ctx context.Context) error {
	if !b.started.CompareAndSwap(false, true) {
		return errors.New("realtime: Run called twice")
	}
	var wg sync.WaitGroup
	wg.Go(func() { b.hub.run(ctx) })
	wg.Go(func() { b.pub.run(ctx) })
	var busErr error
	wg.Go(func() { busErr = b.bus.Subscribe(ctx, b.hub.notify) })

	<-ctx.Done()
	b.mu.Lock()
	b.stop = true
	b.mu.Unlock()
	<-b.hub.done // every registered connection has been told to close
	closed := make(chan struct{})
	go func() { b.active.Wait(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(b.opts.WriteTimeout + time.Second):
		b.log.Warn("realtime: connections still open at shutdown", "count", b.conns.Load())
	}
	wg.Wait()
	return busErr
}

// Published tells the broker that the room's events up to seq are committed. It never blocks:
// announcements are coalesced per room and sent by the publisher goroutine.
func (b *Broker) Published(room string, seq int64) {
	if !validRoom(room) || seq < 1 {
		b.log.Error("realtime: Published with invalid room or seq", "room_len", len(room), "seq", seq)
		return
	}
	b.pub.add(room, seq)
}

// Connections returns the number of open websocket connections, for metrics and tests.
func (b *Broker) Connections() int { return int(b.conns.Load()) }

// ServeWS upgrades an authenticated request to a websocket subscribed to room and returns; the
// connection is served in the background until it closes (Run waits for that at shutdown): first
// the room's events after since, then live events, without gap or duplicate. The caller has
// already authenticated the person and checked that they may read the room. A foreign Origin gets
// 403 before any upgrade. When ServeWS returns an error, the HTTP response has been written.
func (b *Broker) ServeWS(w http.ResponseWriter, r *http.Request, room string, since int64) error {
	if !b.opts.originAllowed(r.Header.Get("Origin")) {
		http.Error(w, "origin not allowed", http.StatusForbidden)
		return ErrOriginNotAllowed
	}
	if !validRoom(room) {
		http.Error(w, "invalid room", http.StatusBadRequest)
		return ErrInvalidRoom
	}
	if !b.enter() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return ErrStopped
	}
	ws, err := b.upgrader.Upgrade(w, r, nil)
	if err != nil {
		b.active.Done()
		return err // the upgrader has answered
	}
	b.conns.Add(1)
	// Serving on fresh goroutines lets the HTTP server's per-connection state and buffers go,
	// which halves an idle connection's memory compared with blocking in the handler.
	go func() {
		defer b.active.Done()
		defer b.conns.Add(-1)
		b.serve(newConn(ws, room, max(since, 0), b.opts.SendQueue))
	}()
	return nil
}

// enter counts a connection in, unless shutdown has begun: Run waits only for those counted.
func (b *Broker) enter() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stop {
		return false
	}
	b.active.Add(1)
	return true
}

func (b *Broker) serve(c *conn) {
	defer c.ws.Close()
	defer c.cancel()
	if !b.hub.join(c) {
		c.close(websocket.CloseServiceRestart, "going away, reconnect")
		b.goodbye(c)
		return
	}
	defer b.hub.leave(c)
	writerDone := make(chan struct{})
	go func() { defer close(writerDone); b.writePump(c) }()
	b.readPump(c)
	// A read error means the peer is gone or was already answered (gorilla replies to a close
	// and to an oversized message itself), so no further close frame is due.
	c.close(websocket.CloseAbnormalClosure, "")
	<-writerDone
}

func encodeEvent(ev Event) ([]byte, error) { return json.Marshal(ev) }
