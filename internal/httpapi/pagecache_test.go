package httpapi_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestAnonymousPagesAreCachedAndDropped: an anonymous reader's first page is answered from the
// cache (a change behind the platform's back stays unseen), a logged-in reader's never; a post,
// a withdrawal, a moderator's hiding and another instance's announcement drop it at once.
func TestAnonymousPagesAreCachedAndDropped(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		anon := a.browser(t)
		id := openConsultation(t, a, coord, "post")
		path := fmt.Sprintf("/api/v1/consultations/%d/comments", id)
		page := func(b *browser) string {
			t.Helper()
			r := b.do("GET", path, "")
			if r.Status != 200 {
				t.Fatalf("page = %d %s", r.Status, r.Body)
			}
			return r.Body
		}
		post := func(body string) commentBody {
			t.Helper()
			r := rita.do("POST", path, `{"body":"`+body+`"}`)
			if r.Status != 201 {
				t.Fatalf("post = %d %s", r.Status, r.Body)
			}
			return decode[commentBody](t, r)
		}
		first := post("Erster Beitrag")
		if !strings.Contains(page(anon), "Erster Beitrag") {
			t.Fatal("the first comment is missing")
		}
		// Behind the platform's back nothing drops the page, once the post's own announcement
		// (relayed a moment after its answer) has dropped it: a later read is the cached one.
		cached := false
		for i := 0; i < 50 && !cached; i++ {
			page(anon)
			marker := fmt.Sprintf("Hintertür %d", i)
			if err := db.Gorm.Exec("UPDATE comments SET html = ? WHERE id = ?", "<p>"+marker+"</p>", first.ID).Error; err != nil {
				t.Fatal(err)
			}
			if cached = !strings.Contains(page(anon), marker); !cached {
				time.Sleep(20 * time.Millisecond)
			}
		}
		if !cached {
			t.Error("the anonymous page was read again each time instead of from the cache")
		}
		if p := page(rita); !strings.Contains(p, "Hintertür") {
			t.Errorf("a logged-in reader got a cached page: %s", p)
		}

		second := post("Zweiter Beitrag")
		if p := page(anon); !strings.Contains(p, "Zweiter Beitrag") || !strings.Contains(p, "Hintertür") {
			t.Errorf("after a post the anonymous page is stale: %s", p)
		}
		if r := rita.do("POST", fmt.Sprintf("/api/v1/comments/%d/withdraw", second.ID), ""); r.Status != 200 {
			t.Fatalf("withdraw = %d %s", r.Status, r.Body)
		}
		if p := page(anon); strings.Contains(p, "Zweiter Beitrag") {
			t.Errorf("a withdrawn text is still on the anonymous page: %s", p)
		}
		if r := coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", first.ID), `{"action":"hide","reason":"Telefonnummer"}`); r.Status != 200 {
			t.Fatalf("hide = %d %s", r.Status, r.Body)
		}
		if p := page(anon); strings.Contains(p, "Hintertür") {
			t.Errorf("a hidden text is still on the anonymous page: %s", p)
		}

		// Another instance's change reaches this one as the room's announcement only.
		third := post("Dritter Beitrag")
		page(anon)
		if err := db.Gorm.Exec("UPDATE comments SET html = '<p>Anderswo geändert</p>' WHERE id = ?", third.ID).Error; err != nil {
			t.Fatal(err)
		}
		a.Live.Published(consultation.Room(id), 1000)
		if !eventually(func() bool { return strings.Contains(page(anon), "Anderswo geändert") }) {
			t.Error("a room's announcement did not drop its cached page")
		}
	})
}

// eventually polls ok for up to five seconds.
func eventually(ok func() bool) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return true
		}
	}
	return false
}

// TestConsultationComesWithItsFirstPage: GET /consultations/{id} carries the first page of its
// comments as the person asking sees them, so the page needs no second round trip.
func TestConsultationComesWithItsFirstPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		id := openConsultation(t, a, coord, "post")
		r := rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"Gleich dabei"}`)
		if r.Status != 201 {
			t.Fatalf("post = %d %s", r.Status, r.Body)
		}
		type withPage struct {
			LiveSeq   int64       `json:"live_seq"`
			FirstPage commentPage `json:"first_page"`
		}
		for _, c := range []struct {
			who *browser
			own bool
		}{{a.browser(t), false}, {rita, true}} {
			got := decode[withPage](t, c.who.do("GET", fmt.Sprintf("/api/v1/consultations/%d", id), ""))
			if len(got.FirstPage.Items) != 1 || !strings.Contains(got.FirstPage.Items[0].HTML, "Gleich dabei") || got.FirstPage.Items[0].IsOwn != c.own {
				t.Errorf("first page (own %v) = %+v", c.own, got.FirstPage)
			}
		}
	})
}
