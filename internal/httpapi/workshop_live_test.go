package httpapi_test

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// parallel runs f for every browser at once and fails the test with the first error.
func parallel(t *testing.T, bs []*browser, f func(i int, b *browser) error) {
	t.Helper()
	errs := make(chan error, len(bs))
	var wg sync.WaitGroup
	for i, b := range bs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(i, b); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// sendOK is send that also requires a status, for goroutines.
func sendOK(b *browser, status int, method, path, body string) error {
	r, err := b.send(method, path, body, "", nil)
	if err == nil && r.Status != status {
		err = fmt.Errorf("%s %s = %d %s", method, path, r.Status, r.Body)
	}
	return err
}

// TestWorkshopLiveLateJoiner: after questions, 50 up-votes, 30 poll answers and cards, a new
// participant's snapshot shows the present at once, and following the room from its live_seq
// replays nothing of the past; the next change arrives live.
func TestWorkshopLiveLateJoiner(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		w := startWorkshop(t, a, false)
		qm, pm, bm := w.module(questionsModule), w.module(pollModule(true)), w.module(boardModule)
		fac := w.listen(w.coord, w.session(w.coord).LiveSeq)
		people := w.guests(50)
		q1 := w.ask(people[0], qm, "Wann öffnet der Jugendtreff?")
		q2 := w.ask(people[1], qm, "Gibt es mehr Schulsozialarbeit?")
		parallel(t, people, func(i int, b *browser) error {
			if err := sendOK(b, 200, "PUT", fmt.Sprintf("/api/v1/workshop-questions/%d/vote", q1), ""); err != nil || i >= 10 {
				return err
			}
			return sendOK(b, 200, "PUT", fmt.Sprintf("/api/v1/workshop-questions/%d/vote", q2), "")
		})
		parallel(t, people[:30], func(i int, b *browser) error {
			return sendOK(b, 200, "PUT", fmt.Sprintf("/api/v1/workshop-modules/%d/answer", pm), fmt.Sprintf(`{"values":[%d]}`, i%3))
		})
		cards := []int64{w.card(people[2], bm, "Bank am Spielplatz"), w.card(people[3], bm, "Sprechstunde im Stadtteil")}

		// The facilitator's socket has the final counts and results; then the room is quiet.
		var votesDone, resultsDone bool
		for !votesDone || !resultsDone {
			ev := fac.next()
			if n1, ok := countOf(ev, qm, q1); ok {
				n2, _ := countOf(ev, qm, q2)
				votesDone = n1 == 50 && n2 == 10
			}
			if isResults(pm)(ev) {
				resultsDone = resultsOf(t, ev).Answers == 30
			}
		}
		fac.settle(300 * time.Millisecond)

		late := w.guest("Nachzüglerin")
		s := w.session(late)
		votes := map[int64]int{}
		var results *pollResults
		var texts []string
		for _, m := range s.Modules {
			for _, q := range m.Questions {
				votes[q.ID] = q.Votes
			}
			if m.Module.ID == pm {
				results = m.Results
			}
			for _, c := range m.Cards {
				texts = append(texts, c.Text)
			}
		}
		if votes[q1] != 50 || votes[q2] != 10 {
			t.Errorf("snapshot votes = %v, want %d:50 %d:10", votes, q1, q2)
		}
		if results == nil || results.Answers != 30 || fmt.Sprint(results.Options) != "[10 10 10]" {
			t.Errorf("snapshot results = %+v, want 30 answers, 10 each", results)
		}
		if slices.Sort(texts); len(cards) != 2 || fmt.Sprint(texts) != "[Bank am Spielplatz Sprechstunde im Stadtteil]" {
			t.Errorf("snapshot cards = %q", texts)
		}

		f := w.listen(late, s.LiveSeq)
		f.quiet(400*time.Millisecond, "a late joiner was replayed the past")
		w.card(people[4], bm, "Leihladen")
		ev := f.next()
		if ev.Type != "card.changed" || ev.Seq <= s.LiveSeq || !strings.Contains(string(ev.Data), "Leihladen") {
			t.Errorf("the late joiner's first frame = #%d %s %s, want the new card after #%d", ev.Seq, ev.Type, ev.Data, s.LiveSeq)
		}
	})
}

