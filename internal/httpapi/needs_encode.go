package httpapi

import (
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/internal/markdown"
)

// The JSON mapping of the needs context: the generated types carry numbers as float32 and
// optional fields as pointers; the domain holds float64 and zero values.

// f32 is a value as the contract carries it.
func f32(v *float64) *float32 {
	if v == nil {
		return nil
	}
	x := float32(*v)
	return &x
}

// opt is a pointer to v, nil for the zero value, for optional fields the contract omits.
func opt[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// callOut is a call as the person sees it: whether they manage it, and as which of their
// provider organisations they may draft in it now.
func callOut(c needs.Call, who identity.Principal, now time.Time) api.NeedsCall {
	out := api.NeedsCall{Id: c.ID, ProcessId: c.ProcessID, DistrictKey: c.DistrictKey, Title: c.Title, Guidance: c.Guidance,
		GuidanceHtml: markdown.Document(c.Guidance), AreaIds: nonNil(c.AreaIDs), Fields: nonNil(c.Fields), Deadline: c.Deadline,
		Audience: api.NeedsCallAudience(c.Audience), Invited: nonNil(c.Invited), Open: c.Open(now), CreatedAt: c.CreatedAt,
		CanManage: needs.Coordinates(who, c.DistrictKey), CanSubmitAs: []api.OrgRef{}, Room: needs.Room(c.ProcessID), PhaseId: opt(c.PhaseID)}
	if !out.Open {
		return out
	}
	for _, m := range who.Memberships {
		o := m.Organisation
		if needs.CanSubmitTo(who, &c, o.Slug, o.Kind == identity.OrgProvider) {
			out.CanSubmitAs = append(out.CanSubmitAs, api.OrgRef{Slug: o.Slug, Name: o.Name})
		}
	}
	return out
}

func callIn(in api.NeedsCallInput) needs.Call {
	c := needs.Call{Title: in.Title, Deadline: in.Deadline, Audience: needs.Audience(in.Audience)}
	set(&c.Guidance, in.Guidance)
	set(&c.PhaseID, in.PhaseId)
	set(&c.AreaIDs, in.AreaIds)
	set(&c.Fields, in.Fields)
	set(&c.Invited, in.Invited)
	return c
}

func contentIn(in api.AssessmentContent) needs.Content {
	c := needs.Content{Title: in.Title}
	set(&c.AreaIDs, in.AreaIds)
	set(&c.Field, in.Field)
	set(&c.Situation, in.Situation)
	set(&c.Offers, in.Offers)
	set(&c.Gap, in.Gap)
	if in.Priority != nil {
		c.Priority = needs.Priority(*in.Priority)
	}
	if in.Groups != nil {
		for _, g := range *in.Groups {
			tc := needs.TargetCount{Group: needs.TargetGroup(g.Group), People: g.People}
			set(&tc.Label, g.Label)
			c.Groups = append(c.Groups, tc)
		}
	}
	if in.Evidence != nil {
		for _, e := range *in.Evidence {
			c.Evidence = append(c.Evidence, needs.Evidence{Indicator: e.Indicator, Area: e.Area, Year: e.Year})
		}
	}
	if p := in.Proposal; p != nil {
		set(&c.Proposal.Measure, p.Measure)
		set(&c.Proposal.CostsPerYear, p.CostsPerYear)
		set(&c.Proposal.Funding, p.Funding)
		set(&c.Proposal.TimeFrame, p.TimeFrame)
		set(&c.Proposal.Indicator, p.Indicator)
		if p.Fte != nil {
			c.Proposal.FTE = float64(*p.Fte)
		}
	}
	return c
}

func contentOut(c needs.Content) api.AssessmentContent {
	groups := make([]api.TargetCount, len(c.Groups))
	for i, g := range c.Groups {
		groups[i] = api.TargetCount{Group: api.TargetGroup(g.Group), Label: opt(g.Label), People: g.People}
	}
	evidence := make([]api.Evidence, len(c.Evidence))
	for i, e := range c.Evidence {
		ref := atlas.Ref(e.Indicator, atlas.AreaKey(e.Area), e.Year)
		evidence[i] = api.Evidence{Indicator: e.Indicator, Area: e.Area, Year: e.Year, Value: f32(e.Value), Title: opt(e.Title),
			AreaName: opt(e.AreaName), Unit: opt(e.Unit), Ref: &ref}
	}
	fte := float32(c.Proposal.FTE)
	funding := nonNil(c.Proposal.Funding)
	out := api.AssessmentContent{Title: c.Title, AreaIds: ptr(nonNil(c.AreaIDs)), Field: opt(c.Field), Groups: &groups,
		Situation: &c.Situation, Evidence: &evidence, Offers: &c.Offers, Gap: &c.Gap,
		Proposal: &api.Proposal{Measure: &c.Proposal.Measure, Fte: &fte, CostsPerYear: &c.Proposal.CostsPerYear, Funding: &funding,
			TimeFrame: opt(c.Proposal.TimeFrame), Indicator: opt(c.Proposal.Indicator)}}
	if c.Priority != "" {
		p := api.AssessmentContentPriority(c.Priority)
		out.Priority = &p
	}
	return out
}

// assessmentOut is what every reader of an assessment sees: its content, rendered, and its
// signers.
func assessmentOut(a needs.Assessment) api.Assessment {
	out := api.Assessment{Id: a.ID, CallId: a.CallID, ProcessId: a.ProcessID, DistrictKey: a.DistrictKey, Org: a.Org, OrgName: a.OrgName,
		Signers: a.Signers(), Status: api.AssessmentStatus(a.Status), Version: a.Version, Content: contentOut(a.Content),
		Html: api.AssessmentHTML{Situation: markdown.Comment(a.Content.Situation), Offers: markdown.Comment(a.Content.Offers),
			Gap: markdown.Comment(a.Content.Gap), Measure: markdown.Comment(a.Content.Proposal.Measure)},
		SentBack: opt(a.SentBack), CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, Cosigners: make([]api.CoSignature, len(a.CoSigners))}
	if !a.SubmittedAt.IsZero() {
		out.SubmittedAt = &a.SubmittedAt
	}
	for i, c := range a.CoSigners {
		out.Cosigners[i] = api.CoSignature{Org: c.Org, OrgName: c.OrgName, Status: api.CoSignatureStatus(c.Status), Reason: opt(c.Reason),
			InvitedAt: c.InvitedAt}
		if !c.AnsweredAt.IsZero() {
			out.Cosigners[i].AnsweredAt = &c.AnsweredAt
		}
	}
	return out
}

// viewOut adds what the person may do, and the reviews and queries they may read.
func viewOut(v needs.View) api.Assessment {
	out := assessmentOut(v.Assessment)
	out.CallTitle, out.Deadline = &v.Call.Title, &v.Call.Deadline
	c := v.Can
	out.Can = &api.AssessmentCapabilities{Edit: c.Edit, RequestRelease: c.RequestRelease, Release: c.Release, SendBack: c.SendBack,
		Submit: c.Submit, Withdraw: c.Withdraw, InviteCosigners: c.InviteCoSigners, PrepareCosign: c.PrepareCoSign, Cosign: c.CoSign,
		DeclineCosign: c.DeclineCoSign, Review: c.Review, Assign: c.Assign, Ask: c.Ask, Answer: c.Answer, SeeVersions: c.SeeVersions}
	if v.Access.Workbench() {
		out.Reviews = ptr(reviewsOut(v.Reviews))
		assigned, reviewed, disagree := needs.Progress(v.Reviews)
		out.Progress = &api.ReviewProgress{Assigned: assigned, Reviewed: reviewed, Disagreement: disagree}
	}
	if v.Queries != nil || v.Access.Own || v.Access.Workbench() {
		qs := make([]api.Query, len(v.Queries))
		for i, q := range v.Queries {
			qs[i] = api.Query{Id: q.ID, Question: q.Question, AskerName: q.AskerName, AskedAt: q.AskedAt, Answer: opt(q.Answer),
				AnswererName: opt(q.AnswererName)}
			if !q.AnsweredAt.IsZero() {
				qs[i].AnsweredAt = &q.AnsweredAt
			}
		}
		out.Queries = &qs
	}
	return out
}

func reviewsOut(rs []needs.Review) []api.Review {
	out := make([]api.Review, len(rs))
	for i, r := range rs {
		out[i] = api.Review{ReviewerId: r.ReviewerID, ReviewerName: r.ReviewerName, Comment: opt(r.Comment), Note: opt(r.Note), UpdatedAt: r.UpdatedAt}
		if r.Recommendation != "" {
			w := api.WeighingValue(r.Recommendation)
			out[i].Recommendation = &w
		}
	}
	return out
}

// benchOut is a workbench row: the submission with the state of its reviews.
func benchOut(r needs.BenchRow) api.Assessment {
	out := assessmentOut(r.Assessment)
	out.Reviews = ptr(reviewsOut(r.Reviewers))
	out.Progress = &api.ReviewProgress{Assigned: r.Assigned, Reviewed: r.Reviewed, Disagreement: r.Disagreement}
	return out
}

func decisionOut(d *needs.Decision) *api.Decision {
	if d == nil {
		return nil
	}
	return &api.Decision{Value: api.WeighingValue(d.Value), Reason: d.Reason, MeasureIds: nonNil(d.MeasureIDs), At: d.At}
}

// itemOut is a row of the weighing table; its working decision is there only when the service
// left it (for the district's coordinators).
func itemOut(it needs.Item) api.WeighingItem {
	return api.WeighingItem{Id: it.ID, ProcessId: it.ProcessID, Kind: api.WeighingItemKind(it.Kind), AssessmentId: opt(it.AssessmentID),
		CommentId: opt(it.CommentID), ParentId: opt(it.ParentID), Summary: it.Summary, Submitter: it.Submitter, AreaIds: nonNil(it.AreaIDs),
		Field: opt(it.Field), BundleId: opt(it.BundleID), BundleTitle: opt(it.BundleTitle), Working: decisionOut(it.Working),
		Published: decisionOut(it.Published), Pending: it.Pending()}
}

func itemsOut(items []needs.Item) []api.WeighingItem {
	out := make([]api.WeighingItem, len(items))
	for i, it := range items {
		out[i] = itemOut(it)
	}
	return out
}

func textModuleOut(m needs.TextModule) api.TextModule {
	return api.TextModule{Id: m.ID, DistrictKey: m.DistrictKey, Title: m.Title, Body: m.Body}
}

func noticeOut(n needs.Notice) api.Notice {
	return api.Notice{Id: n.ID, Org: n.Org, Kind: api.NoticeKind(n.Kind), AssessmentId: opt(n.AssessmentID), ProcessId: opt(n.ProcessID),
		Text: n.Text, At: n.At}
}

func measureIn(in api.MeasureInput) needs.Measure {
	m := needs.Measure{Title: in.Title}
	set(&m.Description, in.Description)
	set(&m.AreaIDs, in.AreaIds)
	set(&m.Fields, in.Fields)
	set(&m.Responsible, in.Responsible)
	set(&m.Budget, in.Budget)
	if in.Status != nil {
		m.Status = needs.MeasureStatus(*in.Status)
	}
	if in.Milestones != nil {
		for _, s := range *in.Milestones {
			ms := needs.Milestone{Title: s.Title}
			set(&ms.Done, s.Done)
			if s.Due != nil {
				ms.Due = s.Due.Time
			}
			m.Milestones = append(m.Milestones, ms)
		}
	}
	if t := in.Target; t != nil {
		m.Target = &needs.Target{Indicator: t.Indicator, Area: t.Area, BaselineYear: t.BaselineYear, TargetYear: t.TargetYear, Value: float64(t.Value)}
	}
	return m
}

func measureOut(m needs.Measure, editable bool) api.Measure {
	out := api.Measure{Id: m.ID, ProcessId: m.ProcessID, DistrictKey: m.DistrictKey, Title: m.Title, Description: m.Description,
		DescriptionHtml: markdown.Comment(m.Description), AreaIds: nonNil(m.AreaIDs), Fields: nonNil(m.Fields), Responsible: m.Responsible,
		Budget: m.Budget, Status: api.MeasureStatus(m.Status), Milestones: make([]api.Milestone, len(m.Milestones)), Progress: m.Progress(),
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, Editable: editable}
	for i, s := range m.Milestones {
		done := s.Done
		out.Milestones[i] = api.Milestone{Title: s.Title, Done: &done}
		if !s.Due.IsZero() {
			out.Milestones[i].Due = &openapi_types.Date{Time: s.Due}
		}
	}
	if t := m.Target; t != nil {
		out.Target = &api.MeasureTarget{Indicator: t.Indicator, Area: t.Area, BaselineYear: t.BaselineYear, Baseline: f32(t.Baseline),
			TargetYear: t.TargetYear, Value: float32(t.Value)}
	}
	return out
}

// measureViewOut is the single measure with its chain.
func measureViewOut(v needs.MeasureView) api.Measure {
	out := measureOut(v.Measure, v.Editable)
	out.Progress = v.Progress
	out.Items = ptr(itemsOut(v.Items))
	actuals := make([]struct {
		Value *float32 `json:"value,omitempty"`
		Year  int      `json:"year"`
	}, len(v.Actuals))
	for i, a := range v.Actuals {
		actuals[i].Year, actuals[i].Value = a.Year, f32(a.Value)
	}
	out.Actuals = &actuals
	return out
}
