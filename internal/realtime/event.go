package realtime

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxRoomLen bounds a room name in bytes. It keeps a notification (room and sequence as JSON, even
// with every byte escaped) far below PostgreSQL's 8,000-byte NOTIFY payload limit.
const MaxRoomLen = 256

// maxTypeLen bounds an event type; types are short dotted names such as "comment.created".
const maxTypeLen = 128

// maxAudienceLen bounds an audience; the longest is "org:" and an organisation's slug.
const maxAudienceLen = 128

// ErrInvalidRoom reports an empty, overlong or non-printable room name, or one whose id its kind
// cannot read.
var ErrInvalidRoom = errors.New("realtime: invalid room name")

// ErrInvalidType reports an empty or overlong event type.
var ErrInvalidType = errors.New("realtime: invalid event type")

// ErrInvalidAudience reports an audience that is none of Everyone, Moderators, Facilitators,
// Projector, "org:<slug>", "user:<id>" and "guest:<id>".
var ErrInvalidAudience = errors.New("realtime: invalid audience")

// The audiences of a room that do not depend on who is in it. An event is stored for exactly one
// audience; a connection belongs to several (see Authoriser).
const (
	// Everyone is every person who may read the room, and the audience of most events.
	Everyone = "everyone"
	// Moderators are the people who run the room: for a consultation, the district's
	// coordinators and the admins.
	Moderators = "moderators"
	// Facilitators are the people who run a live workshop (what moderators are elsewhere,
	// plus the workshop's own hosts).
	Facilitators = "facilitators"
	// Projector is the room's shared screen: a display that shows the workshop to the people
	// in it, hearing what everyone may see on the wall but nothing personal.
	Projector = "projector"
)

// OrgAudience is the audience of one organisation's members, e.g. "org:jugendhilfe-erfurt".
func OrgAudience(slug string) string { return "org:" + slug }

// UserAudience is the audience of one person, e.g. for an answer meant only for its author.
func UserAudience(id int64) string { return "user:" + strconv.FormatInt(id, 10) }

// GuestAudience is the audience of one workshop guest (someone without an account who joined
// with a workshop-scoped token), e.g. for the confirmation of their own vote.
func GuestAudience(id int64) string { return "guest:" + strconv.FormatInt(id, 10) }

// Event is one stored event of a room. Its JSON is exactly what a websocket client receives; the
// audience decides who receives it and is never sent.
type Event struct {
	Room     string          `json:"room"` // e.g. "consultation:42"
	Seq      int64           `json:"seq"`  // per-room sequence, 1, 2, 3, ... without gaps in storage
	Type     string          `json:"type"` // e.g. "comment.created"
	Data     json.RawMessage `json:"data"`
	Audience string          `json:"-"` // one of the forms validAudience accepts
	// Supersedes is set by a Log for an event that rewrote or deleted earlier stored events of
	// its room (kernel.Rewrite, kernel.Replace): the hub's ring of recent frames then holds
	// those as they were and must not replay them. Never sent.
	Supersedes bool `json:"-"`
}

// CheckEvent validates what a store is about to append, so that every event the hub later reads
// can be announced and delivered: a valid room, a short type and a known form of audience.
func CheckEvent(room, audience, typ string) error {
	if !validRoom(room) {
		return ErrInvalidRoom
	}
	if typ == "" || len(typ) > maxTypeLen || !utf8.ValidString(typ) {
		return ErrInvalidType
	}
	if !validAudience(audience) {
		return ErrInvalidAudience
	}
	return nil
}

// validAudience accepts Everyone, Moderators, Facilitators, Projector, "org:<slug>",
// "user:<positive id>" and "guest:<positive id>".
func validAudience(a string) bool {
	switch a {
	case Everyone, Moderators, Facilitators, Projector:
		return true
	}
	if len(a) > maxAudienceLen || !utf8.ValidString(a) {
		return false
	}
	if slug, ok := strings.CutPrefix(a, "org:"); ok {
		return slug != "" && !strings.ContainsFunc(slug, func(r rune) bool { return r < 0x21 || r == 0x7f })
	}
	if id, ok := strings.CutPrefix(a, "user:"); ok {
		return positiveID(id)
	}
	if id, ok := strings.CutPrefix(a, "guest:"); ok {
		return positiveID(id)
	}
	return false
}

// positiveID accepts the canonical decimal form of a positive int64 ("7", not "07" or "+7").
func positiveID(s string) bool {
	n, err := strconv.ParseInt(s, 10, 64)
	return err == nil && n > 0 && strconv.FormatInt(n, 10) == s
}

// defaultPage is the page size of replays and hub reads; it stays below the default send queue,
// so one page of live events fits a healthy connection's queue.
const defaultPage = 128

// validRoom accepts 1..MaxRoomLen bytes of printable UTF-8, so a room name is safe in a NOTIFY
// payload and in logs.
func validRoom(room string) bool {
	if room == "" || len(room) > MaxRoomLen || !utf8.ValidString(room) {
		return false
	}
	for _, r := range room {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}
