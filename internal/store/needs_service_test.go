package store_test

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// clock is a test's time, moved by hand; the services read it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// needsWorld is the needs use cases on a real database with a process of Erfurt, two social
// areas with atlas values, two provider organisations with a lead and a member each, a
// coordinator, a second reviewer and a resident.
type needsWorld struct {
	svc                     *needs.Service
	atlas                   atlas.Store
	clock                   *clock
	processID               int64
	areas                   []int64
	karl, jana, rita        identity.Principal
	dora, dirk, agnes, arne identity.Principal
	reviewer, anonymous     identity.Principal
}

func newNeedsWorld(t *testing.T, db *store.DB) needsWorld {
	t.Helper()
	ctx := context.Background()
	if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	ck := &clock{t: time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)}
	ids := app.Identity(db)
	for slug, name := range map[string]string{"diakonie-erfurt": "Diakonie Erfurt", "awo-erfurt": "AWO Erfurt"} {
		if _, err := ids.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: slug, Name: name, Kind: identity.OrgProvider}); err != nil {
			t.Fatal(err)
		}
	}
	w := needsWorld{clock: ck, atlas: store.NewAtlas(db),
		karl: login(t, ids, "karl", "coordinator:16051"), jana: login(t, ids, "jana", "coordinator:16053"), rita: login(t, ids, "rita", "resident"),
		dora: login(t, ids, "dora", "provider_admin:diakonie-erfurt"), dirk: login(t, ids, "dirk", "provider_member:diakonie-erfurt"),
		agnes: login(t, ids, "agnes", "provider_admin:awo-erfurt"), arne: login(t, ids, "arne", "provider_member:awo-erfurt"),
		reviewer: login(t, ids, "petra", "resident")}
	blobs := blob.Disk{Root: t.TempDir()}
	plan := app.Planning(db, blobs, ck.now)
	for i, code := range []string{"SR-1", "SR-2"} {
		a, err := plan.CreateArea(ctx, w.karl, planning.SocialArea{DistrictKey: "16051", Name: "Sozialraum " + code, Code: code,
			Level: planning.LevelSozialraum, Geometry: box(11+float64(i)/10, 50.95, 0.03)})
		if err != nil {
			t.Fatal(err)
		}
		w.areas = append(w.areas, a.ID)
	}
	p, err := plan.CreateProcess(ctx, w.karl, planning.Process{DistrictKey: "16051", Title: "Sozialplanung 2027",
		Fields: []planning.Field{"familie", "jugendhilfe"}, SocialAreaIDs: w.areas, Phases: []planning.Phase{{Kind: planning.PhaseBedarfsermittlung,
			StartsOn: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.ChangeStatus(ctx, w.karl, p.ID, planning.StatusPublished); err != nil {
		t.Fatal(err)
	}
	w.processID = p.ID
	at := app.Atlas(db, blobs, 300, ck.now)
	kids := atlas.Indicator{Key: "kinder_sgb2", NameDE: "Kinder im SGB II", NameEN: "Children on benefits", Lebenslage: atlas.Einkommen,
		Unit: "Anzahl", Kind: atlas.KindCount, Direction: atlas.HigherWorse, Source: "Test", Licence: "—", ReferenceDate: "31.12.",
		Levels: []atlas.Level{atlas.LevelDistrict, atlas.LevelArea}, MinCount: atlas.DefaultMinCount}
	var vs []atlas.Value
	for y, v := range map[int]float64{2022: 410, 2023: 380, 2024: 350} {
		vs = append(vs, atlas.Value{Indicator: kids.Key, Area: "16051:SR-1", Year: y, Value: &v, Boundary: atlas.CurrentPlanningBoundary})
	}
	if err := at.Seed(ctx, []atlas.Indicator{kids}, vs, nil); err != nil {
		t.Fatal(err)
	}
	out := store.NewOutbox(db, slog.New(slog.DiscardHandler), nil)
	w.svc = app.Needs(db, out, blobs, plan, ids, at, ck.now)
	return w
}

// must passes on a result, failing the test on its error: must(f())(t).
func must[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: %v, want %v", what, err, want)
	}
}

// TestNeedsFromCallToPublishedTable runs the whole chain through the use cases on both
// databases: a call, a draft with atlas evidence, release, co-signing, submission, two
// reviewers who disagree, a Rückfrage, weighing under embargo, publication, a measure.
func TestNeedsFromCallToPublishedTable(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newNeedsWorld(t, db)
		call := must(w.svc.CreateCall(ctx, w.karl, needs.Call{ProcessID: w.processID, Title: "Bedarfe 2027", AreaIDs: w.areas,
			Fields: []string{"familie"}, Deadline: w.clock.now().Add(14 * 24 * time.Hour), Audience: needs.AudienceProviders}))(t)
		_, err := w.svc.CreateCall(ctx, w.dora, needs.Call{ProcessID: w.processID, Title: "x", Deadline: call.Deadline, Audience: needs.AudienceProviders})
		if err == nil {
			t.Error("a provider opened a call")
		}
		if open := must(w.svc.OpenCalls(ctx, w.arne))(t); len(open) != 1 {
			t.Errorf("AWO sees %d open calls", len(open))
		}
		content := needs.Content{Title: "Familienzentrum", AreaIDs: w.areas[:1], Field: "familie",
			Groups:    []needs.TargetCount{{Group: "familien", People: 300}},
			Situation: "Viele Familien im SGB II.", Gap: "Keine Beratung vor Ort.", Priority: needs.PriorityHigh,
			Evidence: []needs.Evidence{{Indicator: "kinder_sgb2", Area: "16051:SR-1", Year: 2023}}}
		v := must(w.svc.Draft(ctx, w.dirk, call.ID, "diakonie-erfurt", content))(t)
		if v.Content.Evidence[0].Value == nil || *v.Content.Evidence[0].Value != 380 || v.Content.Evidence[0].AreaName != "Sozialraum SR-1" {
			t.Errorf("the evidence is the atlas's value as cited: %+v", v.Content.Evidence)
		}
		_, err = w.svc.Draft(ctx, w.arne, call.ID, "diakonie-erfurt", content)
		wantErr(t, "drafting for another organisation", err, needs.ErrNotInvited)
		for who, p := range map[string]identity.Principal{"awo": w.arne, "coordinator": w.karl, "resident": w.rita, "anonymous": w.anonymous} {
			_, err := w.svc.Assessment(ctx, p, v.ID)
			wantErr(t, who+" reads a draft", err, needs.ErrNotFound)
		}
		_, err = w.svc.Release(ctx, w.dirk, v.ID)
		wantErr(t, "a member releases", err, needs.ErrLeadOnly)
		v = must(w.svc.RequestRelease(ctx, w.dirk, v.ID))(t)
		v = must(w.svc.SendBack(ctx, w.dora, v.ID, "Bitte Zahlen ergänzen."))(t)
		if v.Status != needs.StatusDraft || v.SentBack != "Bitte Zahlen ergänzen." {
			t.Errorf("sent back: %+v", v.Assessment)
		}
		content.Offers = "Eine Kita."
		v = must(w.svc.Save(ctx, w.dirk, v.ID, content, v.Version))(t)
		_, err = w.svc.Save(ctx, w.dora, v.ID, content, v.Version-1)
		wantErr(t, "saving an old version", err, needs.ErrStaleVersion)
		v = must(w.svc.InviteCoSigner(ctx, w.dora, v.ID, "awo-erfurt"))(t)
		_, err = w.svc.InviteCoSigner(ctx, w.dora, v.ID, "awo-erfurt")
		wantErr(t, "inviting twice", err, needs.ErrAlreadyInvited)
		if got := must(w.svc.Assessment(ctx, w.arne, v.ID))(t); !got.Can.PrepareCoSign || got.Can.CoSign || got.Can.Edit || got.SentBack != "" {
			t.Errorf("the invited member: %+v %+v", got.Can, got.SentBack)
		}
		must(w.svc.PrepareCoSign(ctx, w.arne, v.ID))(t)
		_, err = w.svc.CoSign(ctx, w.arne, v.ID)
		wantErr(t, "a member signs", err, needs.ErrLeadOnly)
		must(w.svc.CoSign(ctx, w.agnes, v.ID))(t)
		must(w.svc.Release(ctx, w.dora, v.ID))(t)
		if seen := must(w.svc.Assessment(ctx, w.agnes, v.ID))(t); seen.Status != needs.StatusDraft {
			t.Errorf("the co-signer sees Diakonie's release: %s", seen.Status)
		}
		v = must(w.svc.Submit(ctx, w.dirk, v.ID))(t)
		if v.Status != needs.StatusSubmitted || v.Signers() != "Diakonie Erfurt, mitgezeichnet von AWO Erfurt" {
			t.Fatalf("submitted: %s %q", v.Status, v.Signers())
		}
		cites := must(w.atlas.Citations(ctx, "kinder_sgb2"))(t)
		if len(cites) != 1 || cites[0].Kind != "needs_assessment" || *cites[0].CitedValue != 380 || cites[0].Ref != atlas.Ref("kinder_sgb2", "16051:SR-1", 2023) {
			t.Errorf("the atlas lists the citation: %+v", cites)
		}
		_, err = w.svc.Assessment(ctx, w.jana, v.ID)
		wantErr(t, "another district's coordinator", err, needs.ErrNotFound)

		// Two reviewers who disagree; a note stays with its author.
		_, err = w.svc.Assign(ctx, w.karl, v.ID, w.agnes.User.ID)
		wantErr(t, "a co-signer as reviewer", err, needs.ErrNotReviewer)
		must(w.svc.Assign(ctx, w.karl, v.ID, w.karl.User.ID))(t)
		must(w.svc.Assign(ctx, w.karl, v.ID, w.reviewer.User.ID))(t)
		_, err = w.svc.Review(ctx, w.rita, v.ID, needs.Considered, "", "")
		wantErr(t, "a resident reviews", err, needs.ErrNotFound)
		must(w.svc.Review(ctx, w.karl, v.ID, needs.Considered, "Gut belegt.", "Karls Notiz"))(t)
		must(w.svc.Review(ctx, w.reviewer, v.ID, needs.NotConsidered, "Doppelt zum Bestand.", "Petras Notiz"))(t)
		rows := must3(w.svc.Submissions(ctx, w.karl, call.ID, needs.AssessmentQuery{}))(t)
		if len(rows) != 1 || rows[0].Assigned != 2 || rows[0].Reviewed != 2 || !rows[0].Disagreement {
			t.Fatalf("workbench: %+v", rows)
		}
		for _, r := range rows[0].Reviewers {
			if r.ReviewerID != w.karl.User.ID && r.Note != "" {
				t.Errorf("another reviewer's note shows: %+v", r)
			}
		}
		if mine := must3(w.svc.Submissions(ctx, w.reviewer, call.ID, needs.AssessmentQuery{}))(t); len(mine) != 1 {
			t.Errorf("the reviewer sees what is assigned: %d", len(mine))
		}
		if none := must3(w.svc.Submissions(ctx, w.rita, call.ID, needs.AssessmentQuery{}))(t); len(none) != 0 {
			t.Errorf("a resident sees submissions: %d", len(none))
		}

		// A Rückfrage and its answer, private to the organisation and the workbench.
		v = must(w.svc.Ask(ctx, w.karl, v.ID, "Wie viele Familien genau?"))(t)
		_, err = w.svc.Ask(ctx, w.reviewer, v.ID, "Ich auch?")
		wantErr(t, "a reviewer asks", err, kernel.ErrForbidden)
		if got := must(w.svc.Assessment(ctx, w.agnes, v.ID))(t); len(got.Queries) != 0 {
			t.Error("a co-signer reads the Rückfrage")
		}
		_, err = w.svc.Answer(ctx, w.agnes, v.Queries[0].ID, "Wir!")
		wantErr(t, "a co-signer answers", err, needs.ErrQueryNotFound)
		v = must(w.svc.Answer(ctx, w.dirk, v.Queries[0].ID, "Etwa 300."))(t)
		if v.Queries[0].Answer != "Etwa 300." {
			t.Errorf("answer: %+v", v.Queries)
		}

		// Weighing under embargo, then published at once.
		m := must(w.svc.CreateMeasure(ctx, w.karl, needs.Measure{ProcessID: w.processID, Title: "Familienzentrum", AreaIDs: w.areas[:1],
			Milestones: []needs.Milestone{{Title: "Räume"}, {Title: "Personal"}},
			Target:     &needs.Target{Indicator: "kinder_sgb2", Area: "16051:SR-1", BaselineYear: 2023, TargetYear: 2029, Value: 300}}))(t)
		if m.Target.Baseline == nil || *m.Target.Baseline != 380 {
			t.Errorf("the baseline is read from the atlas: %+v", m.Target)
		}
		items, working := must4(w.svc.Table(ctx, w.karl, w.processID, needs.ItemQuery{}))(t)
		if len(items) != 1 || !working || items[0].Submitter != "Diakonie Erfurt, mitgezeichnet von AWO Erfurt" {
			t.Fatalf("table: %+v %v", items, working)
		}
		_, err = w.svc.Decide(ctx, w.karl, items[0].ID, needs.Decision{Value: needs.Partly}, false)
		wantErr(t, "a decision without reason", err, needs.ErrReasonRequired)
		_, err = w.svc.Decide(ctx, w.dora, items[0].ID, needs.Decision{Value: needs.Partly, Reason: "Selbst entschieden"}, false)
		wantErr(t, "a provider weighs", err, kernel.ErrForbidden)
		must(w.svc.Decide(ctx, w.karl, items[0].ID, needs.Decision{Value: needs.Partly, Reason: "Mit einer Stelle.", MeasureIDs: []int64{m.ID}}, false))(t)
		pub, working := must4(w.svc.Table(ctx, w.rita, w.processID, needs.ItemQuery{}))(t)
		if working || len(pub) != 0 {
			t.Fatalf("the embargo leaks: %+v", pub)
		}
		if mv := must(w.svc.MeasureOf(ctx, w.rita, m.ID))(t); len(mv.Items) != 0 || mv.Editable {
			t.Errorf("the measure shows an unpublished decision: %+v", mv.Items)
		}
		if n := must(w.svc.Publish(ctx, w.karl, w.processID))(t); n != 1 {
			t.Errorf("published %d", n)
		}
		_, err = w.svc.Publish(ctx, w.karl, w.processID)
		wantErr(t, "publishing nothing new", err, needs.ErrNothingToPublish)
		pub, _ = must4(w.svc.Table(ctx, w.anonymous, w.processID, needs.ItemQuery{}))(t)
		if len(pub) != 1 || pub[0].Published == nil || pub[0].Published.Value != needs.Partly || pub[0].Working != nil {
			t.Fatalf("published table: %+v", pub)
		}
		must(w.svc.Decide(ctx, w.karl, items[0].ID, needs.Decision{Value: needs.Considered, Reason: "Doch ganz.", MeasureIDs: []int64{m.ID}}, false))(t)
		if pub, _ = must4(w.svc.Table(ctx, w.anonymous, w.processID, needs.ItemQuery{}))(t); pub[0].Published.Value != needs.Partly {
			t.Error("a new prepared decision shows before it is published")
		}
		mv := must(w.svc.MeasureOf(ctx, w.anonymous, m.ID))(t)
		if len(mv.Items) != 1 || len(mv.Actuals) != 3 || mv.Progress != 0 {
			t.Errorf("the measure's chain: %+v %+v %d", mv.Items, mv.Actuals, mv.Progress)
		}
		for _, who := range []identity.Principal{w.dora, w.agnes} {
			notices := must(w.svc.Notices(ctx, who, 10))(t)
			if len(notices) == 0 || notices[0].Kind != "decision" {
				t.Errorf("%s is not told the outcome: %+v", who.User.Name, notices)
			}
		}
		m.Status = needs.MeasureDone
		_, err = w.svc.UpdateMeasure(ctx, w.karl, m.ID, m)
		wantErr(t, "planned to done", err, needs.ErrMeasureStatus)
	})
}

