package store

// FailRelayAt makes the outbox's relays fail at a named step ("numbered": after the room
// counters advanced, "inserted": after the events were written), so tests can prove that a
// failed relay loses and duplicates nothing.
func (o *Outbox) FailRelayAt(fail func(step string) error) { o.failAt = fail }
