package store_test

import (
	"context"
	"testing"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestSearchPagesRareAndFrequentTerms: a rare term is read from the ids of its matches and a
// frequent one (more matches than the search collects) by walking the page index; both must page
// through every match, newest first, with no gap and no repeat.
func TestSearchPagesRareAndFrequentTerms(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		s, c, _ := newConsultation(t, db, consultation.PostModeration)
		u := login(t, app.Identity(db), "u")
		const n = 1500 // more than the search collects by id
		seedThread(t, db, c.ID, u.User.ID, n)
		for term, want := range map[string]int{frequentTerm: n, rareTerm: 3} {
			var ids []int64
			cursor := ""
			for {
				page, next, err := s.Comments(context.Background(), consultation.CommentQuery{ConsultationID: c.ID, Search: term, Limit: 200, Cursor: cursor})
				if err != nil {
					t.Fatal(err)
				}
				for _, cm := range page {
					ids = append(ids, cm.ID)
				}
				if next == "" {
					break
				}
				cursor = next
			}
			if len(ids) != want {
				t.Fatalf("%s: pages hold %d comments, want %d", term, len(ids), want)
			}
			for i := 1; i < len(ids); i++ {
				if ids[i] >= ids[i-1] {
					t.Fatalf("%s: %d after %d, want newest first", term, ids[i], ids[i-1])
				}
			}
		}
	})
}
