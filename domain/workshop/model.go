// Package workshop is the live workshop context (Werkstatt): a coordinator's moderated session in
// a planning process with an agenda, and modules that participants on their phones take part in
// (questions with up-votes, polls of seven kinds, an ideas board with dot-voting, an optional
// chat), a facilitator's console, a projector view for the hall, the minutes (Protokoll) made from
// the session's data, and the hand-off of its results into planning.
//
// Participants are logged-in people or, where the workshop allows it, guests who joined with the
// join code and a display name: a guest is a workshop-scoped token, never an account.
package workshop

import (
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Errors of the workshop context; codes are part of the API.
var (
	ErrInvalid          = kernel.New(kernel.KindInvalid, "validation_failed", "invalid")
	ErrNotFound         = kernel.New(kernel.KindNotFound, "workshop_not_found", "There is no such workshop.")
	ErrModuleNotFound   = kernel.New(kernel.KindNotFound, "workshop_module_not_found", "There is no such module in this workshop.")
	ErrQuestionNotFound = kernel.New(kernel.KindNotFound, "question_not_found", "There is no such question.")
	ErrCardNotFound     = kernel.New(kernel.KindNotFound, "card_not_found", "There is no such card.")
	ErrThemeNotFound    = kernel.New(kernel.KindNotFound, "theme_not_found", "There is no such theme.")
	ErrMessageNotFound  = kernel.New(kernel.KindNotFound, "chat_message_not_found", "There is no such chat message.")
	ErrDecisionNotFound = kernel.New(kernel.KindNotFound, "decision_not_found", "There is no such decision.")
	ErrBadJoinCode      = kernel.New(kernel.KindNotFound, "join_code_unknown", "No workshop open to guests has this join code.")
	ErrNotParticipant   = kernel.New(kernel.KindForbidden, "not_a_participant", "Join the workshop first.")
	ErrFacilitatorsOnly = kernel.New(kernel.KindForbidden, "facilitators_only", "Only the workshop's facilitators may do this.")
	ErrGuestsClosed     = kernel.New(kernel.KindForbidden, "guests_not_allowed", "This workshop is open to logged-in people only.")
	ErrWorkshopState    = kernel.New(kernel.KindConflict, "workshop_state", "The workshop is not in a state that allows this.")
	ErrModuleClosed     = kernel.New(kernel.KindConflict, "module_not_open", "This module is not open.")
	ErrModuleState      = kernel.New(kernel.KindConflict, "module_state", "The module is not in a state that allows this.")
	ErrAlreadyVoted     = kernel.New(kernel.KindConflict, "already_voted", "You have already voted for this.")
	ErrDotBudget        = kernel.New(kernel.KindInvalid, "dot_budget_exceeded", "That is more dots than you have.")
	ErrVotingClosed     = kernel.New(kernel.KindConflict, "voting_closed", "Dot-voting is not open.")
	ErrChatOff          = kernel.New(kernel.KindConflict, "chat_off", "The chat is switched off.")
	ErrSlowMode         = kernel.New(kernel.KindRateLimited, "slow_mode", "Slow mode: please wait before your next message.")
	ErrTooFast          = kernel.New(kernel.KindRateLimited, "too_many_contributions", "Too many contributions too fast; please wait a moment.")
	ErrReasonRequired   = kernel.New(kernel.KindInvalid, "reason_required", "Hiding needs a reason; it goes into the public moderation log.")
	ErrMinutesNotFound  = kernel.New(kernel.KindNotFound, "minutes_not_found", "There are no published minutes of this workshop yet.")
	ErrMinutesState     = kernel.New(kernel.KindConflict, "minutes_state", "There are no minutes in a state that allows this.")
	ErrStaleMinutes     = kernel.New(kernel.KindConflict, "stale_version", "The draft was changed since you loaded it; reload it and apply your changes again.")
	ErrHandoffNotFound  = kernel.New(kernel.KindNotFound, "handoff_not_found", "There is no such hand-off.")
	ErrHandoffAnswered  = kernel.New(kernel.KindConflict, "handoff_answered", "This offer has already been answered.")
	ErrAlreadyHandedOff = kernel.New(kernel.KindConflict, "already_handed_off", "This has already been handed on to this target.")
)

// Text limits, in characters.
const (
	MaxTitle        = kernel.MaxName
	MaxPlace        = kernel.MaxOffice
	MaxURL          = 2000
	MaxGuestName    = 60     // a guest's display name
	MaxQuestion     = 500    // a question
	MaxAnswer       = 2000   // a facilitator's answer to a question
	MaxCard         = 300    // a card of the ideas board
	MaxChat         = 500    // a chat message
	MaxPollText     = 1000   // an open-text poll answer
	MaxWord         = 40     // one word-cloud answer
	MaxOption       = 200    // a poll option, a board column, a theme
	MaxDecision     = 2000   // a decision noted by the facilitator
	MaxMinutes      = 200000 // the minutes' Markdown
	MaxReason       = kernel.MaxReason
	MaxAgenda       = 30 // agenda items
	MaxOptions      = 20 // options of a poll, columns of a board
	MaxWords        = 3  // words one person may give in a word cloud
	MaxFacilitators = 10
)

// Status is where a workshop stands.
type Status string

// The statuses of a workshop: set up, being rehearsed (what is contributed is discarded at the
// rehearsal's end), running, over.
const (
	StatusPlanned   Status = "planned"
	StatusRehearsal Status = "rehearsal"
	StatusLive      Status = "live"
	StatusEnded     Status = "ended"
)

// Workshop is one moderated session of a planning process.
type Workshop struct {
	ID          int64
	ProcessID   int64
	DistrictKey string
	Title       string
	Description string
	StartsAt    time.Time
	EndsAt      time.Time // zero: open end
	Place       string    // where, for a session in a hall
	OnlineURL   string    // a BigBlueButton or Jitsi link, for an online session
	AreaIDs     []int64   // social areas of the process it is about
	Guests      bool      // guests may join with the join code and a display name
	JoinCode    string    // 8 characters, unique while the workshop is not ended
	Premoderate bool      // questions appear only once a facilitator approved them
	Chat        bool      // the chat is on
	SlowSeconds int       // chat slow mode: seconds between two messages of one participant (0: off)
	Status      Status
	// CurrentItemID is the agenda item under way (0: none yet), started at ItemStartedAt.
	CurrentItemID int64
	ItemStartedAt time.Time
	Projector     Projection
	// Facilitators are the co-facilitators' user ids; the district's coordinators always
	// facilitate too.
	Facilitators []int64
	Agenda       []AgendaItem
	CreatedBy    int64
	CreatedAt    time.Time
	// ProjectorKeyHash is the hash of the key that lets a hall's device show the projector view
	// without logging in; "" until one is made.
	ProjectorKeyHash string
}

// AgendaItem is one point of a workshop's agenda.
type AgendaItem struct {
	ID        int64
	Position  int
	Title     string
	Minutes   int // planned duration
	StartedAt time.Time
	EndedAt   time.Time
}

// Projection is what the projector shows: the join code, the current agenda item, a highlighted
// question, or a module's results (a poll's bars, a board's themes with their dots).
type Projection struct {
	Kind ProjectionKind
	ID   int64 // the question or module
}

// ProjectionKind names what the projector shows.
type ProjectionKind string

// What the projector can show.
const (
	ShowJoin     ProjectionKind = "join"
	ShowAgenda   ProjectionKind = "agenda"
	ShowQuestion ProjectionKind = "question"
	ShowModule   ProjectionKind = "module"
)

// Participant is one person in a workshop: logged in (UserID) or a guest (token).
type Participant struct {
	ID         int64
	WorkshopID int64
	UserID     int64  // 0 for a guest
	Name       string // display name; a logged-in person's name, a guest's chosen one
	Org        string // slug of the organisation the person takes part for, if any
	TokenHash  string // a guest's token hash; "" for logged-in people
	JoinedAt   time.Time
}

// Guest reports whether the participant joined without an account.
func (p Participant) Guest() bool { return p.UserID == 0 }

// ModuleKind is what a module is.
type ModuleKind string

// The kinds of modules.
const (
	KindQuestions ModuleKind = "questions"
	KindPoll      ModuleKind = "poll"
	KindBoard     ModuleKind = "board"
)

// ModuleState is where a module stands: prepared, open for contributions, closed.
type ModuleState string

// The states of a module.
const (
	ModuleReady  ModuleState = "ready"
	ModuleOpen   ModuleState = "open"
	ModuleClosed ModuleState = "closed"
)

// Module is one interactive part of a workshop, optionally tied to an agenda item.
type Module struct {
	ID           int64
	WorkshopID   int64
	AgendaItemID int64 // 0: not tied to an item
	Kind         ModuleKind
	Title        string
	Position     int
	State        ModuleState
	Poll         PollConfig  // KindPoll only
	Board        BoardConfig // KindBoard only
	OpenedAt     time.Time
	ClosedAt     time.Time
}

// PollKind is the kind of a poll.
type PollKind string

// The kinds of polls.
const (
	PollSingle   PollKind = "single"   // one option
	PollMultiple PollKind = "multiple" // up to MaxChoices options
	PollScale    PollKind = "scale"    // a number from ScaleMin to ScaleMax (1..5 or 0..10)
	PollRanking  PollKind = "ranking"  // every option in an order
	PollBudget   PollKind = "budget"   // Budget points distributed over the options
	PollWords    PollKind = "words"    // up to MaxWords short answers, shown as a word cloud
	PollText     PollKind = "text"     // one open text
)

// PollConfig is how a poll asks.
type PollConfig struct {
	Kind        PollKind
	Options     []string // single, multiple, ranking, budget
	MaxChoices  int      // multiple: 0 means as many as there are options
	ScaleMin    int      // scale: 1 or 0
	ScaleMax    int      // scale: 5 or 10
	Budget      int      // budget: the points to distribute (100 unless set)
	Anonymous   bool     // results never name anyone (else facilitators see who answered what)
	ResultsLive bool     // participants see results while the poll is open; else only once closed
}

// Answer is one participant's answer to a poll; which fields count depends on the kind:
// Values holds the option indexes (single, multiple), the order of option indexes (ranking),
// the points per option (budget) or the one number (scale); Words the word-cloud answers; Text
// the open text.
type Answer struct {
	ModuleID      int64
	ParticipantID int64
	Values        []int
	Words         []string
	Text          string
	UpdatedAt     time.Time
}

// Results are a poll's tally: per option (single, multiple: answers choosing it; ranking: Borda
// points; budget: points), the scale's histogram and mean, the word cloud's words with their
// counts, and how many answered. Texts are the open answers, for facilitators and, once the poll
// is closed or results are live, for everyone when the poll is anonymous.
type Results struct {
	ModuleID int64
	Answers  int
	Options  []int
	Scale    map[int]int
	Mean     float64
	Words    []WordCount
	Texts    []string
}

// WordCount is one word of a word cloud.
type WordCount struct {
	Word  string
	Count int
}

// BoardConfig is how an ideas board works: its columns and the dot-voting.
type BoardConfig struct {
	Columns []string
	Dots    int       // dots per person; 0: no dot-voting
	Voting  bool      // dot-voting is open
	Until   time.Time // the voting's timer; zero: no timer
}
