package access_test

import (
	"testing"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
)

func principal(id int64, grants []identity.Grant, orgs map[string]identity.MemberRole) identity.Principal {
	p := identity.Principal{User: identity.User{ID: id}, Grants: grants}
	for slug, r := range orgs {
		p.Memberships = append(p.Memberships, identity.Membership{Organisation: identity.Organisation{Slug: slug}, Role: r})
	}
	return p
}

func TestRules(t *testing.T) {
	var (
		anon      = identity.Principal{}
		resident  = principal(1, []identity.Grant{{Role: identity.RoleResident}}, nil)
		memberA   = principal(2, nil, map[string]identity.MemberRole{"a": identity.MemberRoleMember})
		adminA    = principal(3, nil, map[string]identity.MemberRole{"a": identity.MemberRoleAdmin})
		coordEF   = principal(4, []identity.Grant{{Role: identity.RoleCoordinator, DistrictKey: "16051"}}, nil)
		platAdmin = principal(5, []identity.Grant{{Role: identity.RoleAdmin}}, nil)
	)
	cases := []struct {
		rule string
		fn   func(identity.Principal) bool
		want map[string]bool // principals not listed must be refused
	}{
		{"manage organisations", access.CanManageOrganisations, map[string]bool{"admin": true}},
		{"edit profile of a", func(p identity.Principal) bool { return access.CanEditOrganisationProfile(p, "a") }, map[string]bool{"adminA": true, "admin": true}},
		{"edit profile of b", func(p identity.Principal) bool { return access.CanEditOrganisationProfile(p, "b") }, map[string]bool{"admin": true}},
		{"manage members of a", func(p identity.Principal) bool { return access.CanManageMembers(p, "a") }, map[string]bool{"adminA": true, "admin": true}},
		{"manage roles", access.CanManageRoles, map[string]bool{"admin": true}},
		{"list users", access.CanListUsers, map[string]bool{"admin": true}},
		{"read audit log", access.CanReadAuditLog, map[string]bool{"admin": true}},
		{"coordinate 16051", func(p identity.Principal) bool { return access.CanCoordinate(p, "16051") }, map[string]bool{"coordEF": true, "admin": true}},
		{"coordinate 16053", func(p identity.Principal) bool { return access.CanCoordinate(p, "16053") }, map[string]bool{"admin": true}},
		{"coordinate nothing", func(p identity.Principal) bool { return access.CanCoordinate(p, "") }, map[string]bool{"admin": true}},
	}
	who := map[string]identity.Principal{"anon": anon, "resident": resident, "memberA": memberA, "adminA": adminA, "coordEF": coordEF, "admin": platAdmin}
	for _, c := range cases {
		for name, p := range who {
			if got := c.fn(p); got != c.want[name] {
				t.Errorf("%s as %s = %v, want %v", c.rule, name, got, c.want[name])
			}
		}
	}
}
