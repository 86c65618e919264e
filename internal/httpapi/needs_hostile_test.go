package httpapi_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// q is s as a JSON string.
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// hostileCase is one text field: a request that carries it, and the reading that shows whether
// anything was written.
type hostileCase struct {
	field        string
	max          int
	who          *browser
	method, path string
	body         func(v string) string
	state        string // read by who before and after
}

// needsHostile builds a state with one of everything and the cases of every text field.
func needsHostile(w *needsWorld) []hostileCase {
	call := w.newCall()
	draft := w.newDraft(call.ID, "Entwurf")
	released := w.newDraft(call.ID, "Freigegeben")
	w.transition(w.dia, released.ID, "release")
	w.call(w.dia, 200, "POST", w.path("/api/v1/assessments/%d/cosigners", released.ID), `{"org":"awo-erfurt"}`, nil)
	sub := w.newDraft(call.ID, "Eingereicht")
	w.transition(w.dia, sub.ID, "release")
	sub = w.transition(w.dia, sub.ID, "submit")
	w.call(w.coord, 200, "POST", w.path("/api/v1/assessments/%d/reviewers", sub.ID), fmt.Sprintf(`{"user_id":%d}`, w.coord.me().ID), nil)
	var asked assessmentJ
	w.call(w.coord, 201, "POST", w.path("/api/v1/assessments/%d/queries", sub.ID), `{"question":"Wie viele?"}`, &asked)
	var table tableJ
	w.call(w.coord, 200, "GET", w.path("/api/v1/processes/%d/weighing", w.processID), "", &table)
	item := table.Items[0].ID
	var m measureJ
	w.call(w.coord, 201, "POST", w.path("/api/v1/processes/%d/measures", w.processID), `{"title":"Treff"}`, &m)

	calls := w.path("/api/v1/processes/%d/calls", w.processID)
	callPath := w.path("/api/v1/calls/%d", call.ID)
	draftPath := w.path("/api/v1/assessments/%d", draft.ID)
	save := func(content string) func(string) string {
		return func(v string) string {
			return `{"base_version":1,"content":{"title":"Entwurf",` + strings.ReplaceAll(content, "V", v) + `}}`
		}
	}
	subPath := w.path("/api/v1/assessments/%d", sub.ID)
	weighing := w.path("/api/v1/processes/%d/weighing", w.processID)
	modules := "/api/v1/districts/16051/text-modules"
	measures := w.path("/api/v1/processes/%d/measures", w.processID)
	measure := w.path("/api/v1/measures/%d", m.ID)
	bundles := w.path("/api/v1/processes/%d/weighing/bundles", w.processID)
	deadline := q("2099-01-01T00:00:00Z")
	c := w.coord
	return []hostileCase{
		{"call.title", 200, c, "POST", calls, func(v string) string { return `{"title":` + v + `,"audience":"providers","deadline":` + deadline + `}` }, calls},
		{"call.guidance", 10000, c, "POST", calls, func(v string) string {
			return `{"title":"A","guidance":` + v + `,"audience":"providers","deadline":` + deadline + `}`
		}, calls},
		{"call.title (change)", 200, c, "PATCH", callPath, func(v string) string { return `{"title":` + v + `}` }, callPath},
		{"call.guidance (change)", 10000, c, "PATCH", callPath, func(v string) string { return `{"guidance":` + v + `}` }, callPath},
		{"title", 200, w.dia, "PUT", draftPath, func(v string) string { return `{"base_version":1,"content":{"title":` + v + `}}` }, draftPath},
		{"situation", 20000, w.dia, "PUT", draftPath, save(`"situation":V`), draftPath},
		{"offers", 20000, w.dia, "PUT", draftPath, save(`"offers":V`), draftPath},
		{"gap", 20000, w.dia, "PUT", draftPath, save(`"gap":V`), draftPath},
		{"proposal.measure", 20000, w.dia, "PUT", draftPath, save(`"proposal":{"measure":V}`), draftPath},
		{"proposal.funding", 100, w.dia, "PUT", draftPath, save(`"proposal":{"funding":[V]}`), draftPath},
		{"proposal.time_frame", 100, w.dia, "PUT", draftPath, save(`"proposal":{"time_frame":V}`), draftPath},
		{"groups.label", 100, w.dia, "PUT", draftPath, save(`"groups":[{"group":"andere","label":V,"people":3}]`), draftPath},
		{"send_back reason", 5000, w.dia, "POST", w.path("/api/v1/assessments/%d/transition", released.ID),
			func(v string) string { return `{"action":"send_back","reason":` + v + `}` }, w.path("/api/v1/assessments/%d", released.ID)},
		{"decline reason", 5000, w.awoL, "POST", w.path("/api/v1/assessments/%d/cosignature", released.ID),
			func(v string) string { return `{"action":"decline","reason":` + v + `}` }, w.path("/api/v1/assessments/%d", released.ID)},
		{"review comment", 5000, c, "PUT", w.path("/api/v1/assessments/%d/review", sub.ID), func(v string) string { return `{"comment":` + v + `}` }, subPath},
		{"review note", 5000, c, "PUT", w.path("/api/v1/assessments/%d/review", sub.ID), func(v string) string { return `{"note":` + v + `}` }, subPath},
		{"question", 5000, c, "POST", w.path("/api/v1/assessments/%d/queries", sub.ID), func(v string) string { return `{"question":` + v + `}` }, subPath},
		{"answer", 5000, w.dia, "PUT", w.path("/api/v1/queries/%d/answer", asked.Queries[0].ID), func(v string) string { return `{"answer":` + v + `}` }, subPath},
		{"decision reason", 5000, c, "PUT", w.path("/api/v1/weighing-items/%d/decision", item),
			func(v string) string { return `{"value":"noted","reason":` + v + `}` }, weighing},
		{"split aspect", 200, c, "POST", w.path("/api/v1/weighing-items/%d/split", item), func(v string) string { return `{"aspects":["A",` + v + `]}` }, weighing},
		{"bundle title", 200, c, "POST", bundles, func(v string) string { return fmt.Sprintf(`{"title":%s,"item_ids":[%d,%d]}`, v, item, item+1) }, weighing},
		{"text module title", 200, c, "POST", modules, func(v string) string { return `{"title":` + v + `,"body":"B"}` }, modules},
		{"text module body", 5000, c, "POST", modules, func(v string) string { return `{"title":"T","body":` + v + `}` }, modules},
		{"measure title", 200, c, "POST", measures, func(v string) string { return `{"title":` + v + `}` }, measures},
		{"measure description", 20000, c, "PUT", measure, func(v string) string { return `{"title":"Treff","description":` + v + `}` }, measures},
		{"measure responsible", 200, c, "PUT", measure, func(v string) string { return `{"title":"Treff","responsible":` + v + `}` }, measures},
		{"milestone title", 200, c, "PUT", measure, func(v string) string { return `{"title":"Treff","milestones":[{"title":` + v + `}]}` }, measures},
	}
}

