package needs

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

var t0 = time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)

func openCall() Call {
	return Call{ID: 1, ProcessID: 2, DistrictKey: "16051", Title: "Bedarfe 2027", Deadline: t0.Add(24 * time.Hour),
		Audience: AudienceProviders, AreaIDs: []int64{10, 11}, Fields: []string{"jugendhilfe"}}
}

func completeContent() Content {
	return Content{Title: "Jugendtreff Nord", AreaIDs: []int64{10}, Field: "jugendhilfe",
		Groups:    []TargetCount{{Group: "jugendliche", People: 120}},
		Situation: "Viele Jugendliche ohne Treffpunkt.", Gap: "Kein Angebot am Abend.", Priority: PriorityHigh}
}

func TestCallRules(t *testing.T) {
	c := openCall()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if !c.Open(t0) || c.Open(c.Deadline) || c.Open(c.Deadline.Add(time.Second)) {
		t.Error("a call is open strictly before its deadline")
	}
	if err := c.Extend(c.Deadline.Add(-time.Hour)); !errors.Is(err, ErrDeadlineEarlier) {
		t.Errorf("bringing the deadline forward: %v", err)
	}
	if err := c.Extend(c.Deadline); !errors.Is(err, ErrDeadlineEarlier) {
		t.Errorf("the same deadline is no extension: %v", err)
	}
	later := c.Deadline.Add(48 * time.Hour)
	if err := c.Extend(later); err != nil || !c.Deadline.Equal(later) {
		t.Errorf("extension: %v", err)
	}
	inv := openCall()
	inv.Audience = AudienceInvited
	if err := inv.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("an invited call without organisations: %v", err)
	}
	inv.Invited = []string{"awo-erfurt", "awo-erfurt"}
	if err := inv.Validate(); err != nil || len(inv.Invited) != 1 || !inv.Invites("awo-erfurt") || inv.Invites("diakonie-erfurt") {
		t.Errorf("invited: %v %v", err, inv.Invited)
	}
	bad := openCall()
	bad.Title = "\u202e\u200b "
	if err := bad.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("a title of invisible characters: %v", err)
	}
}

