package consultation

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// MaxCommentRunes bounds a comment's text.
const MaxCommentRunes = kernel.MaxComment

// EditWindow is how long an author may change their comment.
const EditWindow = 15 * time.Minute

// Status is where a comment stands in moderation.
type Status string

// Comment statuses. Published and withdrawn comments are public (a withdrawn one without its
// text); pending, rejected and hidden ones are seen by their author and the moderators only.
const (
	StatusPending   Status = "pending"
	StatusPublished Status = "published"
	StatusRejected  Status = "rejected"
	StatusHidden    Status = "hidden"
	StatusWithdrawn Status = "withdrawn"
)

// Comment is a contribution to a consultation, on the whole plan or one section, maybe a reply.
type Comment struct {
	ID             int64
	ConsultationID int64
	SectionID      int64 // 0: the whole plan
	ParentID       int64 // 0: not a reply
	AuthorID       int64
	AuthorName     string
	Body           string // Markdown as written
	HTML           string // rendered and sanitised
	Status         Status
	Reason         string // why it was rejected or hidden; shown to the author
	Pinned         bool
	Supports       int
	Flags          int
	FlagsOpen      bool // flagged since the last moderation decision
	CreatedAt      time.Time
	EditedAt       time.Time
}

// CheckBody validates a comment's text.
func CheckBody(body string) (string, error) {
	body = strings.TrimSpace(body)
	n := utf8.RuneCountInString(body)
	if n == 0 || n > MaxCommentRunes {
		return "", fmt.Errorf("%w comment: 1 to %d characters", ErrInvalid, MaxCommentRunes)
	}
	if !utf8.ValidString(body) {
		return "", fmt.Errorf("%w comment: not valid UTF-8", ErrInvalid)
	}
	return body, nil
}

// NewComment checks everything about a new comment: window, audience, section, parent, text. Its
// status follows the consultation's moderation.
func NewComment(c *Consultation, author identity.Principal, sectionID int64, parent *Comment, body string, now time.Time) (Comment, error) {
	if err := c.CanComment(author, now); err != nil {
		return Comment{}, err
	}
	body, err := CheckBody(body)
	if err != nil {
		return Comment{}, err
	}
	if parent != nil {
		if parent.ConsultationID != c.ID || (parent.Status != StatusPublished && parent.Status != StatusWithdrawn) {
			return Comment{}, fmt.Errorf("%w comment: the comment replied to is not public in this consultation", ErrInvalid)
		}
		sectionID = parent.SectionID
	}
	if !c.HasSection(sectionID) {
		return Comment{}, fmt.Errorf("%w comment: no section %d in this consultation", ErrInvalid, sectionID)
	}
	status := StatusPublished
	if c.Moderation == PreModeration {
		status = StatusPending
	}
	cm := Comment{ConsultationID: c.ID, SectionID: sectionID, AuthorID: author.User.ID, AuthorName: author.User.Name,
		Body: body, Status: status, CreatedAt: now}
	if parent != nil {
		cm.ParentID = parent.ID
	}
	return cm, nil
}

// Edit changes the text within the edit window; only the author may.
func (cm *Comment) Edit(author identity.Principal, body string, now time.Time) error {
	if cm.AuthorID != author.User.ID || author.Anonymous() {
		return ErrNotAuthor
	}
	if now.Sub(cm.CreatedAt) > EditWindow {
		return ErrEditWindow
	}
	if cm.Status != StatusPublished && cm.Status != StatusPending {
		return fmt.Errorf("%w: a %s comment cannot be edited", ErrInvalid, cm.Status)
	}
	body, err := CheckBody(body)
	if err != nil {
		return err
	}
	cm.Body, cm.EditedAt = body, now
	return nil
}

// Withdraw takes the comment back at any time; replies stay.
func (cm *Comment) Withdraw(author identity.Principal) error {
	if cm.AuthorID != author.User.ID || author.Anonymous() {
		return ErrNotAuthor
	}
	if cm.Status == StatusWithdrawn {
		return ErrAlreadyDone
	}
	cm.Status, cm.Pinned = StatusWithdrawn, false
	return nil
}

// Action is a moderation decision.
type Action string

// Moderation actions.
const (
	ActionApprove Action = "approve"
	ActionReject  Action = "reject"
	ActionHide    Action = "hide"
	ActionPin     Action = "pin"
	ActionUnpin   Action = "unpin"
)

// Moderate applies a moderator's decision; reject and hide need a reason, which the author sees.
func (cm *Comment) Moderate(a Action, reason string) error {
	reason = strings.TrimSpace(reason)
	if kernel.Chars(reason) > kernel.MaxReason {
		return fmt.Errorf("%w: the reason is longer than 500 characters", ErrInvalid)
	}
	switch a {
	case ActionApprove:
		if cm.Status != StatusPending && cm.Status != StatusPublished && cm.Status != StatusHidden {
			return fmt.Errorf("%w: a %s comment cannot be approved", ErrInvalid, cm.Status)
		}
		cm.Status, cm.Reason = StatusPublished, ""
	case ActionReject, ActionHide:
		if reason == "" {
			return fmt.Errorf("%w: give a reason; the author sees it", ErrInvalid)
		}
		if cm.Status == StatusWithdrawn {
			return fmt.Errorf("%w: the comment was withdrawn", ErrInvalid)
		}
		cm.Status, cm.Reason, cm.Pinned = StatusRejected, reason, false
		if a == ActionHide {
			cm.Status = StatusHidden
		}
	case ActionPin, ActionUnpin:
		if cm.Status != StatusPublished {
			return fmt.Errorf("%w: only a published comment can be pinned", ErrInvalid)
		}
		cm.Pinned = a == ActionPin
	default:
		return fmt.Errorf("%w: unknown action %q", ErrInvalid, a)
	}
	cm.FlagsOpen = false
	return nil
}

// PublicStatuses are the statuses everyone may see; stores filter lists with them.
var PublicStatuses = []Status{StatusPublished, StatusWithdrawn}

// Public reports whether everyone may see the comment.
func (cm *Comment) Public() bool { return cm.Status == StatusPublished || cm.Status == StatusWithdrawn }

// VisibleTo reports whether the person may see the comment: public ones everyone, the others
// their author and the moderators.
func (cm *Comment) VisibleTo(p identity.Principal, moderator bool) bool {
	return cm.Public() || moderator || (!p.Anonymous() && cm.AuthorID == p.User.ID)
}

// CheckSupport: once per person, never one's own, only public comments.
func (cm *Comment) CheckSupport(p identity.Principal) error {
	if p.Anonymous() {
		return ErrNotInAudience
	}
	if cm.AuthorID == p.User.ID {
		return ErrOwnComment
	}
	if cm.Status != StatusPublished {
		return fmt.Errorf("%w: only published comments can be supported", ErrInvalid)
	}
	return nil
}

// CheckFlagReason validates the reason of a flag.
func CheckFlagReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	if n := utf8.RuneCountInString(reason); n == 0 || n > kernel.MaxReason {
		return "", fmt.Errorf("%w: a flag needs a reason of 1 to 500 characters", ErrInvalid)
	}
	return reason, nil
}