// TestNeedsDeadlines: after the deadline nothing is submitted, withdrawn or co-signed; an
// extension opens the call again.
func TestNeedsDeadlines(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newNeedsWorld(t, db)
		call := must(w.svc.CreateCall(ctx, w.karl, needs.Call{ProcessID: w.processID, Title: "Kurz", Deadline: w.clock.now().Add(time.Hour),
			Audience: needs.AudienceInvited, Invited: []string{"diakonie-erfurt"}}))(t)
		_, err := w.svc.Draft(ctx, w.agnes, call.ID, "awo-erfurt", needs.Content{Title: "Nicht eingeladen"})
		wantErr(t, "an organisation not invited", err, needs.ErrNotInvited)
		content := needs.Content{Title: "Treff", AreaIDs: w.areas[:1], Field: "familie", Groups: []needs.TargetCount{{Group: "aeltere", People: 5}},
			Situation: "s", Gap: "g", Priority: needs.PriorityLow}
		v := must(w.svc.Draft(ctx, w.dora, call.ID, "diakonie-erfurt", content))(t)
		must(w.svc.InviteCoSigner(ctx, w.dora, v.ID, "awo-erfurt"))(t)
		must(w.svc.Release(ctx, w.dora, v.ID))(t)
		w.clock.add(time.Hour)
		_, err = w.svc.Submit(ctx, w.dora, v.ID)
		wantErr(t, "submitting at the deadline", err, needs.ErrDeadlinePassed)
		_, err = w.svc.CoSign(ctx, w.agnes, v.ID)
		wantErr(t, "co-signing after the deadline", err, needs.ErrDeadlinePassed)
		later := call.Deadline.Add(24 * time.Hour)
		_, err = w.svc.UpdateCall(ctx, w.karl, call.ID, needs.CallChange{Deadline: &call.Deadline})
		if err != nil {
			t.Errorf("the same deadline is no change: %v", err)
		}
		earlier := call.Deadline.Add(-time.Minute)
		_, err = w.svc.UpdateCall(ctx, w.karl, call.ID, needs.CallChange{Deadline: &earlier})
		wantErr(t, "bringing the deadline forward", err, needs.ErrDeadlineEarlier)
		must(w.svc.UpdateCall(ctx, w.karl, call.ID, needs.CallChange{Deadline: &later}))(t)
		must(w.svc.Submit(ctx, w.dora, v.ID))(t)
		w.clock.add(24 * time.Hour)
		_, err = w.svc.Withdraw(ctx, w.dora, v.ID)
		wantErr(t, "withdrawing after the deadline", err, needs.ErrDeadlinePassed)
		if open := must(w.svc.OpenCalls(ctx, w.dora))(t); len(open) != 0 {
			t.Errorf("a closed call is still listed as open: %+v", open)
		}
	})
}