func TestContentScopeAndGroups(t *testing.T) {
	call := openCall()
	for name, edit := range map[string]func(*Content){
		"area outside the call":  func(c *Content) { c.AreaIDs = []int64{99} },
		"field outside the call": func(c *Content) { c.Field = "pflege" },
		"unknown group":          func(c *Content) { c.Groups = []TargetCount{{Group: "marsianer"}} },
		"other without label":    func(c *Content) { c.Groups = []TargetCount{{Group: "andere"}} },
		"group twice":            func(c *Content) { c.Groups = append(c.Groups, c.Groups[0]) },
		"negative people":        func(c *Content) { c.Groups[0].People = -1 },
		"bad priority":           func(c *Content) { c.Priority = "urgent" },
		"negative FTE":           func(c *Content) { c.Proposal.FTE = -0.5 },
		"negative costs":         func(c *Content) { c.Proposal.CostsPerYear = -1 },
		"over-long situation":    func(c *Content) { c.Situation = strings.Repeat("a", MaxText+1) },
		"empty title":            func(c *Content) { c.Title = " " },
	} {
		c := completeContent()
		edit(&c)
		if err := c.Validate(&call); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
	c := completeContent()
	c.Groups = append(c.Groups, TargetCount{Group: "andere", Label: "Pendler:innen", People: 3}, TargetCount{Group: "kinder", Label: "dropped"})
	if err := c.Validate(&call); err != nil || c.Groups[2].Label != "" {
		t.Errorf("labels belong to andere only: %v %+v", err, c.Groups)
	}
	draft := Content{Title: "Nur ein Titel"}
	if err := draft.Validate(&call); err != nil {
		t.Errorf("a draft may be incomplete: %v", err)
	}
	if err := draft.Complete(); !errors.Is(err, ErrInvalid) {
		t.Errorf("an incomplete draft cannot be submitted: %v", err)
	}
}

func TestReleaseAndSubmission(t *testing.T) {
	call := openCall()
	a := Assessment{Status: StatusDraft, Version: 1, Content: completeContent()}
	if err := a.Submit(&call, t0); !errors.Is(err, ErrState) {
		t.Errorf("a draft is submitted only after its release: %v", err)
	}
	if err := a.RequestRelease(); err != nil || a.Status != StatusRequested {
		t.Fatalf("request: %v", err)
	}
	if err := a.SendBack(""); !errors.Is(err, ErrInvalid) {
		t.Errorf("sending back needs a reason: %v", err)
	}
	if err := a.SendBack("Zahlen prüfen"); err != nil || a.Status != StatusDraft || a.SentBack != "Zahlen prüfen" {
		t.Errorf("send back: %v %+v", err, a)
	}
	if err := a.Release(); err != nil || a.Status != StatusReleased || a.SentBack != "" {
		t.Fatalf("release: %v", err)
	}
	// An edit after the release voids it: the lead released another text.
	if err := a.Change(completeContent(), 1); err != nil || a.Status != StatusDraft || a.Version != 2 {
		t.Fatalf("change: %v %+v", err, a)
	}
	if err := a.Change(completeContent(), 1); !errors.Is(err, ErrStaleVersion) {
		t.Errorf("an edit of an old version: %v", err)
	}
	_ = a.Release()
	if err := a.Submit(&call, call.Deadline); !errors.Is(err, ErrDeadlinePassed) {
		t.Errorf("submission at the deadline: %v", err)
	}
	if err := a.Submit(&call, t0); err != nil || a.Status != StatusSubmitted || !a.SubmittedAt.Equal(t0) {
		t.Fatalf("submit: %v", err)
	}
	if err := a.Change(completeContent(), 2); !errors.Is(err, ErrState) {
		t.Errorf("a submission is locked: %v", err)
	}
	if err := a.Withdraw(&call, call.Deadline.Add(time.Minute)); !errors.Is(err, ErrDeadlinePassed) {
		t.Errorf("withdrawal after the deadline: %v", err)
	}
	if err := a.Withdraw(&call, t0); err != nil || a.Status != StatusWithdrawn {
		t.Errorf("withdraw: %v", err)
	}
}

func TestCoSignatureStates(t *testing.T) {
	c := CoSignature{Status: CoSignInvited}
	if err := c.Prepare(); err != nil || c.Status != CoSignPrepared {
		t.Fatal(err)
	}
	if err := c.Prepare(); !errors.Is(err, ErrCoSignState) {
		t.Errorf("prepared twice: %v", err)
	}
	if err := c.Sign(); err != nil || c.Status != CoSignSigned {
		t.Fatal(err)
	}
	if err := c.Decline("doch nicht"); !errors.Is(err, ErrCoSignState) {
		t.Errorf("a signature is final: %v", err)
	}
	a := Assessment{OrgName: "Diakonie Erfurt", CoSigners: []CoSignature{{OrgName: "AWO Erfurt", Status: CoSignSigned},
		{OrgName: "Caritas", Status: CoSignDeclined}, {OrgName: "DRK", Status: CoSignSigned}, {OrgName: "Volkssolidarität", Status: CoSignSigned}}}
	if got := a.Signers(); got != "Diakonie Erfurt, mitgezeichnet von AWO Erfurt, DRK und Volkssolidarität" {
		t.Errorf("signers: %q", got)
	}
}

func TestWeighingAndEmbargo(t *testing.T) {
	for _, w := range Weighings {
		if !w.Valid() || w.German() == "" {
			t.Errorf("%s", w)
		}
	}
	d := Decision{Value: "maybe", Reason: "x"}
	if err := d.Check(); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown value: %v", err)
	}
	d = Decision{Value: Considered, Reason: " \u200b"}
	if err := d.Check(); !errors.Is(err, ErrReasonRequired) {
		t.Errorf("a weighing needs a reason: %v", err)
	}
	d = Decision{Value: Partly, Reason: "Teilweise über Maßnahme 3.", MeasureIDs: []int64{3, 3, 0, 4}}
	if err := d.Check(); err != nil || len(d.MeasureIDs) != 2 {
		t.Fatalf("%v %v", err, d.MeasureIDs)
	}
	it := Item{}
	if it.Pending() {
		t.Error("nothing prepared is nothing pending")
	}
	it.Working = &d
	if !it.Pending() {
		t.Error("a prepared decision is pending until published")
	}
	pub := d
	it.Published = &pub
	if it.Pending() {
		t.Error("published as prepared")
	}
	changed := d
	changed.Reason = "Anders begründet."
	it.Working = &changed
	if !it.Pending() {
		t.Error("a changed reason is pending again")
	}
}

