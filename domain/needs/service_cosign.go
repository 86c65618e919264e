package needs

import (
	"context"
	"errors"
	"slices"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// InviteCoSigner: the submitting organisation invites another provider organisation to co-sign,
// until the deadline.
func (s *Service) InviteCoSigner(ctx context.Context, who identity.Principal, id int64, org string) (View, error) {
	return s.change(ctx, who, id, "needs_assessment.invite_cosigner", func(ctx context.Context, a *Assessment, x Access, call *Call) error {
		if !x.Own {
			return kernel.ErrForbidden
		}
		if !call.Open(s.now()) {
			return ErrDeadlinePassed
		}
		if a.Status == StatusWithdrawn {
			return ErrState
		}
		o, err := s.dir.Organisation(ctx, org)
		if err != nil || o.Kind != identity.OrgProvider || org == a.Org {
			return invalid("organisation: %q is no other provider organisation", org)
		}
		c := CoSignature{AssessmentID: a.ID, Org: org, OrgName: o.Name, Status: CoSignInvited, InvitedAt: s.now().UTC()}
		if err := s.store.InviteCoSigner(ctx, c); err != nil {
			return err
		}
		a.CoSigners = append(a.CoSigners, c)
		return s.notify(ctx, Notice{Org: org, Kind: "cosign_invitation", AssessmentID: a.ID, ProcessID: a.ProcessID,
			Text: a.OrgName + " bittet um Mitzeichnung: " + a.Content.Title})
	})
}

// PrepareCoSign: a member of the invited organisation prepares its signature for the lead.
func (s *Service) PrepareCoSign(ctx context.Context, who identity.Principal, id int64) (View, error) {
	return s.answerCoSign(ctx, who, id, "needs_cosignature.prepare", false, (*CoSignature).Prepare)
}

// CoSign: the invited organisation's lead signs (its release of the signature).
func (s *Service) CoSign(ctx context.Context, who identity.Principal, id int64) (View, error) {
	return s.answerCoSign(ctx, who, id, "needs_cosignature.sign", true, (*CoSignature).Sign)
}

// DeclineCoSign: the invited organisation's lead declines.
func (s *Service) DeclineCoSign(ctx context.Context, who identity.Principal, id int64, reason string) (View, error) {
	return s.answerCoSign(ctx, who, id, "needs_cosignature.decline", true, func(c *CoSignature) error { return c.Decline(reason) })
}

func (s *Service) answerCoSign(ctx context.Context, who identity.Principal, id int64, action string, leadOnly bool,
	answer func(*CoSignature) error) (View, error) {
	return s.change(ctx, who, id, action, func(ctx context.Context, a *Assessment, x Access, call *Call) error {
		c, ok := a.invitedSigner(who)
		if !ok {
			return ErrNotFound
		}
		if leadOnly && !x.CoSignLead {
			return ErrLeadOnly
		}
		if !call.Open(s.now()) {
			return ErrDeadlinePassed
		}
		if a.Status == StatusWithdrawn {
			return ErrState
		}
		if err := answer(c); err != nil {
			return err
		}
		c.AnsweredBy, c.AnsweredAt = who.User.ID, s.now().UTC()
		if err := s.store.SaveCoSignature(ctx, *c); err != nil {
			return err
		}
		if c.Status == CoSignPrepared {
			return nil
		}
		if err := s.notify(ctx, Notice{Org: a.Org, Kind: "cosign_answer", AssessmentID: a.ID, ProcessID: a.ProcessID,
			Text: c.OrgName + map[CoSignStatus]string{CoSignSigned: " zeichnet mit: ", CoSignDeclined: " zeichnet nicht mit: "}[c.Status] + a.Content.Title}); err != nil {
			return err
		}
		return s.refreshSubmitter(ctx, a)
	})
}

// refreshSubmitter keeps the weighing row's "mitgezeichnet von" true when a signature arrives
// after the submission.
func (s *Service) refreshSubmitter(ctx context.Context, a *Assessment) error {
	it, err := s.store.ItemOf(ctx, ItemAssessment, a.ID)
	if errors.Is(err, ErrItemNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	it.Submitter = a.Signers()
	return s.store.SaveItem(ctx, it)
}

// OrgAssessments lists a page of the organisation's own assessments (drafts included), or, with
// cosign, those it is invited to co-sign; only its members may ask.
func (s *Service) OrgAssessments(ctx context.Context, who identity.Principal, org string, cosign bool, cursor string, limit int) ([]Assessment, string, error) {
	if who.Anonymous() {
		return nil, "", kernel.ErrLoginRequired
	}
	if !member(who, org) {
		return nil, "", kernel.ErrForbidden
	}
	q := AssessmentQuery{Org: org, Cursor: cursor, Limit: limit}
	if cosign {
		q = AssessmentQuery{CoSigner: org, Cursor: cursor, Limit: limit}
	}
	list, next, err := s.store.Assessments(ctx, q)
	for i := range list {
		if list[i].Org != org {
			list[i].SentBack, list[i].Status = "", list[i].OutwardStatus()
		}
	}
	return list, next, err
}

// Notices lists the newest messages to the person's organisations.
func (s *Service) Notices(ctx context.Context, who identity.Principal, limit int) ([]Notice, error) {
	if who.Anonymous() {
		return nil, kernel.ErrLoginRequired
	}
	orgs := make([]string, 0, len(who.Memberships))
	for _, m := range who.Memberships {
		if !slices.Contains(orgs, m.Organisation.Slug) {
			orgs = append(orgs, m.Organisation.Slug)
		}
	}
	if len(orgs) == 0 {
		return []Notice{}, nil
	}
	return s.store.Notices(ctx, orgs, limit)
}
