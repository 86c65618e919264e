package needs

import (
	"context"
	"errors"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// View is an assessment as one person sees it: with its call, what they may do, and the
// reviews and queries they may read.
type View struct {
	Assessment
	Call    Call
	Access  Access
	Can     Capabilities
	Reviews []Review // coordinators and reviewers only; a note only for its author
	Queries []Query  // the submitting organisation, coordinators and reviewers only
}

// Draft starts an assessment of the organisation in a call; the person must be a member of an
// invited provider organisation, before the deadline.
func (s *Service) Draft(ctx context.Context, who identity.Principal, callID int64, org string, c Content) (View, error) {
	if who.Anonymous() {
		return View{}, kernel.ErrLoginRequired
	}
	call, err := s.Call(ctx, who, callID)
	if err != nil {
		return View{}, err
	}
	o, err := s.dir.Organisation(ctx, org)
	if err != nil || !CanSubmitTo(who, &call, org, o.Kind == identity.OrgProvider) {
		return View{}, ErrNotInvited
	}
	if !call.Open(s.now()) {
		return View{}, ErrDeadlinePassed
	}
	if err := c.Validate(&call); err != nil {
		return View{}, err
	}
	if err := s.resolveEvidence(ctx, who, &c); err != nil {
		return View{}, err
	}
	now := s.now().UTC()
	a := Assessment{CallID: call.ID, ProcessID: call.ProcessID, DistrictKey: call.DistrictKey, Org: org, OrgName: o.Name,
		Status: StatusDraft, Version: 1, Content: c, CreatedBy: who.User.ID, CreatedAt: now, UpdatedAt: now}
	var id int64
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		out, err := s.store.InsertAssessment(ctx, a, who.User.ID)
		if err != nil {
			return err
		}
		id = out.ID
		if err := s.log(ctx, who, "needs_assessment.draft", id, map[string]any{"org": org, "call_id": call.ID}); err != nil {
			return err
		}
		return s.emit(ctx, call.ProcessID, "assessment", id, string(StatusDraft), kernel.AudienceOrganisation(org))
	})
	if err != nil {
		return View{}, err
	}
	return s.Assessment(ctx, who, id)
}

// Assessment returns an assessment the person may see; for anyone else it does not exist.
func (s *Service) Assessment(ctx context.Context, who identity.Principal, id int64) (View, error) {
	a, rs, x, err := s.load(ctx, who, id)
	if err != nil {
		return View{}, err
	}
	if !x.Sees() {
		return View{}, ErrNotFound
	}
	call, err := s.store.Call(ctx, a.CallID)
	if err != nil {
		return View{}, err
	}
	v := View{Assessment: a, Call: call, Access: x, Can: CapabilitiesOf(who, x, &a, &call, s.now())}
	if !x.Own {
		v.SentBack, v.Status = "", a.OutwardStatus()
	}
	if x.Workbench() {
		v.Reviews = visibleReviews(who, rs)
	}
	if x.Own || x.Workbench() {
		if v.Queries, err = s.store.Queries(ctx, id); err != nil {
			return View{}, err
		}
	}
	return v, nil
}

// load reads an assessment with its reviews and how the person stands to it.
func (s *Service) load(ctx context.Context, who identity.Principal, id int64) (Assessment, []Review, Access, error) {
	a, err := s.store.Assessment(ctx, id)
	if err != nil {
		return a, nil, Access{}, err
	}
	rs, err := s.store.Reviews(ctx, []int64{id})
	if err != nil {
		return a, nil, Access{}, err
	}
	return a, rs[id], AccessOf(who, &a, rs[id]), nil
}

// visibleReviews hides every note but the person's own.
func visibleReviews(who identity.Principal, rs []Review) []Review {
	out := make([]Review, len(rs))
	for i, r := range rs {
		if r.ReviewerID != who.User.ID {
			r.Note = ""
		}
		out[i] = r
	}
	return out
}

// Versions lists the versions of an assessment, for its organisation and, once submitted, the
// coordinators.
func (s *Service) Versions(ctx context.Context, who identity.Principal, id int64, cursor string, limit int) ([]Version, string, error) {
	v, err := s.Assessment(ctx, who, id)
	if err != nil {
		return nil, "", err
	}
	if !v.Can.SeeVersions {
		return nil, "", kernel.ErrForbidden
	}
	return s.store.Versions(ctx, id, cursor, limit)
}

// Save replaces a draft's content; base is the version the person edited, so that two members
// never overwrite each other unseen.
func (s *Service) Save(ctx context.Context, who identity.Principal, id int64, c Content, base int) (View, error) {
	return s.change(ctx, who, id, "needs_assessment.save", func(ctx context.Context, a *Assessment, x Access, call *Call) error {
		if !x.Own {
			return kernel.ErrForbidden
		}
		if err := c.Validate(call); err != nil {
			return err
		}
		if err := s.resolveEvidence(ctx, who, &c); err != nil {
			return err
		}
		return a.Change(c, base)
	})
}

// RequestRelease sends the draft to the organisation's lead.
func (s *Service) RequestRelease(ctx context.Context, who identity.Principal, id int64) (View, error) {
	return s.change(ctx, who, id, "needs_assessment.request_release", func(_ context.Context, a *Assessment, x Access, _ *Call) error {
		if !x.Own {
			return kernel.ErrForbidden
		}
		return a.RequestRelease()
	})
}

// Release is the lead's internal release (Freigabe).
func (s *Service) Release(ctx context.Context, who identity.Principal, id int64) (View, error) {
	return s.change(ctx, who, id, "needs_assessment.release", func(_ context.Context, a *Assessment, x Access, _ *Call) error {
		if !x.Lead {
			return leadOnly(x.Own)
		}
		return a.Release()
	})
}

