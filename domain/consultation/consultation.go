// Package consultation holds consultations on plan documents: a plan in sections, an audience and
// a time window, comments in threads with supports and flags, moderation (before or after
// publication), the administration's official responses and a public moderation log.
package consultation

import (
	"fmt"
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Sentinel errors of the consultation context.
var (
	ErrNotFound        = kernel.New(kernel.KindNotFound, "consultation_not_found", "consultation not found")
	ErrCommentNotFound = kernel.New(kernel.KindNotFound, "comment_not_found", "comment not found")
	ErrInvalid         = kernel.New(kernel.KindInvalid, "validation_failed", "invalid")
	ErrClosed          = kernel.New(kernel.KindConflict, "consultation_closed", "the consultation is not open for comments")
	ErrNotInAudience   = kernel.New(kernel.KindForbidden, "not_in_audience", "this consultation is for another audience")
	ErrEditWindow      = kernel.New(kernel.KindConflict, "edit_window_over", "a comment can be edited for 15 minutes only")
	ErrNotAuthor       = kernel.New(kernel.KindForbidden, "not_author", "only the author may do this")
	ErrAlreadyDone     = kernel.New(kernel.KindConflict, "already_done", "already done")
	ErrOwnComment      = kernel.New(kernel.KindConflict, "own_comment", "you cannot support your own comment")
)

// Audience says who may comment.
type Audience string

// The audiences of a consultation.
const (
	AudienceEveryone  Audience = "everyone"  // everyone logged in
	AudienceProviders Audience = "providers" // members of a Träger
	AudienceInvited   Audience = "invited"   // members of the invited organisations
)

// Moderation says when moderators look at comments.
type Moderation string

// Pre-moderation holds comments until approved; post-moderation publishes them at once and puts
// flagged ones in the queue.
const (
	PreModeration  Moderation = "pre"
	PostModeration Moderation = "post"
)

// Section is a part of the plan document, written in Markdown.
type Section struct {
	ID       int64
	Position int
	Heading  string
	Body     string
}

// Consultation is a time-boxed consultation on a plan document of a process.
type Consultation struct {
	ID          int64
	ProcessID   int64
	DistrictKey string
	Title       string
	Intro       string
	Sections    []Section
	AreaIDs     []int64
	Audience    Audience
	InvitedOrgs []string // organisation slugs, for AudienceInvited
	Moderation  Moderation
	OpensAt     time.Time
	ClosesAt    time.Time
	CreatedAt   time.Time
	// ProcessStatus is the status of the consultation's process, read with it: a draft process
	// hides its consultations.
	ProcessStatus planning.Status
}

// ReadableBy reports whether the person may read the consultation and follow its room: as they
// may its process.
func (c *Consultation) ReadableBy(p identity.Principal) bool {
	pr := planning.Process{Status: c.ProcessStatus, DistrictKey: c.DistrictKey}
	return pr.ReadableBy(p)
}

// ModeratedBy reports whether the person moderates the consultation: its district's
// coordinators and admins.
func (c *Consultation) ModeratedBy(p identity.Principal) bool {
	return access.CanCoordinate(p, c.DistrictKey)
}

// MaxSections bounds a plan document.
const MaxSections = 100

// Validate checks a consultation before it is stored.
func (c *Consultation) Validate() error {
	c.Title = kernel.CleanName(c.Title)
	switch {
	case c.Title == "" || kernel.Chars(c.Title) > kernel.MaxName:
		return fmt.Errorf("%w consultation: title must have 1 to 200 characters", ErrInvalid)
	case kernel.Chars(c.Intro) > kernel.MaxIntro:
		return fmt.Errorf("%w consultation: intro longer than 10,000 characters", ErrInvalid)
	case c.Audience != AudienceEveryone && c.Audience != AudienceProviders && c.Audience != AudienceInvited:
		return fmt.Errorf("%w consultation: unknown audience %q", ErrInvalid, c.Audience)
	case c.Audience == AudienceInvited && len(c.InvitedOrgs) == 0:
		return fmt.Errorf("%w consultation: invite at least one organisation", ErrInvalid)
	case c.Moderation != PreModeration && c.Moderation != PostModeration:
		return fmt.Errorf("%w consultation: moderation is pre or post", ErrInvalid)
	case c.OpensAt.IsZero() || c.ClosesAt.IsZero() || !c.ClosesAt.After(c.OpensAt):
		return fmt.Errorf("%w consultation: it must close after it opens", ErrInvalid)
	case len(c.Sections) == 0 || len(c.Sections) > MaxSections:
		return fmt.Errorf("%w consultation: the plan needs 1 to %d sections", ErrInvalid, MaxSections)
	}
	for i := range c.Sections {
		s := &c.Sections[i]
		s.Heading, s.Position = kernel.CleanName(s.Heading), i
		if s.Heading == "" || kernel.Chars(s.Heading) > kernel.MaxName || kernel.Chars(s.Body) > kernel.MaxSectionBody {
			return fmt.Errorf("%w consultation: section %d needs a heading (up to 200 characters) and at most 50,000 characters of text", ErrInvalid, i+1)
		}
	}
	return nil
}

// Open reports whether comments are accepted at t.
func (c *Consultation) Open(t time.Time) bool { return !t.Before(c.OpensAt) && t.Before(c.ClosesAt) }

// InAudience reports whether the person belongs to the consultation's audience.
func (c *Consultation) InAudience(p identity.Principal) bool {
	if p.Anonymous() {
		return false
	}
	switch c.Audience {
	case AudienceEveryone:
		return true
	case AudienceProviders:
		return slices.ContainsFunc(p.Memberships, func(m identity.Membership) bool { return m.Organisation.Kind == identity.OrgProvider })
	case AudienceInvited:
		return slices.ContainsFunc(p.Memberships, func(m identity.Membership) bool { return slices.Contains(c.InvitedOrgs, m.Organisation.Slug) })
	}
	return false
}

// CanComment checks window and audience.
func (c *Consultation) CanComment(p identity.Principal, t time.Time) error {
	if !c.Open(t) {
		return ErrClosed
	}
	if !c.InAudience(p) {
		return ErrNotInAudience
	}
	return nil
}

// checkOpen: after a consultation closes, its comments are read-only (edits, withdrawals, flags).
func (c *Consultation) checkOpen(t time.Time) error {
	if !c.Open(t) {
		return ErrClosed
	}
	return nil
}

// HasSection reports whether id is a section of the plan (0, the whole plan, always is).
func (c *Consultation) HasSection(id int64) bool {
	return id == 0 || slices.ContainsFunc(c.Sections, func(s Section) bool { return s.ID == id })
}
