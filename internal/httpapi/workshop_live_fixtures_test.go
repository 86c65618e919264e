package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// liveWorkshop is a running workshop of a published process of Erfurt, open to guests, set up
// by the district's coordinator over the API.
type liveWorkshop struct {
	t     *testing.T
	a     *app
	coord *browser
	id    int64
	code  string
}

// startWorkshop sets up and starts a workshop in a published process; premoderate holds
// questions for approval.
func startWorkshop(t *testing.T, a *app, premoderate bool) *liveWorkshop {
	t.Helper()
	return startWorkshopIn(t, a, premoderate, true)
}

// startWorkshopIn is startWorkshop in a published process or a draft one (which only its
// coordinators, the workshop's participants and its projector may read).
func startWorkshopIn(t *testing.T, a *app, premoderate, published bool) *liveWorkshop {
	t.Helper()
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	p := decode[processBody](t, coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"Sozialplan"}`))
	coord.do("PUT", fmt.Sprintf("/api/v1/processes/%d/phases", p.ID), phasesJSON)
	if published {
		if r := coord.do("POST", fmt.Sprintf("/api/v1/processes/%d/status", p.ID), `{"status":"published"}`); r.Status != http.StatusOK {
			t.Fatalf("publish = %d %s", r.Status, r.Body)
		}
	}
	body := fmt.Sprintf(`{"title":"Stadtteilabend","starts_at":%q,"guests":true,"chat":true,"premoderate":%t}`,
		time.Now().UTC().Format(time.RFC3339), premoderate)
	r := coord.do("POST", fmt.Sprintf("/api/v1/processes/%d/workshops", p.ID), body)
	if r.Status != http.StatusCreated {
		t.Fatalf("create workshop = %d %s", r.Status, r.Body)
	}
	w := decode[struct {
		ID       int64  `json:"id"`
		JoinCode string `json:"join_code"`
	}](t, r)
	lw := &liveWorkshop{t: t, a: a, coord: coord, id: w.ID, code: w.JoinCode}
	lw.ok(coord, "POST", fmt.Sprintf("/api/v1/workshops/%d/status", w.ID), `{"action":"start"}`)
	return lw
}

func (w *liveWorkshop) room() string { return fmt.Sprintf("workshop:%d", w.id) }

// ok sends a request as b and fails the test unless it answers 200, 201 or 204.
func (w *liveWorkshop) ok(b *browser, method, path, body string) response {
	w.t.Helper()
	r := b.do(method, path, body)
	if r.Status != http.StatusOK && r.Status != http.StatusCreated && r.Status != http.StatusNoContent {
		w.t.Fatalf("%s %s = %d %s", method, path, r.Status, r.Body)
	}
	return r
}

// module prepares a module (body is the ModuleInput) and opens it. Opening sends the module's
// counts (or results) coalesced, a moment later: module waits until they are in the room, so a
// test's socket opened afterwards never starts with them.
func (w *liveWorkshop) module(body string) int64 {
	w.t.Helper()
	id := decode[struct{ ID int64 }](w.t, w.ok(w.coord, "POST", fmt.Sprintf("/api/v1/workshops/%d/modules", w.id), body)).ID
	w.ok(w.coord, "POST", fmt.Sprintf("/api/v1/workshop-modules/%d/state", id), `{"action":"open"}`)
	deadline := time.Now().Add(5 * time.Second)
	for {
		var n int64
		err := w.a.DB.Gorm.Raw("SELECT COUNT(*) FROM room_events WHERE room = ? AND subject = ?", w.room(), fmt.Sprintf("counts:%d", id)).Scan(&n).Error
		if err != nil {
			w.t.Fatal(err)
		}
		if n > 0 {
			return id
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("the counts of module %d never reached the room", id)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

const (
	questionsModule = `{"kind":"questions","title":"Fragen"}`
	boardModule     = `{"kind":"board","title":"Ideen","board":{"columns":["Treffpunkte","Sonstiges"],"dots":3}}`
)

// pollModule is a single-choice poll with three options.
func pollModule(resultsLive bool) string {
	return fmt.Sprintf(`{"kind":"poll","title":"Was fehlt?","poll":{"kind":"single","options":["Treffpunkte","Beratung","Spielplätze"],"results_live":%t}}`, resultsLive)
}

// guest joins as a guest with the join code, in a browser of their own (the guest cookie).
func (w *liveWorkshop) guest(name string) *browser {
	w.t.Helper()
	b := w.a.browser(w.t)
	w.ok(b, "POST", "/api/v1/workshop-guests", fmt.Sprintf(`{"code":%q,"name":%q}`, w.code, name))
	return b
}

// guests joins n guests concurrently.
func (w *liveWorkshop) guests(n int) []*browser {
	w.t.Helper()
	out := make([]*browser, n)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range out {
		out[i] = w.a.browser(w.t)
		wg.Add(1)
		go func(b *browser, i int) {
			defer wg.Done()
			r, err := b.send("POST", "/api/v1/workshop-guests", fmt.Sprintf(`{"code":%q,"name":"Gast %d"}`, w.code, i), "", nil)
			if err == nil && r.Status != http.StatusOK {
				err = fmt.Errorf("guest %d = %d %s", i, r.Status, r.Body)
			}
			if err != nil {
				errs <- err
			}
		}(out[i], i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		w.t.Fatal(err)
	}
	return out
}

// ask asks a question as b and returns its id.
func (w *liveWorkshop) ask(b *browser, module int64, text string) int64 {
	w.t.Helper()
	return decode[struct{ ID int64 }](w.t, w.ok(b, "POST", fmt.Sprintf("/api/v1/workshop-modules/%d/questions", module), fmt.Sprintf(`{"text":%q}`, text))).ID
}

// card adds a card as b and returns its id.
func (w *liveWorkshop) card(b *browser, module int64, text string) int64 {
	w.t.Helper()
	return decode[struct{ ID int64 }](w.t, w.ok(b, "POST", fmt.Sprintf("/api/v1/workshop-modules/%d/cards", module), fmt.Sprintf(`{"text":%q}`, text))).ID
}

// moderate decides on a question as the coordinator.
func (w *liveWorkshop) moderate(question int64, body string) {
	w.t.Helper()
	w.ok(w.coord, "POST", fmt.Sprintf("/api/v1/workshop-questions/%d/moderation", question), body)
}

// wsSession is the part of GET /workshops/{id}/session the tests read.
type wsSession struct {
	LiveSeq int64 `json:"live_seq"`
	Me      *struct {
		ID int64 `json:"id"`
	} `json:"me"`
	Modules []struct {
		Module struct {
			ID   int64  `json:"id"`
			Kind string `json:"kind"`
		} `json:"module"`
		Questions []struct {
			ID    int64  `json:"id"`
			Text  string `json:"text"`
			State string `json:"state"`
			Votes int    `json:"votes"`
		} `json:"questions"`
		Results *pollResults `json:"results"`
		Cards   []struct {
			ID   int64  `json:"id"`
			Text string `json:"text"`
		} `json:"cards"`
	} `json:"modules"`
}

// pollResults is a results.changed frame's data and a snapshot's results.
type pollResults struct {
	ModuleID int64 `json:"module_id"`
	Answers  int   `json:"answers"`
	Options  []int `json:"options"`
}

func (w *liveWorkshop) session(b *browser) wsSession {
	w.t.Helper()
	return decode[wsSession](w.t, w.ok(b, "GET", fmt.Sprintf("/api/v1/workshops/%d/session", w.id), ""))
}

// feed is a live connection read on a goroutine of its own: a message may carry several events
// separated by "\n", each is delivered on its own, and the raw bytes are kept for greps.
type feed struct {
	t      testing.TB
	ws     *websocket.Conn
	events chan liveEvent
	mu     sync.Mutex
	raw    bytes.Buffer
	ended  chan struct{}
	err    error // why the reading ended, once ended is closed
}

// listen follows the workshop's room as b from since.
func (w *liveWorkshop) listen(b *browser, since int64) *feed {
	w.t.Helper()
	f := &feed{t: w.t, ws: follow(b, w.room(), since), events: make(chan liveEvent, 4096), ended: make(chan struct{})}
	go f.read()
	return f
}

func (f *feed) read() {
	defer close(f.ended)
	for {
		_, msg, err := f.ws.ReadMessage()
		if err != nil {
			f.err = err
			return
		}
		f.mu.Lock()
		f.raw.Write(msg)
		f.raw.WriteByte('\n')
		f.mu.Unlock()
		for _, line := range bytes.Split(msg, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			var ev liveEvent
			if err := json.Unmarshal(line, &ev); err != nil {
				f.err = fmt.Errorf("undecodable frame %q: %w", line, err)
				return
			}
			f.events <- ev
		}
	}
}

// next is the next event, failing the test after a few seconds.
func (f *feed) next() liveEvent {
	f.t.Helper()
	select {
	case ev := <-f.events:
		return ev
	case <-f.ended:
		select {
		case ev := <-f.events:
			return ev
		default:
		}
		f.t.Fatalf("connection ended: %v", f.err)
	case <-time.After(5 * time.Second):
		f.t.Fatal("no live event within 5 s")
	}
	return liveEvent{}
}

// until reads events until one satisfies ok and returns it with those before it.
func (f *feed) until(ok func(liveEvent) bool) (liveEvent, []liveEvent) {
	f.t.Helper()
	var before []liveEvent
	for {
		ev := f.next()
		if ok(ev) {
			return ev, before
		}
		before = append(before, ev)
	}
}

// quiet fails the test if an event arrives within d.
func (f *feed) quiet(d time.Duration, why string) {
	f.t.Helper()
	select {
	case ev := <-f.events:
		f.t.Fatalf("%s: got #%d %s %s", why, ev.Seq, ev.Type, ev.Data)
	case <-time.After(d):
	}
}

// settle reads until no event arrived for d and returns what it read.
func (f *feed) settle(d time.Duration) []liveEvent {
	f.t.Helper()
	var out []liveEvent
	for {
		select {
		case ev := <-f.events:
			out = append(out, ev)
		case <-time.After(d):
			return out
		}
	}
}

// rawBytes is everything the connection received so far.
func (f *feed) rawBytes() []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return bytes.Clone(f.raw.Bytes())
}

// resultsOf decodes a results.changed frame.
func resultsOf(t testing.TB, ev liveEvent) pollResults {
	t.Helper()
	var r pollResults
	if err := json.Unmarshal(ev.Data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// isResults matches the results.changed frames of a poll.
func isResults(module int64) func(liveEvent) bool {
	return func(ev liveEvent) bool {
		var r pollResults
		return ev.Type == "results.changed" && json.Unmarshal(ev.Data, &r) == nil && r.ModuleID == module
	}
}

// voteCounts is a counts.changed frame's data: the up-votes (or dots) by id.
type voteCounts struct {
	ModuleID int64 `json:"module_id"`
	Counts   []struct {
		ID int64 `json:"id"`
		N  int   `json:"n"`
	} `json:"counts"`
}

// countOf is the count of id in a counts.changed frame of the module, and whether ev is one.
func countOf(ev liveEvent, module, id int64) (int, bool) {
	var c voteCounts
	if ev.Type != "counts.changed" || json.Unmarshal(ev.Data, &c) != nil || c.ModuleID != module {
		return 0, false
	}
	for _, x := range c.Counts {
		if x.ID == id {
			return x.N, true
		}
	}
	return 0, true
}

// connErr is why the connection's reading ended, nil while it is open.
func connErr(f *feed) error {
	select {
	case <-f.ended:
		return f.err
	default:
		return nil
	}
}
