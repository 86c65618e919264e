package identity_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/teilhabe/teilhabe/domain/identity"
)

func names[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func grantName(g identity.Grant) string {
	return fmt.Sprintf("%s:%s:%s", g.Role, g.DistrictKey, g.Source)
}

func membershipName(m identity.Membership) string {
	return fmt.Sprintf("%s#%d:%s:%s", m.Organisation.Slug, m.Organisation.ID, m.Role, m.Source)
}

func TestReconcile(t *testing.T) {
	diakonie := identity.Organisation{ID: 1, Slug: "diakonie-erfurt"}
	awo := identity.Organisation{ID: 2, Slug: "awo-erfurt"}
	liga := identity.Organisation{ID: 3, Slug: "liga-thueringen"}
	have := identity.Principal{User: identity.User{ID: 7},
		Grants: []identity.Grant{
			{ID: 10, Role: identity.RoleResident, Source: identity.SourceClaim},
			{ID: 11, Role: identity.RoleCoordinator, DistrictKey: "16051", Source: identity.SourceClaim},
			{ID: 12, Role: identity.RoleCoordinator, DistrictKey: "16053", Source: identity.SourcePlatform},
		},
		Memberships: []identity.Membership{
			{Organisation: diakonie, Role: identity.MemberRoleMember, Source: identity.SourceClaim},
			{Organisation: awo, Role: identity.MemberRoleMember, Source: identity.SourceClaim},
			{Organisation: liga, Role: identity.MemberRoleAdmin, Source: identity.SourcePlatform},
		},
	}
	l := identity.Login{
		Grants: []identity.Grant{
			{Role: identity.RoleCoordinator, DistrictKey: "16051", Source: identity.SourceClaim}, // held: nothing to do
			{Role: identity.RoleCoordinator, DistrictKey: "16053", Source: identity.SourceClaim}, // held from the platform: added from the claim too
			{Role: identity.RoleCoordinator, DistrictKey: "99999", Source: identity.SourceClaim}, // no such district
			{Role: identity.RoleAdmin, Source: identity.SourceClaim},
		},
		Memberships: map[string]identity.MemberRole{
			"diakonie-erfurt": identity.MemberRoleAdmin,  // role changed
			"liga-thueringen": identity.MemberRoleMember, // platform membership wins
			"neue-initiative": identity.MemberRoleMember, // new organisation
		},
	}
	c := identity.Reconcile(have, l, map[string]bool{"16051": true, "16053": true})

	check := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("revoke", names(c.Revoke, grantName), []string{"resident::claim"})
	check("grant", names(c.Grant, grantName), []string{"admin::claim", "coordinator:16053:claim"})
	check("leave", names(c.Leave, membershipName), []string{"awo-erfurt#2:member:claim"})
	check("join", names(c.Join, membershipName), []string{"diakonie-erfurt#1:admin:claim", "neue-initiative#0:member:claim"})
	if c.Revoke[0].ID != 10 {
		t.Errorf("a revoked grant must keep its id to be deleted: %+v", c.Revoke[0])
	}
}

func TestReconcileIsStable(t *testing.T) {
	// A login that claims what the person holds changes nothing, so repeated logins write nothing
	// but the login line.
	have := identity.Principal{
		Grants:      []identity.Grant{{ID: 1, Role: identity.RoleResident, Source: identity.SourceClaim}},
		Memberships: []identity.Membership{{Organisation: identity.Organisation{ID: 4, Slug: "awo-erfurt"}, Role: identity.MemberRoleMember, Source: identity.SourceClaim}},
	}
	l := identity.Login{Grants: []identity.Grant{{Role: identity.RoleResident, Source: identity.SourceClaim}},
		Memberships: map[string]identity.MemberRole{"awo-erfurt": identity.MemberRoleMember}}
	if c := identity.Reconcile(have, l, nil); len(c.Revoke)+len(c.Grant)+len(c.Leave)+len(c.Join) != 0 {
		t.Errorf("an unchanged login changes %+v", c)
	}
	// A login without claims takes every claim role away and keeps the platform's.
	have.Grants = append(have.Grants, identity.Grant{ID: 2, Role: identity.RoleAdmin, Source: identity.SourcePlatform})
	c := identity.Reconcile(have, identity.Login{}, nil)
	if len(c.Revoke) != 1 || c.Revoke[0].ID != 1 || len(c.Leave) != 1 || len(c.Grant)+len(c.Join) != 0 {
		t.Errorf("a login without claims changes %+v", c)
	}
}

func TestClaimedOrganisation(t *testing.T) {
	o := identity.ClaimedOrganisation("neue-initiative")
	if err := o.Validate(); err != nil || o.Kind != identity.OrgProvider || o.Name != "Neue Initiative" {
		t.Errorf("ClaimedOrganisation = %+v, %v", o, err)
	}
}
