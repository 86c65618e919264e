package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestReplayShowsThePresent: the outside review read a withdrawn phone number from a replay of the
// room. A withdrawn, a hidden and an edited comment leave nothing of their former text in what an
// anonymous socket replays from the start, on both databases.
func TestReplayShowsThePresent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		anon := a.browser(t)
		id := openConsultation(t, a, coord, "post")
		post := func(body string) int64 {
			t.Helper()
			r := rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"`+body+`"}`)
			if r.Status != http.StatusCreated {
				t.Fatalf("post = %d %s", r.Status, r.Body)
			}
			return decode[struct{ ID int64 }](t, r).ID
		}
		ok := func(r response) {
			t.Helper()
			if r.Status != http.StatusOK {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
		}
		withdrawn := post("Rufen Sie mich an: 0361 555 0101")
		hidden := post("Werbung für Geheimtipp-Shop")
		edited := post("Erste Fassung mit Tippfehlr")
		ok(rita.do("POST", fmt.Sprintf("/api/v1/comments/%d/withdraw", withdrawn), ""))
		ok(coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", hidden), `{"action":"hide","reason":"Werbung"}`))
		ok(rita.do("PATCH", fmt.Sprintf("/api/v1/comments/%d", edited), `{"body":"Zweite Fassung ohne Fehler"}`))
		_ = edited

		// Wait until the relay has stored the last event (the edit), then replay from the start.
		deadline := time.Now().Add(10 * time.Second)
		var last int64
		for {
			last = decode[struct {
				LiveSeq int64 `json:"live_seq"`
			}](t, anon.do("GET", fmt.Sprintf("/api/v1/consultations/%d", id), "")).LiveSeq
			if last >= 7 || time.Now().After(deadline) { // three created, withdrawn, decided, removed, edited
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		ws := follow(anon, consultation.Room(id), 0)
		var frames []string
		for {
			ev := next(anon, ws)
			frames = append(frames, ev.Type+" "+string(ev.Data))
			if ev.Seq >= last {
				break
			}
		}
		all := strings.Join(frames, "\n")
		for _, gone := range []string{"0361 555 0101", "Geheimtipp", "Tippfehlr"} {
			if strings.Contains(all, gone) {
				t.Errorf("the replay still holds %q:\n%s", gone, all)
			}
		}
		if !strings.Contains(all, "Zweite Fassung ohne Fehler") {
			t.Errorf("the replay lacks the edited text:\n%s", all)
		}
	})
}
