package realtime

import (
	"context"
	"log/slog"

	"github.com/gorilla/websocket"
)

// frame is one event encoded once for all connections of its room that hear its audience; it is
// never modified after the hub sends it.
type frame struct {
	seq        int64
	audience   string
	payload    []byte
	supersedes bool // Event.Supersedes: earlier stored events changed with this one
}

// room is the hub's state of one room with local connections.
type room struct {
	name      string
	conns     map[*conn]struct{}
	waiting   []*conn // registered before delivered was known; released when it is
	delivered int64   // newest seq fanned out; valid once ready
	ready     bool
	fetching  bool  // a read of this room is in flight (at most one at a time)
	want      int64 // newest seq announced since the last read started
	force     bool  // read again regardless of want: a full page, or announcements were lost
	ring      *ring // the newest frames, once ready; nil when the hub keeps none
}

type notice struct {
	room string // AllRooms: every room
	seq  int64  // newest committed seq; below 1: read regardless
}

type fetchResult struct {
	room   *room
	init   bool
	last   int64    // init: the newest committed seq
	frames []*frame // otherwise: the events after delivered, in order
}

// hub owns the index room → connections. Only its goroutine touches the index and the rooms, so
// nothing is locked; it never blocks: database reads run in their own goroutines and report back,
// and fan-out is a non-blocking send into each connection's bounded queue.
type hub struct {
	events Log
	log    *slog.Logger
	page   int
	ring   int // frames kept per room for replays from memory (Options.ReplayRing)

	register   chan *conn
	unregister chan *conn
	notices    chan notice
	deliveries chan []Event // committed events handed over by this instance's relay (Broker.Deliver)
	results    chan fetchResult
	snapshots  chan snapshot
	done       chan struct{} // closed when the hub has stopped
	reads      chan struct{} // bounds concurrent database reads of the hub

	rooms map[string]*room
}

func newHub(events Log, log *slog.Logger, ring int) *hub {
	return &hub{
		events:     events,
		log:        log,
		page:       defaultPage,
		ring:       ring,
		register:   make(chan *conn),
		unregister: make(chan *conn, 64),
		notices:    make(chan notice, 256),
		deliveries: make(chan []Event, 64),
		results:    make(chan fetchResult),
		snapshots:  make(chan snapshot),
		done:       make(chan struct{}),
		reads:      make(chan struct{}, 4),
		rooms:      map[string]*room{},
	}
}

// run serves until ctx ends, then closes every connection with a reconnect hint.
func (h *hub) run(ctx context.Context) {
	defer close(h.done)
	for {
		select {
		case <-ctx.Done():
			for _, r := range h.rooms {
				for c := range r.conns {
					c.close(websocket.CloseServiceRestart, "going away, reconnect")
				}
			}
			h.rooms = nil
			return
		case c := <-h.register:
			h.add(ctx, c)
		case c := <-h.unregister:
			h.remove(c)
		case evs := <-h.deliveries:
			h.deliver(ctx, evs)
		case n := <-h.notices:
			// Events handed over directly go first: the announcement of the same events, which
			// follows them, then finds them delivered and costs no read.
			h.drainDeliveries(ctx)
			h.notice(ctx, n)
		case res := <-h.results:
			h.apply(ctx, res)
		case s := <-h.snapshots:
			s.reply <- h.matching(s.match)
		}
	}
}

// join registers c; false means the hub has stopped.
func (h *hub) join(c *conn) bool {
	select {
	case h.register <- c:
		return true
	case <-h.done:
		return false
	}
}

func (h *hub) leave(c *conn) {
	select {
	case h.unregister <- c:
	case <-h.done:
	}
}

// notify is the bus callback; it waits only for the hub's loop, which never blocks.
func (h *hub) notify(room string, seq int64) {
	select {
	case h.notices <- notice{room: room, seq: seq}:
	case <-h.done:
	}
}

func (h *hub) add(ctx context.Context, c *conn) {
	r := h.rooms[c.room]
	if r == nil {
		r = &room{name: c.room, conns: map[*conn]struct{}{}}
		h.rooms[c.room] = r
	}
	r.conns[c] = struct{}{}
	if r.ready {
		h.release(r, c)
	} else {
		// The connection replays only after delivered is known: every event up to it is then
		// committed before the replay reads, and every later one reaches the connection live.
		r.waiting = append(r.waiting, c)
	}
	h.fetch(ctx, r)
}

func (h *hub) remove(c *conn) {
	r := h.rooms[c.room]
	if r == nil {
		return
	}
	if _, ok := r.conns[c]; !ok {
		return
	}
	delete(r.conns, c)
	for i, w := range r.waiting {
		if w == c {
			r.waiting = append(r.waiting[:i], r.waiting[i+1:]...)
			break
		}
	}
	h.forgetIfIdle(r)
}

