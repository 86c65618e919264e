package httpapi_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// idemEnv is an open consultation with a coordinator and two people who comment on it.
type idemEnv struct {
	app               *app
	coord, rita, dora *browser
	consultation      int64
}

func newIdemEnv(t *testing.T, db *store.DB) *idemEnv {
	t.Helper()
	a := newApp(t, db, withPostLimit(time.Millisecond, 1000))
	e := &idemEnv{app: a, coord: a.browser(t).login("verwaltung", "demo-koordination-erfurt"),
		rita: a.browser(t).login("buerger", "demo-buergerin"), dora: a.browser(t).login("traeger", "demo-traeger-diakonie")}
	e.consultation = openConsultation(t, a, e.coord, "post")
	return e
}

func commentsOf(id int64) string { return fmt.Sprintf("/api/v1/consultations/%d/comments", id) }

// withKey sends a request with an Idempotency-Key.
func withKey(b *browser, method, path, body, key string) response {
	b.t.Helper()
	r, err := b.send(method, path, body, "", http.Header{"Idempotency-Key": {key}})
	if err != nil {
		b.t.Fatal(err)
	}
	return r
}

// countComments counts a consultation's comments in the database, whatever their status.
func countComments(t *testing.T, a *app, consultationID int64) int64 {
	t.Helper()
	var n int64
	if err := a.DB.Gorm.Table("comments").Where("consultation_id = ?", consultationID).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func problemCode(t *testing.T, r response) string {
	t.Helper()
	return decode[struct{ Code string }](t, r).Code
}

func replayed(r response) bool { return r.Header.Get("Idempotent-Replayed") == "true" }

func TestRetryWithTheSameKeyCreatesOneComment(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newIdemEnv(t, db)
		path, body := commentsOf(e.consultation), `{"body":"Mehr Bänke am Anger"}`
		first := withKey(e.rita, "POST", path, body, "key-1")
		if first.Status != 201 || replayed(first) {
			t.Fatalf("first = %d replayed=%v %s", first.Status, replayed(first), first.Body)
		}
		second := withKey(e.rita, "POST", path, body, "key-1")
		if second.Status != 201 || second.Body != first.Body || !replayed(second) ||
			second.Header.Get("Content-Type") != first.Header.Get("Content-Type") {
			t.Fatalf("retry = %d replayed=%v %s %s, want the first answer %s", second.Status, replayed(second),
				second.Header.Get("Content-Type"), second.Body, first.Body)
		}
		if n := countComments(t, e.app, e.consultation); n != 1 {
			t.Fatalf("%d comments after a retry, want 1", n)
		}

		if r := withKey(e.rita, "POST", path, `{"body":"Weniger Bänke"}`, "key-1"); r.Status != 422 || problemCode(t, r) != "idempotency_key_reused" {
			t.Errorf("same key, other body = %d %s", r.Status, r.Body)
		}
		other := openConsultation(t, e.app, e.coord, "post")
		if r := withKey(e.rita, "POST", commentsOf(other), body, "key-1"); r.Status != 422 || problemCode(t, r) != "idempotency_key_reused" {
			t.Errorf("same key, other path = %d %s", r.Status, r.Body)
		}
		if n, m := countComments(t, e.app, e.consultation), countComments(t, e.app, other); n != 1 || m != 0 {
			t.Errorf("comments = %d and %d, want 1 and 0", n, m)
		}
		if r := withKey(e.app.browser(t), "POST", path, body, "key-anon"); r.Status != 401 {
			t.Errorf("anonymous with a key = %d %s", r.Status, r.Body)
		}
		for _, bad := range []string{strings.Repeat("k", 201), "schlüssel"} {
			if r := withKey(e.rita, "POST", path, body, bad); r.Status != 400 {
				t.Errorf("key %.20q = %d %s", bad, r.Status, r.Body)
			}
		}
	})
}