// roomSeqs are the stored events of the room after seq for the audiences, in order.
func roomSeqs(t *testing.T, db *store.DB, room string, after int64, audiences ...string) []int64 {
	t.Helper()
	var seqs []int64
	err := db.Gorm.Raw("SELECT seq FROM room_events WHERE room = ? AND seq > ? AND audience IN ? ORDER BY seq", room, after, audiences).Scan(&seqs).Error
	if err != nil {
		t.Fatal(err)
	}
	return seqs
}

// drained waits until the outbox is empty: every committed event is numbered in the room.
func drained(t *testing.T, db *store.DB) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var n int64
		if err := db.Gorm.Raw("SELECT COUNT(*) FROM outbox").Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d events still in the outbox", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestWorkshopLiveReconnect: a participant who saw up to seq S and reconnects with since=S after
// changes gets exactly the stored frames of their audiences after S (their own pending question,
// not another's), none twice, then the live ones.
func TestWorkshopLiveReconnect(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		w := startWorkshop(t, a, true)
		qm, bm := w.module(questionsModule), w.module(boardModule)
		rita := a.browser(t).login("buerger", "demo-buergerin")
		w.ok(rita, "POST", fmt.Sprintf("/api/v1/workshops/%d/join", w.id), "")
		people := w.guests(3)
		fac := w.listen(w.coord, w.session(w.coord).LiveSeq)

		f := w.listen(rita, w.session(rita).LiveSeq)
		w.card(people[0], bm, "Erste Karte")
		seen := f.next()
		s := seen.Seq
		_ = f.ws.Close()

		mine := w.ask(rita, qm, "Ritas Frage, noch nicht freigegeben")
		other := w.ask(people[1], qm, "Frage eines Gastes")
		w.moderate(other, `{"action":"approve"}`)
		for i, b := range people {
			w.card(b, bm, fmt.Sprintf("Karte %d", i))
		}
		w.ok(rita, "PUT", fmt.Sprintf("/api/v1/workshop-questions/%d/vote", other), "")
		own := w.ask(w.coord, qm, "Frage der Moderation")
		if _, before := fac.until(func(ev liveEvent) bool { n, ok := countOf(ev, qm, other); return ok && n == 1 }); len(before) == 0 {
			t.Fatal("the facilitator heard nothing before the counts")
		}
		drained(t, db)
		fac.settle(300 * time.Millisecond)

		want := roomSeqs(t, db, w.room(), s, "everyone", fmt.Sprintf("user:%d", rita.me().ID))
		again := w.listen(rita, s)
		var got []int64
		var frames []string
		for range want {
			ev := again.next()
			got, frames = append(got, ev.Seq), append(frames, ev.Type+" "+string(ev.Data))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("replay after #%d = %v, want %v", s, got, want)
		}
		all := strings.Join(frames, "\n")
		for _, text := range []string{"Ritas Frage", "Frage eines Gastes", "Karte 2", "Frage der Moderation"} {
			if !strings.Contains(all, text) {
				t.Errorf("the replay lacks %q:\n%s", text, all)
			}
		}
		_, _ = mine, own
		again.quiet(200*time.Millisecond, "a frame beyond the stored ones")
		w.card(people[2], bm, "Nach dem Wiederverbinden")
		if ev := again.next(); ev.Seq <= got[len(got)-1] || !strings.Contains(string(ev.Data), "Nach dem Wiederverbinden") {
			t.Errorf("the live frame after the replay = #%d %s, want the new card after #%d", ev.Seq, ev.Data, got[len(got)-1])
		}
	})
}

