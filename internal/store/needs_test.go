package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// needsFixture is a process of Erfurt with a published comment, two social areas, two provider
// organisations (awo, diakonie), a coordinator and a member, and an open call.
type needsFixture struct {
	s           *store.Needs
	processID   int64
	commentID   int64
	west, mitte int64
	coord, rita identity.Principal
	call        needs.Call
	now         time.Time
}

func newNeedsFixture(t *testing.T, db *store.DB) needsFixture {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t, db, consultation.PostModeration)
	ids := app.Identity(db)
	nf := needsFixture{s: store.NewNeeds(db), processID: f.c.ProcessID, now: time.Now().UTC().Truncate(time.Second),
		coord: login(t, ids, "karl", "coordinator:16051"), rita: login(t, ids, "rita")}
	for slug, name := range map[string]string{"awo": "AWO Erfurt", "diakonie": "Diakonie Mitteldeutschland"} {
		if _, err := ids.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: slug, Name: name, Kind: identity.OrgProvider}); err != nil {
			t.Fatal(err)
		}
	}
	plan := store.NewPlanning(db)
	for i, p := range []*int64{&nf.west, &nf.mitte} {
		a, err := plan.InsertArea(ctx, planning.SocialArea{DistrictKey: "16051", Name: []string{"West", "Mitte"}[i], Level: planning.LevelPlanungsraum, Geometry: box(11+float64(i)/10, 50.9, 0.05)})
		if err != nil {
			t.Fatal(err)
		}
		*p = a.ID
	}
	nf.commentID = addComment(t, f.s, f.c, nf.rita.User.ID, 0, 0, "Mehr Treffs für Ältere", consultation.StatusPublished).ID
	call, err := nf.s.InsertCall(ctx, needs.Call{ProcessID: nf.processID, Title: "Aufruf Jugendhilfe", Guidance: "Bitte **bis Ende Mai**.",
		AreaIDs: []int64{nf.west}, Fields: []string{"jugendhilfe"}, Deadline: nf.now.Add(7 * 24 * time.Hour), Audience: needs.AudienceInvited,
		Invited: []string{"awo", "diakonie"}, CreatedBy: nf.coord.User.ID, CreatedAt: nf.now})
	if err != nil {
		t.Fatal(err)
	}
	nf.call = call
	return nf
}

// assess stores an assessment of org in the fixture's call.
func (f needsFixture) assess(t *testing.T, org string, c needs.Content) needs.Assessment {
	t.Helper()
	a, err := f.s.InsertAssessment(context.Background(), needs.Assessment{CallID: f.call.ID, Org: org, Status: needs.StatusDraft, Content: c,
		CreatedBy: f.rita.User.ID, CreatedAt: f.now}, f.rita.User.ID)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestNeedsCalls: a call takes its process's district, keeps its lists and is found by process
// and by its deadline.
func TestNeedsCalls(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		c := f.call
		if c.ID == 0 || c.DistrictKey != "16051" || !c.Deadline.Equal(f.now.Add(7*24*time.Hour)) {
			t.Fatalf("inserted %+v", c)
		}
		got, err := f.s.Call(ctx, c.ID)
		if err != nil || !reflect.DeepEqual(got, c) || got.Invited[1] != "diakonie" || got.AreaIDs[0] != f.west || got.CreatedBy != f.coord.User.ID {
			t.Fatalf("read back %+v %v, want %+v", got, err, c)
		}
		c.Title, c.Deadline, c.Invited, c.Fields = "Aufruf Pflege", c.Deadline.Add(24*time.Hour), nil, []string{"pflege"}
		if err := f.s.SaveCall(ctx, c); err != nil {
			t.Fatal(err)
		}
		if got, _ = f.s.Call(ctx, c.ID); got.Title != "Aufruf Pflege" || !got.Deadline.Equal(c.Deadline) || len(got.Invited) != 0 || got.Invited == nil || got.Fields[0] != "pflege" {
			t.Fatalf("saved %+v", got)
		}
		closed, err := f.s.InsertCall(ctx, needs.Call{ProcessID: f.processID, Title: "Vorbei", Deadline: f.now.Add(-time.Hour), Audience: needs.AudienceProviders})
		if err != nil {
			t.Fatal(err)
		}
		all, err := f.s.Calls(ctx, needs.CallQuery{ProcessID: f.processID})
		if err != nil || len(all) != 2 || all[0].ID != closed.ID || all[1].ID != c.ID {
			t.Fatalf("the process's calls %+v %v", all, err)
		}
		open, err := f.s.Calls(ctx, needs.CallQuery{OpenAt: f.now})
		if err != nil || len(open) != 1 || open[0].ID != c.ID {
			t.Fatalf("open calls %+v %v", open, err)
		}
		if _, err := f.s.Call(ctx, 99999); !errors.Is(err, needs.ErrCallNotFound) {
			t.Errorf("unknown call: %v", err)
		}
		if err := f.s.SaveCall(ctx, needs.Call{ID: 99999, Title: "x", Audience: needs.AudienceProviders}); !errors.Is(err, needs.ErrCallNotFound) {
			t.Errorf("saving an unknown call: %v", err)
		}
		if _, err := f.s.InsertCall(ctx, needs.Call{ProcessID: 99999, Title: "x", Audience: needs.AudienceProviders, Deadline: f.now}); !errors.Is(err, planning.ErrProcessNotFound) {
			t.Errorf("a call of an unknown process: %v", err)
		}
	})
}

