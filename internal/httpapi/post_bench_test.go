package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// BenchmarkPostComment: comments posted through the HTTP API on PostgreSQL by 8 wrk connections,
// against a reference on the same server stack (httpapi.Stack: the same middleware chain) whose
// handler checks a session cookie in a map and does one single-row INSERT through the same pool.
// Targets: at least half the reference's rate, p99 within 2 times, at most 4 statements a post.
// The rate of plain INSERTs by 8 Go clients, the database's own limit, is reported for the record,
// and so is the rate of the store's InsertComment by 8 goroutines: what a post must write (the
// comment with its page and search indexes, and its event), without HTTP and the domain.
// The post limiter is set out of reach (one post per nanosecond, a burst of 2^30), as every test
// that posts in bulk does.
func BenchmarkPostComment(b *testing.B) {
	dbURL := testdb.PostgresURL(b)
	counter := &store.StatementCounter{}
	db, err := store.OpenPostgresCounted(dbURL, quiet, counter)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	a := newApp(b, db, withPostLimit(time.Nanosecond, 1<<30))
	coord := a.browser(b).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(b, a, coord, "post")
	base, _ := url.Parse(a.URL)
	var cookie string
	for _, c := range coord.http.Jar.Cookies(base) {
		cookie += c.Name + "=" + c.Value + "; "
	}
	ref := referenceServer(b, db, base)
	pool, err := pgxpool.New(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	countPosts := func() (n int64) {
		if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM comments WHERE consultation_id = $1", id).Scan(&n); err != nil {
			b.Fatal(err)
		}
		return n
	}
	for range b.N {
		posts0, stmts0 := countPosts(), counter.Count()
		api := runWrk(b, fmt.Sprintf("%s/api/v1/consultations/%d/comments", a.URL, id),
			luaPost(map[string]string{"Origin": a.URL, "X-CSRF-Token": coord.csrf, "Cookie": cookie}))
		perPost := float64(counter.Count()-stmts0) / float64(countPosts()-posts0)
		refRes := runWrk(b, ref.URL+"/ref/comments", luaPost(map[string]string{"Origin": a.URL, "Cookie": "ref_session=" + refSession}))
		plain, _, err := run(2000, func(i int) error {
			_, err := pool.Exec(context.Background(), "INSERT INTO bench_insert (author_id, body) VALUES (1, $1)", fmt.Sprintf("Beitrag %d mit etwas Text", i))
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(api.rate, "posts/s")
		b.ReportMetric(refRes.rate, "reference/s")
		b.ReportMetric(api.rate/refRes.rate, "rate_ratio")
		b.ReportMetric(ms(api.p99), "p99_ms")
		b.ReportMetric(ms(refRes.p99), "ref_p99_ms")
		b.ReportMetric(float64(api.p99)/float64(refRes.p99), "p99_ratio")
		// The post's own writes without HTTP and without the domain: the store's InsertComment (one
		// statement: the comment, its indexes, its event) by 8 goroutines.
		cons, me := store.NewConsultations(db), coord.me()
		stored, _, err := run(2000, func(i int) error {
			cm := consultation.Comment{ConsultationID: id, AuthorID: me.ID, AuthorName: me.Name, Body: fmt.Sprintf("Beitrag %d mit etwas Text", i),
				HTML: fmt.Sprintf("<p>Beitrag %d mit etwas Text</p>", i), Status: consultation.StatusPublished, CreatedAt: time.Now().UTC()}
			_, err := cons.InsertComment(context.Background(), cm, func(cm consultation.Comment) []kernel.Event {
				return []kernel.Event{{Room: consultation.Room(id), Type: consultation.EventCommentCreated, Data: cm.PublicView(),
					Subject: "comment:0", Supersede: kernel.Rewrite}}
			})
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(plain, "plain_inserts/s")
		b.ReportMetric(stored, "store_posts/s")
		b.ReportMetric(api.rate/stored, "store_ratio")
		b.ReportMetric(api.rate/plain, "plain_ratio")
		b.ReportMetric(perPost, "statements/post")
	}
}

// refSession is the one session the reference knows.
const refSession = "0123456789abcdef"

// referenceServer is the least a comment post must do on this stack: find the session of the
// cookie (in a map, where the API asks the database), decode the body, insert one row through
// the same pool and answer 201 with the new id. base is the API's, so the same Origin passes.
// It creates the table bench_insert it writes to.
func referenceServer(b *testing.B, db *store.DB, base *url.URL) *httptest.Server {
	b.Helper()
	if err := db.Gorm.Exec("CREATE TABLE bench_insert (id BIGSERIAL PRIMARY KEY, author_id BIGINT NOT NULL, body TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())").Error; err != nil {
		b.Fatal(err)
	}
	e, err := httpapi.Stack(httpapi.Deps{Log: quiet, SQL: db.SQL, BaseURL: base})
	if err != nil {
		b.Fatal(err)
	}
	sessions := map[string]int64{refSession: 1} // read-only once serving: no lock needed
	e.POST("/ref/comments", func(c echo.Context) error {
		ck, err := c.Cookie("ref_session")
		if err != nil {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		user, ok := sessions[ck.Value]
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		var in struct {
			Body string `json:"body"`
		}
		if err := c.Bind(&in); err != nil || in.Body == "" {
			return echo.NewHTTPError(http.StatusBadRequest)
		}
		var id int64
		if err := db.SQL.QueryRowContext(c.Request().Context(), "INSERT INTO bench_insert (author_id, body) VALUES ($1, $2) RETURNING id", user, in.Body).Scan(&id); err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, map[string]int64{"id": id})
	})
	srv := httptest.NewServer(e)
	b.Cleanup(srv.Close)
	return srv
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
