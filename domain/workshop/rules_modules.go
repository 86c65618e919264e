package workshop

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Validate cleans and checks a module's set-up: its title (optional), kind and state (a new one
// is ready), a poll's config, a board's columns (one column "Ideen" when none is given) and dots.
// The config of the other kind is emptied.
func (m *Module) Validate() error {
	if err := checkText("title", &m.Title, MaxTitle, false); err != nil {
		return err
	}
	switch m.State {
	case "":
		m.State = ModuleReady
	case ModuleReady, ModuleOpen, ModuleClosed:
	default:
		return invalid("state: unknown %q", m.State)
	}
	if m.Position < 0 || m.AgendaItemID < 0 {
		return invalid("position and agenda item: not negative")
	}
	switch m.Kind {
	case KindQuestions:
		m.Poll, m.Board = PollConfig{}, BoardConfig{}
		return nil
	case KindPoll:
		m.Board = BoardConfig{}
		return m.Poll.Validate()
	case KindBoard:
		m.Poll = PollConfig{}
		return m.Board.validate()
	default:
		return invalid("kind: questions, poll or board")
	}
}

func (b *BoardConfig) validate() error {
	if len(b.Columns) == 0 {
		b.Columns = []string{DefaultColumn}
	}
	if len(b.Columns) > MaxOptions {
		return invalid("columns: at most %d", MaxOptions)
	}
	seen := map[string]bool{}
	for i := range b.Columns {
		if err := checkText("columns", &b.Columns[i], MaxOption, true); err != nil {
			return err
		}
		key := strings.ToLower(b.Columns[i])
		if seen[key] {
			return invalid("columns: %q is there twice", b.Columns[i])
		}
		seen[key] = true
	}
	switch {
	case b.Dots < 0 || b.Dots > MaxDots:
		return invalid("dots: 0 to %d per person", MaxDots)
	case b.Voting && b.Dots == 0:
		return invalid("voting: a board without dots has no dot-voting")
	}
	if !b.Until.IsZero() {
		b.Until = b.Until.UTC()
	}
	return nil
}

// Revise applies a facilitator's edit of a module's set-up: title, agenda item and settings. The
// kind never changes. Once a poll was opened, its answers were given to how it asked and on its
// promise of anonymity: its kind, options, number of choices, scale and budget stay, and an
// anonymous poll stays anonymous (a named one may become anonymous; whether results are live may
// change either way). A board keeps its dot-voting round. The result is checked by Validate.
func (m *Module) Revise(in ModuleInput) error {
	if in.Kind != m.Kind {
		return invalid("kind: a module's kind cannot change")
	}
	switch m.Kind {
	case KindPoll:
		if !m.OpenedAt.IsZero() {
			next := in.Poll
			if err := next.Validate(); err != nil {
				return err
			}
			if err := m.Poll.keptBy(next); err != nil {
				return err
			}
		}
		m.Poll = in.Poll
	case KindBoard:
		voting, until := m.Board.Voting, m.Board.Until
		m.Board = in.Board
		m.Board.Voting, m.Board.Until = voting, until
	}
	m.Title, m.AgendaItemID = in.Title, in.AgendaItemID
	return nil
}

// keptBy reports whether next keeps what an opened poll's answers depend on.
func (c PollConfig) keptBy(next PollConfig) error {
	switch {
	case next.Kind != c.Kind || !slices.Equal(next.Options, c.Options) || next.MaxChoices != c.MaxChoices ||
		next.ScaleMin != c.ScaleMin || next.ScaleMax != c.ScaleMax || next.Budget != c.Budget:
		return fmt.Errorf("%w: an opened poll keeps its kind, options, choices, scale and budget", ErrModuleState)
	case c.Anonymous && !next.Anonymous:
		return fmt.Errorf("%w: an opened anonymous poll stays anonymous", ErrModuleState)
	}
	return nil
}

// Open opens a prepared module for contributions, or reopens a closed one.
func (m *Module) Open(now time.Time) error {
	if m.State != ModuleReady && m.State != ModuleClosed {
		return fmt.Errorf("%w: the module is already open", ErrModuleState)
	}
	m.State, m.OpenedAt, m.ClosedAt = ModuleOpen, now.UTC(), time.Time{}
	return nil
}

// Close closes an open module; what it collected stays.
func (m *Module) Close(now time.Time) error {
	if m.State != ModuleOpen {
		return fmt.Errorf("%w: only an open module can be closed", ErrModuleState)
	}
	m.State, m.ClosedAt = ModuleClosed, now.UTC()
	return nil
}

// Public reports whether participants see the question.
func (q Question) Public() bool { return q.State == QuestionVisible || q.State == QuestionAnswered }

// Approve lets a pre-moderated question appear.
func (q *Question) Approve() error {
	if q.State != QuestionPending {
		return fmt.Errorf("%w: only a pending question can be approved", ErrQuestionState)
	}
	q.State = QuestionVisible
	return nil
}

// MarkAnswered marks a public question answered, with the facilitator's written answer if any
// (given again, it replaces the earlier one).
func (q *Question) MarkAnswered(answer string) error {
	if err := checkText("answer", &answer, MaxAnswer, false); err != nil {
		return err
	}
	if !q.Public() {
		return fmt.Errorf("%w: only a visible question can be answered", ErrQuestionState)
	}
	q.State, q.Answer = QuestionAnswered, answer
	return nil
}

