package identity

// Principal is who makes a request: a user with their roles, or nobody (the zero value).
type Principal struct {
	User        User
	Grants      []Grant
	Memberships []Membership
}

// Anonymous reports whether nobody is logged in.
func (p Principal) Anonymous() bool { return p.User.ID == 0 }

// IsAdmin reports whether the person operates the platform.
func (p Principal) IsAdmin() bool { return p.has(RoleAdmin, "") }

// Coordinates reports whether the person is a planning coordinator of the district.
func (p Principal) Coordinates(district string) bool {
	return district != "" && p.has(RoleCoordinator, district)
}

// CoordinatedDistricts lists the districts the person coordinates.
func (p Principal) CoordinatedDistricts() []string {
	var out []string
	for _, g := range p.Grants {
		if g.Role == RoleCoordinator {
			out = append(out, g.DistrictKey)
		}
	}
	return out
}

// MemberRole returns the person's role in the organisation, if any.
func (p Principal) MemberRole(slug string) (MemberRole, bool) {
	for _, m := range p.Memberships {
		if m.Organisation.Slug == slug {
			return m.Role, true
		}
	}
	return "", false
}

func (p Principal) has(role RoleName, district string) bool {
	for _, g := range p.Grants {
		if g.Role == role && g.DistrictKey == district {
			return true
		}
	}
	return false
}
