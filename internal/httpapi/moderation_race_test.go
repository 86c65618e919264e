package httpapi_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestConcurrentChangesAreNotLost: a moderator pins a comment while its author edits it; both
// apply, one after the other, and the comment ends pinned and edited, never with one change
// undone by the other's write of the whole row.
func TestConcurrentChangesAreNotLost(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db, withPostLimit(time.Nanosecond, 1<<30))
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		id := openConsultation(t, a, coord, "post")
		for round := range 8 {
			r := rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), fmt.Sprintf(`{"body":"Beitrag %d"}`, round))
			if r.Status != 201 {
				t.Fatalf("post = %d %s", r.Status, r.Body)
			}
			cm := decode[commentBody](t, r)
			var wg sync.WaitGroup
			var pin, edit int
			wg.Go(func() {
				pin = coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", cm.ID), `{"action":"pin"}`).Status
			})
			wg.Go(func() {
				edit = rita.do("PATCH", fmt.Sprintf("/api/v1/comments/%d", cm.ID), `{"body":"Beitrag, ergänzt"}`).Status
			})
			wg.Wait()
			if pin != 200 || edit != 200 {
				t.Fatalf("round %d: pin %d, edit %d", round, pin, edit)
			}
			var row struct {
				Body   string
				Pinned bool
			}
			if err := db.Gorm.Raw("SELECT body, pinned FROM comments WHERE id = ?", cm.ID).Scan(&row).Error; err != nil {
				t.Fatal(err)
			}
			if !row.Pinned || row.Body != "Beitrag, ergänzt" {
				t.Fatalf("round %d: the comment is %q, pinned %v: a change was lost", round, row.Body, row.Pinned)
			}
		}
	})
}