// A 204 is replayed too: a flag is allowed once per person, so a plain second flag is refused
// while a retry with the key gets the first answer again.
func TestRetriedFlagAndUploadAreReplayed(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newIdemEnv(t, db)
		cm := decode[commentBody](t, e.dora.do("POST", commentsOf(e.consultation), `{"body":"Mehr Grün"}`))
		flags, reason := fmt.Sprintf("/api/v1/comments/%d/flags", cm.ID), `{"reason":"Das ist Werbung."}`
		for i, want := range []bool{false, true} {
			if r := withKey(e.rita, "POST", flags, reason, "flag-1"); r.Status != 204 || replayed(r) != want || r.Body != "" {
				t.Errorf("flag %d = %d replayed=%v %q", i, r.Status, replayed(r), r.Body)
			}
		}
		if r := e.rita.do("POST", flags, reason); r.Status != 409 {
			t.Errorf("flag again without the key = %d, want 409", r.Status)
		}

		p := decode[processBody](t, e.coord.do("POST", "/api/v1/districts/16051/processes", `{"title":"Mit Anlage"}`))
		docs := fmt.Sprintf("/api/v1/processes/%d/documents", p.ID)
		// A browser draws a new boundary for every send of a form.
		var answers []response
		for _, boundary := range []string{uploadBoundary, "another-boundary"} {
			body, ctype := strings.ReplaceAll(pdfUpload, uploadBoundary, boundary), "multipart/form-data; boundary="+boundary
			r, err := e.coord.send("POST", docs, body, ctype, http.Header{"Idempotency-Key": {"upload-1"}})
			if err != nil || r.Status != 201 {
				t.Fatalf("upload = %v %d %s", err, r.Status, r.Body)
			}
			answers = append(answers, r)
		}
		if answers[1].Body != answers[0].Body || !replayed(answers[1]) {
			t.Errorf("retried upload = %s, want %s replayed", answers[1].Body, answers[0].Body)
		}
		got := decode[struct{ Documents []struct{ ID int64 } }](t, e.coord.do("GET", fmt.Sprintf("/api/v1/processes/%d", p.ID), ""))
		if len(got.Documents) != 1 {
			t.Errorf("%d documents after a retried upload, want 1", len(got.Documents))
		}
	})
}

func TestConcurrentRequestsWithOneKeyCreateOneComment(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newIdemEnv(t, db)
		path, body := commentsOf(e.consultation), `{"body":"Gleichzeitig"}`
		answers := make([]response, 20)
		errs := make([]error, len(answers))
		var wg sync.WaitGroup
		for i := range answers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers[i], errs[i] = e.rita.send("POST", path, body, "", http.Header{"Idempotency-Key": {"race"}})
			}()
		}
		wg.Wait()
		var created []string
		for i, r := range answers {
			switch {
			case errs[i] != nil:
				t.Errorf("request %d: %v", i, errs[i])
			case r.Status == 201:
				created = append(created, r.Body)
			case r.Status != 409 || problemCode(t, r) != "idempotency_key_in_progress":
				t.Errorf("request %d = %d %s", i, r.Status, r.Body)
			}
		}
		if len(created) == 0 || slices.ContainsFunc(created, func(b string) bool { return b != created[0] }) {
			t.Errorf("the 201 answers differ or are missing: %v", created)
		}
		if n := countComments(t, e.app, e.consultation); n != 1 {
			t.Errorf("%d comments from 20 concurrent requests with one key, want 1", n)
		}
		if r := withKey(e.rita, "POST", path, body, "race"); r.Status != 201 || !replayed(r) || (len(created) > 0 && r.Body != created[0]) {
			t.Errorf("retry after the race = %d replayed=%v %s", r.Status, replayed(r), r.Body)
		}
	})
}

// While the first request with a key runs (its row reserved, no answer yet), a retry waits.
func TestRetryWhileTheFirstRunsIsInProgress(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newIdemEnv(t, db)
		path, body := commentsOf(e.consultation), `{"body":"Noch unterwegs"}`
		sum := sha256.Sum256([]byte(body))
		running := kernel.IdempotentRequest{UserID: e.rita.me().ID, Key: "slow", Method: "POST", Path: path,
			BodyHash: hex.EncodeToString(sum[:]), CreatedAt: time.Now()}
		if err := store.NewIdempotencyKeys(db).Reserve(context.Background(), running); err != nil {
			t.Fatal(err)
		}
		r := withKey(e.rita, "POST", path, body, "slow")
		if r.Status != 409 || problemCode(t, r) != "idempotency_key_in_progress" || r.Header.Get("Retry-After") == "" {
			t.Errorf("retry while running = %d %v %s", r.Status, r.Header, r.Body)
		}
		if n := countComments(t, e.app, e.consultation); n != 0 {
			t.Errorf("%d comments, want 0", n)
		}
	})
}

func TestFailedFirstAttemptDoesNotBlockTheKey(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newIdemEnv(t, db)
		// Only white space: the contract lets it through, the domain refuses it (422).
		path, blank := commentsOf(e.consultation), `{"body":"   "}`
		if r := withKey(e.rita, "POST", path, blank, "fix-1"); r.Status != 422 || problemCode(t, r) != "validation_failed" {
			t.Fatalf("blank = %d %s", r.Status, r.Body)
		}
		r := withKey(e.rita, "POST", path, `{"body":"Kürzer"}`, "fix-1")
		if r.Status != 201 || replayed(r) {
			t.Fatalf("corrected retry = %d replayed=%v %s", r.Status, replayed(r), r.Body)
		}
		// Now the key belongs to the corrected request.
		if r := withKey(e.rita, "POST", path, blank, "fix-1"); r.Status != 422 || problemCode(t, r) != "idempotency_key_reused" {
			t.Errorf("the failed body again = %d %s", r.Status, r.Body)
		}
		if n := countComments(t, e.app, e.consultation); n != 1 {
			t.Errorf("%d comments, want 1", n)
		}
	})
}

