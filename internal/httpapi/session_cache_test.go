package httpapi_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// whoStatements matches the statements that find out who makes a request: the session and the
// principal (user, role grants, memberships).
var whoStatements = regexp.MustCompile(`\b(sessions|users|role_grants|memberships)\b`)

// TestWarmSessionCacheSendsNoStatementForWhoAsks: with the session cached, an authenticated
// request sends no statement to learn who makes it, and neither does a comment post; the same
// request with the cache emptied reads the session and the principal from the database.
func TestWarmSessionCacheSendsNoStatementForWhoAsks(t *testing.T) {
	counter := &store.StatementCounter{Only: whoStatements.MatchString}
	db, err := store.OpenPostgresCounted(testdb.PostgresURL(t), quiet, counter)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	a := newApp(t, db)
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(t, a, coord, "post")
	post := func(body string) {
		t.Helper()
		if r := coord.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"`+body+`"}`); r.Status != http.StatusCreated {
			t.Fatalf("comment = %d %s", r.Status, r.Body)
		}
	}
	post("Zum Aufwärmen")

	before := counter.Count()
	if coord.me() == nil {
		t.Fatal("/me answered as anonymous")
	}
	if n := counter.Count() - before; n != 0 {
		t.Errorf("GET /api/v1/me with a warm cache sent %d statements for the session and principal, want 0", n)
	}
	before = counter.Count()
	post("Noch einer")
	if n := counter.Count() - before; n != 0 {
		t.Errorf("a comment post with a warm cache sent %d statements for the session and principal, want 0", n)
	}

	a.Auth.Forget(0, "") // as after a lost notification: everything is read again
	before = counter.Count()
	if coord.me() == nil {
		t.Fatal("/me answered as anonymous with a cold cache")
	}
	if n := counter.Count() - before; n < 2 {
		t.Errorf("GET /api/v1/me with a cold cache sent %d statements for the session and principal; the count sees nothing", n)
	} else {
		t.Logf("cold: %d statements for the session and principal; warm: 0", n)
	}
}

// A role granted or revoked through the admin API shows in the person's next request, although
// their session and principal are cached.
func TestRevokedRoleIsGoneAtTheNextRequest(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	admin := a.browser(t).login("verwaltung", "demo-admin")
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	me := coord.me()
	if r := coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"Vorher"}`); r.Status != http.StatusCreated {
		t.Fatalf("a coordinator could not create a process: %d %s", r.Status, r.Body)
	}
	grant := decode[struct{ ID int64 }](t, admin.do("POST", fmt.Sprintf("/api/v1/users/%d/roles", me.ID), `{"role":"coordinator","district_key":"16053"}`))
	if got := coord.me(); len(got.Districts) != 2 {
		t.Fatalf("after the grant the coordinator sees districts %v, want 2", got.Districts)
	}
	if r := admin.do("DELETE", fmt.Sprintf("/api/v1/users/%d/roles/%d", me.ID, grant.ID), ""); r.Status != http.StatusNoContent {
		t.Fatalf("revoke = %d %s", r.Status, r.Body)
	}
	if r := coord.do("POST", "/api/v1/districts/16053/processes", `{"title":"Nachher"}`); r.Status != http.StatusForbidden {
		t.Errorf("in Jena after the revocation: %d %s, want 403", r.Status, r.Body)
	}
}

// TestCommentPostStatements: a comment post on PostgreSQL sends at most 4 SQL statements in all,
// counted with the relay stopped so that only the request's own statements are counted (today:
// one read of the consultation head and one statement for the comment with its live events).
func TestCommentPostStatements(t *testing.T) {
	counter := &store.StatementCounter{}
	db, err := store.OpenPostgresCounted(testdb.PostgresURL(t), quiet, counter)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	a := newApp(t, db, func(d *testDeps) { d.noRelay = true })
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	id := openConsultation(t, a, coord, "post")
	path := fmt.Sprintf("/api/v1/consultations/%d/comments", id)
	if r := coord.do("POST", path, `{"body":"Zum Aufwärmen"}`); r.Status != http.StatusCreated {
		t.Fatalf("comment = %d %s", r.Status, r.Body)
	}
	before := counter.Count()
	if r := coord.do("POST", path, `{"body":"Gezählt"}`); r.Status != http.StatusCreated {
		t.Fatalf("comment = %d %s", r.Status, r.Body)
	}
	n := counter.Count() - before
	if n > 4 {
		t.Errorf("a comment post sent %d statements, want at most 4", n)
	}
	t.Logf("a comment post sent %d statements", n)
}