func must3[T any](v T, _ string, err error) func(*testing.T) T { return must(v, err) }

func must4[T any](v T, _ string, working bool, err error) func(*testing.T) (T, bool) {
	return func(t *testing.T) (T, bool) {
		t.Helper()
		return must(v, err)(t), working
	}
}

// TestNeedsBundleDecision: related rows bundled are weighed alike in one step; a row of no
// bundle cannot be.
func TestNeedsBundleDecision(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newNeedsWorld(t, db)
		call := must(w.svc.CreateCall(ctx, w.karl, needs.Call{ProcessID: w.processID, Title: "Bedarfe", Deadline: w.clock.now().Add(time.Hour),
			Audience: needs.AudienceProviders}))(t)
		for _, title := range []string{"Treff Nord", "Treff Süd", "Beratung"} {
			v := must(w.svc.Draft(ctx, w.dora, call.ID, "diakonie-erfurt", needs.Content{Title: title, AreaIDs: w.areas[:1], Field: "familie",
				Groups: []needs.TargetCount{{Group: "aeltere", People: 9}}, Situation: "s", Gap: "g", Priority: needs.PriorityMedium}))(t)
			must(w.svc.Release(ctx, w.dora, v.ID))(t)
			must(w.svc.Submit(ctx, w.dora, v.ID))(t)
		}
		items, _ := must4(w.svc.Table(ctx, w.karl, w.processID, needs.ItemQuery{}))(t)
		if len(items) != 3 {
			t.Fatalf("%d rows", len(items))
		}
		b := must(w.svc.Group(ctx, w.karl, w.processID, "Treffpunkte", []int64{items[0].ID, items[1].ID}))(t)
		d := needs.Decision{Value: needs.Considered, Reason: "Ein Treff für beide Sozialräume."}
		_, err := w.svc.Decide(ctx, w.karl, items[2].ID, d, true)
		wantErr(t, "a bundle decision on a row of no bundle", err, needs.ErrInvalid)
		must(w.svc.Decide(ctx, w.karl, items[0].ID, d, true))(t)
		items, _ = must4(w.svc.Table(ctx, w.karl, w.processID, needs.ItemQuery{}))(t)
		for _, it := range items {
			bundled := it.BundleID == b.ID
			if bundled != (it.Working != nil) || (bundled && (it.Working.Reason != d.Reason || it.BundleTitle != "Treffpunkte")) {
				t.Errorf("row %q (bundle %d): %+v", it.Summary, it.BundleID, it.Working)
			}
		}
	})
}
