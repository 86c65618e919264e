// Package realtime delivers the events of rooms (workshops, open consultations) to websocket
// clients, live and without gaps or duplicates, each to the audiences that may see it.
//
// An event is first stored in the caller's write transaction by the store (store.AppendEvent),
// which gives it the room's next sequence number and one audience (Everyone, Moderators, an
// organisation or a person). After the commit the caller calls Broker.Published; one publisher
// goroutine per instance coalesces those calls per room and announces "room R is at seq S" on a
// Bus (in-process, or PostgreSQL LISTEN/NOTIFY between instances). Each instance's hub then reads
// the room's new events from the Log once, encodes each once and fans it out to its local
// connections of that room whose audiences include the event's. The instance whose outbox relay
// numbered the events also hands them to its broker directly (Broker.Deliver): its hub fans out
// those that continue a room's delivered sequence at once, without the publisher, the bus or a
// read, and the announcement that follows finds them delivered; anything else (a gap, a room
// whose state is not known yet) waits for the read, so correctness never rests on the handover. A client that reconnects passes
// the last sequence it saw and is replayed what it missed (of its audiences) before live events
// continue; events of other audiences are simply gaps in its numbering. A joining client that is
// up to date (since at the newest event the hub has fanned out, as after loading the page) costs
// no read at all; with Options.ReplayRing one a little behind is replayed from a per-room ring of
// recent frames in memory, and only one further behind reads the Log.
//
// A websocket message may carry several events, one JSON object per line: what is queued for a
// connection when its writer wakes (at most 64 events or 64 KB) goes out as one message, so a
// burst costs one write per connection and batch rather than per event.
//
// Who may follow a room is decided by the room's kind (RegisterKind), whose authoriser the
// broker runs at the upgrade, every Options.RecheckEvery and when a Change (lost role, ended
// session) is announced on the bus; a connection that lost access is closed with 4403.
//
// The database is the only thing instances share: a notification carries no event, only the
// room's newest sequence, so a coalesced notification loses nothing and a lost one only delays
// its events until the room's next notification, the listener's reconnect or the client's.
package realtime