// Hide takes a question out of what participants see, for a reason that goes into the public
// moderation log. A hidden question can be hidden again (a better reason); a merged one lives on
// in its target and is not hidden itself.
func (q *Question) Hide(reason string) error {
	if err := checkReason(&reason); err != nil {
		return err
	}
	if q.State == QuestionMerged {
		return fmt.Errorf("%w: a merged question cannot be hidden; hide the one it was merged into", ErrQuestionState)
	}
	q.State, q.Reason, q.Highlighted = QuestionHidden, reason, false
	return nil
}

func checkReason(reason *string) error {
	if err := checkText("reason", reason, MaxReason, true); err != nil {
		if *reason == "" {
			return ErrReasonRequired
		}
		return err
	}
	return nil
}

// MergeInto merges the question into another of the same module (a duplicate): it becomes
// merged, the service moves its votes.
func (q *Question) MergeInto(target *Question) error {
	switch {
	case target == nil || target.ID == q.ID:
		return invalid("merge: a question cannot be merged into itself")
	case target.ModuleID != q.ModuleID:
		return invalid("merge: both questions must be in the same module")
	case q.State == QuestionMerged || q.State == QuestionHidden || target.State == QuestionMerged || target.State == QuestionHidden:
		return fmt.Errorf("%w: hidden or merged questions cannot be merged", ErrQuestionState)
	}
	q.State, q.MergedInto, q.Highlighted = QuestionMerged, target.ID, false
	return nil
}

// Highlight marks a public question as the one being discussed; taking the mark off is always
// possible.
func (q *Question) Highlight(on bool) error {
	if on && !q.Public() {
		return fmt.Errorf("%w: only a visible question can be highlighted", ErrQuestionState)
	}
	q.Highlighted = on
	return nil
}

// SortQuestions orders questions by "votes" (most first, then newest) or, for anything else,
// "newest" (newest first). Equal times fall back to the higher id, which is the later one.
func SortQuestions(qs []Question, by string) {
	newest := func(a, b Question) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID))
	}
	if by == "votes" {
		slices.SortStableFunc(qs, func(a, b Question) int { return cmp.Or(cmp.Compare(b.Votes, a.Votes), newest(a, b)) })
		return
	}
	slices.SortStableFunc(qs, newest)
}

// VotingOpen reports whether dot-voting is open at now: switched on and its timer, if any, not
// run out.
func (b *BoardConfig) VotingOpen(now time.Time) bool {
	return b.Voting && b.Dots > 0 && (b.Until.IsZero() || now.Before(b.Until))
}

// CheckDots checks a participant's dots on a board (card id → dots; they replace the earlier
// ones): voting is open, each count is at least 1, each card is one of cards (the board's cards,
// as Store.Cards returns them) and visible, and the dots add up to at most the board's budget.
func (b *BoardConfig) CheckDots(dots map[int64]int, cards map[int64]Card, now time.Time) error {
	if !b.VotingOpen(now) {
		return ErrVotingClosed
	}
	sum := 0
	for id, n := range dots {
		if n < 1 {
			return invalid("dots: at least 1 per card (leave a card out for none)")
		}
		c, ok := cards[id]
		if !ok || c.ID != id || c.State != CardVisible {
			return fmt.Errorf("%w: card %d", ErrCardNotFound, id)
		}
		if n > b.Dots || sum+n > b.Dots { // n ≤ b.Dots first: no overflow
			return fmt.Errorf("%w: %d dots per person", ErrDotBudget, b.Dots)
		}
		sum += n
	}
	return nil
}

// Hide takes a card off the board for a reason that goes into the public moderation log.
func (c *Card) Hide(reason string) error {
	if err := checkReason(&reason); err != nil {
		return err
	}
	if c.State == CardMerged {
		return fmt.Errorf("%w: a merged card cannot be hidden; hide the one it was merged into", ErrCardState)
	}
	c.State, c.Reason = CardHidden, reason
	return nil
}

// MergeInto merges the card into another visible card of the same board; the service moves its
// dots.
func (c *Card) MergeInto(t *Card) error {
	switch {
	case t == nil || t.ID == c.ID:
		return invalid("merge: a card cannot be merged into itself")
	case t.ModuleID != c.ModuleID:
		return invalid("merge: both cards must be on the same board")
	case c.State != CardVisible || t.State != CardVisible:
		return fmt.Errorf("%w: only visible cards can be merged", ErrCardState)
	}
	c.State, c.MergedInto = CardMerged, t.ID
	return nil
}

// Move puts a visible card into a column of the board and a theme (0: none; the service checks
// the theme is the board's).
func (c *Card) Move(column int, themeID int64, b *BoardConfig) error {
	switch {
	case column < 0 || column >= len(b.Columns):
		return invalid("column: 0 to %d", len(b.Columns)-1)
	case themeID < 0:
		return invalid("theme: not negative")
	case c.State != CardVisible:
		return fmt.Errorf("%w: only a visible card can be moved", ErrCardState)
	}
	c.Column, c.ThemeID = column, themeID
	return nil
}
