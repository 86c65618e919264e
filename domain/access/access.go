// Package access decides who may do what to which resource. Every handler asks these functions;
// no handler re-invents a rule inline, so the rules are tested once, here, without HTTP.
package access

import "github.com/teilhabe/teilhabe/domain/identity"

// CanManageOrganisations: creating organisations and changing their kind is the admins' work.
func CanManageOrganisations(p identity.Principal) bool { return p.IsAdmin() }

// CanEditOrganisationProfile: admins, and the organisation's own provider admins.
func CanEditOrganisationProfile(p identity.Principal, slug string) bool {
	return p.IsAdmin() || isOrgAdmin(p, slug)
}

// CanManageMembers: admins, and the organisation's own provider admins.
func CanManageMembers(p identity.Principal, slug string) bool {
	return p.IsAdmin() || isOrgAdmin(p, slug)
}

// CanManageRoles: only admins grant and revoke roles such as coordinator.
func CanManageRoles(p identity.Principal) bool { return p.IsAdmin() }

// CanListUsers: the list of accounts is personal data, for admins only.
func CanListUsers(p identity.Principal) bool { return p.IsAdmin() }

// CanReadAuditLog: admins only.
func CanReadAuditLog(p identity.Principal) bool { return p.IsAdmin() }

// CanSeeLoginProviderStatus: the login providers' states and claim warnings name issuers and
// errors of the operator's setup; admins only.
func CanSeeLoginProviderStatus(p identity.Principal) bool { return p.IsAdmin() }

// CanCoordinate: the district's coordinators and admins run its planning.
func CanCoordinate(p identity.Principal, district string) bool {
	return p.IsAdmin() || p.Coordinates(district)
}

func isOrgAdmin(p identity.Principal, slug string) bool {
	r, ok := p.MemberRole(slug)
	return ok && r == identity.MemberRoleAdmin
}

// Identity is these rules as the identity context's policy (identity.Policy): the identity
// service cannot import this package, which imports identity.
type Identity struct{}

// CanManageOrganisations implements identity.Policy.
func (Identity) CanManageOrganisations(p identity.Principal) bool { return CanManageOrganisations(p) }

// CanEditOrganisationProfile implements identity.Policy.
func (Identity) CanEditOrganisationProfile(p identity.Principal, slug string) bool {
	return CanEditOrganisationProfile(p, slug)
}

// CanManageMembers implements identity.Policy.
func (Identity) CanManageMembers(p identity.Principal, slug string) bool {
	return CanManageMembers(p, slug)
}

// CanManageRoles implements identity.Policy.
func (Identity) CanManageRoles(p identity.Principal) bool { return CanManageRoles(p) }

// CanListUsers implements identity.Policy.
func (Identity) CanListUsers(p identity.Principal) bool { return CanListUsers(p) }

var _ identity.Policy = Identity{}