// TestNeedsAssessmentVersions: every grown version is kept, and a save from a stale version
// loses against the one that came first.
func TestNeedsAssessmentVersions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		content := needs.Content{Title: "Jugendtreff Nord", AreaIDs: []int64{f.west}, Field: "jugendhilfe",
			Groups:   []needs.TargetCount{{Group: "jugendliche", People: 40}, {Group: "andere", Label: "Schulverweigerer", People: 5}},
			Evidence: []needs.Evidence{{Indicator: "arbeitslose", Area: "16051", Year: 2023, Value: fp(7.5), Unit: "%"}},
			Proposal: needs.Proposal{Measure: "Ein Treff", FTE: 1.5, CostsPerYear: 90000, Funding: []string{"Land"}}, Priority: needs.PriorityHigh}
		a := f.assess(t, "awo", content)
		if a.ID == 0 || a.ProcessID != f.processID || a.DistrictKey != "16051" || a.OrgName != "AWO Erfurt" || a.Version != 1 || !a.CreatedAt.Equal(f.now) {
			t.Fatalf("inserted %+v", a)
		}
		if !reflect.DeepEqual(a.Content, content) || *a.Content.Evidence[0].Value != 7.5 || len(a.CoSigners) != 0 {
			t.Fatalf("content %+v, want %+v", a.Content, content)
		}
		// Two editors loaded version 1; the first save wins, the second is stale.
		first, second := a, a
		first.Version, first.Content.Title, first.UpdatedAt = 2, "Jugendtreff Nord-Ost", f.now.Add(time.Minute)
		if err := f.s.SaveAssessment(ctx, first, 1, f.coord.User.ID); err != nil {
			t.Fatal(err)
		}
		second.Version, second.Content.Title = 2, "Anders"
		if err := f.s.SaveAssessment(ctx, second, 1, f.rita.User.ID); !errors.Is(err, needs.ErrStaleVersion) {
			t.Fatalf("the stale save: %v", err)
		}
		if err := f.s.SaveAssessment(ctx, needs.Assessment{ID: 99999, Version: 2, Status: needs.StatusDraft}, 1, 0); !errors.Is(err, needs.ErrNotFound) {
			t.Errorf("saving an unknown assessment: %v", err)
		}
		// A change of status without a new version keeps the versions as they are.
		sub := first
		sub.Status, sub.SubmittedAt = needs.StatusSubmitted, f.now.Add(2*time.Minute)
		if err := f.s.SaveAssessment(ctx, sub, 2, f.rita.User.ID); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.Assessment(ctx, a.ID)
		if err != nil || got.Content.Title != "Jugendtreff Nord-Ost" || got.Version != 2 || got.Status != needs.StatusSubmitted ||
			!got.SubmittedAt.Equal(sub.SubmittedAt) || !got.UpdatedAt.Equal(first.UpdatedAt) {
			t.Fatalf("after the saves %+v %v", got, err)
		}
		vs, next, err := f.s.Versions(ctx, a.ID, "", 0)
		if err != nil || next != "" || len(vs) != 2 || vs[0].Version != 2 || vs[0].By != f.coord.User.ID || vs[0].Content.Title != "Jugendtreff Nord-Ost" ||
			vs[1].Version != 1 || vs[1].Content.Title != "Jugendtreff Nord" || vs[1].Status != needs.StatusDraft || vs[1].By != f.rita.User.ID {
			t.Fatalf("versions %+v %v", vs, err)
		}
		if page, next, err := f.s.Versions(ctx, a.ID, "", 1); err != nil || len(page) != 1 || page[0].Version != 2 || next != "2" {
			t.Fatalf("first page of versions %+v %q %v", page, next, err)
		}
		if page, next, err := f.s.Versions(ctx, a.ID, "2", 1); err != nil || len(page) != 1 || page[0].Version != 1 || next != "" {
			t.Fatalf("second page of versions %+v %q %v", page, next, err)
		}
		if _, err := f.s.Assessment(ctx, 99999); !errors.Is(err, needs.ErrNotFound) {
			t.Errorf("unknown assessment: %v", err)
		}
		if _, err := f.s.InsertAssessment(ctx, needs.Assessment{CallID: f.call.ID, Org: "niemand", Status: needs.StatusDraft}, 0); !errors.Is(err, needs.ErrInvalid) {
			t.Errorf("an unknown organisation: %v", err)
		}
		if _, err := f.s.InsertAssessment(ctx, needs.Assessment{CallID: 99999, Org: "awo", Status: needs.StatusDraft}, 0); !errors.Is(err, needs.ErrCallNotFound) {
			t.Errorf("an unknown call: %v", err)
		}
	})
}

