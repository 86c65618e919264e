package realtime

// RoomConnections returns how many connections of this instance follow the room now, for a
// facilitator's presence count. Several instances each count their own.
func (b *Broker) RoomConnections(room string) int {
	return len(b.hub.connections(func(c *conn) bool { return c.room == room }))
}