func TestKeysOfDifferentPeopleDoNotCollide(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newIdemEnv(t, db)
		path, body := commentsOf(e.consultation), `{"body":"Wir auch"}`
		a, b := withKey(e.rita, "POST", path, body, "shared"), withKey(e.dora, "POST", path, body, "shared")
		if a.Status != 201 || b.Status != 201 || replayed(a) || replayed(b) ||
			decode[commentBody](t, a).ID == decode[commentBody](t, b).ID {
			t.Errorf("two people, one key = %d %s and %d %s", a.Status, a.Body, b.Status, b.Body)
		}
		if n := countComments(t, e.app, e.consultation); n != 2 {
			t.Errorf("%d comments, want 2", n)
		}
	})
}

func TestExpiredKeysAreForgotten(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newIdemEnv(t, db)
		ctx, keys := context.Background(), store.NewIdempotencyKeys(db)
		path, body := commentsOf(e.consultation), `{"body":"Einmal am Tag"}`
		post := func() (int64, bool) {
			r := withKey(e.rita, "POST", path, body, "daily")
			if r.Status != 201 {
				t.Fatalf("post = %d %s", r.Status, r.Body)
			}
			return decode[commentBody](t, r).ID, replayed(r)
		}
		first, _ := post()
		if n, err := httpapi.SweepIdempotencyKeys(ctx, keys, time.Now().Add(23*time.Hour)); err != nil || n != 0 {
			t.Fatalf("sweep before expiry deleted %d, %v", n, err)
		}
		if id, again := post(); id != first || !again {
			t.Errorf("within a day: comment %d replayed=%v, want %d replayed", id, again, first)
		}
		if n, err := httpapi.SweepIdempotencyKeys(ctx, keys, time.Now().Add(25*time.Hour)); err != nil || n != 1 {
			t.Fatalf("sweep after expiry deleted %d, %v; want 1", n, err)
		}
		second, again := post()
		if second == first || again {
			t.Errorf("after the sweep: comment %d replayed=%v, want a new one", second, again)
		}
		// A key past its day counts as gone even before the sweep has come round.
		if err := db.Gorm.Exec("UPDATE idempotency_keys SET created_at = ?", time.Now().UTC().Add(-25*time.Hour)).Error; err != nil {
			t.Fatal(err)
		}
		if third, again := post(); third == second || again {
			t.Errorf("expired but not swept: comment %d replayed=%v, want a new one", third, again)
		}
		if n := countComments(t, e.app, e.consultation); n != 3 {
			t.Errorf("%d comments, want 3", n)
		}
	})
}

// idempotentOps is the decision which operations create something: every POST that answers 201,
// and the POSTs that add rows answering otherwise (a flag, an import; an invitation renews itself). Moving a
// process or a comment to another state (status, withdraw, moderation) creates nothing.
var idempotentOps = []string{"addAtlasBoundary", "addCard", "addCommentToWeighing", "addTheme", "askQuery", "askQuestion",
	"createAssessment", "createAtlasImport", "createAtlasIndicator", "createComment", "createConsultation", "createMeasure",
	"createNeedsCall", "createOrganisation", "createProcess", "createSocialArea", "createTextModule", "createWeighingBundle",
	"createWorkshop", "createWorkshopModule", "flagComment", "grantRole", "handOff", "importSocialAreas", "noteDecision", "sendChatMessage",
	"splitWeighingItem", "uploadAssessmentAttachment", "uploadDocument"}

func TestCreatingOperationsTakeAnIdempotencyKey(t *testing.T) {
	spec, err := api.GetSpec()
	if err != nil {
		t.Fatal(err)
	}
	var withKey []string
	for path, item := range spec.Paths.Map() {
		for method, op := range item.Operations() {
			has := slices.ContainsFunc(op.Parameters, func(p *openapi3.ParameterRef) bool { return p.Ref == "#/components/parameters/IdempotencyKey" })
			if has {
				// The embedded spec carries the ids as Go names (CreateComment).
				withKey = append(withKey, strings.ToLower(op.OperationID[:1])+op.OperationID[1:])
			}
			if method == http.MethodPost && op.Responses.Status(201) != nil && !has {
				t.Errorf("%s %s answers 201 but takes no Idempotency-Key", method, path)
			}
			if has && method != http.MethodPost {
				t.Errorf("%s %s is idempotent by its method and needs no key", method, path)
			}
		}
	}
	slices.Sort(withKey)
	if !slices.Equal(withKey, idempotentOps) {
		t.Errorf("operations with an Idempotency-Key = %v, want %v", withKey, idempotentOps)
	}
}
