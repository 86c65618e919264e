package httpapi_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// atlasBenchDB opens the database of 10 million atlas values that internal/store's atlas
// benchmark builds and reuses (its testdata/atlas_bench.sql), building it when it is missing.
func atlasBenchDB(b *testing.B) (*store.DB, string) {
	b.Helper()
	ctx := context.Background()
	server, err := url.Parse(testdb.PostgresURL(b)) // a fresh test database names the server
	if err != nil {
		b.Fatal(err)
	}
	if c, err := pgx.Connect(ctx, server.String()); err == nil {
		_, _ = c.Exec(ctx, "CREATE DATABASE teilhabe_bench_atlas") // fails when it exists
		_ = c.Close(ctx)
	}
	server.Path = "/teilhabe_bench_atlas"
	db, err := store.OpenPostgres(server.String(), quiet)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	seed, err := os.ReadFile("../store/testdata/atlas_bench.sql")
	if err == nil {
		_, err = db.MigrateUp(ctx, nil)
	}
	if err == nil {
		err = refdata.Load(ctx, store.NewDistricts(db))
	}
	if err == nil {
		err = db.Gorm.Exec(string(seed)).Error
	}
	if err != nil {
		b.Fatal(err)
	}
	return db, server.String()
}

// The map's and the profile's reads as one SELECT each, the rows in the cheapest order (the
// primary key's for the map, the area index's for the profile).
const (
	atlasCols    = "SELECT indicator, year, area, date, value, numerator, denominator, flag, boundary, suppression, import_id FROM atlas_values "
	mapSQL       = atlasCols + "WHERE indicator = 'bench07' AND year = 2024 AND level = 'area' AND area >= '16051:' AND area < '16051;'"
	mapPath      = "/api/v1/atlas/map?indicator=bench07&year=2024&level=area&district=16051"
	profilePath  = "/api/v1/atlas/profile?areas=16051"
	geometrySQL  = "SELECT area, version, geometry FROM atlas_boundaries WHERE valid_to IS NULL AND length(area) = 5 ORDER BY area"
	geometryPath = "/api/v1/atlas/geometry?level=district"
)

