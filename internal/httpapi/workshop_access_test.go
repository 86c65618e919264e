package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// workshopWorld is the fixtures' workshop on a published and a draft process of Erfurt, with its
// coordinator logged in.
type workshopWorld struct {
	*workshopEnv
	a     *app
	coord *browser
}

func newWorkshopWorld(t *testing.T, db *store.DB) *workshopWorld {
	t.Helper()
	a := newApp(t, db)
	plan := store.NewPlanning(db)
	process := func(st planning.Status) int64 {
		return must(plan.InsertProcess(context.Background(), planning.Process{DistrictKey: "16051", Title: "Sozialplanung", Status: st,
			Fields: []planning.Field{"senioren"}})).ID
	}
	return &workshopWorld{workshopEnv: newWorkshopEnv(db, process(planning.StatusPublished), process(planning.StatusDraft)), a: a,
		coord: a.browser(t).login("verwaltung", "demo-koordination-erfurt")}
}

// guest is a browser that joined the workshop with its code, as a guest.
func (w *workshopWorld) guest(t *testing.T, code, name string) *browser {
	t.Helper()
	b := w.a.browser(t)
	if r := b.do("POST", "/api/v1/workshop-guests", `{"code":"`+code+`","name":`+q(name)+`}`); r.Status != 200 {
		t.Fatalf("joining as a guest: %d %s", r.Status, r.Body)
	}
	return b
}

