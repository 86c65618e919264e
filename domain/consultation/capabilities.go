package consultation

import (
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Capability is something a person may do to a comment now. The server sends them with each
// comment, so the frontend shows exactly the controls this package allows and never re-derives
// a rule; the use cases check the same functions again.
type Capability string

// Capabilities of a comment.
const (
	CanSupport  Capability = "support" // support, or take one's support back
	CanReply    Capability = "reply"
	CanFlag     Capability = "flag"
	CanEdit     Capability = "edit"
	CanWithdraw Capability = "withdraw"
	CanRespond  Capability = "respond"
	CanWeigh    Capability = "weigh" // put the comment into the process's weighing table (Abwägung)
	CanApprove  Capability = Capability(ActionApprove)
	CanReject   Capability = Capability(ActionReject)
	CanHide     Capability = Capability(ActionHide)
	CanPin      Capability = Capability(ActionPin)
	CanUnpin    Capability = Capability(ActionUnpin)
)

// View is a comment as one person sees it: what they may read of it and what they may do.
type View struct {
	Comment
	Own           bool
	Moderator     bool      // the person moderates the consultation: sees body, reason, flags
	EditableUntil time.Time // zero unless the person may still edit it
	Capabilities  []Capability
	Supported     bool
	Replies       int
	Response      *Response
}

// EditableUntil is when the author's edit window ends, or zero when the comment cannot be
// edited any more (by its status, or the window is over).
func (cm *Comment) EditableUntil(now time.Time) time.Time {
	if cm.Status != StatusPublished && cm.Status != StatusPending {
		return time.Time{}
	}
	end := cm.CreatedAt.Add(EditWindow)
	if !now.Before(end) {
		return time.Time{}
	}
	return end
}

// Own reports whether the person wrote the comment.
func (cm *Comment) Own(p identity.Principal) bool { return !p.Anonymous() && cm.AuthorID == p.User.ID }

// CanModerateWith reports whether a moderation action is allowed in the comment's state; the
// same state machine as Moderate, without changing anything.
func (cm *Comment) CanModerateWith(a Action) bool {
	probe := *cm
	return probe.Moderate(a, "a reason") == nil && (a != ActionApprove || cm.Status != StatusPublished || cm.FlagsOpen)
}

// ViewFor returns the comment as the person sees it in consultation c at now.
func ViewFor(c *Consultation, cm Comment, p identity.Principal, now time.Time) View {
	v := View{Comment: cm, Own: cm.Own(p), Moderator: c.ModeratedBy(p)}
	open := c.Open(now)
	others := !p.Anonymous() && !v.Own
	var caps []Capability
	add := func(ok bool, c Capability) {
		if ok {
			caps = append(caps, c)
		}
	}
	published := cm.Status == StatusPublished
	add(others && published && c.CanComment(p, now) == nil, CanSupport)
	add(cm.Public() && c.CanComment(p, now) == nil, CanReply)
	add(others && published && open, CanFlag)
	if v.Own && open {
		v.EditableUntil = cm.EditableUntil(now)
	}
	add(!v.EditableUntil.IsZero(), CanEdit)
	add(v.Own && open && cm.Status != StatusWithdrawn, CanWithdraw)
	if v.Moderator {
		add(cm.Status != StatusWithdrawn, CanRespond)
		add(published, CanWeigh)
		for _, a := range []Action{ActionApprove, ActionReject, ActionHide, ActionPin, ActionUnpin} {
			add(cm.CanModerateWith(a) && (a != ActionPin || !cm.Pinned) && (a != ActionUnpin || cm.Pinned), Capability(a))
		}
	}
	v.Capabilities = caps
	return v
}

// Has reports whether the view allows c.
func (v *View) Has(c Capability) bool {
	for _, x := range v.Capabilities {
		if x == c {
			return true
		}
	}
	return false
}
