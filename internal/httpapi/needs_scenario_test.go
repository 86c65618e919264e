package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestNeedsScenario runs a call from its opening to the published weighing table and the
// measure page, through the real router and the real login, as everyone involved.
func TestNeedsScenario(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newNeedsWorld(t, db)
		call := w.newCall()
		if !call.CanManage || call.Room != fmt.Sprintf("needs:%d", w.processID) {
			t.Errorf("the coordinator's call = %+v", call)
		}
		var seen callJ
		w.call(w.dia, 200, "GET", w.path("/api/v1/calls/%d", call.ID), "", &seen)
		if seen.CanManage || len(seen.CanSubmitAs) != 1 || seen.CanSubmitAs[0].Slug != diakonie {
			t.Errorf("Diakonie's call = %+v", seen)
		}

		// Diakonie drafts with evidence from the atlas: the server reads the value.
		a := w.newDraft(call.ID, "Treffpunkt für Ältere im Norden")
		var value struct{ Value *float64 }
		w.call(w.anon, 200, "GET", "/api/v1/atlas/values/arbeitslose/16051/2021", "", &value)
		ev := a.Content.Evidence
		if len(ev) != 1 || ev[0].Title == "" || ev[0].AreaName == "" || ev[0].Ref != "arbeitslose/16051/2021" || num(ev[0].Value) != num(value.Value) {
			t.Errorf("evidence = %+v, the atlas says %v", ev, value.Value)
		}
		if !strings.Contains(a.HTML.Situation, "<strong>Viele</strong>") {
			t.Errorf("situation html = %q", a.HTML.Situation)
		}
		w.problem(w.coord, 404, "GET", w.path("/api/v1/assessments/%d", a.ID), "")
		a = w.transition(w.dia, a.ID, "release")
		w.call(w.dia, 200, "POST", w.path("/api/v1/assessments/%d/cosigners", a.ID), `{"org":"awo-erfurt"}`, &a)

		// AWO's member prepares, its lead signs.
		var asAWO assessmentJ
		w.call(w.awoM, 200, "GET", w.path("/api/v1/assessments/%d", a.ID), "", &asAWO)
		if !asAWO.Can["prepare_cosign"] || asAWO.Can["cosign"] || asAWO.Can["edit"] {
			t.Errorf("AWO member's capabilities = %v", asAWO.Can)
		}
		w.call(w.awoM, 200, "POST", w.path("/api/v1/assessments/%d/cosignature", a.ID), `{"action":"prepare"}`, &asAWO)
		if code := w.problem(w.awoM, 403, "POST", w.path("/api/v1/assessments/%d/cosignature", a.ID), `{"action":"sign"}`); code != "lead_only" {
			t.Errorf("a member signing: %s", code)
		}
		w.call(w.awoL, 200, "POST", w.path("/api/v1/assessments/%d/cosignature", a.ID), `{"action":"sign"}`, &asAWO)
		signers := diakonieName + ", mitgezeichnet von " + awoName
		if asAWO.Signers != signers || asAWO.Cosigners[0].Status != "cosigned" {
			t.Errorf("after signing: %q %+v", asAWO.Signers, asAWO.Cosigners)
		}
		a = w.transition(w.dia, a.ID, "submit")
		if a.Status != "submitted" {
			t.Fatalf("submitted: %+v", a)
		}

		// Two reviewers recommend differently.
		coordID, jenaID := w.coord.me().ID, w.jena.me().ID
		var notYet struct{ Items []assessmentJ }
		w.call(w.jena, 200, "GET", w.path("/api/v1/calls/%d/submissions", call.ID), "", &notYet)
		w.problem(w.jena, 404, "GET", w.path("/api/v1/assessments/%d", a.ID), "")
		if len(notYet.Items) != 0 {
			t.Errorf("another district's coordinator sees Erfurt's submissions: %+v", notYet.Items)
		}
		for _, id := range []int64{coordID, jenaID} {
			w.call(w.coord, 200, "POST", w.path("/api/v1/assessments/%d/reviewers", a.ID), fmt.Sprintf(`{"user_id":%d}`, id), nil)
		}
		w.problem(w.jena, 403, "POST", w.path("/api/v1/assessments/%d/reviewers", a.ID), fmt.Sprintf(`{"user_id":%d}`, jenaID))
		w.call(w.coord, 200, "PUT", w.path("/api/v1/assessments/%d/review", a.ID), `{"recommendation":"considered","comment":"Dringend"}`, nil)
		w.call(w.jena, 200, "PUT", w.path("/api/v1/assessments/%d/review", a.ID), `{"recommendation":"partly","note":"nur meins"}`, nil)
		var bench struct{ Items []assessmentJ }
		w.call(w.coord, 200, "GET", w.path("/api/v1/calls/%d/submissions", call.ID), "", &bench)
		if len(bench.Items) != 1 || bench.Items[0].Progress == nil || *bench.Items[0].Progress != (struct {
			Assigned, Reviewed int
			Disagreement       bool
		}{2, 2, true}) {
			t.Fatalf("workbench = %+v", bench.Items)
		}
		for _, r := range bench.Items[0].Reviews {
			if r.Note != "" {
				t.Errorf("the coordinator reads another reviewer's note: %+v", r)
			}
		}
		var jenaBench struct{ Items []assessmentJ }
		w.call(w.jena, 200, "GET", w.path("/api/v1/calls/%d/submissions", call.ID), "", &jenaBench)
		if len(jenaBench.Items) != 1 {
			t.Errorf("the reviewer's workbench = %+v", jenaBench.Items)
		}

		// Rückfrage and answer.
		var asked assessmentJ
		w.call(w.coord, 201, "POST", w.path("/api/v1/assessments/%d/queries", a.ID), `{"question":"Wie viele Plätze?"}`, &asked)
		var own assessmentJ
		w.call(w.dia, 200, "GET", w.path("/api/v1/assessments/%d", a.ID), "", &own)
		if len(own.Queries) != 1 || own.Reviews != nil {
			t.Fatalf("Diakonie sees queries %+v and reviews %+v", own.Queries, own.Reviews)
		}
		w.call(w.dia, 200, "PUT", w.path("/api/v1/queries/%d/answer", own.Queries[0].ID), `{"answer":"Zwanzig."}`, nil)
		w.call(w.coord, 200, "GET", w.path("/api/v1/assessments/%d", a.ID), "", &asked)
		if asked.Queries[0].Answer != "Zwanzig." {
			t.Errorf("the answer = %+v", asked.Queries)
		}

		// The coordinator weighs the submission and the resident's comment under embargo.
		var comment itemJ
		w.call(w.coord, 201, "POST", w.path("/api/v1/processes/%d/weighing/comments", w.processID), fmt.Sprintf(`{"comment_id":%d}`, w.commentID), &comment)
		if code := w.problem(w.coord, 409, "POST", w.path("/api/v1/processes/%d/weighing/comments", w.processID), fmt.Sprintf(`{"comment_id":%d}`, w.commentID)); code != "already_in_weighing_table" {
			t.Errorf("a comment weighed twice: %s", code)
		}
		var m measureJ
		w.call(w.coord, 201, "POST", w.path("/api/v1/processes/%d/measures", w.processID),
			`{"title":"Seniorentreff Nord","description":"Ein **offener** Treff","target":{"indicator":"arbeitslose","area":"16051","baseline_year":2021,"target_year":2025,"value":5}}`, &m)
		var working tableJ
		w.call(w.coord, 200, "GET", w.path("/api/v1/processes/%d/weighing", w.processID), "", &working)
		sub := slices.IndexFunc(working.Items, func(it itemJ) bool { return it.AssessmentID == a.ID })
		if !working.Working || !working.CanWeigh || len(working.Items) != 2 || sub < 0 {
			t.Fatalf("working table = %+v", working)
		}
		for id, d := range map[int64]string{working.Items[sub].ID: "considered", comment.ID: "partly"} {
			w.call(w.coord, 200, "PUT", w.path("/api/v1/weighing-items/%d/decision", id),
				fmt.Sprintf(`{"value":%q,"reason":"Begründung %s","measure_ids":[%d]}`, d, d, m.ID), nil)
		}
		for _, b := range []*browser{w.anon, w.res, w.dia} {
			var public tableJ
			w.call(b, 200, "GET", w.path("/api/v1/processes/%d/weighing", w.processID), "", &public)
			if public.Working || len(public.Items) != 0 {
				t.Errorf("before publishing, a reader sees %+v", public)
			}
			var asked tableJ // asking for the working table changes nothing
			w.call(b, 200, "GET", w.path("/api/v1/processes/%d/weighing?published=false", w.processID), "", &asked)
			if asked.Working || len(asked.Items) != 0 {
				t.Errorf("before publishing, a reader asking for the working table sees %+v", asked)
			}
		}
		var before measureJ
		w.call(w.anon, 200, "GET", w.path("/api/v1/measures/%d", m.ID), "", &before)
		if len(before.Items) != 0 {
			t.Errorf("the measure shows unpublished items: %+v", before.Items)
		}

		var pub struct{ Published int }
		w.call(w.coord, 200, "POST", w.path("/api/v1/processes/%d/weighing/publish", w.processID), "", &pub)
		if pub.Published != 2 {
			t.Errorf("published %d", pub.Published)
		}
		r := w.call(w.anon, 200, "GET", w.path("/api/v1/processes/%d/weighing", w.processID), "", nil)
		var public tableJ
		_ = json.Unmarshal([]byte(r.Body), &public)
		if strings.Contains(r.Body, w.resName) || len(public.Items) != 2 {
			t.Fatalf("the published table names the resident or misses rows: %s", r.Body)
		}
		for _, it := range public.Items {
			switch {
			case it.Published == nil || it.Working != nil:
				t.Errorf("published row = %+v", it)
			case it.Kind == "assessment" && (it.Submitter != signers || it.Published.Value != "considered"):
				t.Errorf("the submission's row = %+v", it)
			case it.Kind == "comment" && (it.Submitter != "" || it.Published.Value != "partly"):
				t.Errorf("the comment's row = %+v", it)
			}
		}
		for _, b := range []*browser{w.dia, w.awoL} {
			var notices struct{ Items []struct{ Kind, Org string } }
			w.call(b, 200, "GET", "/api/v1/me/notices", "", &notices)
			if !slices.ContainsFunc(notices.Items, func(n struct{ Kind, Org string }) bool { return n.Kind == "decision" }) {
				t.Errorf("no decision among the notices %+v", notices.Items)
			}
		}
		var chain measureJ
		w.call(w.anon, 200, "GET", w.path("/api/v1/measures/%d", m.ID), "", &chain)
		if len(chain.Items) != 2 || chain.Actuals == nil || !strings.Contains(chain.DescriptionHTML, "<strong>offener</strong>") {
			t.Errorf("the measure's chain = %+v", chain)
		}
		if chain.Target == nil || num(chain.Target.Baseline) != num(value.Value) {
			t.Errorf("the measure's baseline = %+v, the atlas says %v", chain.Target, value.Value)
		}
		checkExports(t, w, signers)
	})
}