// SendBack returns a draft to the members, with the lead's reason.
func (s *Service) SendBack(ctx context.Context, who identity.Principal, id int64, reason string) (View, error) {
	return s.change(ctx, who, id, "needs_assessment.send_back", func(ctx context.Context, a *Assessment, x Access, _ *Call) error {
		if !x.Lead {
			return leadOnly(x.Own)
		}
		if err := a.SendBack(reason); err != nil {
			return err
		}
		return s.notify(ctx, Notice{Org: a.Org, Kind: "sent_back", AssessmentID: a.ID, ProcessID: a.ProcessID,
			Text: "Zurückgegeben: " + a.Content.Title})
	})
}

// Submit locks the released version and hands it to the coordinators: the assessment becomes an
// item of the weighing table and its evidence is cited in the atlas.
func (s *Service) Submit(ctx context.Context, who identity.Principal, id int64) (View, error) {
	return s.change(ctx, who, id, "needs_assessment.submit", func(ctx context.Context, a *Assessment, x Access, call *Call) error {
		if !x.Own {
			return kernel.ErrForbidden
		}
		if err := a.Submit(call, s.now()); err != nil {
			return err
		}
		for _, e := range a.Content.Evidence {
			if err := s.atlas.Cite(ctx, e, "needs_assessment", strconv.FormatInt(a.ID, 10), a.Content.Title); err != nil {
				return err
			}
		}
		_, err := s.store.InsertItem(ctx, itemOf(a))
		return err
	})
}

// Withdraw takes a submission back before the deadline; its row leaves the weighing table.
func (s *Service) Withdraw(ctx context.Context, who identity.Principal, id int64) (View, error) {
	return s.change(ctx, who, id, "needs_assessment.withdraw", func(ctx context.Context, a *Assessment, x Access, call *Call) error {
		if !x.Own {
			return kernel.ErrForbidden
		}
		if err := a.Withdraw(call, s.now()); err != nil {
			return err
		}
		it, err := s.store.ItemOf(ctx, ItemAssessment, a.ID)
		if errors.Is(err, ErrItemNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return s.store.DeleteItem(ctx, it.ID)
	})
}

func leadOnly(own bool) error {
	if own {
		return ErrLeadOnly
	}
	return ErrNotFound
}

// itemOf is the weighing row a submission becomes.
func itemOf(a *Assessment) Item {
	return Item{ProcessID: a.ProcessID, DistrictKey: a.DistrictKey, Kind: ItemAssessment, AssessmentID: a.ID,
		Summary: a.Content.Title, Submitter: a.Signers(), AreaIDs: a.Content.AreaIDs, Field: a.Content.Field}
}

// change runs one use case on an assessment inside a transaction: it loads it, checks that the
// person sees it, applies edit, saves it against the version it read, logs and tells the live
// room; it returns the assessment as the person now sees it.
func (s *Service) change(ctx context.Context, who identity.Principal, id int64, action string,
	edit func(context.Context, *Assessment, Access, *Call) error) (View, error) {
	if who.Anonymous() {
		return View{}, kernel.ErrLoginRequired
	}
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		a, _, x, err := s.load(ctx, who, id)
		if err != nil {
			return err
		}
		if !x.Sees() {
			return ErrNotFound
		}
		call, err := s.store.Call(ctx, a.CallID)
		if err != nil {
			return err
		}
		prev, before := a.Version, a.Status
		if err := edit(ctx, &a, x, &call); err != nil {
			return err
		}
		a.UpdatedAt = s.now().UTC()
		if err := s.store.SaveAssessment(ctx, a, prev, who.User.ID); err != nil {
			return err
		}
		if err := s.log(ctx, who, action, id, map[string]any{"org": a.Org, "version": a.Version, "status": a.Status}); err != nil {
			return err
		}
		if err := s.emit(ctx, a.ProcessID, "assessment", id, string(a.Status), kernel.AudienceOrganisation(a.Org)); err != nil {
			return err
		}
		var others []string
		if a.Status != before && (a.Status == StatusSubmitted || a.Status == StatusWithdrawn) {
			others = append(others, kernel.AudienceModerators)
		}
		for _, c := range a.CoSigners {
			others = append(others, kernel.AudienceOrganisation(c.Org))
		}
		// Everyone but the organisation itself hears the state others may see: no release.
		return s.emit(ctx, a.ProcessID, "assessment", id, string(a.OutwardStatus()), others...)
	})
	if err != nil {
		return View{}, err
	}
	return s.Assessment(ctx, who, id)
}

// resolveEvidence reads each cited value from the atlas as the person may see it, so that what
// is stored is the value as it was when cited, never what a client claims.
func (s *Service) resolveEvidence(ctx context.Context, who identity.Principal, c *Content) error {
	seen := map[string]bool{}
	out := c.Evidence[:0]
	for _, e := range c.Evidence {
		key := e.Indicator + "/" + e.Area + "/" + strconv.Itoa(e.Year)
		if seen[key] {
			continue
		}
		seen[key] = true
		got, err := s.atlas.Evidence(ctx, who, e.Indicator, e.Area, e.Year)
		if err != nil {
			return invalid("evidence: %s: %v", key, err)
		}
		out = append(out, got)
	}
	c.Evidence = out
	return nil
}

func (s *Service) notify(ctx context.Context, n Notice) error {
	n.At = s.now().UTC()
	return s.store.AddNotice(ctx, n)
}
