package identity

import (
	"cmp"
	"slices"
)

// Changes are what one login changes in a person's roles and memberships.
type Changes struct {
	// Revoke are claim-sourced grants the claims no longer name.
	Revoke []Grant
	// Grant are claimed grants the person does not hold from claims yet (source claim).
	Grant []Grant
	// Leave are claim-sourced memberships the claims no longer name.
	Leave []Membership
	// Join are claimed memberships to set: new ones carry only the organisation's slug (it may not
	// exist yet), changed ones the organisation as it is stored.
	Join []Membership
}

// Reconcile computes what a login changes: the person's claim-sourced grants and memberships
// become exactly the claimed ones, re-applied at every login, while everything granted in the
// platform stays as it is (a platform membership also wins over a claim for the same
// organisation, so an admin's decision is not undone by the next login). A coordinator claim for
// a district that is not in known grants nothing. have is the person as stored.
func Reconcile(have Principal, l Login, known map[string]bool) Changes {
	var c Changes
	want := map[Grant]bool{}
	for _, g := range l.Grants {
		if g.DistrictKey == "" || known[g.DistrictKey] {
			want[Grant{Role: g.Role, DistrictKey: g.DistrictKey, Source: SourceClaim}] = true
		}
	}
	for _, g := range have.Grants {
		if g.Source != SourceClaim {
			continue
		}
		key := Grant{Role: g.Role, DistrictKey: g.DistrictKey, Source: SourceClaim}
		if want[key] {
			delete(want, key)
			continue
		}
		c.Revoke = append(c.Revoke, g)
	}
	for g := range want {
		c.Grant = append(c.Grant, g)
	}
	slices.SortFunc(c.Grant, func(a, b Grant) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.DistrictKey, b.DistrictKey))
	})

	held := map[string]bool{}
	for _, m := range have.Memberships {
		held[m.Organisation.Slug] = true
		role, claimed := l.Memberships[m.Organisation.Slug]
		switch {
		case m.Source != SourceClaim:
		case !claimed:
			c.Leave = append(c.Leave, m)
		case role != m.Role:
			c.Join = append(c.Join, Membership{Organisation: m.Organisation, Role: role, Source: SourceClaim})
		}
	}
	for slug, role := range l.Memberships {
		if !held[slug] {
			c.Join = append(c.Join, Membership{Organisation: Organisation{Slug: slug}, Role: role, Source: SourceClaim})
		}
	}
	slices.SortFunc(c.Join, func(a, b Membership) int { return cmp.Compare(a.Organisation.Slug, b.Organisation.Slug) })
	return c
}

// ClaimedDistricts lists the districts the login's grants name, to learn which exist.
func (l Login) ClaimedDistricts() []string {
	var out []string
	for _, g := range l.Grants {
		if g.DistrictKey != "" {
			out = append(out, g.DistrictKey)
		}
	}
	return out
}

// ClaimedOrganisation is the organisation a claim names that is not stored yet: a provider with
// a provisional name, until an admin or its provider admin gives it its real one.
func ClaimedOrganisation(slug string) Organisation {
	return Organisation{Slug: slug, Name: NameFromSlug(slug), Kind: OrgProvider}
}
