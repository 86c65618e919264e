// Package realtime delivers the events of rooms (workshops, open consultations) to websocket
// clients, live and without gaps or duplicates.
//
// An event is first stored with Append inside the caller's write transaction, which gives it the
// room's next sequence number. After the commit the caller calls Broker.Published; one publisher
// goroutine per instance coalesces those calls per room and announces "room R is at seq S" on a Bus
// (in-process, or PostgreSQL LISTEN/NOTIFY between instances). Each instance's hub then reads the
// room's new events from the database once and fans them out to its local connections of that
// room. A client that reconnects passes the last sequence it saw and is replayed what it missed
// before live events continue.
//
// The database is the only thing instances share: a notification carries no event, only the
// room's newest sequence, so a coalesced notification loses nothing and a lost one only delays
// its events until the room's next notification, the listener's reconnect or the client's.
package realtime