// TestNeedsAssessmentLists: every filter narrows the list, co-signatures come along, and the
// pages add up to the whole list.
func TestNeedsAssessmentLists(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		a1 := f.assess(t, "awo", needs.Content{Title: "Treff", AreaIDs: []int64{f.west}, Field: "jugendhilfe", Groups: []needs.TargetCount{{Group: "jugendliche"}}})
		a2 := f.assess(t, "diakonie", needs.Content{Title: "Pflege", AreaIDs: []int64{f.mitte, f.west}, Field: "pflege", Groups: []needs.TargetCount{{Group: "aeltere"}}})
		a3 := f.assess(t, "awo", needs.Content{Title: "Beratung", AreaIDs: []int64{f.mitte}, Field: "pflege", Groups: []needs.TargetCount{{Group: "aeltere"}, {Group: "familien"}}})
		a3.Status = needs.StatusSubmitted
		if err := f.s.SaveAssessment(ctx, a3, 1, 0); err != nil {
			t.Fatal(err)
		}
		if err := f.s.InviteCoSigner(ctx, needs.CoSignature{AssessmentID: a1.ID, Org: "diakonie", Status: needs.CoSignInvited, InvitedAt: f.now}); err != nil {
			t.Fatal(err)
		}
		if err := f.s.InviteCoSigner(ctx, needs.CoSignature{AssessmentID: a1.ID, Org: "diakonie", Status: needs.CoSignInvited}); !errors.Is(err, needs.ErrAlreadyInvited) {
			t.Fatalf("a second invitation: %v", err)
		}
		if err := f.s.InviteCoSigner(ctx, needs.CoSignature{AssessmentID: a1.ID, Org: "niemand", Status: needs.CoSignInvited}); !errors.Is(err, needs.ErrInvalid) {
			t.Fatalf("an unknown organisation: %v", err)
		}
		if err := f.s.SaveReview(ctx, needs.Review{AssessmentID: a2.ID, ReviewerID: f.coord.User.ID, AssignedBy: f.coord.User.ID}); err != nil {
			t.Fatal(err)
		}
		ids := func(as []needs.Assessment) []int64 {
			out := []int64{}
			for _, a := range as {
				out = append(out, a.ID)
			}
			return out
		}
		for name, c := range map[string]struct {
			q    needs.AssessmentQuery
			want []int64
		}{
			"all":       {needs.AssessmentQuery{CallID: f.call.ID}, []int64{a3.ID, a2.ID, a1.ID}},
			"org":       {needs.AssessmentQuery{Org: "awo"}, []int64{a3.ID, a1.ID}},
			"co-signer": {needs.AssessmentQuery{CoSigner: "diakonie"}, []int64{a1.ID}},
			"status":    {needs.AssessmentQuery{Statuses: []needs.Status{needs.StatusSubmitted, needs.StatusReleased}}, []int64{a3.ID}},
			"area":      {needs.AssessmentQuery{AreaID: f.west}, []int64{a2.ID, a1.ID}},
			"field":     {needs.AssessmentQuery{Field: "pflege", Org: "diakonie"}, []int64{a2.ID}},
			"group":     {needs.AssessmentQuery{Group: "aeltere"}, []int64{a3.ID, a2.ID}},
			"reviewer":  {needs.AssessmentQuery{ReviewerID: f.coord.User.ID}, []int64{a2.ID}},
			"none":      {needs.AssessmentQuery{CallID: f.call.ID + 1}, []int64{}},
		} {
			got, next, err := f.s.Assessments(ctx, c.q)
			if err != nil || !reflect.DeepEqual(ids(got), c.want) || next != "" {
				t.Errorf("%s: %v %q %v, want %v", name, ids(got), next, err, c.want)
			}
		}
		var paged []int64
		q := needs.AssessmentQuery{CallID: f.call.ID, Limit: 2}
		for i := 0; i < 3; i++ {
			page, next, err := f.s.Assessments(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, ids(page)...)
			if next == "" {
				break
			}
			q.Cursor = next
		}
		if !reflect.DeepEqual(paged, []int64{a3.ID, a2.ID, a1.ID}) {
			t.Errorf("pages %v", paged)
		}
		if _, _, err := f.s.Assessments(ctx, needs.AssessmentQuery{Cursor: "x"}); !errors.Is(err, needs.ErrInvalid) {
			t.Errorf("a foreign cursor: %v", err)
		}
		got, err := f.s.Assessment(ctx, a1.ID)
		if err != nil || len(got.CoSigners) != 1 || got.CoSigners[0].OrgName != "Diakonie Mitteldeutschland" || got.CoSigners[0].Status != needs.CoSignInvited ||
			!got.CoSigners[0].InvitedAt.Equal(f.now) || !got.CoSigners[0].AnsweredAt.IsZero() {
			t.Fatalf("co-signers %+v %v", got.CoSigners, err)
		}
		signed := needs.CoSignature{AssessmentID: a1.ID, Org: "diakonie", Status: needs.CoSignSigned, AnsweredBy: f.rita.User.ID, AnsweredAt: f.now.Add(time.Hour)}
		if err := f.s.SaveCoSignature(ctx, signed); err != nil {
			t.Fatal(err)
		}
		list, _, _ := f.s.Assessments(ctx, needs.AssessmentQuery{Org: "awo"})
		if cs := list[1].CoSigners; len(cs) != 1 || cs[0].Status != needs.CoSignSigned || cs[0].AnsweredBy != f.rita.User.ID || !cs[0].AnsweredAt.Equal(signed.AnsweredAt) {
			t.Fatalf("signed %+v", cs)
		}
		signed.Org = "awo"
		if err := f.s.SaveCoSignature(ctx, signed); !errors.Is(err, needs.ErrNotFound) {
			t.Errorf("an invitation that is not there: %v", err)
		}
	})
}

