package needs

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

func invalid(format string, a ...any) error {
	return fmt.Errorf("%w "+format, append([]any{ErrInvalid}, a...)...)
}

// checkText cleans a name-like field and checks its length; required refuses an empty one.
func checkText(field string, s *string, max int, required bool) error {
	*s = kernel.CleanName(*s)
	if required && *s == "" {
		return invalid("%s: required", field)
	}
	if kernel.Chars(*s) > max {
		return invalid("%s: at most %d characters", field, max)
	}
	return nil
}

// Validate checks a call's own fields; areas and fields are checked against the process by the
// service.
func (c *Call) Validate() error {
	if err := checkText("title", &c.Title, MaxTitle, true); err != nil {
		return err
	}
	if err := checkText("guidance", &c.Guidance, MaxGuidance, false); err != nil {
		return err
	}
	switch {
	case c.Deadline.IsZero():
		return invalid("deadline: required")
	case c.Audience != AudienceProviders && c.Audience != AudienceInvited:
		return invalid("audience: providers or invited")
	case c.Audience == AudienceInvited && len(c.Invited) == 0:
		return invalid("invited: name at least one organisation")
	case len(c.AreaIDs) > MaxList*4 || len(c.Fields) > MaxList || len(c.Invited) > MaxList*4:
		return invalid("too many areas, fields or organisations")
	}
	if c.Audience == AudienceProviders {
		c.Invited = nil
	}
	c.AreaIDs = uniqueIDs(c.AreaIDs)
	c.Invited = uniqueStrings(c.Invited)
	c.Fields = uniqueStrings(c.Fields)
	c.Deadline = c.Deadline.UTC()
	return nil
}

// Invites reports whether the organisation may submit to the call.
func (c *Call) Invites(org string) bool {
	return c.Audience == AudienceProviders || slices.Contains(c.Invited, org)
}

// Extend moves the deadline; it may only move later.
func (c *Call) Extend(to time.Time) error {
	if !to.After(c.Deadline) {
		return ErrDeadlineEarlier
	}
	c.Deadline = to.UTC()
	return nil
}

// Validate checks a draft's content against the call's scope. A draft may be incomplete; what
// submitting needs is checked by Complete.
func (c *Content) Validate(call *Call) error {
	for _, f := range []struct {
		name     string
		s        *string
		max      int
		required bool
	}{{"title", &c.Title, MaxTitle, true}, {"situation", &c.Situation, MaxText, false}, {"offers", &c.Offers, MaxText, false},
		{"gap", &c.Gap, MaxText, false}, {"proposal.measure", &c.Proposal.Measure, MaxText, false},
		{"proposal.time_frame", &c.Proposal.TimeFrame, MaxLabel, false}} {
		if err := checkText(f.name, f.s, f.max, f.required); err != nil {
			return err
		}
	}
	c.AreaIDs = uniqueIDs(c.AreaIDs)
	switch {
	case len(c.AreaIDs) > MaxList || len(c.Groups) > len(TargetGroups)+MaxList || len(c.Evidence) > MaxList || len(c.Proposal.Funding) > MaxList:
		return invalid("too many areas, target groups, evidence or funding sources (at most %d each)", MaxList)
	case c.Field != "" && len(call.Fields) > 0 && !slices.Contains(call.Fields, c.Field):
		return invalid("field: %q is not in the call's scope", c.Field)
	case c.Priority != "" && c.Priority != PriorityHigh && c.Priority != PriorityMedium && c.Priority != PriorityLow:
		return invalid("priority: high, medium or low")
	case c.Proposal.FTE < 0 || c.Proposal.FTE > 1000 || math.IsNaN(c.Proposal.FTE):
		return invalid("proposal.fte: 0 to 1000 full-time equivalents")
	case c.Proposal.CostsPerYear < 0 || c.Proposal.CostsPerYear > 1e11:
		return invalid("proposal.costs_per_year: 0 to 100,000,000,000 euros")
	}
	if len(call.AreaIDs) > 0 {
		for _, id := range c.AreaIDs {
			if !slices.Contains(call.AreaIDs, id) {
				return invalid("areas: area %d is not in the call's scope", id)
			}
		}
	}
	for i := range c.Proposal.Funding {
		if err := checkText("proposal.funding", &c.Proposal.Funding[i], MaxLabel, true); err != nil {
			return err
		}
	}
	c.Proposal.Funding = uniqueStrings(c.Proposal.Funding)
	return c.validateGroups()
}

func (c *Content) validateGroups() error {
	seen := map[string]bool{}
	for i := range c.Groups {
		g := &c.Groups[i]
		if !slices.Contains(TargetGroups, g.Group) {
			return invalid("groups: %q is not a target group of the catalogue", g.Group)
		}
		if err := checkText("groups.label", &g.Label, MaxLabel, g.Group == "andere"); err != nil {
			return err
		}
		if g.Group != "andere" {
			g.Label = ""
		}
		if g.People < 0 || g.People > 10_000_000 {
			return invalid("groups.people: 0 to 10,000,000")
		}
		key := string(g.Group) + "\x00" + g.Label
		if seen[key] {
			return invalid("groups: %q is named twice", g.Group)
		}
		seen[key] = true
	}
	return nil
}