// TestWorkshopLiveGuestAccess: a guest's cookie admits them to their workshop's room only; an
// anonymous reader follows a workshop of a published process but hears no pending question; a
// workshop of a draft process is the participants' alone, and a guest still reads it once it
// ended.
func TestWorkshopLiveGuestAccess(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		open, draft := startWorkshop(t, a, true), startWorkshopIn(t, a, true, false)
		qm := open.module(questionsModule)
		guestA, guestB := open.guest("Gast A"), draft.guest("Gast B")
		if s := guestA.dialStatus("/api/v1/live?room=" + draft.room()); s != http.StatusForbidden {
			t.Errorf("a guest of workshop A follows workshop B: %d, want 403", s)
		}
		anon := a.browser(t)
		if s := anon.dialStatus("/api/v1/live?room=" + draft.room()); s != http.StatusForbidden {
			t.Errorf("an anonymous reader follows a workshop of a draft process: %d, want 403", s)
		}
		reader := open.listen(anon, open.session(anon).LiveSeq)
		open.ask(guestA, qm, "Eine Frage vor der Freigabe")
		marker := open.ask(open.coord, qm, "Frage der Moderation")
		if ev := reader.next(); ev.Type != "question.changed" || !strings.Contains(string(ev.Data), fmt.Sprintf(`"id":%d`, marker)) {
			t.Errorf("the anonymous reader's first frame = %s %s, want the facilitator's question", ev.Type, ev.Data)
		}
		if bytes.Contains(reader.rawBytes(), []byte("vor der Freigabe")) {
			t.Error("the anonymous reader heard a pending question")
		}

		guestFeed := draft.listen(guestB, draft.session(guestB).LiveSeq)
		draft.ok(draft.coord, "POST", fmt.Sprintf("/api/v1/workshops/%d/status", draft.id), `{"action":"end"}`)
		if ev := guestFeed.next(); ev.Type != "workshop.changed" || !strings.Contains(string(ev.Data), `"status":"ended"`) || !strings.Contains(string(ev.Data), `"actions":[]`) {
			t.Errorf("the guest's frame = %s %s, want the end", ev.Type, ev.Data)
		}
		if s := guestB.dialStatus("/api/v1/live?room=" + draft.room()); s != http.StatusSwitchingProtocols {
			t.Errorf("a guest of an ended workshop follows it: %d, want 101", s)
		}
		if r := guestB.do("GET", fmt.Sprintf("/api/v1/workshops/%d/session", draft.id), ""); r.Status != http.StatusOK {
			t.Errorf("a guest of an ended workshop reads it: %d %s", r.Status, r.Body)
		}
	})
}

// TestWorkshopLivePendingQuestionAudiences: a pending question reaches the facilitators and its
// author (a guest, by the cookie on the websocket), live and in a replay, never another
// participant or an anonymous reader; approved, it reaches everyone; hidden, its frame has no
// text, and no replay of anyone holds the text any more.
func TestWorkshopLivePendingQuestionAudiences(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		w := startWorkshop(t, a, true)
		qm := w.module(questionsModule)
		author, other := w.guest("Fragende"), w.guest("Anderer Gast")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		w.ok(rita, "POST", fmt.Sprintf("/api/v1/workshops/%d/join", w.id), "")
		anon := a.browser(t)
		base := w.session(anon).LiveSeq
		feeds := map[string]*feed{"facilitator": w.listen(w.coord, base), "author": w.listen(author, base),
			"guest": w.listen(other, base), "resident": w.listen(rita, base), "anonymous": w.listen(anon, base)}

		const text = "Warum schließt die Bücherei am Roten Berg?"
		q := w.ask(author, qm, text)
		for _, who := range []string{"facilitator", "author"} {
			if ev := feeds[who].next(); ev.Type != "question.changed" || !strings.Contains(string(ev.Data), text) || !strings.Contains(string(ev.Data), `"pending"`) {
				t.Errorf("the %s's first frame = %s %s, want the pending question", who, ev.Type, ev.Data)
			}
		}
		for _, who := range []string{"guest", "resident", "anonymous"} {
			feeds[who].quiet(200*time.Millisecond, "the "+who+" heard a pending question")
		}
		replays := map[string]*browser{"guest": other, "resident": rita, "anonymous": anon}
		for who, b := range replays {
			w.listen(b, base).quiet(200*time.Millisecond, "the "+who+"'s replay has a pending question")
		}
		if ev := w.listen(author, base).next(); !strings.Contains(string(ev.Data), text) {
			t.Errorf("the author's replay = %s %s, want the pending question", ev.Type, ev.Data)
		}

		// A logged-in author's pending question, hidden without approval.
		const private = "Ritas Frage zur Mieterhöhung"
		mine := w.ask(rita, qm, private)
		for _, who := range []string{"facilitator", "resident"} {
			if ev := feeds[who].next(); !strings.Contains(string(ev.Data), private) {
				t.Errorf("the %s's frame = %s %s, want the resident's pending question", who, ev.Type, ev.Data)
			}
		}
		w.moderate(mine, `{"action":"hide","reason":"Persönliche Angelegenheit"}`)
		for who, f := range feeds {
			ev, _ := f.until(func(ev liveEvent) bool { return strings.Contains(string(ev.Data), `"hidden"`) })
			if strings.Contains(string(ev.Data), "Miet") {
				t.Errorf("the %s's frame = %s %s, want the hidden question without text", who, ev.Type, ev.Data)
			}
			f.settle(200 * time.Millisecond) // its copies for the facilitators and the author, the counts
		}

		w.moderate(q, `{"action":"approve"}`)
		for who, f := range feeds {
			if ev, _ := f.until(func(ev liveEvent) bool { return ev.Type == "question.changed" }); !strings.Contains(string(ev.Data), text) || !strings.Contains(string(ev.Data), `"visible"`) {
				t.Errorf("the %s's frame after approval = %s %s", who, ev.Type, ev.Data)
			}
		}
		w.moderate(q, `{"action":"hide","reason":"Bitte sachlich bleiben"}`)
		for who, f := range feeds {
			ev, _ := f.until(func(ev liveEvent) bool { return strings.Contains(string(ev.Data), `"hidden"`) })
			if strings.Contains(string(ev.Data), "Bücherei") {
				t.Errorf("the %s's hidden question still has its text: %s", who, ev.Data)
			}
		}
		drained(t, db)
		last := decode[struct {
			LiveSeq int64 `json:"live_seq"`
		}](t, w.ok(anon, "GET", fmt.Sprintf("/api/v1/workshops/%d/session", w.id), "")).LiveSeq
		replays["facilitator"], replays["author"] = w.coord, author
		for who, b := range replays {
			f := w.listen(b, base)
			f.until(func(ev liveEvent) bool { return ev.Seq >= last })
			f.settle(100 * time.Millisecond)
			if raw := f.rawBytes(); bytes.Contains(raw, []byte("Bücherei")) || bytes.Contains(raw, []byte("Miet")) {
				t.Errorf("the %s's replay after hiding still holds the text:\n%s", who, raw)
			}
		}
	})
}

