package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/teilhabe/teilhabe/internal/store"
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

// BenchmarkPostComment: comments posted through the HTTP API on PostgreSQL by 8 clients, against
// plain single-row INSERTs into the same database by 8 clients (target: at least half the rate).
func BenchmarkPostComment(b *testing.B) {
	dbURL := testdb.PostgresURL(b)
	db, err := store.OpenPostgres(dbURL, quiet)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	a := newApp(b, db, withPostLimit(time.Nanosecond, 1<<30))
	coord := a.browser(b).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(b, a, coord, "post")
	pool, err := pgxpool.New(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(context.Background(), "CREATE TABLE bench_insert (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())"); err != nil {
		b.Fatal(err)
	}
	// One keep-alive connection per client, as 8 browsers would have; the default transport keeps
	// only 2 idle connections per host and would measure TCP set-up instead.
	client := &http.Client{Jar: coord.http.Jar, Transport: &http.Transport{MaxIdleConnsPerHost: benchClients, MaxConnsPerHost: benchClients}}
	url := fmt.Sprintf("%s/api/v1/consultations/%d/comments", a.URL, id)
	const total = 2000
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		apiRate, apiP99, err := run(total, func(i int) error {
			req, _ := http.NewRequest("POST", url, strings.NewReader(fmt.Sprintf(`{"body":"Beitrag %d mit etwas Text"}`, i)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Origin", a.URL)
			req.Header.Set("X-CSRF-Token", coord.csrf)
			resp, err := client.Do(req)
			if err != nil {
				return err
			}
			resp.Body.Close()
			if resp.StatusCode != 201 {
				return fmt.Errorf("status %d", resp.StatusCode)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		refRate, refP99, err := run(total, func(i int) error {
			_, err := pool.Exec(context.Background(), "INSERT INTO bench_insert (body) VALUES ($1)", fmt.Sprintf("Beitrag %d mit etwas Text", i))
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(apiRate, "posts/s")
		b.ReportMetric(float64(apiP99.Microseconds())/1000, "p99_ms")
		b.ReportMetric(refRate, "ref_inserts/s")
		b.ReportMetric(float64(refP99.Microseconds())/1000, "ref_p99_ms")
		b.ReportMetric(apiRate/refRate, "rate_ratio")
	}
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
