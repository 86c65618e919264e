package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// workshopHostile is every text field of the workshop context (and the guest's name), with the
// reading that shows whether anything was written: the facilitator's session, which shows
// everything, pending questions and hidden texts' traces included.
func workshopHostile(w *workshopWorld, guest *browser) []hostileCase {
	p := func(format string, args ...any) string { return fmt.Sprintf("/api/v1"+format, args...) }
	session := p("/workshops/%d/session", w.w.ID)
	text := func(v string) string { return `{"text":` + v + `}` }
	c := w.coord
	textPoll := w.newModule(w.w, workshop.KindPoll, workshop.ModuleOpen, true)
	textPoll.Poll = workshop.PollConfig{Kind: workshop.PollText}
	wordPoll := w.newModule(w.w, workshop.KindPoll, workshop.ModuleOpen, true)
	wordPoll.Poll = workshop.PollConfig{Kind: workshop.PollWords}
	for _, m := range []workshop.Module{textPoll, wordPoll} {
		if err := w.st.SaveModule(context.Background(), m); err != nil {
			panic(err)
		}
	}
	workshops := p("/processes/%d/workshops", w.published)
	return []hostileCase{
		{"guest name", workshop.MaxGuestName, c, "POST", "/api/v1/workshop-guests",
			func(v string) string { return `{"code":"` + w.w.JoinCode + `","name":` + v + `}` }, p("/workshops/%d/presence", w.w.ID)},
		{"question", workshop.MaxQuestion, guest, "POST", p("/workshop-modules/%d/questions", w.questions.ID), text, session},
		{"card", workshop.MaxCard, guest, "POST", p("/workshop-modules/%d/cards", w.board.ID), text, session},
		{"chat", workshop.MaxChat, guest, "POST", p("/workshops/%d/chat", w.w.ID), text, session},
		{"poll text", workshop.MaxPollText, guest, "PUT", p("/workshop-modules/%d/answer", textPoll.ID), text, session},
		{"poll word", workshop.MaxWord, guest, "PUT", p("/workshop-modules/%d/answer", wordPoll.ID), func(v string) string { return `{"words":[` + v + `]}` }, session},
		{"theme", workshop.MaxOption, c, "POST", p("/workshop-modules/%d/themes", w.board.ID), text, session},
		{"theme (rename)", workshop.MaxOption, c, "PUT", p("/workshop-themes/%d", w.theme.ID), text, session},
		{"decision", workshop.MaxDecision, c, "POST", p("/workshops/%d/decisions", w.w.ID), text, p("/workshops/%d/decisions", w.w.ID)},
		{"question answer", workshop.MaxAnswer, c, "POST", p("/workshop-questions/%d/moderation", w.visible.ID),
			func(v string) string { return `{"action":"answer","answer":` + v + `}` }, session},
		{"hide reason", workshop.MaxReason, c, "POST", p("/workshop-messages/%d/hide", w.message.ID), func(v string) string { return `{"reason":` + v + `}` }, session},
		{"module title", workshop.MaxTitle, c, "POST", p("/workshops/%d/modules", w.w.ID), func(v string) string { return `{"kind":"questions","title":` + v + `}` }, session},
		{"poll option", workshop.MaxOption, c, "POST", p("/workshops/%d/modules", w.w.ID),
			func(v string) string {
				return `{"kind":"poll","title":"U","poll":{"kind":"single","options":["A",` + v + `]}}`
			}, session},
		{"board column", workshop.MaxOption, c, "POST", p("/workshops/%d/modules", w.w.ID),
			func(v string) string { return `{"kind":"board","title":"B","board":{"columns":[` + v + `]}}` }, session},
		{"workshop title", workshop.MaxTitle, c, "POST", workshops,
			func(v string) string { return `{"title":` + v + `,"starts_at":"2030-01-01T18:00:00Z"}` }, workshops},
		{"agenda item", workshop.MaxTitle, c, "POST", workshops,
			func(v string) string {
				return `{"title":"W","starts_at":"2030-01-01T18:00:00Z","agenda":[{"title":` + v + `}]}`
			}, workshops},
	}
}

