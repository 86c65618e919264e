package workshop

import (
	"context"
	"strconv"
	"time"
)

// Store keeps workshops and everything said in them: rows and queries, database errors
// translated into this package's errors, no rule. Called with a context from
// kernel.Transactor.InTx, every method takes part in that transaction.
type Store interface {
	// InsertWorkshop stores a new workshop with its agenda and facilitators; the join code is
	// unique (kernel.ErrConflict-like: ErrWorkshopState when taken, the caller draws again).
	InsertWorkshop(ctx context.Context, w Workshop) (Workshop, error)
	// SaveWorkshop writes the set-up, status, current item, projection and projector key, and
	// replaces the facilitators. The agenda is written by SaveAgenda.
	SaveWorkshop(ctx context.Context, w Workshop) error
	// SaveAgenda replaces the agenda: items with an id are updated, without one inserted, and
	// those missing are deleted. It returns the stored items in order.
	SaveAgenda(ctx context.Context, workshopID int64, items []AgendaItem) ([]AgendaItem, error)
	// Workshop returns one with agenda and facilitators (ErrNotFound).
	Workshop(ctx context.Context, id int64) (Workshop, error)
	// ByJoinCode returns the workshop with this join code (ErrBadJoinCode).
	ByJoinCode(ctx context.Context, code string) (Workshop, error)
	// Workshops lists a process's workshops by start time, with agenda and facilitators.
	Workshops(ctx context.Context, processID int64) ([]Workshop, error)
	// FacilitatedBy lists the ids of the workshops the user co-facilitates.
	FacilitatedBy(ctx context.Context, userID int64) ([]int64, error)

	// InsertParticipant stores a participant; a logged-in person joins once per workshop (the
	// existing row is returned).
	InsertParticipant(ctx context.Context, p Participant) (Participant, error)
	// ParticipantByUser returns the user's participant row in the workshop (ErrNotParticipant).
	ParticipantByUser(ctx context.Context, workshopID, userID int64) (Participant, error)
	// ParticipantByToken returns a guest by token hash (ErrNotParticipant).
	ParticipantByToken(ctx context.Context, tokenHash string) (Participant, error)
	// Attendance counts the participants who joined: all, guests, and by organisation.
	Attendance(ctx context.Context, workshopID int64) (Attendance, error)

	// Discard deletes what was contributed in the workshop (participants, questions, answers,
	// cards, dots, messages, decisions, log lines, minutes) and resets its modules to ready: the
	// end of a rehearsal.
	Discard(ctx context.Context, workshopID int64) error

	InsertModule(ctx context.Context, m Module) (Module, error)
	SaveModule(ctx context.Context, m Module) error
	Module(ctx context.Context, id int64) (Module, error) // ErrModuleNotFound
	Modules(ctx context.Context, workshopID int64) ([]Module, error)
	DeleteModule(ctx context.Context, id int64) error

	InsertQuestion(ctx context.Context, q Question) (Question, error)
	// SaveQuestion writes state, answer, merged-into, reason and highlight.
	SaveQuestion(ctx context.Context, q Question) error
	Question(ctx context.Context, id int64) (Question, error) // ErrQuestionNotFound
	// Questions lists a module's questions (every state), newest first.
	Questions(ctx context.Context, moduleID int64) ([]Question, error)
	// Vote adds the participant's up-vote and raises the count; false when it was there.
	Vote(ctx context.Context, questionID, participantID int64) (bool, error)
	// Unvote removes it and lowers the count; false when there was none.
	Unvote(ctx context.Context, questionID, participantID int64) (bool, error)
	// MoveVotes moves the votes of from to into (one per person) and recounts both.
	MoveVotes(ctx context.Context, from, into int64) error
	// VotedBy lists the questions of the module the participant voted for.
	VotedBy(ctx context.Context, moduleID, participantID int64) ([]int64, error)
	// VoteCounts returns the module's questions' vote counts by question.
	VoteCounts(ctx context.Context, moduleID int64) (map[int64]int, error)

	// SaveAnswer stores or replaces the participant's answer.
	SaveAnswer(ctx context.Context, a Answer) error
	// AnswerOf returns the participant's answer (found false when none).
	AnswerOf(ctx context.Context, moduleID, participantID int64) (Answer, bool, error)
	// Answers lists a poll's answers.
	Answers(ctx context.Context, moduleID int64) ([]Answer, error)
	// CountAnswers counts a poll's answers.
	CountAnswers(ctx context.Context, moduleID int64) (int, error)
	// AnswerGroups counts a poll's answers grouped: each distinct answer once, with how many
	// gave it (no participant, no time).
	AnswerGroups(ctx context.Context, moduleID int64) ([]AnswerGroup, error)
	// Ballot reads in one go what answering the module takes: the module, its workshop's
	// status and the participant row there of the user (userID not 0) or else of the guest
	// (tokenHash); ErrModuleNotFound.
	Ballot(ctx context.Context, moduleID, userID int64, tokenHash string) (Ballot, error)

	InsertCard(ctx context.Context, c Card) (Card, error)
	// SaveCard writes column, theme, state, merged-into, reason and position.
	SaveCard(ctx context.Context, c Card) error
	Card(ctx context.Context, id int64) (Card, error) // ErrCardNotFound
	// Cards lists a board's cards with their dots.
	Cards(ctx context.Context, moduleID int64) ([]Card, error)
	InsertTheme(ctx context.Context, t Theme) (Theme, error)
	SaveTheme(ctx context.Context, t Theme) error
	DeleteTheme(ctx context.Context, id int64) error
	Theme(ctx context.Context, id int64) (Theme, error) // ErrThemeNotFound
	Themes(ctx context.Context, moduleID int64) ([]Theme, error)
	// SetDots replaces the participant's dots on the board (card id → dots; absent: none).
	SetDots(ctx context.Context, moduleID, participantID int64, dots map[int64]int) error
	// DotsOf returns the participant's dots on the board.
	DotsOf(ctx context.Context, moduleID, participantID int64) (map[int64]int, error)
	// DotCounts returns the board's dots by card.
	DotCounts(ctx context.Context, moduleID int64) (map[int64]int, error)
	// MoveDots moves the dots on card from to card into (a person's dots on both add up).
	MoveDots(ctx context.Context, from, into int64) error

	InsertMessage(ctx context.Context, m Message) (Message, error)
	SaveMessage(ctx context.Context, m Message) error
	Message(ctx context.Context, id int64) (Message, error) // ErrMessageNotFound
	// Messages lists the newest chat messages, oldest first (limit 0: all).
	Messages(ctx context.Context, workshopID int64, limit int) ([]Message, error)
	// LastMessageAt returns when the participant last wrote in the chat (zero: never).
	LastMessageAt(ctx context.Context, workshopID, participantID int64) (time.Time, error)

	InsertDecision(ctx context.Context, d Decision) (Decision, error)
	DeleteDecision(ctx context.Context, id int64) error
	Decision(ctx context.Context, id int64) (Decision, error) // ErrDecisionNotFound
	Decisions(ctx context.Context, workshopID int64) ([]Decision, error)

	AppendLog(ctx context.Context, e LogEntry) error
	Log(ctx context.Context, workshopID int64) ([]LogEntry, error)

	// SaveMinutes stores the minutes, provided the stored version is prev (0: none yet; else
	// ErrStaleMinutes).
	SaveMinutes(ctx context.Context, m Minutes, prev int) error
	// MinutesOf returns the minutes (found false when none).
	MinutesOf(ctx context.Context, workshopID int64) (Minutes, bool, error)

	// InsertHandoff stores a hand-off (ErrAlreadyHandedOff when the subject went to the target).
	InsertHandoff(ctx context.Context, h Handoff) (Handoff, error)
	SaveHandoff(ctx context.Context, h Handoff) error
	Handoff(ctx context.Context, id int64) (Handoff, error) // ErrHandoffNotFound
	Handoffs(ctx context.Context, workshopID int64) ([]Handoff, error)
	// OfferedTo lists the hand-offs offered to the organisation and not answered yet.
	OfferedTo(ctx context.Context, org string) ([]Handoff, error)
}

// Ballot is what answering a poll reads: the module, its workshop's status and the caller's
// participant row in that workshop (Joined false: they did not join).
type Ballot struct {
	Module      Module
	Status      Status
	Participant Participant
	Joined      bool
}

// Attendance is how many joined, as the minutes and the console count them.
type Attendance struct {
	Total    int
	Guests   int
	LoggedIn int
	ByOrg    map[string]int // organisation slug → participants taking part for it
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
