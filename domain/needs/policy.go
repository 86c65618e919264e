package needs

import (
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// Coordinates reports whether the person runs the district's weighing: whoever coordinates its
// planning (access.CanCoordinate: its coordinators and the platform's admins).
func Coordinates(who identity.Principal, district string) bool {
	return access.CanCoordinate(who, district)
}

// member reports whether the person belongs to the organisation; lead whether they lead it.
func member(who identity.Principal, org string) bool {
	_, ok := who.MemberRole(org)
	return ok
}

func lead(who identity.Principal, org string) bool {
	r, ok := who.MemberRole(org)
	return ok && r == identity.MemberRoleAdmin
}

// CanSubmitTo reports whether the person may draft for the organisation in the call: a member
// of an invited provider organisation.
func CanSubmitTo(who identity.Principal, c *Call, org string, provider bool) bool {
	return provider && member(who, org) && c.Invites(org)
}

// invitedSigner returns the co-signature of an organisation the person belongs to, if any.
func (a *Assessment) invitedSigner(who identity.Principal) (*CoSignature, bool) {
	for i := range a.CoSigners {
		if member(who, a.CoSigners[i].Org) {
			return &a.CoSigners[i], true
		}
	}
	return nil, false
}

// Access is how a person stands to an assessment; the zero value sees nothing.
type Access struct {
	Own         bool // a member of the submitting organisation
	Lead        bool // its lead
	CoSigner    bool // a member of an organisation invited to co-sign
	CoSignLead  bool // the lead of that organisation
	Coordinator bool // a coordinator of the district, once submitted
	Reviewer    bool // an assigned reviewer, once submitted
}

// Sees reports whether the access shows the assessment at all.
func (x Access) Sees() bool { return x.Own || x.CoSigner || x.Coordinator || x.Reviewer }

// Workbench reports whether the person works on the submission (coordinator or reviewer).
func (x Access) Workbench() bool { return x.Coordinator || x.Reviewer }

// AccessOf tells how the person stands to the assessment, given its reviews. Coordinators see
// an organisation's work only once it is submitted; no organisation sees another's drafts
// unless it was invited to co-sign them.
func AccessOf(who identity.Principal, a *Assessment, reviews []Review) Access {
	if who.Anonymous() {
		return Access{}
	}
	x := Access{Own: member(who, a.Org), Lead: lead(who, a.Org)}
	if c, ok := a.invitedSigner(who); ok {
		x.CoSigner, x.CoSignLead = true, lead(who, c.Org)
	}
	handedIn := a.Status == StatusSubmitted || a.Status == StatusWithdrawn
	x.Coordinator = handedIn && Coordinates(who, a.DistrictKey)
	x.Reviewer = handedIn && slices.ContainsFunc(reviews, func(r Review) bool { return r.ReviewerID == who.User.ID })
	return x
}

// Capabilities are what the person may do with an assessment now, sent by the server so that
// the frontend never re-derives a rule.
type Capabilities struct {
	Edit, RequestRelease, Release, SendBack, Submit, Withdraw, InviteCoSigners bool
	PrepareCoSign, CoSign, DeclineCoSign                                       bool
	Review, Assign, Ask, Answer, SeeVersions                                   bool
}

// CapabilitiesOf derives the capabilities from the access, the state and the call.
func CapabilitiesOf(who identity.Principal, x Access, a *Assessment, call *Call, now time.Time) Capabilities {
	open := call.Open(now)
	c := Capabilities{SeeVersions: x.Own || x.Coordinator}
	if x.Own {
		c.Edit = a.Editable()
		c.RequestRelease = a.Status == StatusDraft && !x.Lead
		c.Release = x.Lead && (a.Status == StatusDraft || a.Status == StatusRequested)
		c.SendBack = x.Lead && (a.Status == StatusRequested || a.Status == StatusReleased)
		c.Submit = a.Status == StatusReleased && open
		c.Withdraw = a.Status == StatusSubmitted && open
		c.InviteCoSigners = a.Status != StatusWithdrawn && open
		c.Answer = a.Status == StatusSubmitted || a.Status == StatusWithdrawn
	}
	if s, ok := a.invitedSigner(who); ok && open && a.Status != StatusWithdrawn {
		answerable := s.Status == CoSignInvited || s.Status == CoSignPrepared
		c.PrepareCoSign = s.Status == CoSignInvited && !x.CoSignLead
		c.CoSign = answerable && x.CoSignLead
		c.DeclineCoSign = answerable && x.CoSignLead
	}
	c.Review = x.Reviewer && a.Status == StatusSubmitted
	c.Assign = x.Coordinator
	c.Ask = x.Coordinator && a.Status == StatusSubmitted
	return c
}
