package workshop

import (
	"slices"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// Caller is who calls a use case of a workshop: a logged-in person (Who), a guest (GuestHash, the
// hash of the token their join gave them), a hall's device showing the projector (ProjectorHash,
// the hash of the projector key), or nobody. The HTTP layer reads the tokens from the workshop's
// cookies and hashes them; the domain never sees a token.
type Caller struct {
	Who           identity.Principal
	GuestHash     string
	ProjectorHash string
}

// Facilitates reports whether the person runs the workshop: the district's coordinators (and the
// platform's admins) and the workshop's co-facilitators.
func (w *Workshop) Facilitates(who identity.Principal) bool {
	if who.Anonymous() {
		return false
	}
	return access.CanCoordinate(who, w.DistrictKey) || slices.Contains(w.Facilitators, who.User.ID)
}

// Projects reports whether the caller shows the projector view: a facilitator, or a device
// holding the workshop's projector key.
func (w *Workshop) Projects(c Caller) bool {
	if w.Facilitates(c.Who) {
		return true
	}
	return w.ProjectorKeyHash != "" && c.ProjectorHash != "" && c.ProjectorHash == w.ProjectorKeyHash
}

// Running reports whether participants can contribute: in a rehearsal or live.
func (w *Workshop) Running() bool { return w.Status == StatusRehearsal || w.Status == StatusLive }

// Capability names what a person may do in a workshop; the server sends them, the frontend shows
// what they allow and hard-codes no rule.
type Capability string

// The capabilities of a workshop.
const (
	CanFacilitate  Capability = "facilitate"    // console, moderation, set-up, minutes
	CanJoin        Capability = "join"          // join as a logged-in person
	CanJoinAsGuest Capability = "join_as_guest" // join with the code and a display name
	CanParticipate Capability = "participate"   // ask, vote, answer, add cards, chat
	CanProject     Capability = "project"       // the projector view
	CanHandOff     Capability = "hand_off"      // turn results into planning input
)

// CapabilitiesOf lists what the caller may do in the workshop; p is their participant row, if
// they joined.
func CapabilitiesOf(w *Workshop, c Caller, p *Participant) []Capability {
	out := []Capability{}
	fac := w.Facilitates(c.Who)
	if fac {
		out = append(out, CanFacilitate, CanHandOff)
	}
	if w.Projects(c) {
		out = append(out, CanProject)
	}
	if w.Status == StatusEnded {
		return out
	}
	switch {
	case p != nil:
		out = append(out, CanParticipate)
	case !c.Who.Anonymous():
		out = append(out, CanJoin)
	case w.Guests:
		out = append(out, CanJoinAsGuest)
	}
	return out
}
