package kernel

import (
	"context"
	"strconv"
)

// Audiences within a live room: who receives an event. A room's authoriser (internal/realtime's
// registry) tells which audiences a connection belongs to.
const (
	AudienceEveryone   = "everyone"   // whoever may read the room, also anonymously
	AudienceModerators = "moderators" // the room's moderators
	// AudienceFacilitators are the people who run a live workshop.
	AudienceFacilitators = "facilitators"
	// AudienceProjector is a workshop's shared screen: what is shown on the wall.
	AudienceProjector = "projector"
)

// AudienceUser is the audience of one person (their own pending comment, say).
func AudienceUser(userID int64) string { return "user:" + itoa(userID) }

// AudienceGuest is the audience of one workshop guest (joined with a workshop token, no account).
func AudienceGuest(guestID int64) string { return "guest:" + itoa(guestID) }

// AudienceOrganisation is the audience of one organisation's members.
func AudienceOrganisation(slug string) string { return "org:" + slug }

// Event is a live event that a use case emits. It is stored with the change, in the same
// transaction (the outbox), and delivered to the room's audience after the commit.
//
// Every event declares how it stands to the later events of its Subject, so that the stored log
// never keeps what was withdrawn, hidden or replaced: a replay shows the present, not the past
// (an outside review read a withdrawn phone number from a replay). The outbox refuses an event
// that does not say (Supersede empty), so no context can forget it.
type Event struct {
	Room      string    // e.g. "consultation:42"
	Audience  string    // "" means AudienceEveryone
	Type      string    // e.g. "comment.created"; its payload is described in api/events.yaml
	Data      any       // encoded as JSON
	Subject   string    // what the event is about, e.g. "comment:42"; empty only for Standalone
	Supersede Supersede // what this event does to the subject's earlier events in the room and audience
}

// Supersede says what an event does to the earlier stored events of its subject (same room and
// audience).
type Supersede string

// The ways an event supersedes earlier ones.
const (
	// Rewrite: the event carries the subject's whole current state; earlier Rewrite events of the
	// subject take this data (an edited comment's old text, a withdrawn one's text, are gone).
	Rewrite Supersede = "rewrite"
	// Replace: earlier events of the subject are deleted (a hidden comment leaves no trace of its
	// text; of many support counts only the newest stays).
	Replace Supersede = "replace"
	// Standalone: the event stands for itself (a public moderation decision); no subject.
	Standalone Supersede = "standalone"
)

// Outbox stores events in the transaction of ctx (see Transactor); called outside one, it
// stores them in a transaction of their own.
type Outbox interface {
	Emit(ctx context.Context, events ...Event) error
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
