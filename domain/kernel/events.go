package kernel

import (
	"context"
	"strconv"
)

// Audiences within a live room: who receives an event. A room's authoriser (internal/realtime's
// registry) tells which audiences a connection belongs to.
const (
	AudienceEveryone   = "everyone"   // whoever may read the room, also anonymously
	AudienceModerators = "moderators" // the room's moderators or facilitators
)

// AudienceUser is the audience of one person (their own pending comment, say).
func AudienceUser(userID int64) string { return "user:" + itoa(userID) }

// AudienceOrganisation is the audience of one organisation's members.
func AudienceOrganisation(slug string) string { return "org:" + slug }

// Event is a live event that a use case emits. It is stored with the change, in the same
// transaction (the outbox), and delivered to the room's audience after the commit.
type Event struct {
	Room     string // e.g. "consultation:42"
	Audience string // "" means AudienceEveryone
	Type     string // e.g. "comment.created"; its payload is described in api/events.yaml
	Data     any    // encoded as JSON
}

// Outbox stores events in the transaction of ctx (see Transactor); called outside one, it
// stores them in a transaction of their own.
type Outbox interface {
	Emit(ctx context.Context, events ...Event) error
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