// TestNeedsReviewsAndQueries: a review replaces the reviewer's earlier one, an assignment goes
// away, and queries carry the names of who asked and who answered.
func TestNeedsReviewsAndQueries(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		a1, a2 := f.assess(t, "awo", needs.Content{Title: "Treff"}), f.assess(t, "diakonie", needs.Content{Title: "Pflege"})
		r := needs.Review{AssessmentID: a1.ID, ReviewerID: f.rita.User.ID, AssignedBy: f.coord.User.ID, UpdatedAt: f.now}
		for _, rv := range []needs.Review{r, {AssessmentID: a1.ID, ReviewerID: f.coord.User.ID, AssignedBy: f.coord.User.ID, UpdatedAt: f.now}} {
			if err := f.s.SaveReview(ctx, rv); err != nil {
				t.Fatal(err)
			}
		}
		r.Recommendation, r.Comment, r.Note, r.UpdatedAt = needs.Partly, "Teilweise sinnvoll", "privat", f.now.Add(time.Hour)
		if err := f.s.SaveReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.Reviews(ctx, []int64{a1.ID, a2.ID})
		if err != nil || len(got) != 1 || len(got[a1.ID]) != 2 {
			t.Fatalf("reviews %+v %v", got, err)
		}
		if k, rr := got[a1.ID][0], got[a1.ID][1]; k.ReviewerName != "Name karl" || k.Recommendation != "" ||
			rr.ReviewerName != "Name rita" || rr.Recommendation != needs.Partly || rr.Note != "privat" || rr.AssignedBy != f.coord.User.ID || !rr.UpdatedAt.Equal(r.UpdatedAt) {
			t.Fatalf("reviews %+v", got[a1.ID])
		}
		if err := f.s.DeleteReview(ctx, a1.ID, f.coord.User.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ = f.s.Reviews(ctx, []int64{a1.ID}); len(got[a1.ID]) != 1 || got[a1.ID][0].ReviewerID != f.rita.User.ID {
			t.Fatalf("after the deletion %+v", got)
		}
		if err := f.s.SaveReview(ctx, needs.Review{AssessmentID: a1.ID, ReviewerID: 99999}); !errors.Is(err, needs.ErrInvalid) {
			t.Errorf("an unknown reviewer: %v", err)
		}

		q, err := f.s.InsertQuery(ctx, needs.Query{AssessmentID: a1.ID, Question: "Wie viele Plätze?", AskedBy: f.coord.User.ID, AskedAt: f.now})
		if err != nil || q.ID == 0 || q.AskerName != "Name karl" || q.AnswererName != "" || !q.AnsweredAt.IsZero() {
			t.Fatalf("inserted %+v %v", q, err)
		}
		later, err := f.s.InsertQuery(ctx, needs.Query{AssessmentID: a1.ID, Question: "Und wo?", AskedBy: f.coord.User.ID})
		if err != nil {
			t.Fatal(err)
		}
		q.Answer, q.AnsweredBy, q.AnsweredAt = "Zwanzig", f.rita.User.ID, f.now.Add(time.Hour)
		if err := f.s.SaveQuery(ctx, q); err != nil {
			t.Fatal(err)
		}
		qs, err := f.s.Queries(ctx, a1.ID)
		if err != nil || len(qs) != 2 || qs[0].Answer != "Zwanzig" || qs[0].AnswererName != "Name rita" || !qs[0].AnsweredAt.Equal(q.AnsweredAt) || qs[1].ID != later.ID {
			t.Fatalf("queries %+v %v", qs, err)
		}
		if _, err := f.s.Query(ctx, 99999); !errors.Is(err, needs.ErrQueryNotFound) {
			t.Errorf("unknown query: %v", err)
		}
		if err := f.s.SaveQuery(ctx, needs.Query{ID: 99999}); !errors.Is(err, needs.ErrQueryNotFound) {
			t.Errorf("saving an unknown query: %v", err)
		}
	})
}

