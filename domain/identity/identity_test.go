package identity_test

import (
	"errors"
	"testing"

	"github.com/teilhabe/teilhabe/domain/identity"
)

func TestParseRole(t *testing.T) {
	ok := map[string]func(identity.ClaimedRole) bool{
		"admin":    func(r identity.ClaimedRole) bool { return r.Grant.Role == identity.RoleAdmin },
		"resident": func(r identity.ClaimedRole) bool { return r.Grant.Role == identity.RoleResident },
		"coordinator:16051": func(r identity.ClaimedRole) bool {
			return r.Grant.DistrictKey == "16051" && r.Grant.Source == identity.SourceClaim
		},
		"provider_admin:diakonie-erfurt": func(r identity.ClaimedRole) bool {
			return r.OrgSlug == "diakonie-erfurt" && r.MemberRole == identity.MemberRoleAdmin
		},
		"provider_member:awo-erfurt": func(r identity.ClaimedRole) bool {
			return r.OrgSlug == "awo-erfurt" && r.MemberRole == identity.MemberRoleMember
		},
	}
	for s, check := range ok {
		r, err := identity.ParseRole(s)
		if err != nil || !check(r) {
			t.Errorf("ParseRole(%q) = %+v, %v", s, r, err)
		}
	}
	for _, s := range []string{"", "king", "coordinator", "coordinator:1605", "admin:16051", "provider_admin:", "provider_member:Not A Slug", "resident:x"} {
		if _, err := identity.ParseRole(s); !errors.Is(err, identity.ErrInvalid) {
			t.Errorf("ParseRole(%q) accepted: %v", s, err)
		}
	}
}

func TestNewLoginMergesRoles(t *testing.T) {
	parse := func(s string) identity.ClaimedRole {
		r, err := identity.ParseRole(s)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	l, err := identity.NewLogin("https://idp", "sub", "  ", "a@b.invalid", "traeger", []identity.ClaimedRole{
		parse("provider_member:diakonie-erfurt"), parse("provider_admin:diakonie-erfurt"), parse("provider_member:diakonie-erfurt"),
		parse("resident"), parse("resident"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "a@b.invalid" {
		t.Errorf("empty name not replaced by e-mail: %q", l.Name)
	}
	if len(l.Grants) != 1 || l.Memberships["diakonie-erfurt"] != identity.MemberRoleAdmin {
		t.Errorf("grants %v, memberships %v: want one resident grant and the strongest membership", l.Grants, l.Memberships)
	}
	if _, err := identity.NewLogin("", "sub", "", "", "x", nil); !errors.Is(err, identity.ErrInvalid) {
		t.Error("a login without issuer accepted")
	}
}

func TestOrganisationValidate(t *testing.T) {
	good := identity.Organisation{Slug: "diakonie-erfurt", Name: " Diakonie ", Kind: identity.OrgProvider, DistrictKey: "16051"}
	if err := good.Validate(); err != nil || good.Name != "Diakonie" {
		t.Fatalf("valid organisation rejected: %v (%q)", err, good.Name)
	}
	bad := []identity.Organisation{
		{Slug: "X", Name: "n", Kind: identity.OrgProvider},
		{Slug: "-lead", Name: "n", Kind: identity.OrgProvider},
		{Slug: "ok-slug", Name: "", Kind: identity.OrgProvider},
		{Slug: "ok-slug", Name: "n", Kind: "club"},
		{Slug: "ok-slug", Name: "n", Kind: identity.OrgUmbrella, DistrictKey: "160"},
	}
	for _, o := range bad {
		if err := o.Validate(); !errors.Is(err, identity.ErrInvalid) {
			t.Errorf("%+v accepted", o)
		}
	}
	if got := identity.NameFromSlug("diakonie-erfurt"); got != "Diakonie Erfurt" {
		t.Errorf("NameFromSlug = %q", got)
	}
}