func TestMeasureProgressAndStatus(t *testing.T) {
	m := Measure{Status: MeasurePlanned, Milestones: []Milestone{{Title: "Räume"}, {Title: "Personal", Done: true}, {Title: "Eröffnung"}}}
	if m.Progress() != 33 {
		t.Errorf("progress %d", m.Progress())
	}
	if err := m.CanMoveTo(MeasureDone); !errors.Is(err, ErrMeasureStatus) {
		t.Errorf("planned → done skips steps: %v", err)
	}
	for _, next := range []MeasureStatus{MeasureAdopted, MeasureInProgress} {
		if err := m.CanMoveTo(next); err != nil {
			t.Fatal(err)
		}
		m.Status = next
	}
	if err := m.CanMoveTo(MeasureDone); !errors.Is(err, ErrMeasureStatus) {
		t.Errorf("done with open milestones: %v", err)
	}
	for i := range m.Milestones {
		m.Milestones[i].Done = true
	}
	if err := m.CanMoveTo(MeasureDone); err != nil {
		t.Fatal(err)
	}
	m.Status = MeasureDone
	if m.Progress() != 100 {
		t.Errorf("done is 100 %%: %d", m.Progress())
	}
	if (&Measure{Status: MeasurePlanned}).Progress() != 0 {
		t.Error("no milestones, not done: 0")
	}
}

func TestAccessAndCapabilities(t *testing.T) {
	org := func(slug string, role identity.MemberRole) identity.Membership {
		return identity.Membership{Organisation: identity.Organisation{Slug: slug, Kind: identity.OrgProvider}, Role: role}
	}
	dora := identity.Principal{User: identity.User{ID: 1}, Memberships: []identity.Membership{org("diakonie-erfurt", identity.MemberRoleAdmin)}}
	arne := identity.Principal{User: identity.User{ID: 2}, Memberships: []identity.Membership{org("awo-erfurt", identity.MemberRoleMember)}}
	agnes := identity.Principal{User: identity.User{ID: 3}, Memberships: []identity.Membership{org("awo-erfurt", identity.MemberRoleAdmin)}}
	karl := identity.Principal{User: identity.User{ID: 4}, Grants: []identity.Grant{{Role: identity.RoleCoordinator, DistrictKey: "16051"}}}
	rev := identity.Principal{User: identity.User{ID: 5}}
	call := openCall()
	a := Assessment{Org: "diakonie-erfurt", DistrictKey: "16051", Status: StatusDraft}
	if x := AccessOf(arne, &a, nil); x.Sees() {
		t.Error("another organisation never sees a draft it was not invited to")
	}
	if x := AccessOf(karl, &a, nil); x.Sees() {
		t.Error("coordinators see a draft only once submitted")
	}
	a.CoSigners = []CoSignature{{Org: "awo-erfurt", Status: CoSignInvited}}
	xa, xg := AccessOf(arne, &a, nil), AccessOf(agnes, &a, nil)
	if !xa.CoSigner || xa.CoSignLead || !xg.CoSignLead {
		t.Errorf("co-signers: %+v %+v", xa, xg)
	}
	ca, cg := CapabilitiesOf(arne, xa, &a, &call, t0), CapabilitiesOf(agnes, xg, &a, &call, t0)
	if !ca.PrepareCoSign || ca.CoSign || !cg.CoSign || !cg.DeclineCoSign || ca.Edit {
		t.Errorf("co-sign capabilities: member %+v lead %+v", ca, cg)
	}
	cd := CapabilitiesOf(dora, AccessOf(dora, &a, nil), &a, &call, t0)
	if !cd.Edit || !cd.Release || cd.Submit || cd.RequestRelease {
		t.Errorf("the lead's draft capabilities: %+v", cd)
	}
	a.Status = StatusSubmitted
	reviews := []Review{{ReviewerID: 5}}
	if x := AccessOf(rev, &a, reviews); !x.Reviewer || x.Coordinator {
		t.Errorf("an assigned reviewer: %+v", x)
	}
	if x := AccessOf(rev, &a, nil); x.Sees() {
		t.Error("a reviewer sees only what is assigned")
	}
	if x := AccessOf(karl, &a, nil); !x.Coordinator || !CapabilitiesOf(karl, x, &a, &call, t0).Ask {
		t.Errorf("coordinator once submitted: %+v", x)
	}
	if c := CapabilitiesOf(dora, AccessOf(dora, &a, nil), &a, &call, call.Deadline); c.Withdraw || c.InviteCoSigners {
		t.Errorf("after the deadline: %+v", c)
	}
}

func TestOutwardStatusHidesTheRelease(t *testing.T) {
	for st, want := range map[Status]Status{StatusDraft: StatusDraft, StatusRequested: StatusDraft, StatusReleased: StatusDraft,
		StatusSubmitted: StatusSubmitted, StatusWithdrawn: StatusWithdrawn} {
		a := Assessment{Status: st}
		if got := a.OutwardStatus(); got != want {
			t.Errorf("%s seen from outside: %s, want %s", st, got, want)
		}
	}
}
