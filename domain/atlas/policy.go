package atlas

import "github.com/teilhabe/teilhabe/domain/identity"

// CanImport reports whether the person may import values for the scope: the Land's admins for
// the Land (and any district), a district's coordinators for their district and its social areas.
// districtKey "" or LandKey means the Land.
func CanImport(p identity.Principal, districtKey string) bool {
	if p.IsAdmin() {
		return true
	}
	return districtKey != "" && districtKey != LandKey && p.Coordinates(districtKey)
}

// CanAddIndicator reports whether the person may add an indicator to the catalogue: admins for
// the Land's catalogue, coordinators for their district's own indicators.
func CanAddIndicator(p identity.Principal, districtKey string) bool { return CanImport(p, districtKey) }

// SeesSuppressed reports whether the person may see values that disclosure control withholds
// for an area: only the coordinators of the area's district. The Land's values and the
// districts' values have no district of their own here beyond their key, so a district
// coordinator sees their own district's suppressed values too; admins do not, as the rule names
// only the district's coordinators.
func SeesSuppressed(p identity.Principal, area AreaKey) bool {
	d := area.District()
	return d != "" && p.Coordinates(d)
}

// CanSeeOverview reports whether the person may open the Land overview (the ministry's
// strategic planning unit, the admin role).
func CanSeeOverview(p identity.Principal) bool { return p.IsAdmin() }

// ImportScopes lists the scopes a person may import for: LandKey for admins, and the districts
// they coordinate; the server sends it so the page offers only these.
func ImportScopes(p identity.Principal) []string {
	var out []string
	if p.IsAdmin() {
		out = append(out, LandKey)
	}
	return append(out, p.CoordinatedDistricts()...)
}
