package httpapi_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestAnswerPollPaths: a guest who joined answers and changes the answer (counted once, the
// quick path); whoever did not join and another workshop's guest are refused as by the full path
// (the process is not published: no such workshop for them), and so is anyone once the poll
// closed; a facilitator joins on their first answer.
func TestAnswerPollPaths(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		wid, mid := newLivePoll(t, coord)
		other, _ := newLivePoll(t, coord)
		base, _ := url.Parse(a.URL)
		guest := func(token string) *browser {
			g := a.browser(t)
			g.http.Jar.SetCookies(base, []*http.Cookie{{Name: "teilhabe_guest", Value: token}})
			return g
		}
		ours, theirs := guest(seatGuests(t, db, wid, 1)[0]), guest(seatGuests(t, db, other, 1)[0])
		path := fmt.Sprintf("/api/v1/workshop-modules/%d/answer", mid)
		answer := func(who *browser, body string, status int, code string) {
			t.Helper()
			r := who.do("PUT", path, body)
			if r.Status != status || !strings.Contains(r.Body, code) {
				t.Errorf("answer %s = %d %s, want %d %s", body, r.Status, r.Body, status, code)
			}
		}
		answer(ours, `{"values":[1]}`, 200, `"values":[1]`)
		answer(ours, `{"values":[2]}`, 200, `"values":[2]`)
		answer(ours, `{"values":[9]}`, 422, "")
		answer(a.browser(t), `{"values":[1]}`, 404, "workshop_not_found")
		answer(theirs, `{"values":[1]}`, 404, "workshop_not_found")
		answer(coord, `{"values":[0]}`, 200, `"values":[0]`)
		var n int
		if err := db.SQL.QueryRow("SELECT count(*) FROM workshop_answers WHERE module_id = $1", mid).Scan(&n); err != nil || n != 2 {
			t.Errorf("answers stored: %d %v, want 2", n, err)
		}
		if r := coord.do("POST", fmt.Sprintf("/api/v1/workshop-modules/%d/state", mid), `{"action":"close"}`); r.Status != 200 {
			t.Fatalf("close = %d %s", r.Status, r.Body)
		}
		answer(ours, `{"values":[1]}`, 409, "module_not_open")
		r := ours.do("GET", fmt.Sprintf("/api/v1/workshop-modules/%d/results", mid), "")
		if r.Status != 200 || !strings.Contains(r.Body, `"answers":2`) || !strings.Contains(r.Body, `"options":[1,0,1,0]`) {
			t.Errorf("results = %d %s", r.Status, r.Body)
		}
	})
}
