package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

type commentBody struct {
	ID        int64  `json:"id"`
	Status    string `json:"status"`
	HTML      string `json:"html"`
	Supports  int    `json:"supports"`
	Replies   int    `json:"replies"`
	Supported bool   `json:"supported"`
	Reason    string `json:"reason"`
	IsOwn     bool   `json:"is_own"`
	Response  *struct {
		HTML string `json:"html"`
	} `json:"response"`
}

type commentPage struct {
	Items      []commentBody `json:"items"`
	NextCursor string        `json:"next_cursor"`
}

// openConsultation creates, as Karl, an open consultation on a published process of Erfurt.
func openConsultation(t testing.TB, a *app, coord *browser, moderation string) int64 {
	t.Helper()
	p := decode[processBody](t, coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"Sozialplan"}`))
	coord.do("PUT", fmt.Sprintf("/api/v1/processes/%d/phases", p.ID), phasesJSON)
	coord.do("POST", fmt.Sprintf("/api/v1/processes/%d/status", p.ID), `{"status":"published"}`)
	body := strings.Replace(consultationJSON("everyone"), `"moderation":"post"`, `"moderation":"`+moderation+`"`, 1)
	r := coord.do("POST", fmt.Sprintf("/api/v1/processes/%d/consultations", p.ID), body)
	if r.Status != 201 {
		t.Fatalf("consultation = %d %s", r.Status, r.Body)
	}
	return decode[struct{ ID int64 }](t, r).ID
}

func TestPreModeratedConsultationGoesLive(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		dora := a.browser(t).login("traeger", "demo-traeger-diakonie")
		anon := a.browser(t)
		id := openConsultation(t, a, coord, "pre")
		c := decode[struct {
			State      string `json:"state"`
			Room       string `json:"room"`
			LiveSeq    int64  `json:"live_seq"`
			CanComment bool   `json:"can_comment"`
			Sections   []struct {
				ID   int64  `json:"id"`
				HTML string `json:"html"`
			} `json:"sections"`
		}](t, rita.do("GET", fmt.Sprintf("/api/v1/consultations/%d", id), ""))
		if c.State != "open" || !c.CanComment || len(c.Sections) != 2 || c.Room != fmt.Sprintf("consultation:%d", id) {
			t.Fatalf("consultation = %+v", c)
		}

		ws, _, err := anon.dial(fmt.Sprintf("/api/v1/live?room=%s&since=%d", c.Room, c.LiveSeq))
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()

		r := rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), fmt.Sprintf(`{"body":"Mehr **Bänke** am Anger","section_id":%d}`, c.Sections[0].ID))
		cm := decode[commentBody](t, r)
		if r.Status != 201 || cm.Status != "pending" || !strings.Contains(cm.HTML, "<strong>Bänke</strong>") {
			t.Fatalf("comment = %d %s", r.Status, r.Body)
		}
		if page := decode[commentPage](t, anon.do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments", id), "")); len(page.Items) != 0 {
			t.Errorf("a pending comment is public: %+v", page.Items)
		}
		if page := decode[commentPage](t, rita.do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments", id), "")); len(page.Items) != 1 {
			t.Errorf("the author does not see her pending comment")
		}
		queue := decode[commentPage](t, coord.do("GET", fmt.Sprintf("/api/v1/consultations/%d/moderation-queue", id), ""))
		if len(queue.Items) != 1 || queue.Items[0].ID != cm.ID {
			t.Fatalf("queue = %+v", queue)
		}
		if r := coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", cm.ID), `{"action":"approve"}`); r.Status != 200 {
			t.Fatalf("approve = %d %s", r.Status, r.Body)
		}
		// The approval reaches the watching browser: the decision, then the comment.
		if ev := next(anon, ws); ev.Type != "moderation.decided" {
			t.Errorf("first event = %+v", ev)
		}
		ev := next(anon, ws)
		if ev.Type != "comment.created" || !strings.Contains(string(ev.Data), "Bänke") || strings.Contains(string(ev.Data), "demo-") {
			t.Errorf("live event = %s %s", ev.Type, ev.Data)
		}
		if r := dora.do("PUT", fmt.Sprintf("/api/v1/comments/%d/support", cm.ID), ""); r.Status != 200 || !strings.Contains(r.Body, `"supports":1`) {
			t.Errorf("support = %d %s", r.Status, r.Body)
		}
		if ev := next(anon, ws); ev.Type != "comment.supports" || !strings.Contains(string(ev.Data), `"supports":1`) {
			t.Errorf("support event = %s %s", ev.Type, ev.Data)
		}
		if r := dora.do("PUT", fmt.Sprintf("/api/v1/comments/%d/support", cm.ID), ""); r.Status != 409 {
			t.Errorf("second support = %d", r.Status)
		}
		if got := decode[commentBody](t, dora.do("DELETE", fmt.Sprintf("/api/v1/comments/%d/support", cm.ID), "")); got.Supported || got.Supports != 0 {
			t.Errorf("unsupport answer = %+v", got)
		}
		dora.do("PUT", fmt.Sprintf("/api/v1/comments/%d/support", cm.ID), "")
		// The unsupport's count and the new one: counts of one comment relayed together are
		// coalesced (only the newest is stored), so one or two events, the last saying 1.
		for ev := next(anon, ws); !strings.Contains(string(ev.Data), `"supports":1`); ev = next(anon, ws) {
			if ev.Type != "comment.supports" {
				t.Fatalf("event = %s %s, want comment.supports", ev.Type, ev.Data)
			}
		}
		if r := coord.do("PUT", fmt.Sprintf("/api/v1/comments/%d/response", cm.ID), `{"body":"Wir prüfen das bis Juni."}`); r.Status != 200 {
			t.Fatalf("response = %d %s", r.Status, r.Body)
		}
		if ev := next(anon, ws); ev.Type != "response.created" {
			t.Errorf("response event = %s", ev.Type)
		}
		page := decode[commentPage](t, dora.do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments", id), ""))
		if len(page.Items) != 1 || !page.Items[0].Supported || page.Items[0].Response == nil || !strings.Contains(page.Items[0].Response.HTML, "Juni") {
			t.Errorf("list as Dora = %+v", page.Items)
		}
		// An action answers with the comment as complete as the list shows it.
		pinned := decode[commentBody](t, coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", cm.ID), `{"action":"pin"}`))
		if pinned.Response == nil || pinned.Supports != 1 {
			t.Errorf("pin answer = %+v", pinned)
		}
		// After the window closes, supporting is over too.
		if err := db.Gorm.Exec("UPDATE consultations SET closes_at = ? WHERE id = ?", time.Now().UTC().Add(-time.Minute), id).Error; err != nil {
			t.Fatal(err)
		}
		if r := rita.do("PUT", fmt.Sprintf("/api/v1/comments/%d/support", cm.ID), ""); r.Status != 409 || !strings.Contains(r.Body, "consultation_closed") {
			t.Errorf("support after closing = %d %s", r.Status, r.Body)
		}
		log := anon.do("GET", fmt.Sprintf("/api/v1/consultations/%d/moderation-log", id), "")
		if !strings.Contains(log.Body, `"action":"approve"`) || strings.Contains(log.Body, "Rita") || strings.Contains(log.Body, "Karl") {
			t.Errorf("moderation log = %s", log.Body)
		}
	})
}

func TestRejectionReplyWithdrawAndEditWindow(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	rita := a.browser(t).login("buerger", "demo-buergerin")
	arne := a.browser(t).login("traeger", "demo-traeger-awo")
	id := openConsultation(t, a, coord, "post")
	post := func(b *browser, body string) commentBody {
		r := b.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), body)
		if r.Status != 201 {
			t.Fatalf("post = %d %s", r.Status, r.Body)
		}
		return decode[commentBody](t, r)
	}
	top := post(rita, `{"body":"Der Bus fährt zu selten"}`)
	reply := post(arne, fmt.Sprintf(`{"body":"Stimmt","parent_id":%d}`, top.ID))
	bad := post(arne, `{"body":"Kauft bei uns!"}`)

	if r := coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", bad.ID), `{"action":"reject"}`); r.Status != 422 {
		t.Errorf("reject without reason = %d", r.Status)
	}
	if r := coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", bad.ID), `{"action":"reject","reason":"Werbung"}`); r.Status != 200 {
		t.Fatalf("reject = %d %s", r.Status, r.Body)
	}
	mine := decode[commentPage](t, arne.do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments", id), ""))
	seen := false
	for _, c := range mine.Items {
		if c.ID == bad.ID && c.Status == "rejected" && c.Reason == "Werbung" {
			seen = true
		}
	}
	if !seen {
		t.Errorf("the author does not see the rejection and its reason: %+v", mine.Items)
	}
	if r := a.browser(t).do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments", id), ""); strings.Contains(r.Body, "Kauft") {
		t.Error("a rejected comment is public")
	}

	if r := arne.do("PATCH", fmt.Sprintf("/api/v1/comments/%d", top.ID), `{"body":"fremd"}`); r.Status != 403 {
		t.Errorf("editing another's comment = %d", r.Status)
	}
	if r := rita.do("PATCH", fmt.Sprintf("/api/v1/comments/%d", top.ID), `{"body":"Der Bus fährt **viel** zu selten"}`); r.Status != 200 || !strings.Contains(decode[commentBody](t, r).HTML, "<strong>viel</strong>") {
		t.Errorf("edit = %d %s", r.Status, r.Body)
	}
	if err := a.DB.Gorm.Exec("UPDATE comments SET created_at = ? WHERE id = ?", time.Now().UTC().Add(-16*time.Minute), top.ID).Error; err != nil {
		t.Fatal(err)
	}
	if r := rita.do("PATCH", fmt.Sprintf("/api/v1/comments/%d", top.ID), `{"body":"zu spät"}`); r.Status != 409 || !strings.Contains(r.Body, "edit_window_over") {
		t.Errorf("edit after 15 minutes = %d %s", r.Status, r.Body)
	}
	if r := rita.do("POST", fmt.Sprintf("/api/v1/comments/%d/withdraw", top.ID), ""); r.Status != 200 {
		t.Fatalf("withdraw = %d", r.Status)
	}
	page := decode[commentPage](t, a.browser(t).do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments", id), ""))
	var withdrawn *commentBody
	for i := range page.Items {
		if page.Items[i].ID == top.ID {
			withdrawn = &page.Items[i]
		}
	}
	if withdrawn == nil || withdrawn.Status != "withdrawn" || withdrawn.HTML != "" || withdrawn.Replies != 1 {
		t.Errorf("withdrawn comment = %+v", withdrawn)
	}
	replies := decode[commentPage](t, a.browser(t).do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments?parent=%d", id, top.ID), ""))
	if len(replies.Items) != 1 || replies.Items[0].ID != reply.ID {
		t.Errorf("replies after withdrawal = %+v", replies.Items)
	}
}

func TestHostileCommentsAreStoredAndShownHarmlessly(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(t, a, coord, "post")
	bodies := []string{
		`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `[klick](javascript:alert(1))`,
		`<a href="javascript:alert(1)">x</a>`, `<svg onload=alert(1)>`, `<p onclick="alert(1)">x`, "<b><i>kaputt",
		`<iframe src="https://evil.example"></iframe>`, `[x](data:text/html;base64,PHNjcmlwdD4=)`,
	}
	for i, body := range bodies {
		// Each from a fresh login of another person would be slow; the coordinator's limit is 5 a minute.
		b := coord
		if i >= 4 {
			b = a.browser(t).login("verwaltung", "demo-admin")
			if i >= 8 {
				b = a.browser(t).login("buerger", "demo-buergerin")
			}
		}
		raw, _ := json.Marshal(map[string]string{"body": body})
		r := b.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), string(raw))
		if r.Status != 201 {
			t.Fatalf("%q: %d %s", body, r.Status, r.Body)
		}
		cm := decode[commentBody](t, r)
		for _, bad := range []string{"<script", "onerror", "onload", "onclick", "javascript:", "<iframe", "<svg", "data:text"} {
			if strings.Contains(strings.ToLower(cm.HTML), bad) {
				t.Errorf("%q shown with %s: %s", body, bad, cm.HTML)
			}
		}
	}
	huge, _ := json.Marshal(map[string]string{"body": strings.Repeat("A", 1<<20)})
	if r := a.browser(t).login("traeger", "demo-traeger-awo").do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), string(huge)); r.Status != 400 && r.Status != 413 {
		t.Errorf("1 MB comment = %d %.200s", r.Status, r.Body)
	}
	var count int64
	a.DB.Gorm.Table("comments").Count(&count)
	if count != int64(len(bodies)) {
		t.Errorf("%d comments stored, want %d", count, len(bodies))
	}
}

