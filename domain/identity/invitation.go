package identity

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Errors of invitations. Every answer to a lead is the same whether an account holds the
// address, so there is no "no such account" error.
var (
	// ErrInvitationNotFound: no pending invitation with this id for this person or organisation.
	ErrInvitationNotFound = kernel.New(kernel.KindNotFound, "invitation_not_found", "invitation not found")
	// ErrInvitationExpired: the invitation was for this person, but its time ran out.
	ErrInvitationExpired = kernel.New(kernel.KindNotFound, "invitation_expired", "This invitation has expired; please ask for a new one.")
	// ErrInvitationsLimited: a lead sends too many invitations (see Deps.Invites).
	ErrInvitationsLimited = kernel.New(kernel.KindRateLimited, "invitations_rate_limited", "You have sent many invitations; please wait before sending more.")
)

// InvitationTTL is how long an invitation can be accepted. Inviting the address again renews it.
const InvitationTTL = 14 * 24 * time.Hour

// InvitationAction is what the person asking may do to an invitation; the server sends them, the
// frontend shows a button for each.
type InvitationAction string

// The actions on invitations: the invited person accepts or declines, a lead withdraws.
const (
	InvitationAccept   InvitationAction = "accept"
	InvitationDecline  InvitationAction = "decline"
	InvitationWithdraw InvitationAction = "withdraw"
)

// Invitation is a lead's offer of a membership to whoever holds an e-mail address: nobody becomes
// a member without accepting it, and the lead never learns whether the address has an account.
type Invitation struct {
	ID           int64
	Organisation Organisation
	Email        string // normalised by NormaliseEmail
	Role         MemberRole
	InvitedBy    User // ID 0 when the system or a deleted account invited
	CreatedAt    time.Time
	ExpiresAt    time.Time
	// Actions are what the person asking may do to it now (filled by Service).
	Actions []InvitationAction
}

// Expired reports whether the invitation can no longer be accepted at now.
func (i Invitation) Expired(now time.Time) bool { return !now.Before(i.ExpiresAt) }

// addressedTo reports whether the invitation is for the person: their account's e-mail, as
// their identity provider verified it, case-insensitively.
func (i Invitation) addressedTo(p Principal) bool {
	email, ok := verifiedEmail(p)
	return ok && email == i.Email
}

// verifiedEmail is the person's normalised e-mail, if their identity provider verified it.
func verifiedEmail(p Principal) (string, bool) {
	if p.Anonymous() || !p.User.EmailVerified {
		return "", false
	}
	email, err := NormaliseEmail(p.User.Email)
	return email, err == nil
}

// NormaliseEmail checks an e-mail address loosely (one @ between non-empty parts, no white space
// or control characters, at most kernel.MaxEmail characters) and returns it trimmed and in lower
// case, so that matching it is case-insensitive on every database.
func NormaliseEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	local, domain, ok := strings.Cut(s, "@")
	switch {
	case !ok || local == "" || domain == "" || strings.Contains(domain, "@"):
		return "", fmt.Errorf("%w e-mail: %q is not an e-mail address", ErrInvalid, s)
	case kernel.Chars(s) > kernel.MaxEmail:
		return "", fmt.Errorf("%w e-mail: longer than %d characters", ErrInvalid, kernel.MaxEmail)
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "", fmt.Errorf("%w e-mail: white space or control characters", ErrInvalid)
	}
	return s, nil
}

// validMemberRole checks a role within an organisation.
func validMemberRole(role MemberRole) error {
	if role != MemberRoleMember && role != MemberRoleAdmin {
		return fmt.Errorf("%w member role %q", ErrInvalid, role)
	}
	return nil
}
