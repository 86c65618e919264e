package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
)

// needsWorld is a published process of Erfurt with a social area, an open consultation with a
// resident's comment, and everyone who works on its needs logged in through the real flow.
type needsWorld struct {
	t                            *testing.T
	a                            *app
	anon                         *browser
	res                          *browser // a resident, author of the comment
	dia                          *browser // Diakonie Erfurt's lead
	awoM                         *browser // a member of AWO Erfurt
	awoL                         *browser // AWO Erfurt's lead
	coord                        *browser // coordinator of 16051
	jena                         *browser // coordinator of Jena, made a reviewer
	processID, areaID, commentID int64
	resName                      string
}

// awoLead maps the demo AWO lead's group to the lead role, as an administration configures it.
func awoLead(ps []auth.ProviderConfig) {
	for i := range ps {
		m := maps.Clone(ps[i].RoleMap)
		m["traegerleitung:awo-erfurt"] = "provider_admin:awo-erfurt"
		ps[i].RoleMap = m
	}
}

func newNeedsWorld(t *testing.T, db *store.DB) *needsWorld {
	t.Helper()
	ctx := context.Background()
	a := newApp(t, db, withProviders(awoLead))
	if err := refdata.LoadAtlas(ctx, a.Atlas); err != nil {
		t.Fatal(err)
	}
	w := &needsWorld{t: t, a: a, anon: a.browser(t), res: a.browser(t).login("buerger", "demo-buergerin"),
		dia: a.browser(t).login("traeger", "demo-traeger-diakonie"), awoM: a.browser(t).login("traeger", "demo-traeger-awo"),
		awoL: a.browser(t).login("traeger", "demo-traeger-awo-leitung"), coord: a.browser(t).login("verwaltung", "demo-koordination-erfurt"),
		jena: a.browser(t).login("verwaltung", "demo-koordination-jena")}
	me := w.res.me()
	w.resName = me.Name
	plan := store.NewPlanning(db)
	area := must(plan.InsertArea(ctx, erfurtArea("Erfurt-Nord")))
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := must(plan.InsertProcess(ctx, planning.Process{DistrictKey: "16051", Title: "Sozialplanung Erfurt 2027", Status: planning.StatusPublished,
		Fields: []planning.Field{"senioren", "pflege"}, SocialAreaIDs: []int64{area.ID},
		Phases: []planning.Phase{{Kind: planning.PhaseBeteiligung, StartsOn: from, EndsOn: from.AddDate(2, 0, 0)}}}))
	cons := store.NewConsultations(db)
	now := time.Now().UTC()
	c := must(cons.InsertConsultation(ctx, consultation.Consultation{ProcessID: p.ID, Title: "Beteiligung", Audience: consultation.AudienceEveryone,
		Moderation: consultation.PostModeration, OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(30 * 24 * time.Hour), AreaIDs: []int64{area.ID},
		Sections: []consultation.Section{{Heading: "Ziele", Body: "Text"}}}))
	cm := must(cons.InsertComment(ctx, consultation.Comment{ConsultationID: c.ID, AuthorID: me.ID, Body: "Es fehlt ein Treffpunkt für Ältere.",
		HTML: "<p>Es fehlt ein Treffpunkt für Ältere.</p>", Status: consultation.StatusPublished, CreatedAt: now}, nil))
	w.processID, w.areaID, w.commentID = p.ID, area.ID, cm.ID
	return w
}

// call asks b for the request and decodes the answer, failing unless its status is want.
func (w *needsWorld) call(b *browser, want int, method, path, body string, out any) response {
	w.t.Helper()
	r := b.do(method, path, body)
	if r.Status != want {
		w.t.Fatalf("%s %s = %d, want %d: %s", method, path, r.Status, want, r.Body)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(r.Body), out); err != nil {
			w.t.Fatalf("%s %s: %v: %s", method, path, err, r.Body)
		}
	}
	return r
}

// problem sends the request and returns the problem's code, failing unless its status is want.
func (w *needsWorld) problem(b *browser, want int, method, path, body string) string {
	w.t.Helper()
	r := b.do(method, path, body)
	if r.Status != want || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
		w.t.Fatalf("%s %s = %d %s, want a %d problem: %s", method, path, r.Status, r.Header.Get("Content-Type"), want, r.Body)
	}
	var p struct{ Code string }
	_ = json.Unmarshal([]byte(r.Body), &p)
	return p.Code
}