// TestWorkshopLiveResultsNotLive: with results_live off, the facilitators and the projector (by
// its key's cookie) hear the results as they come; the participants hear none until the poll
// closes, then the final ones.
func TestWorkshopLiveResultsNotLive(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		w := startWorkshop(t, a, false)
		pm, bm := w.module(pollModule(false)), w.module(boardModule)
		key := decode[struct{ Key string }](t, w.ok(w.coord, "POST", fmt.Sprintf("/api/v1/workshops/%d/projector-key", w.id), "")).Key
		projector := a.browser(t)
		w.ok(projector, "POST", fmt.Sprintf("/api/v1/workshops/%d/projector-session", w.id), fmt.Sprintf(`{"key":%q}`, key))
		people := w.guests(5)
		base := w.session(people[0]).LiveSeq
		fac, proj := w.listen(w.coord, base), w.listen(projector, base)
		participants := []*feed{w.listen(people[0], base), w.listen(people[1], base)}

		parallel(t, people, func(i int, b *browser) error {
			return sendOK(b, 200, "PUT", fmt.Sprintf("/api/v1/workshop-modules/%d/answer", pm), fmt.Sprintf(`{"values":[%d]}`, i%3))
		})
		for name, f := range map[string]*feed{"facilitator": fac, "projector": proj} {
			if ev, _ := f.until(func(ev liveEvent) bool { return isResults(pm)(ev) && resultsOf(t, ev).Answers == 5 }); ev.Seq == 0 {
				t.Errorf("the %s heard no results", name)
			}
		}
		marker := w.card(people[2], bm, "Markierung")
		for i, f := range participants {
			_, before := f.until(func(ev liveEvent) bool { return strings.Contains(string(ev.Data), fmt.Sprintf(`"id":%d,`, marker)) })
			for _, ev := range before {
				if ev.Type == "results.changed" {
					t.Errorf("participant %d heard results of a poll without live results: %s", i, ev.Data)
				}
			}
		}
		w.ok(w.coord, "POST", fmt.Sprintf("/api/v1/workshop-modules/%d/state", pm), `{"action":"close"}`)
		for i, f := range participants {
			ev, _ := f.until(isResults(pm))
			if r := resultsOf(t, ev); r.Answers != 5 || fmt.Sprint(r.Options) != "[2 2 1]" {
				t.Errorf("participant %d's results after closing = %+v", i, r)
			}
		}
	})
}
