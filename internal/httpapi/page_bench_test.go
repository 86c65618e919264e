package httpapi_test

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// pageSQL is the statement the store's Comments() sends for an anonymous first page (newest
// first, 20 comments and one more to know whether a next page exists).
const pageSQL = `SELECT comments.id, comments.consultation_id, comments.section_id, comments.parent_id, comments.author_id,
 users.name AS author_name, comments.body, comments.html, comments.status, comments.reason, comments.pinned, comments.supports,
 comments.flags, comments.flags_open, comments.created_at, comments.edited_at
 FROM comments JOIN users ON users.id = comments.author_id
 WHERE comments.consultation_id = :cid AND comments.parent_id IS NULL AND (comments.status IN ('published', 'withdrawn') OR comments.author_id = 0)
 ORDER BY comments.pinned DESC, comments.id DESC LIMIT 21;
`

var pgbenchTPS = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

// BenchmarkFirstPageVsPgbench: anonymous first pages of a 10,000-comment thread from 8 wrk
// connections, against pgbench running the page's query from 8 clients on the same database,
// both pinned to the load core (target: at least 0.35 times pgbench's rate). Anonymous pages
// come from the page cache (PageCache), which a page's change drops; for the record, the same
// page read by a logged-in person, which is never cached, is measured too.
func BenchmarkFirstPageVsPgbench(b *testing.B) {
	pgbench, err := exec.LookPath("pgbench")
	if err != nil {
		b.Skip("pgbench is not installed")
	}
	a, id, dbURL := threadOf(b, 10000)
	script := filepath.Join(b.TempDir(), "page.sql")
	if err := os.WriteFile(script, []byte(pageSQL), 0o600); err != nil {
		b.Fatal(err)
	}
	args := []string{"-n", "-M", "prepared", "-c", strconv.Itoa(benchClients), "-j", "1", "-T", "4", "-D", fmt.Sprintf("cid=%d", id), "-f", script, dbURL}
	reader := a.browser(b).login("buerger", "demo-buergerin")
	base, _ := url.Parse(a.URL)
	var cookie string
	for _, c := range reader.http.Jar.Cookies(base) {
		cookie += c.Name + "=" + c.Value + "; "
	}
	for range b.N {
		path := fmt.Sprintf("%s/api/v1/consultations/%d/comments", a.URL, id)
		pages := runWrk(b, path, "")
		personal := runWrk(b, path, luaHeaders(map[string]string{"Cookie": cookie}))
		out, err := loadCommand(pgbench, args...).CombinedOutput()
		m := pgbenchTPS.FindSubmatch(out)
		if err != nil || m == nil {
			b.Fatalf("pgbench: %v\n%s", err, out)
		}
		tps, _ := strconv.ParseFloat(string(m[1]), 64)
		b.ReportMetric(pages.rate, "pages/s")
		b.ReportMetric(tps, "pgbench_tps")
		b.ReportMetric(pages.rate/tps, "ratio")
		b.ReportMetric(personal.rate, "logged_in_pages/s")
		b.ReportMetric(personal.rate/tps, "logged_in_ratio")
	}
}

// threadOf is a running app with an open consultation of n published top-level comments, seeded
// in one statement; it returns the app, the consultation and the database URL.
func threadOf(b *testing.B, n int) (*app, int64, string) {
	b.Helper()
	dbURL := testdb.PostgresURL(b)
	db, err := store.OpenPostgres(dbURL, quiet)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	a := newApp(b, db)
	coord := a.browser(b).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(b, a, coord, "post")
	if err := db.Gorm.Exec(`INSERT INTO comments (consultation_id, author_id, body, html, status, supports)
SELECT ?, ?, 'Beitrag ' || g, '<p>Beitrag ' || g || '</p>', 'published', g % 7 FROM generate_series(1, ?) g`, id, coord.me().ID, n).Error; err != nil {
		b.Fatal(err)
	}
	if err := db.Gorm.Exec("VACUUM ANALYZE comments").Error; err != nil {
		b.Fatal(err)
	}
	return a, id, dbURL
}