// TestWorkshopGuestsAndProjector: a guest takes part in their workshop only and moderates
// nothing; the projector reads what the hall is shown, results held back included, and
// contributes nothing.
func TestWorkshopGuestsAndProjector(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorkshopWorld(t, db)
		guest := w.guest(t, w.w.JoinCode, "Gast Bea")
		draftGuest := w.guest(t, w.draftW.JoinCode, "Gast Cem")
		projector := w.a.browser(t)
		if r := projector.do("POST", fmt.Sprintf("/api/v1/workshops/%d/projector-session", w.w.ID), `{"key":"`+projectorKeyOf(w.w)+`"}`); r.Status != 204 {
			t.Fatalf("opening the projector: %d %s", r.Status, r.Body)
		}
		anon := w.a.browser(t)
		p := func(format string, args ...any) string { return fmt.Sprintf("/api/v1"+format, args...) }
		for _, c := range []struct {
			name         string
			who          *browser
			method, path string
			body         string
			want         int
		}{
			{"guest reads the session", guest, "GET", p("/workshops/%d/session", w.w.ID), "", 200},
			{"guest asks", guest, "POST", p("/workshop-modules/%d/questions", w.questions.ID), `{"text":"Gibt es Parkplätze?"}`, 201},
			{"guest votes", guest, "PUT", p("/workshop-questions/%d/vote", w.visible.ID), "", 200},
			{"guest answers the poll", guest, "PUT", p("/workshop-modules/%d/answer", w.poll.ID), `{"values":[0]}`, 200},
			{"guest adds a card", guest, "POST", p("/workshop-modules/%d/cards", w.board.ID), `{"text":"Ein Bolzplatz"}`, 201},
			{"guest places dots", guest, "PUT", p("/workshop-modules/%d/dots", w.board.ID), fmt.Sprintf(`{"dots":[{"card_id":%d,"dots":3}]}`, w.card.ID), 200},
			{"guest chats", guest, "POST", p("/workshops/%d/chat", w.w.ID), `{"text":"Hallo"}`, 201},
			{"guest sees no held-back results", guest, "GET", p("/workshop-modules/%d/results", w.poll.ID), "", 403},
			{"guest approves", guest, "POST", p("/workshop-questions/%d/moderation", w.pending.ID), `{"action":"approve"}`, 401},
			{"guest opens a module", guest, "POST", p("/workshop-modules/%d/state", w.questions.ID), `{"action":"close"}`, 401},
			{"guest ends the workshop", guest, "POST", p("/workshops/%d/status", w.w.ID), `{"action":"end"}`, 401},
			{"guest hides a message", guest, "POST", p("/workshop-messages/%d/hide", w.message.ID), `{"reason":"weg"}`, 401},
			{"guest notes a decision", guest, "POST", p("/workshops/%d/decisions", w.w.ID), `{"text":"Beschlossen"}`, 401},
			{"guest adds a theme", guest, "POST", p("/workshop-modules/%d/themes", w.board.ID), `{"text":"Thema"}`, 401},
			{"guest of A chats in B", guest, "POST", p("/workshops/%d/chat", w.hall.ID), `{"text":"Hallo"}`, 403},
			{"guest of A in B of a draft process", guest, "GET", p("/workshops/%d/session", w.draftW.ID), "", 404},
			{"guest of A asks in B of a draft process", guest, "POST", p("/workshops/%d/chat", w.draftW.ID), `{"text":"Hallo"}`, 404},
			{"guest of a draft process's workshop reads it", draftGuest, "GET", p("/workshops/%d/session", w.draftW.ID), "", 200},
			{"guest of a draft process's workshop chats", draftGuest, "POST", p("/workshops/%d/chat", w.draftW.ID), `{"text":"Hallo"}`, 201},
			{"projector reads the session", projector, "GET", p("/workshops/%d/session", w.w.ID), "", 200},
			{"projector reads held-back results", projector, "GET", p("/workshop-modules/%d/results", w.poll.ID), "", 200},
			{"projector of A reads no results of B", projector, "GET", p("/workshop-modules/%d/results", w.newModule(w.hall, "poll", "open", false).ID), "", 403},
			{"projector asks", projector, "POST", p("/workshop-modules/%d/questions", w.questions.ID), `{"text":"Frage"}`, 403},
			{"projector answers", projector, "PUT", p("/workshop-modules/%d/answer", w.poll.ID), `{"values":[0]}`, 403},
			{"projector chats", projector, "POST", p("/workshops/%d/chat", w.w.ID), `{"text":"Hallo"}`, 403},
			{"projector approves", projector, "POST", p("/workshop-questions/%d/moderation", w.pending.ID), `{"action":"approve"}`, 401},
			{"projector shows something else", projector, "PUT", p("/workshops/%d/projector", w.w.ID), `{"kind":"agenda"}`, 401},
			{"anonymous sees no held-back results", anon, "GET", p("/workshop-modules/%d/results", w.poll.ID), "", 403},
			{"anonymous asks without joining", anon, "POST", p("/workshop-modules/%d/questions", w.questions.ID), `{"text":"Frage"}`, 403},
			{"anonymous chats where guests may not join", anon, "POST", p("/workshops/%d/chat", w.closedToGuests.ID), `{"text":"Hallo"}`, 401},
		} {
			if r := c.who.do(c.method, c.path, c.body); r.Status != c.want {
				t.Errorf("%s: %d, want %d: %s", c.name, r.Status, c.want, r.Body)
			}
		}
		// A guest's question waits for approval; the facilitator's session shows it pending.
		var s struct {
			Modules []struct {
				Questions []struct{ Text, State string }
			}
		}
		if err := json.Unmarshal([]byte(w.coordSession(t)), &s); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range s.Modules {
			for _, qu := range m.Questions {
				found = found || (qu.Text == "Gibt es Parkplätze?" && qu.State == "pending")
			}
		}
		if !found {
			t.Errorf("the guest's question is not pending in the facilitator's session: %+v", s)
		}
		// Expired: a renewed key shuts the old device out.
		w.coord.do("POST", p("/workshops/%d/projector-key", w.w.ID), "")
		if r := projector.do("GET", p("/workshop-modules/%d/results", w.poll.ID), ""); r.Status != 403 {
			t.Errorf("the old projector key after renewal: %d, want 403", r.Status)
		}
	})
}

// coordSession is the workshop's session as its coordinator sees it.
func (w *workshopWorld) coordSession(t *testing.T) string {
	t.Helper()
	r := w.coord.do("GET", fmt.Sprintf("/api/v1/workshops/%d/session", w.w.ID), "")
	if r.Status != 200 {
		t.Fatalf("session: %d %s", r.Status, r.Body)
	}
	return r.Body
}