// refValue and refGeometry are the rows of the references' answers, typed: the cheapest JSON.
type refValue struct {
	Indicator   string   `json:"indicator"`
	Year        int      `json:"year"`
	Area        string   `json:"area"`
	Date        string   `json:"date"`
	Value       *float64 `json:"value"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	Flag        string   `json:"flag"`
	Boundary    string   `json:"boundary"`
	Suppression string   `json:"suppression"`
	ImportID    int64    `json:"import_id"`
}

type refGeometry struct {
	Area     string          `json:"area"`
	Version  string          `json:"version"`
	Geometry json.RawMessage `json:"geometry"`
}

// rowReader scans one row of a reference's SELECT and says whether its answer shows it.
type rowReader func(rows *sql.Rows) (row any, shown bool, err error)

// valueRows reads atlasCols; with an area, only that area's rows are shown (a profile reads
// its peers for the ranks, but shows the area's own values).
func valueRows(area string) rowReader {
	return func(rows *sql.Rows) (any, bool, error) {
		var v refValue
		err := rows.Scan(&v.Indicator, &v.Year, &v.Area, &v.Date, &v.Value, &v.Numerator, &v.Denominator, &v.Flag, &v.Boundary, &v.Suppression, &v.ImportID)
		return v, area == "" || v.Area == area, err
	}
}

func geometryRows(rows *sql.Rows) (any, bool, error) {
	var g refGeometry
	var geometry string
	err := rows.Scan(&g.Area, &g.Version, &geometry)
	g.Geometry = json.RawMessage(geometry)
	return g, true, err
}

// selectServer is the reference for an atlas request: a handler on the API's own middleware
// stack (httpapi.Stack, as the post benchmark's reference) whose only work is the request's
// SELECT on the same pool and the JSON of the rows it shows.
func selectServer(b *testing.B, db *store.DB, query string, read rowReader) string {
	e, err := httpapi.Stack(httpapi.Deps{Log: quiet, SQL: db.SQL, BaseURL: &url.URL{Scheme: "http", Host: "localhost"}})
	if err != nil {
		b.Fatal(err)
	}
	e.GET("/api/v1/ref", echo.WrapHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.SQL.QueryContext(r.Context(), query)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		out := []any{}
		for rows.Next() {
			row, shown, err := read(rows)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			if shown {
				out = append(out, row)
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	})))
	srv := httptest.NewServer(e)
	b.Cleanup(srv.Close)
	return srv.URL + "/api/v1/ref"
}

// pgbenchRate runs query from benchClients pgbench clients for 4 s, pinned to the load core.
func pgbenchRate(b *testing.B, dbURL, query string) float64 {
	b.Helper()
	pgbench, err := exec.LookPath("pgbench")
	if err != nil {
		b.Skip("pgbench is not installed")
	}
	script := filepath.Join(b.TempDir(), "atlas.sql")
	if err := os.WriteFile(script, []byte(query+";\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	args := []string{"-n", "-M", "prepared", "-c", strconv.Itoa(benchClients), "-j", "1", "-T", "4", "-f", script, dbURL}
	out, err := loadCommand(pgbench, args...).CombinedOutput()
	m := pgbenchTPS.FindSubmatch(out)
	if err != nil || m == nil {
		b.Fatalf("pgbench: %v\n%s", err, out)
	}
	tps, _ := strconv.ParseFloat(string(m[1]), 64)
	return tps
}

// BenchmarkAtlasAPI: with 10 million values stored, the map's request (one indicator and year
// across the 420 social areas of a district) and the requests of a district's profile page (its
// profile, also from a single connection, and the districts' geometry), each from 8 wrk
// connections against a server that only runs the request's SELECT on the same pool and encodes
// the rows it shows as JSON, served and loaded the same way. A ratio is the time per request over
// the reference's (target: at most 1.5). That reference is the fair one: it pays for the HTTP,
// database/sql and JSON that any answer needs, so the ratio is what the atlas adds. For the
// record, pgbench runs the map's and the profile's SELECT from 8 clients (no HTTP, no decoding:
// the database's own rate).
func BenchmarkAtlasAPI(b *testing.B) {
	db, dbURL := atlasBenchDB(b)
	a := newApp(b, db)
	if err := refdata.LoadAtlas(context.Background(), a.Atlas); err != nil {
		b.Fatal(err)
	}
	// A district's profile reads every value of the district and of the Land, and for the ranks
	// the districts' values of each indicator's newest year: the same rows, as plain SELECTs.
	var peers string
	if err := db.SQL.QueryRow(`SELECT string_agg(format($q$SELECT indicator, year, area, date, value, numerator, denominator, flag, boundary, suppression, import_id FROM atlas_values WHERE indicator = %L AND year = %s AND level = 'district'$q$, indicator, y), ' UNION ALL ')
		FROM (SELECT indicator, max(year) AS y FROM atlas_values WHERE area = '16051' GROUP BY indicator) n`).Scan(&peers); err != nil {
		b.Fatal(err)
	}
	profileSQL := atlasCols + "WHERE area IN ('16', '16051') UNION ALL " + peers
	cases := []struct {
		name, path, query string
		read              rowReader
		conns             int
		pgbench           bool
	}{
		{"map", mapPath, mapSQL, valueRows(""), benchClients, true},
		{"profile", profilePath, profileSQL, valueRows("16051"), benchClients, true},
		// One connection: the page's own request, what one reader waits for.
		{"profile_1", profilePath, profileSQL, valueRows("16051"), 1, false},
		{"geometry", geometryPath, geometrySQL, geometryRows, benchClients, false},
	}
	for range b.N {
		for _, c := range cases {
			ref := selectServer(b, db, c.query, c.read)
			api, sel, ratio := alternate(b, a.URL+c.path, ref, c.conns)
			b.ReportMetric(api, c.name+"_req/s")
			b.ReportMetric(sel, c.name+"_select_req/s")
			b.ReportMetric(ratio, c.name+"_ratio") // time per request over the reference's
			if c.pgbench {
				tps := pgbenchRate(b, dbURL, c.query)
				b.ReportMetric(tps, c.name+"_pgbench_tps")
				b.ReportMetric(tps/api, c.name+"_pgbench_ratio")
			}
		}
	}
}

// alternate runs wrk on the API and on its reference by turns, three times each, and returns
// the median rates and the median of the rounds' ratios: the machine's other load changes from
// second to second, and both sides of a round see the same.
func alternate(b *testing.B, api, ref string, conns int) (float64, float64, float64) {
	b.Helper()
	var apis, refs, ratios []float64
	for range 3 {
		x, y := wrkLong(b, api, conns), wrkLong(b, ref, conns)
		apis, refs, ratios = append(apis, x), append(refs, y), append(ratios, y/x)
	}
	median := func(xs []float64) float64 { slices.Sort(xs); return xs[len(xs)/2] }
	return median(apis), median(refs), median(ratios)
}

// wrkLong is runWrk's measurement with conns connections and a timeout of 10 s instead of wrk's
// 2 s: under 8 connections a request that reads thousands of values can wait longer than 2 s on
// a small machine, and a timeout fails the benchmark. It returns requests per second.
func wrkLong(b *testing.B, url string, conns int) float64 {
	b.Helper()
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		b.Skip("wrk is not installed (apt-get install wrk)")
	}
	args := []string{"-t", "1", "-c", strconv.Itoa(conns), "-d", loadDuration, "--timeout", "10s", url}
	out, err := loadCommand(wrk, args...).CombinedOutput()
	m := wrkRate.FindSubmatch(out)
	if err != nil || m == nil || strings.Contains(string(out), "Non-2xx") || strings.Contains(string(out), "Socket errors") {
		b.Fatalf("wrk: %v\n%s", err, out)
	}
	rate, _ := strconv.ParseFloat(string(m[1]), 64)
	return rate
}
