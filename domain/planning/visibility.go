package planning

import (
	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// ReadableBy reports whether the person may see the process (and what hangs from it, such as its
// consultations): drafts only the district's coordinators and admins, the rest everyone.
func (p *Process) ReadableBy(who identity.Principal) bool {
	return p.Status != StatusDraft || access.CanCoordinate(who, p.DistrictKey)
}