// The JSON the scenario reads.
type (
	callJ struct {
		ID          int64 `json:"id"`
		Open        bool
		CanManage   bool                    `json:"can_manage"`
		CanSubmitAs []struct{ Slug string } `json:"can_submit_as"`
		Room        string
	}
	evidenceJ struct {
		Indicator, Area, Title, Ref string
		Year                        int
		Value                       *float64
		AreaName                    string `json:"area_name"`
	}
	reviewJ struct {
		ReviewerID     int64  `json:"reviewer_id"`
		Recommendation string `json:"recommendation"`
		Note           string `json:"note"`
	}
	assessmentJ struct {
		ID, Version int64
		Status      string
		Signers     string
		Content     struct {
			Title    string
			Evidence []evidenceJ
		}
		HTML      struct{ Situation, Gap, Offers, Measure string } `json:"html"`
		Cosigners []struct{ Org, Status string }
		Can       map[string]bool
		Reviews   []reviewJ
		Queries   []struct {
			ID       int64 `json:"id"`
			Question string
			Answer   string
		}
		Progress *struct {
			Assigned, Reviewed int
			Disagreement       bool
		}
	}
	decisionJ struct {
		Value      string
		Reason     string
		MeasureIDs []int64 `json:"measure_ids"`
	}
	itemJ struct {
		ID           int64 `json:"id"`
		Kind         string
		Summary      string
		Submitter    string
		AssessmentID int64      `json:"assessment_id"`
		Working      *decisionJ `json:"working"`
		Published    *decisionJ `json:"published"`
	}
	tableJ struct {
		Items    []itemJ
		Working  bool
		CanWeigh bool `json:"can_weigh"`
	}
	measureJ struct {
		ID              int64 `json:"id"`
		Title           string
		DescriptionHTML string `json:"description_html"`
		Items           []itemJ
		Actuals         []struct {
			Year  int
			Value *float64
		}
		Target *struct{ Baseline *float64 }
	}
)

func (w *needsWorld) path(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// newCall opens a call of the process inviting Diakonie and AWO.
func (w *needsWorld) newCall() callJ {
	var c callJ
	w.call(w.coord, 201, "POST", w.path("/api/v1/processes/%d/calls", w.processID), fmt.Sprintf(`{"title":"Aufruf Senioren 2027",`+
		`"guidance":"Bitte **vollständig**","area_ids":[%d],"fields":["senioren"],"audience":"invited","invited":["diakonie-erfurt","awo-erfurt"],`+
		`"deadline":%q}`, w.areaID, time.Now().UTC().Add(14*24*time.Hour).Format(time.RFC3339)), &c)
	return c
}

// draftJSON is a complete assessment citing the unemployed of Erfurt in 2021.
func (w *needsWorld) draftJSON(title string) string {
	return fmt.Sprintf(`{"title":%q,"area_ids":[%d],"field":"senioren","groups":[{"group":"aeltere","people":120}],`+
		`"situation":"**Viele** Ältere leben allein.","evidence":[{"indicator":"arbeitslose","area":"16051","year":2021}],`+
		`"offers":"Ein Café.","gap":"Kein Treffpunkt im Norden.","proposal":{"measure":"Ein offener Treff","fte":1.5,"costs_per_year":80000,`+
		`"funding":["Kommune"],"time_frame":"2027","indicator":"arbeitslose"},"priority":"high"}`, title, w.areaID)
}

// newDraft is Diakonie's draft in the call.
func (w *needsWorld) newDraft(callID int64, title string) assessmentJ {
	var a assessmentJ
	w.call(w.dia, 201, "POST", w.path("/api/v1/calls/%d/assessments", callID), `{"org":"diakonie-erfurt","content":`+w.draftJSON(title)+`}`, &a)
	return a
}

func (w *needsWorld) transition(b *browser, id int64, action string) assessmentJ {
	var a assessmentJ
	w.call(b, 200, "POST", w.path("/api/v1/assessments/%d/transition", id), `{"action":"`+action+`"}`, &a)
	return a
}
