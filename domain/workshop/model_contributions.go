package workshop

import (
	"time"
)

// QuestionState is where a question stands.
type QuestionState string

// The states of a question. Pending ones wait for a facilitator (pre-moderation); hidden ones keep
// no text in what participants see; merged ones live on in the question they were merged into.
const (
	QuestionPending  QuestionState = "pending"
	QuestionVisible  QuestionState = "visible"
	QuestionAnswered QuestionState = "answered"
	QuestionHidden   QuestionState = "hidden"
	QuestionMerged   QuestionState = "merged"
)

// Question is a participant's question in a questions module.
type Question struct {
	ID            int64
	ModuleID      int64
	WorkshopID    int64
	ParticipantID int64
	AuthorName    string
	Text          string
	State         QuestionState
	Votes         int
	Answer        string // the facilitator's answer, if given in writing
	MergedInto    int64
	Reason        string // why it was hidden
	Highlighted   bool
	CreatedAt     time.Time
}

// CardState is where a card stands.
type CardState string

// The states of a card.
const (
	CardVisible CardState = "visible"
	CardHidden  CardState = "hidden"
	CardMerged  CardState = "merged"
)

// Card is a card on the ideas board.
type Card struct {
	ID            int64
	ModuleID      int64
	WorkshopID    int64
	ParticipantID int64
	AuthorName    string
	Column        int   // index into the board's columns
	ThemeID       int64 // 0: not clustered
	Text          string
	State         CardState
	MergedInto    int64
	Reason        string
	Dots          int
	Position      int
	CreatedAt     time.Time
}

// Theme is a cluster of cards the facilitator made.
type Theme struct {
	ID       int64
	ModuleID int64
	Title    string
	Position int
}

// Message is a chat message.
type Message struct {
	ID            int64
	WorkshopID    int64
	ParticipantID int64
	AuthorName    string
	Text          string
	Hidden        bool
	Reason        string
	CreatedAt     time.Time
}

// Decision is a decision the facilitator noted, for the minutes.
type Decision struct {
	ID           int64
	WorkshopID   int64
	AgendaItemID int64
	Text         string
	CreatedBy    int64
	CreatedAt    time.Time
}

// LogEntry is a line of the workshop's public moderation log: what was hidden or merged, why, and
// when; never the hidden text.
type LogEntry struct {
	ID         int64
	WorkshopID int64
	Subject    string // "question:12", "card:3", "message:7"
	Action     string // "hide", "merge"
	Reason     string
	At         time.Time
}

// MinutesStatus is where the minutes stand.
type MinutesStatus string

// The statuses of minutes.
const (
	MinutesDraft     MinutesStatus = "draft"
	MinutesPublished MinutesStatus = "published"
)

// Minutes are the workshop's Protokoll: Markdown built from the session's data, edited by the
// facilitator, published on the process page.
type Minutes struct {
	WorkshopID  int64
	Status      MinutesStatus
	Text        string // Markdown
	Version     int
	UpdatedAt   time.Time
	PublishedAt time.Time
}

// HandoffTarget is where a workshop result is handed on to.
type HandoffTarget string

// The targets of a hand-off.
const (
	ToComment  HandoffTarget = "comment"  // a comment in a consultation of the process
	ToWeighing HandoffTarget = "weighing" // an item of the process's weighing table
	ToNeeds    HandoffTarget = "needs"    // a draft needs assessment of an organisation, once it consents
)

// Handoff links a question, card or theme to what it became in planning.
type Handoff struct {
	ID         int64
	WorkshopID int64
	Subject    string // "question:12", "card:3", "theme:4"
	Target     HandoffTarget
	TargetID   int64  // the comment, weighing item or assessment; 0 while consent is pending
	Org        string // ToNeeds: the organisation asked
	CallID     int64  // ToNeeds: the open call of the process the draft is to belong to
	Summary    string // the text handed on, with its link-back line
	Status     string // "done", or for ToNeeds "offered" until the organisation accepts or "declined"
	CreatedBy  int64
	CreatedAt  time.Time
}

// Room is the live room of a workshop.
func Room(workshopID int64) string { return "workshop:" + itoa(workshopID) }
