package realtime

import (
	"strings"
	"time"
)

// Options tunes a Broker; zero fields take the defaults below.
type Options struct {
	// AllowedOrigins lists the exact browser origins (scheme://host[:port]) that may open a
	// websocket; the session cookie rides along with any cross-site upgrade, so nothing else may.
	AllowedOrigins []string
	// SendQueue is the per-connection queue of events, default 256. A connection whose queue is
	// full is closed: it reconnects and catches up with since, instead of slowing the hub down.
	SendQueue int
	// PingInterval is how often the server pings, default 25 s; a peer silent for twice as long
	// (no pong, no message) is considered dead.
	PingInterval time.Duration
	// WriteTimeout bounds every write to a client, default 10 s.
	WriteTimeout time.Duration
	// ReadLimit bounds a client message in bytes, default 4096: clients send nothing but pings,
	// pongs and perhaps a small {"type":"ping"}.
	ReadLimit int64
	// RecheckEvery is how often every connection's access is decided again, default 30 s: the
	// bound on how long someone who lost a role without a Change reaching this instance (a lost
	// notification, a rule that changed with the room) keeps receiving.
	RecheckEvery time.Duration
	// OnChange, if set, hears every Change the bus delivers, this instance's own included, and
	// the zero Change whenever Changes may have been lost (on subscribing, after a reconnect).
	// It lets a cache of sessions share the broker's one listener instead of opening a second.
	// It runs on the listener's goroutine, before the connections are re-checked, so it must
	// not block.
	OnChange func(Change)
	// OnRoom, if set, hears every announcement the bus delivers: the room's events up to seq
	// are committed (this instance's own included), or AllRooms whenever announcements may
	// have been lost. It lets a cache of pages drop what a room's change made stale. It runs on
	// the listener's goroutine and must not block.
	OnRoom func(room string, seq int64)
	// MaxPerAddress bounds the open connections from one client address, default 50: a page
	// needs one, a household behind one address a few dozen; a script opening thousands is
	// refused with 429.
	MaxPerAddress int
	// ReplayRing is how many of a room's newest events the hub keeps in memory, per room with
	// connections, to replay a client that reconnects a little behind without reading the
	// database; 0 keeps none. Enable it only with a Log (and a Deliver caller) that sets
	// Event.Supersedes on every event that may be rewritten or deleted later, as store.Events and
	// store.Outbox do (every event with a subject): such an event empties the room's ring and is
	// not kept, so the ring only ever holds events that nothing changes afterwards, and a replay
	// from memory never shows a withdrawn or hidden text, not even one whose withdrawal has not
	// reached this hub yet. A client that is up to date (since at the room's newest event, as
	// after loading a page) never reads the database at its upgrade, ring or not.
	ReplayRing int
}

func (o Options) withDefaults() Options {
	if o.SendQueue <= 0 {
		o.SendQueue = 256
	}
	if o.PingInterval <= 0 {
		o.PingInterval = 25 * time.Second
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 10 * time.Second
	}
	if o.ReadLimit <= 0 {
		o.ReadLimit = 4096
	}
	if o.MaxPerAddress <= 0 {
		o.MaxPerAddress = 50
	}
	if o.RecheckEvery <= 0 {
		o.RecheckEvery = 30 * time.Second
	}
	origins := make([]string, 0, len(o.AllowedOrigins))
	for _, a := range o.AllowedOrigins {
		if a = normaliseOrigin(a); a != "" {
			origins = append(origins, a)
		}
	}
	o.AllowedOrigins = origins
	return o
}

func (o Options) pongWait() time.Duration { return 2 * o.PingInterval }

// normaliseOrigin lower-cases (scheme and host are case-insensitive) and drops a trailing slash
// that configuration may carry but an Origin header never does.
func normaliseOrigin(s string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "/")
}

// originAllowed matches the request's Origin exactly against the allowed list. A missing or
// "null" Origin is refused: every browser sends one on a websocket upgrade, and a request without
// one is not a browser we can vouch for.
func (o Options) originAllowed(origin string) bool {
	origin = normaliseOrigin(origin)
	if origin == "" || origin == "null" {
		return false
	}
	for _, a := range o.AllowedOrigins {
		if origin == a {
			return true
		}
	}
	return false
}
