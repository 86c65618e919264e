package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/gorilla/websocket"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// needsEvent is a needs.changed frame's data.
type needsEvent struct {
	Seq     int64
	Subject string
	ID      int64 `json:"id"`
	Status  string
}

func nextNeeds(b *browser, ws *websocket.Conn) needsEvent {
	b.t.Helper()
	ev := next(b, ws)
	if ev.Type != "needs.changed" {
		b.t.Fatalf("event %s, want needs.changed", ev.Type)
	}
	var n needsEvent
	if err := json.Unmarshal(ev.Data, &n); err != nil {
		b.t.Fatal(err)
	}
	n.Seq = ev.Seq
	return n
}

// TestNeedsLiveEvents: the coordinator hears of a submission, never of the drafts before it;
// AWO hears of Diakonie's assessment only once invited to co-sign it; a reviewer may follow the
// room once assigned.
func TestNeedsLiveEvents(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newNeedsWorld(t, db)
		call := w.newCall()
		room := fmt.Sprintf("needs:%d", w.processID)
		coordWS, awoWS, diaWS := follow(w.coord, room, 0), follow(w.awoM, room, 0), follow(w.dia, room, 0)
		if got := w.jena.dialStatus("/api/v1/live?room=" + room); got != http.StatusForbidden {
			t.Errorf("another district's coordinator follows the room: %d", got)
		}

		a := w.newDraft(call.ID, "Treffpunkt")
		w.call(w.dia, 200, "PUT", w.path("/api/v1/assessments/%d", a.ID), `{"base_version":1,"content":`+w.draftJSON("Treffpunkt Nord")+`}`, nil)
		w.transition(w.dia, a.ID, "release")
		// A later event of the assessment replaces the earlier ones in the room's log, so Diakonie
		// hears at least the last of its three changes.
		var drafts []needsEvent
		for len(drafts) == 0 || drafts[len(drafts)-1].Status != "released" {
			if len(drafts) == 3 {
				t.Fatalf("Diakonie's events = %+v, want the release", drafts)
			}
			drafts = append(drafts, nextNeeds(w.dia, diaWS))
		}
		released := drafts[len(drafts)-1]
		if released.ID != a.ID || released.Subject != "assessment" {
			t.Fatalf("Diakonie's events = %+v", drafts)
		}
		w.call(w.dia, 200, "POST", w.path("/api/v1/assessments/%d/cosigners", a.ID), `{"org":"awo-erfurt"}`, nil)
		invited := nextNeeds(w.awoM, awoWS)
		if invited.Seq <= released.Seq || invited.ID != a.ID {
			t.Fatalf("AWO's first event %+v came before its invitation (Diakonie's drafts: %+v)", invited, drafts)
		}

		w.transition(w.dia, a.ID, "submit")
		got := nextNeeds(w.coord, coordWS)
		if got.Subject != "assessment" || got.ID != a.ID || got.Status != "submitted" {
			t.Errorf("the coordinator's first event = %+v, want the submission", got)
		}
		if got := nextNeeds(w.awoM, awoWS); got.Status != "submitted" {
			t.Errorf("AWO's next event = %+v, want the submission", got)
		}

		w.call(w.coord, 200, "POST", w.path("/api/v1/assessments/%d/reviewers", a.ID), fmt.Sprintf(`{"user_id":%d}`, w.jena.me().ID), nil)
		if got := w.jena.dialStatus("/api/v1/live?room=" + room); got != http.StatusSwitchingProtocols {
			t.Errorf("the assigned reviewer cannot follow the room: %d", got)
		}
		if got := nextNeeds(w.coord, coordWS); got.Subject != "review" || got.Status != "assigned" {
			t.Errorf("the coordinator's next event = %+v, want the assignment", got)
		}
	})
}
