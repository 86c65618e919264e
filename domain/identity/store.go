package identity

import "context"

// Store keeps people, roles and organisations. Every change is written to the audit log in the
// same transaction, with actorID as the actor (0 for the system).
type Store interface {
	// Login creates or updates the user of (issuer, subject) from the login, replaces their
	// claim-sourced roles and memberships with the login's (creating organisations first seen in a
	// claim, as providers), keeps platform-granted ones, and returns the resulting principal.
	Login(ctx context.Context, l Login) (Principal, error)
	// Principal loads a user with roles and memberships.
	Principal(ctx context.Context, userID int64) (Principal, error)
	// Users lists up to limit users whose name or e-mail contains query, with their roles.
	Users(ctx context.Context, query string, limit int) ([]Principal, error)
	// UserByEmail finds the user with this e-mail (case-insensitive).
	UserByEmail(ctx context.Context, email string) (User, error)

	Organisations(ctx context.Context) ([]Organisation, error)
	Organisation(ctx context.Context, slug string) (Organisation, error)
	CreateOrganisation(ctx context.Context, actorID int64, o Organisation) (Organisation, error)
	// UpdateOrganisation reads, changes with update and validates the organisation in one transaction.
	UpdateOrganisation(ctx context.Context, actorID int64, slug string, update func(*Organisation) error) (Organisation, error)
	Members(ctx context.Context, slug string) ([]Member, error)
	PutMember(ctx context.Context, actorID int64, slug string, userID int64, role MemberRole) (Member, error)
	RemoveMember(ctx context.Context, actorID int64, slug string, userID int64) error

	GrantRole(ctx context.Context, actorID, userID int64, g Grant) (Grant, error)
	// RevokeRole removes a platform grant; a claim-sourced one gives ErrRoleFromClaims.
	RevokeRole(ctx context.Context, actorID, userID, grantID int64) error
}
