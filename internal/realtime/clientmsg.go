package realtime

import (
	"encoding/json"
	"errors"
)

// clientMessage is the one thing a client may send besides control frames: {"type":"ping"},
// for browsers, whose websocket API cannot send protocol pings.
type clientMessage struct {
	Type string `json:"type"`
}

var errBadClientMessage = errors.New("realtime: malformed client message")

// parseClientMessage reads a client's text message: a JSON object with a non-empty, short type.
// Types other than "ping" are tolerated and ignored, so a newer client may send hints an older
// server does not know yet.
func parseClientMessage(b []byte) (clientMessage, error) {
	var m clientMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return clientMessage{}, errBadClientMessage
	}
	if m.Type == "" || len(m.Type) > 64 {
		return clientMessage{}, errBadClientMessage
	}
	return m, nil
}