// forgetIfIdle drops a room without connections; a read in flight keeps it until it reports.
func (h *hub) forgetIfIdle(r *room) {
	if len(r.conns) == 0 && !r.fetching {
		delete(h.rooms, r.name)
	}
}

func (h *hub) notice(ctx context.Context, n notice) {
	if n.room == AllRooms {
		for _, r := range h.rooms {
			r.force = true
			h.fetch(ctx, r)
		}
		return
	}
	r := h.rooms[n.room]
	if r == nil {
		return // no local connections
	}
	if n.seq < 1 {
		r.force = true
	}
	r.want = max(r.want, n.seq)
	h.fetch(ctx, r)
}

// offer hands committed events to the hub without waiting; false if its queue is full (the
// announcement that follows them then makes the hub read them).
func (h *hub) offer(events []Event) bool {
	select {
	case h.deliveries <- events:
		return true
	default:
		return false
	}
}

func (h *hub) drainDeliveries(ctx context.Context) {
	for {
		select {
		case evs := <-h.deliveries:
			h.deliver(ctx, evs)
		default:
			return
		}
	}
}

// deliver fans out the events of this instance's relay that continue a room's delivered
// sequence, without reading the log: the relay numbered every event of the room between them,
// so seq == delivered+1 misses nothing. Anything else, a gap (events of another instance's
// relay, or a handover dropped) or a room whose delivered seq is not known yet, only raises want,
// and the log read fills it in as it would after an announcement. A room without local
// connections costs a map lookup.
func (h *hub) deliver(ctx context.Context, events []Event) {
	for _, ev := range events {
		r := h.rooms[ev.Room]
		if r == nil {
			continue
		}
		if !r.ready || ev.Seq > r.delivered+1 {
			r.want = max(r.want, ev.Seq)
			h.fetch(ctx, r)
			continue
		}
		if ev.Seq <= r.delivered {
			continue // read from the log already
		}
		f := h.frame(ev)
		h.fanout(r, f)
		r.delivered = f.seq
		if r.ring != nil {
			r.ring.push(f)
		}
		h.forgetIfIdle(r)
	}
}

// frame encodes ev once for all connections. Stored data that is not JSON cannot be sent as the
// fixed event format; skipping it (a nil payload) keeps the room moving, and the log says which
// event to repair.
func (h *hub) frame(ev Event) *frame {
	b, err := encodeEvent(ev)
	if err != nil {
		h.log.Error("realtime: event not encodable, skipped", "room", ev.Room, "seq", ev.Seq, "err", err)
		b = nil
	}
	return &frame{seq: ev.Seq, audience: ev.Audience, payload: b, supersedes: ev.Supersedes}
}

func (h *hub) apply(ctx context.Context, res fetchResult) {
	r := res.room
	r.fetching = false
	if h.rooms[r.name] != r {
		return
	}
	if len(r.conns) == 0 {
		h.forgetIfIdle(r)
		return
	}
	if res.init {
		r.delivered, r.ready = res.last, true
		if h.ring > 0 {
			r.ring = newRing(h.ring, r.delivered)
		}
		for _, c := range r.waiting {
			h.release(r, c)
		}
		r.waiting = nil
	}
	for _, f := range res.frames {
		if f.seq <= r.delivered {
			continue
		}
		h.fanout(r, f)
		r.delivered = f.seq
		if r.ring != nil {
			r.ring.push(f)
		}
	}
	if len(res.frames) == h.page {
		r.force = true // a full page: there may be more
	}
	h.fetch(ctx, r)
	h.forgetIfIdle(r)
}

// release lets c replay, telling it what the hub already knows: every event up to delivered has
// been fanned out before c was registered, every later one will reach c live. A connection that
// saw delivered already has nothing to replay, and one a little behind gets its events from the
// ring; only one further behind reads the database. Written before ready is closed, so the
// writer reads these fields safely.
func (h *hub) release(r *room, c *conn) {
	c.joined = r.delivered
	if c.since < r.delivered && r.ring != nil {
		c.backlog, c.fromRing = r.ring.since(c.since)
	}
	close(c.ready)
}

// fanout offers f to every connection of r without waiting; a connection whose queue is full is
// closed, so one slow client never holds up the others (it catches up when it reconnects).
func (h *hub) fanout(r *room, f *frame) {
	for c := range r.conns {
		if !c.hears(f.audience) {
			continue
		}
		select {
		case c.send <- f:
		default:
			delete(r.conns, c)
			c.close(websocket.CloseTryAgainLater, "too slow, reconnect")
		}
	}
}
