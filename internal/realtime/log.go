package realtime

import "context"

// Log is the stored event log the broker reads; the store implements it (store.Events) and writes
// to it inside its own transactions, so realtime knows nothing of tables or SQL.
//
// What the hub relies on: a room's events commit in sequence order, so once Since has returned
// an event with seq S, no event with a smaller seq can appear later; and LastSeq is the newest
// committed seq, so "everything after LastSeq" misses nothing that commits afterwards.
type Log interface {
	// Since returns the room's events with seq > after, in order, at most limit (below 1: a
	// default page), whatever their audience: the broker filters per connection.
	Since(ctx context.Context, room string, after int64, limit int) ([]Event, error)
	// LastSeq returns the room's newest committed sequence number (0 for a room without events).
	LastSeq(ctx context.Context, room string) (int64, error)
}

// LastSeq returns the room's newest sequence number (0 for a room without events), so a page
// that shows the state as of now can subscribe with since=LastSeq and miss nothing.
func (b *Broker) LastSeq(ctx context.Context, room string) (int64, error) {
	return b.events.LastSeq(ctx, room)
}
