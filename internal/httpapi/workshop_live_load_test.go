package httpapi_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestWorkshopLiveCoalescedExactlyOnce: 200 guests answer a poll at once, 50 of them change their
// answer, and each up-votes a question twice at once: the facilitator's last results and counts
// equal the stored answers and votes, each person counted once, in far fewer frames than changes.
// On PostgreSQL, where the writes really run at once (SQLite takes them one by one).
func TestWorkshopLiveCoalescedExactlyOnce(t *testing.T) {
	db := testdb.Postgres(t)
	a := newApp(t, db)
	w := startWorkshop(t, a, false)
	qm, pm := w.module(questionsModule), w.module(pollModule(false))
	q := w.ask(w.coord, qm, "Soll der Treff länger öffnen?")
	fac := w.listen(w.coord, w.session(w.coord).LiveSeq)
	people := w.guests(200)
	want := make([]int, 3)
	for i := range people {
		want[(i+i/150)%3]++ // the last 50 change from option i%3 to the next one
	}
	parallel(t, people, func(i int, b *browser) error {
		answer := fmt.Sprintf("/api/v1/workshop-modules/%d/answer", pm)
		if err := sendOK(b, 200, "PUT", answer, fmt.Sprintf(`{"values":[%d]}`, i%3)); err != nil || i < 150 {
			return err
		}
		return sendOK(b, 200, "PUT", answer, fmt.Sprintf(`{"values":[%d]}`, (i+1)%3))
	})
	vote := fmt.Sprintf("/api/v1/workshop-questions/%d/vote", q)
	parallel(t, append(slices.Clone(people), people...), func(_ int, b *browser) error { return sendOK(b, 200, "PUT", vote, "") })

	var results []pollResults
	votes, countFrames := -1, 0
	take := func(ev liveEvent) {
		if n, ok := countOf(ev, qm, q); ok {
			votes, countFrames = n, countFrames+1
		}
		if isResults(pm)(ev) {
			results = append(results, resultsOf(t, ev))
		}
	}
	for votes != len(people) || len(results) == 0 || results[len(results)-1].Answers != len(people) {
		take(fac.next())
	}
	for _, ev := range fac.settle(300 * time.Millisecond) {
		take(ev)
	}
	var answers, voted int
	if err := db.Gorm.Raw("SELECT COUNT(*) FROM workshop_answers WHERE module_id = ?", pm).Scan(&answers).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Gorm.Raw("SELECT COUNT(*) FROM workshop_question_votes WHERE question_id = ?", q).Scan(&voted).Error; err != nil {
		t.Fatal(err)
	}
	final := results[len(results)-1]
	if final.Answers != answers || answers != len(people) || fmt.Sprint(final.Options) != fmt.Sprint(want) {
		t.Errorf("final results %+v, stored answers %d, want %d answers %v", final, answers, len(people), want)
	}
	if votes != voted || voted != len(people) {
		t.Errorf("final up-votes %d, stored %d, want %d", votes, voted, len(people))
	}
	if len(results) >= 40 || countFrames >= 40 {
		t.Errorf("%d results frames for %d answers, %d counts frames for %d up-votes: not coalesced", len(results), len(people)+50, countFrames, 2*len(people))
	}
	t.Logf("%d results frames for %d answers, %d counts frames for %d up-votes", len(results), len(people)+50, countFrames, 2*len(people))
}

// TestWorkshopLiveSlowClient: a guest's phone that stops reading does not hold up the 20 others
// in a room of fast frames: they receive every frame at once, and the slow one is cut off. Large
// events for the slow guest alone (its audience guest:<id>) fill its socket first, as the
// realtime test does, so that the others' frames stay small. Its 1013 cannot reach it through a
// full socket (the realtime test reads it): its connection ends after the write timeout.
func TestWorkshopLiveSlowClient(t *testing.T) {
	a := newApp(t, testdb.SQLite(t), withSendQueue(16, time.Second))
	w := startWorkshop(t, a, false)
	guest := w.guest("Langsames Telefon")
	me := w.session(guest)
	base := me.LiveSeq

	slowDialer := websocket.Dialer{Jar: guest.http.Jar, HandshakeTimeout: 5 * time.Second,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if tcp, ok := c.(*net.TCPConn); ok {
				_ = tcp.SetReadBuffer(4 << 10)
			}
			return c, err
		}}
	slow, _, err := slowDialer.Dial(strings.Replace(a.URL, "http", "ws", 1)+fmt.Sprintf("/api/v1/live?room=%s&since=%d", w.room(), base),
		http.Header{"Origin": {a.Origin}})
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	const clients, changes = 20, 40
	fast := make([]*feed, clients)
	for i := range fast {
		fast[i] = w.listen(a.browser(t), base)
	}
	blob := strings.Repeat("Stellungnahme ", 64<<10/14) // about 64 KB
	for range 80 {
		emit(t, a, w.room(), fmt.Sprintf("guest:%d", me.Me.ID), blob)
	}

	// Each fast client's frames are timed as they arrive; change i's frame is each one's i-th.
	arrived := make([][]time.Time, clients)
	var wg sync.WaitGroup
	for j, f := range fast {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for len(arrived[j]) < changes {
				select {
				case ev := <-f.events:
					if ev.Type == "workshop.changed" {
						arrived[j] = append(arrived[j], time.Now())
					}
				case <-f.ended:
					if len(f.events) == 0 {
						return
					}
				case <-time.After(10 * time.Second):
					return
				}
			}
		}()
	}
	committed := make([]time.Time, changes)
	for i := range changes {
		w.ok(w.coord, "PUT", fmt.Sprintf("/api/v1/workshops/%d/projector", w.id), fmt.Sprintf(`{"kind":%q}`, []string{"agenda", "join"}[i%2]))
		committed[i] = time.Now()
	}
	wg.Wait()
	var slowest time.Duration
	for j := range fast {
		if len(arrived[j]) != changes {
			t.Fatalf("fast client %d received %d of %d frames (connection: %v)", j, len(arrived[j]), changes, connErr(fast[j]))
		}
		for i, at := range arrived[j] {
			slowest = max(slowest, at.Sub(committed[i]))
		}
	}
	if slowest > 2*time.Second {
		t.Errorf("a frame reached a fast client %v after its change", slowest)
	}
	t.Logf("slowest frame after its change: %v", slowest)

	deadline := time.Now().Add(5 * time.Second)
	for a.Live.Connections() > clients && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := a.Live.Connections(); n != clients {
		t.Fatalf("%d connections open, want the %d fast ones: the slow one was not cut off", n, clients)
	}
}
