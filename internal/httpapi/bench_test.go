package httpapi_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/testdb"
)

// Benchmarks measure their own reference in the same run and report the ratio: absolute times on
// a shared machine drift, ratios much less. Run them with `make bench`.

const benchClients = 8

// run sends total operations from benchClients goroutines and returns operations per second and
// the 99th percentile latency.
func run(total int, op func(i int) error) (float64, time.Duration, error) {
	lat := make([]time.Duration, total)
	var wg sync.WaitGroup
	var firstErr error
	var once sync.Once
	start := time.Now()
	for w := 0; w < benchClients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < total; i += benchClients {
				t0 := time.Now()
				if err := op(i); err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				lat[i] = time.Since(t0)
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	return float64(total) / elapsed.Seconds(), lat[total*99/100], firstErr
}

// BenchmarkFirstPage: the first page of a 10,000-comment thread against the first page of a
// 100-comment thread (target: within 1.5 times, so the cost does not grow with the thread).
func BenchmarkFirstPage(b *testing.B) {
	db := testdb.Postgres(b)
	a := newApp(b, db)
	coord := a.browser(b).login("verwaltung", "demo-koordination-erfurt")
	big, small := openConsultation(b, a, coord, "post"), openConsultation(b, a, coord, "post")
	me := coord.me()
	fill := func(consultation int64, n int) {
		// One multi-row INSERT per 1,000 comments: seeding, not the thing measured.
		for done := 0; done < n; done += 1000 {
			var rows []string
			for i := done; i < min(n, done+1000); i++ {
				rows = append(rows, fmt.Sprintf("(%d, %d, 'Beitrag %d', '<p>Beitrag %d</p>', 'published', %d)", consultation, me.ID, i, i, i%7))
			}
			if err := db.Gorm.Exec("INSERT INTO comments (consultation_id, author_id, body, html, status, supports) VALUES " + strings.Join(rows, ",")).Error; err != nil {
				b.Fatal(err)
			}
		}
		db.Gorm.Exec("ANALYZE comments")
	}
	fill(big, 10000)
	fill(small, 100)
	anon := a.browser(b)
	measure := func(consultation int64, sort string) time.Duration {
		path := fmt.Sprintf("/api/v1/consultations/%d/comments?sort=%s", consultation, sort)
		const rounds = 200
		lat := make([]time.Duration, rounds)
		for i := range lat {
			t0 := time.Now()
			if r := anon.do("GET", path, ""); r.Status != 200 {
				b.Fatalf("%s = %d", path, r.Status)
			}
			lat[i] = time.Since(t0)
		}
		slices.Sort(lat)
		return lat[rounds/2]
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, sort := range []string{"newest", "supported"} {
			measure(big, sort) // warm up
			bigT, smallT := measure(big, sort), measure(small, sort)
			b.ReportMetric(float64(bigT.Microseconds())/1000, sort+"_10k_ms")
			b.ReportMetric(float64(smallT.Microseconds())/1000, sort+"_100_ms")
			b.ReportMetric(float64(bigT)/float64(smallT), sort+"_ratio")
		}
	}
}
