package identity

import (
	"context"
	"time"
)

// Store keeps people, roles and organisations: rows, queries, and database errors translated into
// this package's errors; no rule (who may, what is valid, which roles a login brings all live in
// Service and Reconcile). Called with a context from kernel.Transactor.InTx, every method takes
// part in that transaction.
type Store interface {
	// SaveLoginUser creates the user of (u.Issuer, u.Subject) or updates their name, e-mail and
	// last login; created tells which. The unique (issuer, subject) decides, so two first logins
	// of one person at once make one user.
	SaveLoginUser(ctx context.Context, u User) (saved User, created bool, err error)
	// User loads a user or gives ErrUserNotFound.
	User(ctx context.Context, id int64) (User, error)
	// Principal loads a user with roles and memberships.
	Principal(ctx context.Context, userID int64) (Principal, error)
	// Users lists up to limit users whose name or e-mail contains query, with their roles.
	Users(ctx context.Context, query string, limit int) ([]Principal, error)
	// KnownDistricts tells which of keys name a district.
	KnownDistricts(ctx context.Context, keys []string) (map[string]bool, error)

	Organisations(ctx context.Context) ([]Organisation, error)
	Organisation(ctx context.Context, slug string) (Organisation, error)
	// InsertOrganisation stores a new organisation; ErrOrganisationExists when its slug is taken.
	InsertOrganisation(ctx context.Context, o Organisation) (Organisation, error)
	// EnsureOrganisation stores o unless an organisation has its slug, and returns the stored one;
	// created tells whether it was o. The unique slug decides, so concurrent calls create it once.
	EnsureOrganisation(ctx context.Context, o Organisation) (stored Organisation, created bool, err error)
	// SaveOrganisation writes the name, kind, description and district of organisation o.ID.
	SaveOrganisation(ctx context.Context, o Organisation) error
	// Members lists the members of an organisation.
	Members(ctx context.Context, organisationID int64) ([]Member, error)
	// SetMembership adds the user to the organisation or replaces their role and source.
	SetMembership(ctx context.Context, userID, organisationID int64, role MemberRole, source Source) error
	// SetMemberRole replaces a member's role and source; ErrMemberNotFound when they are not one.
	SetMemberRole(ctx context.Context, userID, organisationID int64, role MemberRole, source Source) error
	// DeleteMembership removes the user from the organisation; ErrMemberNotFound when they were not in it.
	DeleteMembership(ctx context.Context, userID, organisationID int64) error

	// PutInvitation stores an invitation, or renews the one of its organisation and e-mail
	// (role, inviter, created and expiry times): the unique (organisation, e-mail) decides.
	PutInvitation(ctx context.Context, inv Invitation) error
	// DeleteExpiredInvitations removes the organisation's invitations expired at now.
	DeleteExpiredInvitations(ctx context.Context, organisationID int64, now time.Time) error
	// OrganisationInvitations lists the organisation's invitations not expired at now, newest first.
	OrganisationInvitations(ctx context.Context, organisationID int64, now time.Time) ([]Invitation, error)
	// InvitationsFor lists the invitations to the (normalised) e-mail not expired at now, newest first.
	InvitationsFor(ctx context.Context, email string, now time.Time) ([]Invitation, error)
	// CountInvitationsFor counts the invitations to the (normalised) e-mail not expired at now.
	CountInvitationsFor(ctx context.Context, email string, now time.Time) (int, error)
	// Invitation loads one invitation, expired or not, with its organisation and inviter; ErrInvitationNotFound.
	Invitation(ctx context.Context, id int64) (Invitation, error)
	// DeleteInvitation removes an invitation; ErrInvitationNotFound when it is gone already.
	DeleteInvitation(ctx context.Context, id int64) error

	// InsertGrant stores a grant for the user; when the same grant exists it is returned with
	// created false (the unique index decides).
	InsertGrant(ctx context.Context, userID int64, g Grant) (stored Grant, created bool, err error)
	// Grant loads one of the user's grants or gives ErrRoleNotFound.
	Grant(ctx context.Context, userID, grantID int64) (Grant, error)
	// DeleteGrant removes one of the user's grants.
	DeleteGrant(ctx context.Context, userID, grantID int64) error
}
