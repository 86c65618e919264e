package realtime

import (
	"encoding/json"
	"errors"
	"strings"
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

// changeNotification is the NOTIFY payload of a Change, {"c":{"u":42}} or {"c":{"x":"<hash>"}}:
// a different shape from a room's, so neither can be mistaken for the other.
type changeNotification struct {
	Change *Change `json:"c"`
}

// maxSessionLen bounds a session hash in a Change (a SHA-256 in hex is 64 bytes).
const maxSessionLen = 128

// validChange accepts exactly one of a positive user id and a short printable session hash.
func validChange(ch Change) bool {
	switch {
	case ch.User > 0 && ch.Session == "":
		return true
	case ch.User == 0 && ch.Session != "" && len(ch.Session) <= maxSessionLen:
		return !strings.ContainsFunc(ch.Session, func(r rune) bool { return r < 0x21 || r > 0x7e })
	}
	return false
}

func encodeChange(ch Change) (string, error) {
	if !validChange(ch) {
		return "", errBadNotification
	}
	b, err := json.Marshal(changeNotification{Change: &ch})
	return string(b), err
}

// parseChange reads a Change's NOTIFY payload; like parseNotification it trusts nothing, and a
// forged Change costs only a re-check of the connections it names.
func parseChange(payload string) (Change, error) {
	if len(payload) > maxPayload {
		return Change{}, errBadNotification
	}
	var n changeNotification
	if err := json.Unmarshal([]byte(payload), &n); err != nil || n.Change == nil || !validChange(*n.Change) {
		return Change{}, errBadNotification
	}
	return *n.Change, nil
}