func TestPostingIsRateLimited(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(t, a, coord, "post")
	rita := a.browser(t).login("buerger", "demo-buergerin")
	var last response
	for i := 0; i < 6; i++ {
		last = rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), fmt.Sprintf(`{"body":"Nummer %d"}`, i))
	}
	if last.Status != 429 || last.Header.Get("Retry-After") == "" || !strings.Contains(last.Body, "rate_limited") {
		t.Errorf("sixth comment in a row = %d %v %s", last.Status, last.Header.Get("Retry-After"), last.Body)
	}
}

func TestReconnectGetsExactlyTheMissedEvents(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(t, a, coord, "post")
	room := fmt.Sprintf("consultation:%d", id)
	watcher := a.browser(t)
	ws, _, err := watcher.dial("/api/v1/live?room=" + room)
	if err != nil {
		t.Fatal(err)
	}
	coord.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"eins"}`)
	first := next(watcher, ws)
	ws.Close()
	coord.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"zwei"}`)
	coord.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"drei"}`)
	ws, _, err = watcher.dial(fmt.Sprintf("/api/v1/live?room=%s&since=%d", room, first.Seq))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	a2, b3 := next(watcher, ws), next(watcher, ws)
	if a2.Seq != first.Seq+1 || b3.Seq != first.Seq+2 || !strings.Contains(string(a2.Data), "zwei") || !strings.Contains(string(b3.Data), "drei") {
		t.Errorf("after reconnect: %d %s, %d %s", a2.Seq, a2.Data, b3.Seq, b3.Data)
	}
	coord.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"vier"}`)
	if ev := next(watcher, ws); ev.Seq != first.Seq+3 {
		t.Errorf("live after replay: seq %d", ev.Seq)
	}
}