// TestNeedsConcurrentSaves: editors who loaded the same version save at once, each in a
// transaction of its own; the guarded UPDATE lets exactly one of them win.
func TestNeedsConcurrentSaves(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		a := f.assess(t, "awo", needs.Content{Title: "Treff"})
		const editors = 6
		errs := make([]error, editors)
		var wg sync.WaitGroup
		for i := range editors {
			wg.Add(1)
			go func() {
				defer wg.Done()
				next := a
				next.Version, next.Content.Title = 2, fmt.Sprintf("Fassung %d", i)
				errs[i] = db.InTx(ctx, func(ctx context.Context) error { return f.s.SaveAssessment(ctx, next, 1, f.rita.User.ID) })
			}()
		}
		wg.Wait()
		won := -1
		for i, err := range errs {
			switch {
			case err == nil && won < 0:
				won = i
			case !errors.Is(err, needs.ErrStaleVersion):
				t.Errorf("editor %d: %v", i, err)
			}
		}
		vs, _, err := f.s.Versions(ctx, a.ID, "", 0)
		if won < 0 || err != nil || len(vs) != 2 || vs[0].Content.Title != fmt.Sprintf("Fassung %d", won) {
			t.Fatalf("winner %d, versions %+v %v", won, vs, err)
		}
	})
}
