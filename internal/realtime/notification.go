package realtime

import (
	"encoding/json"
	"errors"
)

// maxPayload is PostgreSQL's NOTIFY payload limit (in the default configuration it is 8000
// bytes); encodeNotification never gets near it because room names are bounded.
const maxPayload = 8000

// notification is the NOTIFY payload: only the room and its newest committed sequence, never the
// event, so payload size does not depend on event size.
type notification struct {
	Room string `json:"r"`
	Seq  int64  `json:"s"`
}

var errBadNotification = errors.New("realtime: malformed notification")

func encodeNotification(room string, seq int64) (string, error) {
	if !validRoom(room) || seq < 1 {
		return "", errBadNotification
	}
	b, err := json.Marshal(notification{Room: room, Seq: seq})
	if err != nil {
		return "", err
	}
	if len(b) > maxPayload {
		return "", errBadNotification
	}
	return string(b), nil
}

// parseNotification reads a NOTIFY payload. Any session of the database may NOTIFY on the
// channel, so the payload is outside input: it must be one JSON object with a valid room and a
// positive sequence, and nothing else is trusted.
func parseNotification(payload string) (room string, seq int64, err error) {
	if len(payload) > maxPayload {
		return "", 0, errBadNotification
	}
	var n notification // Unmarshal also refuses anything after the object
	if err := json.Unmarshal([]byte(payload), &n); err != nil {
		return "", 0, errBadNotification
	}
	if !validRoom(n.Room) || n.Seq < 1 {
		return "", 0, errBadNotification
	}
	return n.Room, n.Seq, nil
}