func TestExportAsCSVAndXLSX(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(t, a, coord, "post")
	rita := a.browser(t).login("buerger", "demo-buergerin")
	cm := decode[commentBody](t, rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"=HYPERLINK(\"http://evil\") mehr Licht"}`))
	coord.do("PUT", fmt.Sprintf("/api/v1/comments/%d/response", cm.ID), `{"body":"Wird umgesetzt"}`)
	csv := coord.do("GET", fmt.Sprintf("/api/v1/consultations/%d/export?format=csv", id), "")
	if csv.Status != 200 || !strings.HasPrefix(csv.Header.Get("Content-Type"), "text/csv") || !strings.Contains(csv.Body, "Rita Rathaus") ||
		!strings.Contains(csv.Body, "Wird umgesetzt") || !strings.Contains(csv.Body, "'=HYPERLINK") || !strings.Contains(csv.Body, ";veröffentlicht;") {
		t.Errorf("csv = %d %v\n%s", csv.Status, csv.Header, csv.Body)
	}
	x := coord.do("GET", fmt.Sprintf("/api/v1/consultations/%d/export?format=xlsx", id), "")
	f, err := excelize.OpenReader(bytes.NewReader([]byte(x.Body)))
	if err != nil {
		t.Fatalf("xlsx does not open: %v", err)
	}
	rows, err := f.GetRows("Beteiligung")
	if err != nil || len(rows) != 2 || rows[1][3] != "Rita Rathaus" || rows[1][10] != "Wird umgesetzt" {
		t.Errorf("xlsx rows = %v, %v", rows, err)
	}
}

func TestCommentSearchInGerman(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		id := openConsultation(t, a, coord, "post")
		for _, body := range []string{"Wir brauchen Spielplätze", "Der Spielplatz ist kaputt", "Mehr Busse"} {
			coord.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"`+body+`"}`)
		}
		page := decode[commentPage](t, a.browser(t).do("GET", fmt.Sprintf("/api/v1/consultations/%d/comments?q=Spielpl%%C3%%A4tze", id), ""))
		if len(page.Items) != 2 {
			t.Errorf("search found %d, want both forms of Spielplatz", len(page.Items))
		}
	})
}