// TestNeedsHostileInput: every text field refuses an over-long value and a NUL character with a
// problem and a stable code, writing nothing; bidi controls and HTML stay inert.
func TestNeedsHostileInput(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newNeedsWorld(t, db)
		for _, hc := range needsHostile(w) {
			for name, v := range map[string]string{"too long": strings.Repeat("ä", hc.max+1), "NUL": "a\u0000b"} {
				before := hc.who.do("GET", hc.state, "")
				r := hc.who.do(hc.method, hc.path, hc.body(q(v)))
				var p struct{ Code string }
				_ = json.Unmarshal([]byte(r.Body), &p)
				stable := map[string]bool{"invalid_request": true, "validation_failed": true, "invalid_characters": true}
				if (r.Status != 400 && r.Status != 422) || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") || !stable[p.Code] {
					t.Errorf("%s %s: %d %q %s", hc.field, name, r.Status, p.Code, r.Body[:min(len(r.Body), 200)])
				}
				if after := hc.who.do("GET", hc.state, ""); after.Body != before.Body {
					t.Errorf("%s %s: a refused request changed %s", hc.field, name, hc.state)
				}
			}
		}
		inert(t, w)
	})
}

// inert: bidi controls are dropped from what is stored, and no script, handler or javascript:
// link survives in rendered HTML.
func inert(t *testing.T, w *needsWorld) {
	t.Helper()
	evil := "\u202Egnp.exe <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
	var call struct {
		ID           int64 `json:"id"`
		Title        string
		GuidanceHTML string `json:"guidance_html"`
	}
	w.call(w.coord, 201, "POST", w.path("/api/v1/processes/%d/calls", w.processID),
		`{"title":`+q(evil)+`,"guidance":`+q(evil)+`,"audience":"providers","deadline":"2099-01-01T00:00:00Z"}`, &call)
	a := w.newDraft(call.ID, "Sauber")
	var saved assessmentJ
	w.call(w.dia, 200, "PUT", w.path("/api/v1/assessments/%d", a.ID), fmt.Sprintf(`{"base_version":1,"content":{"title":%s,"situation":%[1]s,"offers":%[1]s,"gap":%[1]s,"proposal":{"measure":%[1]s}}}`, q(evil)), &saved)
	var m measureJ
	w.call(w.coord, 201, "POST", w.path("/api/v1/processes/%d/measures", w.processID), `{"title":`+q(evil)+`,"description":`+q(evil)+`}`, &m)
	for name, s := range map[string]string{"call title": call.Title, "assessment title": saved.Content.Title, "measure title": m.Title} {
		if strings.ContainsRune(s, '\u202E') || !strings.Contains(s, "<script>") {
			t.Errorf("%s = %q: bidi control kept or text changed", name, s)
		}
	}
	for name, h := range map[string]string{"guidance": call.GuidanceHTML, "situation": saved.HTML.Situation, "offers": saved.HTML.Offers,
		"gap": saved.HTML.Gap, "measure": saved.HTML.Measure, "description": m.DescriptionHTML} {
		if strings.Contains(h, "<script") || strings.Contains(h, "onerror") || strings.Contains(h, "javascript:") || strings.Contains(h, "<img") {
			t.Errorf("%s html = %q", name, h)
		}
	}
}
