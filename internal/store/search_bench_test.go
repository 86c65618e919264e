package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// rareTerm occurs in three comments of every seeded thread, frequentTerm in all of them.
const (
	rareTerm     = "Wasserturm"
	frequentTerm = "Spielplätze"
)

// seedThread stores n published top-level comments in one statement (a recursive CTE works on
// both databases; seeding is not the thing measured). Three of them, spread over the thread,
// mention rareTerm; every one mentions frequentTerm.
func seedThread(tb testing.TB, db *store.DB, consultationID, authorID int64, n int) {
	tb.Helper()
	err := db.Gorm.Exec(`WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?)
INSERT INTO comments (consultation_id, author_id, body, html, status, supports, created_at)
SELECT ?, ?, 'Beitrag ' || n || ' über Spielplätze und Busse' || CASE WHEN n % (? / 3) = 7 THEN ' am `+rareTerm+`' ELSE '' END,
       '<p>Beitrag</p>', 'published', n % 7, CURRENT_TIMESTAMP FROM g`, n, consultationID, authorID, n).Error
	if err != nil {
		tb.Fatal(err)
	}
	if err := db.Gorm.Exec("ANALYZE").Error; err != nil {
		tb.Fatal(err)
	}
}

// searchMedian runs the first page of a search rounds times and returns the median time, after
// checking that it finds what the seed put there.
func searchMedian(b *testing.B, s *store.Consultations, consultationID int64, term string, want int) time.Duration {
	b.Helper()
	const rounds = 30
	lat := make([]time.Duration, rounds)
	for i := range lat {
		t0 := time.Now()
		page, _, err := s.Comments(context.Background(), consultation.CommentQuery{ConsultationID: consultationID, Search: term, Limit: 20})
		lat[i] = time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
		if len(page) != want {
			b.Fatalf("search %q in %d found %d, want %d", term, consultationID, len(page), want)
		}
	}
	slices.Sort(lat)
	return lat[rounds/2]
}

// BenchmarkSearch: the first page of a search for a rare term in a 100,000-comment thread against
// the same search in a 100-comment thread, on both databases (target: within 1.5 times, so the
// cost does not grow with the thread). A frequent term in the big thread is reported beside it,
// so that a fix for rare terms cannot silently make frequent ones slow.
func BenchmarkSearch(b *testing.B) {
	for _, dialect := range []string{"pg", "sqlite"} {
		var db *store.DB
		if dialect == "pg" {
			db = testdb.Postgres(b)
		} else {
			db = testdb.SQLite(b)
		}
		s, big, _ := newConsultation(b, db, consultation.PostModeration)
		_, small, _ := newConsultation(b, db, consultation.PostModeration)
		author := login(b, app.Identity(db), "bench-"+dialect)
		seedThread(b, db, big.ID, author.User.ID, 100000)
		seedThread(b, db, small.ID, author.User.ID, 100)
		b.Run(dialect, func(b *testing.B) {
			for range b.N {
				searchMedian(b, s, big.ID, rareTerm, 3) // warm up
				bigT, smallT := searchMedian(b, s, big.ID, rareTerm, 3), searchMedian(b, s, small.ID, rareTerm, 3)
				freqT := searchMedian(b, s, big.ID, frequentTerm, 20)
				b.ReportMetric(float64(bigT.Microseconds())/1000, "rare_100k_ms")
				b.ReportMetric(float64(smallT.Microseconds())/1000, "rare_100_ms")
				b.ReportMetric(float64(bigT)/float64(smallT), "rare_ratio")
				b.ReportMetric(float64(freqT.Microseconds())/1000, "frequent_100k_ms")
			}
		})
	}
}
