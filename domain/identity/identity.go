// Package identity holds the people who log in, their roles and the organisations they belong to.
// A person is identified by their identity provider's (issuer, subject); their roles come from the
// provider's claims at every login (source claim) or are granted in the platform (source platform).
package identity

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Sentinel errors of the identity context.
var (
	ErrUserNotFound         = kernel.New(kernel.KindNotFound, "user_not_found", "user not found")
	ErrOrganisationNotFound = kernel.New(kernel.KindNotFound, "organisation_not_found", "organisation not found")
	ErrOrganisationExists   = kernel.New(kernel.KindConflict, "organisation_exists", "an organisation with this slug exists")
	ErrMemberNotFound       = kernel.New(kernel.KindNotFound, "member_not_found", "membership not found")
	ErrRoleNotFound         = kernel.New(kernel.KindNotFound, "role_not_found", "role not found")
	ErrRoleFromClaims       = kernel.New(kernel.KindConflict, "role_from_identity_provider", "this role comes from the identity provider and is re-applied at every login")
	ErrInvalid              = kernel.New(kernel.KindInvalid, "validation_failed", "invalid")
)

// RoleName names a role; see the roles table in docs/architecture.md.
type RoleName string

// The roles of the platform.
const (
	RoleAdmin          RoleName = "admin"
	RoleCoordinator    RoleName = "coordinator"
	RoleProviderAdmin  RoleName = "provider_admin"
	RoleProviderMember RoleName = "provider_member"
	RoleResident       RoleName = "resident"
)

// Source tells where a role or membership comes from.
type Source string

// Sources of roles and memberships.
const (
	SourceClaim    Source = "claim"
	SourcePlatform Source = "platform"
)

// Grant is a role that is not a membership: admin, coordinator of a district, resident.
type Grant struct {
	ID          int64
	Role        RoleName
	DistrictKey string // coordinator only
	Source      Source
}

// MemberRole is a person's role in an organisation.
type MemberRole string

// Member roles: a provider admin manages the organisation's members and profile.
const (
	MemberRoleMember MemberRole = "member"
	MemberRoleAdmin  MemberRole = "admin"
)

// Membership is a person's place in an organisation.
type Membership struct {
	Organisation Organisation
	Role         MemberRole
	Source       Source
}

// User is a person with an account.
type User struct {
	ID      int64
	Issuer  string
	Subject string
	Name    string
	Email   string
	// EmailVerified: the identity provider vouched for Email at the last login (email_verified).
	EmailVerified bool
	CreatedAt     time.Time
	LastLoginAt   time.Time
}

// Member is a user as a member of one organisation.
type Member struct {
	User   User
	Role   MemberRole
	Source Source
}

var districtKey = regexp.MustCompile(`^[0-9]{5}$`)

// NewGrant validates a role grant: coordinators need a district, the others must not have one,
// and provider roles are memberships, not grants.
func NewGrant(role RoleName, district string, source Source) (Grant, error) {
	switch role {
	case RoleCoordinator:
		if !districtKey.MatchString(district) {
			return Grant{}, fmt.Errorf("%w role: a coordinator needs a 5-digit district key", ErrInvalid)
		}
	case RoleAdmin, RoleResident:
		if district != "" {
			return Grant{}, fmt.Errorf("%w role: %s has no district", ErrInvalid, role)
		}
	default:
		return Grant{}, fmt.Errorf("%w role: %q cannot be granted directly", ErrInvalid, role)
	}
	return Grant{Role: role, DistrictKey: district, Source: source}, nil
}

// ClaimedRole is a role read from the identity provider's claims: either a grant or a membership.
type ClaimedRole struct {
	Grant      *Grant
	OrgSlug    string
	MemberRole MemberRole
}

// ParseRole reads a configured role: admin, resident, coordinator:<district key>,
// provider_admin:<organisation slug> or provider_member:<organisation slug>.
func ParseRole(s string) (ClaimedRole, error) {
	name, scope, _ := strings.Cut(strings.TrimSpace(s), ":")
	switch RoleName(name) {
	case RoleAdmin, RoleResident, RoleCoordinator:
		g, err := NewGrant(RoleName(name), scope, SourceClaim)
		if err != nil {
			return ClaimedRole{}, fmt.Errorf("role %q: %w", s, err)
		}
		return ClaimedRole{Grant: &g}, nil
	case RoleProviderAdmin, RoleProviderMember:
		if !ValidSlug(scope) {
			return ClaimedRole{}, fmt.Errorf("%w role %q: needs an organisation slug (a-z, 0-9, -)", ErrInvalid, s)
		}
		role := MemberRoleMember
		if RoleName(name) == RoleProviderAdmin {
			role = MemberRoleAdmin
		}
		return ClaimedRole{OrgSlug: scope, MemberRole: role}, nil
	}
	return ClaimedRole{}, fmt.Errorf("%w role %q: unknown role", ErrInvalid, s)
}

// Login is what one login tells about a person: who they are and the roles their claims map to.
type Login struct {
	Issuer, Subject, Name, Email string
	EmailVerified                bool // the provider's email_verified claim
	ProviderID                   string
	Grants                       []Grant               // source claim
	Memberships                  map[string]MemberRole // organisation slug -> role, source claim
}

// NewLogin validates what a login tells; a missing subject or issuer is a broken provider.
func NewLogin(issuer, subject, name, email, providerID string, roles []ClaimedRole) (Login, error) {
	if issuer == "" || subject == "" {
		return Login{}, fmt.Errorf("%w login: issuer and subject are required", ErrInvalid)
	}
	l := Login{Issuer: issuer, Subject: subject, Name: kernel.CleanName(name), Email: strings.TrimSpace(email),
		ProviderID: providerID, Memberships: map[string]MemberRole{}}
	if l.Name == "" {
		l.Name = l.Email
	}
	seen := map[Grant]bool{}
	for _, r := range roles {
		switch {
		case r.Grant != nil && !seen[*r.Grant]:
			seen[*r.Grant] = true
			l.Grants = append(l.Grants, *r.Grant)
		case r.OrgSlug != "" && (l.Memberships[r.OrgSlug] == "" || r.MemberRole == MemberRoleAdmin):
			l.Memberships[r.OrgSlug] = r.MemberRole // the strongest claimed role wins
		}
	}
	return l, nil
}
