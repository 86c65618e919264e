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

	"github.com/teilhabe/teilhabe/domain/identity"
)

// ErrOriginNotAllowed is in the Refusal of ServeWS for a foreign Origin.
var ErrOriginNotAllowed = errors.New("realtime: origin not allowed")

// ErrStopped is in the Refusal of ServeWS while the broker is shutting down.
var ErrStopped = errors.New("realtime: broker stopped")

// ErrTooManyConnections is the Refusal's error when one address has MaxPerAddress open already.
var ErrTooManyConnections = errors.New("realtime: too many connections from this address")

// Broker is the real-time layer of one instance: the hub with its connections, the coalescing
// publisher and the bus listener.
type Broker struct {
	events   Log
	bus      Bus
	resolve  Resolver
	log      *slog.Logger
	opts     Options
	hub      *hub
	pub      *publisher
	access   *checker
	kinds    kinds
	upgrader websocket.Upgrader

	started atomic.Bool
	mu      sync.Mutex // guards stopping against active.Add
	stop    bool
	active  sync.WaitGroup // ServeWS calls past the upgrade
	conns   atomic.Int64
	perAddr map[string]int // open connections by client address; guarded by mu
}

// NewBroker returns a broker reading events from the log and exchanging announcements on bus
// (NewLocalBus for one instance, NewPostgresBus for several). resolve tells who a session belongs
// to now (nil: connections keep the principal they were admitted with). Rooms of a kind can be
// followed once the kind is registered with RegisterKind; Run must be running for ServeWS.
func NewBroker(events Log, bus Bus, resolve Resolver, log *slog.Logger, opts Options) *Broker {
	b := &Broker{events: events, bus: bus, resolve: resolve, log: log, opts: opts.withDefaults()}
	b.hub = newHub(events, log, b.opts.ReplayRing)
	b.pub = newPublisher(bus, log)
	b.access = newChecker(b)
	b.upgrader = websocket.Upgrader{
		HandshakeTimeout: b.opts.WriteTimeout,
		// Clients send only tiny messages; a small read buffer and pooled write buffers keep an
		// idle connection's memory low.
		ReadBufferSize:  512,
		WriteBufferSize: 4096,
		WriteBufferPool: &sync.Pool{},
		CheckOrigin:     func(r *http.Request) bool { return b.opts.originAllowed(r.Header.Get("Origin")) },
		// Handshake errors are not written here but returned as a Refusal, so that the caller
		// answers them in the API's error format like every other refusal.
		Error: func(_ http.ResponseWriter, r *http.Request, status int, _ error) {
			if s, ok := r.Context().Value(handshakeKey{}).(*int); ok {
				*s = status
			}
		},
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
	wg.Go(func() { b.access.run(ctx) })
	wg.Go(func() {
		busErr = b.bus.Subscribe(ctx, func(room string, seq int64) {
			if b.opts.OnRoom != nil {
				b.opts.OnRoom(room, seq)
			}
			b.hub.notify(room, seq)
			if room == AllRooms {
				b.changed(Change{}) // Changes may have been lost as well
			}
		}, b.changed)
	})

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

// changed hands a Change from the bus to OnChange first, so that a re-check of the connections
// never resolves a session from a cache that has not yet heard of it, then to the checker.
func (b *Broker) changed(ch Change) {
	if b.opts.OnChange != nil {
		b.opts.OnChange(ch)
	}
	b.access.add(ch)
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

// Deliver hands the broker events of this instance's relay that have just committed, numbered
// (each room's in sequence order, every event the relay numbered in between included), so that
// the hub fans out those that continue what it delivered without reading them back from the
// log: under load every hop of an event's path costs a scheduling round. It never blocks and
// may drop events (a full queue, a stopped broker, a room without local connections); it does
// not replace Published, which the caller calls as well: other instances hear of the events only
// on the bus, and the announcement makes this hub read whatever the handover did not deliver.
func (b *Broker) Deliver(events []Event) {
	if len(events) > 0 {
		b.hub.offer(events)
	}
}

// Connections returns the number of open websocket connections, for metrics and tests.
func (b *Broker) Connections() int { return int(b.conns.Load()) }

// Subscription is what a websocket asks for and who asks: the room, the last sequence the client
// saw, and the person as the HTTP layer authenticated them.
type Subscription struct {
	Room  string
	Since int64
	Who   identity.Principal // the zero Principal for anonymous connections
	// Session is the stored hash of the session token (auth.HashToken), "" without a session:
	// the broker re-resolves Who from it and finds the connection when the session ends.
	Session string
	// Credential is what else admits the connection besides a session, opaque to the broker:
	// for a workshop guest, the hash of their workshop-scoped token. It is kept with the
	// connection and handed to the kind's authoriser (CredentialFrom) at the upgrade and at
	// every re-check, so revoking the token closes the connection like a lost role.
	Credential string
	// Address is the client's address (behind a proxy, the one it reports), for the limit of
	// connections per address; "" is not limited.
	Address string
}

// Refusal is the error of ServeWS when it refused a connection before writing anything: the
// caller answers with Status (in its own error format). It wraps ErrOriginNotAllowed,
// ErrInvalidRoom, ErrUnknownKind, ErrNoAccess, ErrStopped or a websocket handshake error.
type Refusal struct {
	Status int
	Err    error
}

func (r *Refusal) Error() string { return r.Err.Error() }

// Unwrap lets errors.Is find the reason.
func (r *Refusal) Unwrap() error { return r.Err }

type handshakeKey struct{}

// ServeWS authorises sub with the room kind's authoriser, upgrades the request to a websocket
// and returns; the connection is served in the background until it closes (Run waits for that at
// shutdown): first the room's events after since that the person may see, then live ones,
// without gap or duplicate. A *Refusal means nothing was written and the caller answers; any
// other error (an authoriser that could not decide: answer 500; or a failure after the upgrade,
// when nothing can be answered any more) is returned as it is.
func (b *Broker) ServeWS(w http.ResponseWriter, r *http.Request, sub Subscription) error {
	if !b.opts.originAllowed(r.Header.Get("Origin")) {
		return &Refusal{http.StatusForbidden, ErrOriginNotAllowed}
	}
	if !validRoom(sub.Room) {
		return &Refusal{http.StatusBadRequest, ErrInvalidRoom}
	}
	aud, err := b.kinds.authorise(withCredential(r.Context(), sub.Credential), sub.Who, sub.Room)
	switch {
	case errors.Is(err, ErrUnknownKind), errors.Is(err, ErrInvalidRoom):
		return &Refusal{http.StatusBadRequest, err}
	case errors.Is(err, ErrNoAccess):
		return &Refusal{http.StatusForbidden, err}
	case err != nil:
		return err
	}
	if !b.admit(sub.Address) {
		return &Refusal{http.StatusTooManyRequests, ErrTooManyConnections}
	}
	if !b.enter() {
		b.release(sub.Address)
		return &Refusal{http.StatusServiceUnavailable, ErrStopped}
	}
	status := 0
	ws, err := b.upgrader.Upgrade(w, r.WithContext(context.WithValue(r.Context(), handshakeKey{}, &status)), nil)
	if err != nil {
		b.active.Done()
		b.release(sub.Address)
		if status != 0 {
			return &Refusal{status, err}
		}
		return err // after the hijack: nothing can be answered
	}
	b.conns.Add(1)
	// Serving on fresh goroutines lets the HTTP server's per-connection state and buffers go,
	// which halves an idle connection's memory compared with blocking in the handler.
	go func() {
		defer b.active.Done()
		defer b.conns.Add(-1)
		defer b.release(sub.Address)
		b.serve(newConn(ws, sub, aud, b.opts.SendQueue))
	}()
	return nil
}

// admit counts a connection of addr in, unless the address has its maximum open.
func (b *Broker) admit(addr string) bool {
	if addr == "" {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.perAddr == nil {
		b.perAddr = map[string]int{}
	}
	if b.perAddr[addr] >= b.opts.MaxPerAddress {
		return false
	}
	b.perAddr[addr]++
	return true
}

// release counts a connection of addr out.
func (b *Broker) release(addr string) {
	if addr == "" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.perAddr[addr]--; b.perAddr[addr] <= 0 {
		delete(b.perAddr, addr)
	}
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
	if c.session != "" {
		// The session was resolved before the hub knew c: a logout or a lost role announced in
		// between found no connection to re-check. One check once c is known closes that gap.
		b.access.add(Change{Session: c.session})
	}
	writerDone := make(chan struct{})
	go func() { defer close(writerDone); b.writePump(c) }()
	b.readPump(c)
	// A read error means the peer is gone or was already answered (gorilla replies to a close
	// and to an oversized message itself), so no further close frame is due.
	c.close(websocket.CloseAbnormalClosure, "")
	<-writerDone
}

func encodeEvent(ev Event) ([]byte, error) { return json.Marshal(ev) }