// Complete checks what a submission needs beyond a valid draft.
func (c *Content) Complete() error {
	switch {
	case len(c.AreaIDs) == 0:
		return invalid("areas: name at least one social area before submitting")
	case c.Field == "":
		return invalid("field: required before submitting")
	case len(c.Groups) == 0:
		return invalid("groups: name at least one target group before submitting")
	case c.Situation == "":
		return invalid("situation: required before submitting")
	case c.Gap == "":
		return invalid("gap: required before submitting")
	case c.Priority == "":
		return invalid("priority: required before submitting")
	}
	return nil
}

// OutwardStatus is the status as anyone outside the organisation sees it (an organisation
// invited to co-sign): the internal release of a draft is the organisation's own business.
func (a *Assessment) OutwardStatus() Status {
	if a.Editable() {
		return StatusDraft
	}
	return a.Status
}

// Editable reports whether members may still change the content: not once submitted.
func (a *Assessment) Editable() bool {
	return a.Status == StatusDraft || a.Status == StatusRequested || a.Status == StatusReleased
}

// Change applies a member's edit: the version grows and a release is void (the lead released
// another text).
func (a *Assessment) Change(c Content, base int) error {
	if !a.Editable() {
		return fmt.Errorf("%w: a %s assessment cannot be edited", ErrState, a.Status)
	}
	if base != a.Version {
		return ErrStaleVersion
	}
	a.Content, a.Version, a.Status = c, a.Version+1, StatusDraft
	return nil
}

// RequestRelease: a member asks the lead to release the draft.
func (a *Assessment) RequestRelease() error {
	if a.Status != StatusDraft {
		return fmt.Errorf("%w: only a draft can be sent to the lead", ErrState)
	}
	a.Status, a.SentBack = StatusRequested, ""
	return nil
}

// Release: the lead releases the draft (Freigabe), directly or on request.
func (a *Assessment) Release() error {
	if a.Status != StatusDraft && a.Status != StatusRequested {
		return fmt.Errorf("%w: only a draft can be released", ErrState)
	}
	a.Status, a.SentBack = StatusReleased, ""
	return nil
}

// SendBack: the lead returns a draft with a reason.
func (a *Assessment) SendBack(reason string) error {
	if err := checkText("reason", &reason, MaxReason, true); err != nil {
		return err
	}
	if a.Status != StatusRequested && a.Status != StatusReleased {
		return fmt.Errorf("%w: only a draft waiting for or holding a release can be sent back", ErrState)
	}
	a.Status, a.SentBack = StatusDraft, reason
	return nil
}

// Submit locks the released version, before the call's deadline.
func (a *Assessment) Submit(call *Call, now time.Time) error {
	if !call.Open(now) {
		return ErrDeadlinePassed
	}
	if a.Status != StatusReleased {
		return fmt.Errorf("%w: only a released draft can be submitted", ErrState)
	}
	if err := a.Content.Complete(); err != nil {
		return err
	}
	a.Status, a.SubmittedAt = StatusSubmitted, now.UTC()
	return nil
}

// Withdraw takes a submission back, until the deadline.
func (a *Assessment) Withdraw(call *Call, now time.Time) error {
	if a.Status != StatusSubmitted {
		return fmt.Errorf("%w: only a submission can be withdrawn", ErrState)
	}
	if !call.Open(now) {
		return ErrDeadlinePassed
	}
	a.Status = StatusWithdrawn
	return nil
}

// Prepare: a member of the invited organisation prepares its signature for the lead.
func (c *CoSignature) Prepare() error {
	if c.Status != CoSignInvited {
		return fmt.Errorf("%w: only an open invitation can be prepared", ErrCoSignState)
	}
	c.Status = CoSignPrepared
	return nil
}

// Sign: the invited organisation's lead releases its signature.
func (c *CoSignature) Sign() error {
	if c.Status != CoSignInvited && c.Status != CoSignPrepared {
		return fmt.Errorf("%w: already answered", ErrCoSignState)
	}
	c.Status, c.Reason = CoSignSigned, ""
	return nil
}

// Decline: the invited organisation's lead declines, optionally saying why.
func (c *CoSignature) Decline(reason string) error {
	if err := checkText("reason", &reason, MaxReason, false); err != nil {
		return err
	}
	if c.Status != CoSignInvited && c.Status != CoSignPrepared {
		return fmt.Errorf("%w: already answered", ErrCoSignState)
	}
	c.Status, c.Reason = CoSignDeclined, reason
	return nil
}

// Signers names who stands behind an assessment: "X, mitgezeichnet von Y und Z".
func (a *Assessment) Signers() string {
	var co []string
	for _, c := range a.CoSigners {
		if c.Status == CoSignSigned {
			co = append(co, c.OrgName)
		}
	}
	if len(co) == 0 {
		return a.OrgName
	}
	last := co[len(co)-1]
	list := last
	if len(co) > 1 {
		list = joinComma(co[:len(co)-1]) + " und " + last
	}
	return a.OrgName + ", mitgezeichnet von " + list
}

func joinComma(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

func uniqueStrings(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