// TestNeedsDeadlineAndStaleVersion: a save against an old version and a submission after the
// deadline are refused with their codes, and change nothing.
func TestNeedsDeadlineAndStaleVersion(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newNeedsWorld(t, db)
		call := w.newCall()
		a := w.newDraft(call.ID, "Erster Stand")
		var saved assessmentJ
		w.call(w.dia, 200, "PUT", w.path("/api/v1/assessments/%d", a.ID), `{"base_version":1,"content":`+w.draftJSON("Zweiter Stand")+`}`, &saved)
		if code := w.problem(w.dia, 409, "PUT", w.path("/api/v1/assessments/%d", a.ID), `{"base_version":1,"content":`+w.draftJSON("Dritter Stand")+`}`); code != "stale_version" {
			t.Errorf("stale save: %s", code)
		}
		w.transition(w.dia, a.ID, "release")
		st := store.NewNeeds(db)
		c, err := st.Call(context.Background(), call.ID)
		if err != nil {
			t.Fatal(err)
		}
		c.Deadline = time.Now().UTC().Add(-time.Minute)
		if err := st.SaveCall(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if code := w.problem(w.dia, 409, "POST", w.path("/api/v1/assessments/%d/transition", a.ID), `{"action":"submit"}`); code != "deadline_passed" {
			t.Errorf("late submission: %s", code)
		}
		var now assessmentJ
		w.call(w.dia, 200, "GET", w.path("/api/v1/assessments/%d", a.ID), "", &now)
		if now.Status != "released" || now.Content.Title != "Zweiter Stand" || now.Version != saved.Version || now.Can["submit"] {
			t.Errorf("after the refusals: %+v", now)
		}
		var open struct{ Items []callJ }
		w.call(w.dia, 200, "GET", "/api/v1/me/calls", "", &open)
		if len(open.Items) != 0 {
			t.Errorf("a closed call is still open: %+v", open.Items)
		}
	})
}

// num is a value as the contract's float32 carries it, "nil" for none.
func num(p *float64) string {
	if p == nil {
		return "nil"
	}
	return strconv.FormatFloat(*p, 'g', 6, 64)
}