// TestWorkshopHostileInput: every workshop text field refuses an empty, blank, over-long (by one
// multi-byte character), NUL, control-character, bidi-override-only or invalid UTF-8 value, a
// huge body, a wrong type and an unknown field with a problem and a stable code, writing
// nothing; the text of an accepted tricky input comes back byte-exact.
func TestWorkshopHostileInput(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorkshopWorld(t, db)
		guest := w.guest(t, w.w.JoinCode, "Gast Dora")
		stable := map[string]bool{"invalid_request": true, "validation_failed": true, "invalid_characters": true, "reason_required": true}
		// Fields that may be left empty: a module's title, a question's written answer.
		optional := map[string]bool{"module title": true, "question answer": true}
		for _, hc := range workshopHostile(w, guest) {
			values := map[string]string{
				"empty": q(""), "blank": q(" \t\n "), "too long": q(strings.Repeat("ä", hc.max+1)), "NUL": q("a\u0000b"),
				"control": q("a\u0007b"), "escape": q("a\u001b[31mb"), "bidi only": q("\u202E"), "invalid UTF-8": "\"a\xff\xfeb\"",
				"huge": q(strings.Repeat("x", 1<<20)), "number": "42", "object": `{"x":1}`, "null": "null",
			}
			for name, v := range values {
				if optional[hc.field] && (name == "empty" || name == "blank" || name == "bidi only") {
					continue
				}
				before := hc.who.do("GET", hc.state, "")
				r := hc.who.do(hc.method, hc.path, hc.body(v))
				var pr struct{ Code string }
				_ = json.Unmarshal([]byte(r.Body), &pr)
				if (r.Status != 400 && r.Status != 422) || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") || !stable[pr.Code] {
					t.Errorf("%s %s: %d %q %s", hc.field, name, r.Status, pr.Code, r.Body[:min(len(r.Body), 200)])
				}
				if after := hc.who.do("GET", hc.state, ""); after.Body != before.Body {
					t.Errorf("%s %s: a refused request changed %s", hc.field, name, hc.state)
				}
			}
			// An unknown field next to a valid value.
			body := hc.body(q("Gut"))
			r := hc.who.do(hc.method, hc.path, body[:len(body)-1]+`,"admin":true}`)
			if r.Status != 400 {
				t.Errorf("%s with an unknown field: %d %s", hc.field, r.Status, r.Body)
			}
		}
		exact(t, w, guest)
	})
}

// exact: a tricky text that is allowed comes back as sent, in the answer and in the session.
func exact(t *testing.T, w *workshopWorld, guest *browser) {
	t.Helper()
	tricky := "<script>alert(1)</script> 👩‍👩‍👧 مرحبا بكم & \"Zitat\" 'x' <b>fett</b>"
	for _, c := range []struct{ name, path string }{
		{"question", fmt.Sprintf("/api/v1/workshop-modules/%d/questions", w.questions.ID)},
		{"card", fmt.Sprintf("/api/v1/workshop-modules/%d/cards", w.board.ID)},
		{"chat", fmt.Sprintf("/api/v1/workshops/%d/chat", w.w.ID)},
	} {
		r := guest.do("POST", c.path, `{"text":`+q(tricky)+`}`)
		if r.Status != 201 {
			t.Errorf("%s: %d %s", c.name, r.Status, r.Body)
			continue
		}
		if got := decode[struct{ Text string }](t, r).Text; got != tricky {
			t.Errorf("%s stored %q, want %q", c.name, got, tricky)
		}
	}
	if s := w.coordSession(t); strings.Count(s, q(tricky)) < 3 {
		t.Errorf("the session does not carry the tricky text byte-exact three times")
	}
	name := "Ayşe 👍 مريم"
	r := w.a.browser(t).do("POST", "/api/v1/workshop-guests", `{"code":"`+w.w.JoinCode+`","name":`+q(name)+`}`)
	if got := decode[struct{ Participant struct{ Name string } }](t, r).Participant.Name; r.Status != 200 || got != name {
		t.Errorf("guest name: %d %q, want %q", r.Status, got, name)
	}
}
