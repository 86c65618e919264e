package httpapi_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// The acting roles of the matrix, each a demo user logged in through the real flow.
var matrixRoles = []struct{ name, provider, subject string }{
	{"anonymous", "", ""},
	{"resident", "buerger", "demo-buergerin"},
	{"provider_a", "traeger", "demo-traeger-diakonie"}, // Diakonie Erfurt, its provider admin
	{"provider_b", "traeger", "demo-traeger-awo"},      // AWO Erfurt, member
	{"coordinator_16051", "verwaltung", "demo-koordination-erfurt"},
	{"coordinator_other", "verwaltung", "demo-koordination-jena"},
	{"admin", "verwaltung", "demo-admin"},
}

// expect builds the expected statuses: every role gets def, except the listed ones.
func expect(def int, except ...any) map[string]int {
	m := map[string]int{}
	for _, r := range matrixRoles {
		m[r.name] = def
	}
	for i := 0; i+1 < len(except); i += 2 {
		m[except[i].(string)] = except[i+1].(int)
	}
	return m
}

var (
	public = func(status int) map[string]int { return expect(status) }
	// loggedIn: anonymous requests are refused with 401.
	loggedIn = func(status int) map[string]int { return expect(status, "anonymous", 401) }
	// adminOnly: 401 for anonymous, 403 for everyone but admins.
	adminOnly = func(status int) map[string]int { return expect(403, "anonymous", 401, "admin", status) }
	// orgAdmins: admins and provider admins of Diakonie Erfurt.
	orgAdmins = func(status int) map[string]int {
		return expect(403, "anonymous", 401, "admin", status, "provider_a", status)
	}
)

// matrixEnv gives rows what they need to build requests.
type matrixEnv struct {
	ids           *identity.Service
	plan          *store.Planning
	blobs         blob.Disk
	residentID    int64
	residentEmail string
	areaID        int64 // an area of Erfurt
	publishedID   int64 // a published process of Erfurt with a document
	draftID       int64 // a draft process of Erfurt with a document
	publishedDoc  int64
	draftDoc      int64
	cons          *store.Consultations
	openID        int64 // an open consultation for everyone on the published process
	providersID   int64 // an open consultation for Träger only
	// a consultation of the draft process: it exists only for the district's coordinators and admins
	draftConsultationID int64
	atlas               *atlas.Service // the import rows' fixtures (atlas_imports_test.go)
	db                  *store.DB      // for the rows' own fixtures (needs_matrix_test.go)
}

type matrixRow struct {
	op    string // "METHOD /path" as in api/openapi.yaml
	path  func(e *matrixEnv, role string) string
	body  func(e *matrixEnv, role string) string
	ctype string // the body's content type; JSON when empty
	ws    bool   // a websocket upgrade: 101 when it succeeds
	want  map[string]int
}

// coordinatorsOfErfurt: the coordinators of 16051 and admins; 403 for the others.
func coordinatorsOfErfurt(status int) map[string]int {
	return expect(403, "anonymous", 401, "admin", status, "coordinator_16051", status)
}

// draftReaders: a draft exists only for the district's coordinators and admins.
func draftReaders(status int) map[string]int {
	return expect(404, "admin", status, "coordinator_16051", status)
}

func fixed(p string) func(*matrixEnv, string) string {
	return func(*matrixEnv, string) string { return p }
}

var matrixRows = []matrixRow{
	{op: "GET /districts", path: fixed("/api/v1/districts"), want: public(200)},
	{op: "GET /districts/{key}", path: fixed("/api/v1/districts/16051"), want: public(200)},
	{op: "GET /district-boundaries", path: fixed("/api/v1/district-boundaries"), want: public(200)},
	{op: "GET /auth/providers", path: fixed("/api/v1/auth/providers"), want: public(200)},
	{op: "GET /limits", path: fixed("/api/v1/limits"), want: public(200)},
	{op: "GET /auth/providers/status", path: fixed("/api/v1/auth/providers/status"), want: adminOnly(200)},
	{op: "GET /me", path: fixed("/api/v1/me"), want: loggedIn(200)},
	{op: "GET /organisations", path: fixed("/api/v1/organisations"), want: public(200)},
	{op: "POST /organisations", path: fixed("/api/v1/organisations"),
		body: func(_ *matrixEnv, role string) string {
			return fmt.Sprintf(`{"slug":"neu-%s","name":"Neu %s","kind":"provider"}`, strings.ReplaceAll(role, "_", "-"), role)
		}, want: adminOnly(201)},
	{op: "GET /organisations/{slug}", path: fixed("/api/v1/organisations/diakonie-erfurt"), want: public(200)},
	{op: "PATCH /organisations/{slug}", path: fixed("/api/v1/organisations/diakonie-erfurt"),
		body: func(*matrixEnv, string) string { return `{"description":"Geändert im Test"}` }, want: orgAdmins(200)},
	{op: "GET /organisations/{slug}/members", path: fixed("/api/v1/organisations/diakonie-erfurt/members"), want: orgAdmins(200)},
	{op: "PATCH /organisations/{slug}/members/{userId}",
		path: func(e *matrixEnv, _ string) string {
			e.residentJoins("diakonie-erfurt")
			return fmt.Sprintf("/api/v1/organisations/diakonie-erfurt/members/%d", e.residentID)
		},
		body: func(*matrixEnv, string) string { return `{"role":"member"}` }, want: orgAdmins(200)},
	{op: "DELETE /organisations/{slug}/members/{userId}",
		path: func(e *matrixEnv, _ string) string {
			e.residentJoins("diakonie-erfurt")
			return fmt.Sprintf("/api/v1/organisations/diakonie-erfurt/members/%d", e.residentID)
		}, want: orgAdmins(204)},
	{op: "GET /organisations/{slug}/invitations", path: fixed("/api/v1/organisations/diakonie-erfurt/invitations"), want: orgAdmins(200)},
	{op: "POST /organisations/{slug}/invitations", path: fixed("/api/v1/organisations/diakonie-erfurt/invitations"),
		body: func(_ *matrixEnv, role string) string {
			return `{"email":"neu-` + role + `@example.invalid","role":"member"}`
		}, want: orgAdmins(202)},
	{op: "DELETE /organisations/{slug}/invitations/{invitationId}",
		path: func(e *matrixEnv, role string) string {
			return fmt.Sprintf("/api/v1/organisations/diakonie-erfurt/invitations/%d", e.invitation("diakonie-erfurt", "zurueck-"+role+"@example.invalid"))
		}, want: orgAdmins(204)},
	{op: "GET /me/invitations", path: fixed("/api/v1/me/invitations"), want: loggedIn(200)},
	// An invitation is for the person it was sent to: for anyone else it does not exist.
	{op: "POST /me/invitations/{invitationId}/accept",
		path: func(e *matrixEnv, _ string) string {
			return fmt.Sprintf("/api/v1/me/invitations/%d/accept", e.invitation(matrixUmbrella, e.residentEmail))
		}, want: expect(404, "anonymous", 401, "resident", 200)},
	{op: "POST /me/invitations/{invitationId}/decline",
		path: func(e *matrixEnv, _ string) string {
			return fmt.Sprintf("/api/v1/me/invitations/%d/decline", e.invitation(matrixUmbrella, e.residentEmail))
		}, want: expect(404, "anonymous", 401, "resident", 204)},
	{op: "GET /users", path: fixed("/api/v1/users?q=a"), want: adminOnly(200)},
	{op: "POST /users/{userId}/roles",
		path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/users/%d/roles", e.residentID) },
		body: func(*matrixEnv, string) string { return `{"role":"coordinator","district_key":"16055"}` }, want: adminOnly(201)},
	{op: "DELETE /users/{userId}/roles/{roleId}",
		path: func(e *matrixEnv, _ string) string {
			g, err := e.ids.GrantRole(context.Background(), fixtureAdmin, e.residentID, identity.RoleCoordinator, "16052")
			if err != nil {
				panic(err)
			}
			return fmt.Sprintf("/api/v1/users/%d/roles/%d", e.residentID, g.ID)
		}, want: adminOnly(204)},
	{op: "GET /audit-log", path: fixed("/api/v1/audit-log?limit=5"), want: adminOnly(200)},
	{op: "GET /districts/{key}/social-areas", path: fixed("/api/v1/districts/16051/social-areas"), want: public(200)},
	{op: "POST /districts/{key}/social-areas", path: fixed("/api/v1/districts/16051/social-areas"),
		body: func(*matrixEnv, string) string {
			return `{"name":"Neu","level":"quartier","geometry":` + erfurtSquare + `}`
		}, want: coordinatorsOfErfurt(201)},
	{op: "POST /districts/{key}/social-areas/import", path: fixed("/api/v1/districts/16051/social-areas/import?dry_run=true"),
		body: func(*matrixEnv, string) string {
			return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Q","level":"quartier"},"geometry":` + erfurtSquare + `}]}`
		}, want: coordinatorsOfErfurt(200)},
	{op: "GET /social-areas/{areaId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/social-areas/%d", e.areaID) }, want: public(200)},
	{op: "PATCH /social-areas/{areaId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/social-areas/%d", e.areaID) },
		body: func(*matrixEnv, string) string { return `{"description":"geändert"}` }, want: coordinatorsOfErfurt(200)},
	{op: "DELETE /social-areas/{areaId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/social-areas/%d", e.newArea())
	}, want: coordinatorsOfErfurt(204)},
	{op: "GET /districts/{key}/processes", path: fixed("/api/v1/districts/16051/processes"), want: public(200)},
	{op: "POST /districts/{key}/processes", path: fixed("/api/v1/districts/16051/processes"),
		body: func(*matrixEnv, string) string { return `{"title":"Neuer Prozess","fields":["pflege"]}` }, want: coordinatorsOfErfurt(201)},
	{op: "GET /processes/{processId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/processes/%d", e.publishedID) }, want: public(200)},
	{op: "GET /processes/{processId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/processes/%d", e.draftID) }, want: draftReaders(200)},
	{op: "PATCH /processes/{processId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/processes/%d", e.publishedID) },
		body: func(*matrixEnv, string) string { return `{"title":"Umbenannt"}` }, want: coordinatorsOfErfurt(200)},
	{op: "PATCH /processes/{processId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/processes/%d", e.draftID) },
		body: func(*matrixEnv, string) string { return `{"title":"Entwurf umbenannt"}` }, want: expect(404, "anonymous", 401, "admin", 200, "coordinator_16051", 200)},
	{op: "PUT /processes/{processId}/phases", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/processes/%d/phases", e.publishedID) },
		body: func(*matrixEnv, string) string { return phasesJSON }, want: coordinatorsOfErfurt(200)},
	{op: "POST /processes/{processId}/status", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/status", e.newDraft(true))
	}, body: func(*matrixEnv, string) string { return `{"status":"published"}` }, want: expect(404, "anonymous", 401, "admin", 200, "coordinator_16051", 200)},
	{op: "POST /processes/{processId}/documents", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/documents", e.publishedID)
	},
		body: func(*matrixEnv, string) string { return pdfUpload }, ctype: "multipart/form-data; boundary=" + uploadBoundary, want: coordinatorsOfErfurt(201)},
	{op: "GET /processes/{processId}/documents/{documentId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/documents/%d", e.publishedID, e.publishedDoc)
	}, want: public(200)},
	{op: "GET /processes/{processId}/documents/{documentId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/documents/%d", e.draftID, e.draftDoc)
	}, want: draftReaders(200)},
	{op: "DELETE /processes/{processId}/documents/{documentId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/documents/%d", e.publishedID, e.newDocument(e.publishedID))
	}, want: coordinatorsOfErfurt(204)},
	{op: "GET /processes/{processId}/consultations", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/consultations", e.publishedID)
	}, want: public(200)},
	{op: "GET /processes/{processId}/consultations", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/consultations", e.draftID)
	}, want: draftReaders(200)},
	{op: "POST /processes/{processId}/consultations", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/processes/%d/consultations", e.publishedID)
	},
		body: func(*matrixEnv, string) string { return consultationJSON("everyone") }, want: coordinatorsOfErfurt(201)},
	{op: "GET /consultations/{consultationId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/consultations/%d", e.openID) }, want: public(200)},
	{op: "GET /consultations/{consultationId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/consultations/%d", e.draftConsultationID)
	}, want: draftReaders(200)},
	{op: "PATCH /consultations/{consultationId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/consultations/%d", e.openID) },
		body: func(*matrixEnv, string) string { return consultationJSON("everyone") }, want: coordinatorsOfErfurt(200)},
	{op: "GET /consultations/{consultationId}/comments", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/consultations/%d/comments", e.openID) }, want: public(200)},
	{op: "POST /consultations/{consultationId}/comments", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/consultations/%d/comments", e.openID) },
		body: func(*matrixEnv, string) string { return `{"body":"Mein Beitrag"}` }, want: loggedIn(201)},
	{op: "POST /consultations/{consultationId}/comments", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/consultations/%d/comments", e.providersID)
	},
		body: func(*matrixEnv, string) string { return `{"body":"Nur Träger"}` }, want: expect(403, "anonymous", 401, "provider_a", 201, "provider_b", 201)},
	{op: "POST /consultations/{consultationId}/comments", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/consultations/%d/comments", e.draftConsultationID)
	},
		body: func(*matrixEnv, string) string { return `{"body":"Entwurf"}` }, want: expect(404, "anonymous", 401, "admin", 201, "coordinator_16051", 201)},
	{op: "PATCH /comments/{commentId}", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/comments/%d", e.newComment()) },
		body: func(*matrixEnv, string) string { return `{"body":"geändert"}` }, want: expect(403, "anonymous", 401, "resident", 200)},
	{op: "POST /comments/{commentId}/withdraw", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/comments/%d/withdraw", e.newComment())
	},
		want: expect(403, "anonymous", 401, "resident", 200)},
	{op: "PUT /comments/{commentId}/support", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/comments/%d/support", e.newComment()) },
		want: expect(200, "anonymous", 401, "resident", 409)},
	{op: "DELETE /comments/{commentId}/support", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/comments/%d/support", e.newComment()) },
		want: expect(409, "anonymous", 401)},
	{op: "POST /comments/{commentId}/flags", path: func(e *matrixEnv, _ string) string { return fmt.Sprintf("/api/v1/comments/%d/flags", e.newComment()) },
		body: func(*matrixEnv, string) string { return `{"reason":"Werbung"}` }, want: loggedIn(204)},
	{op: "POST /comments/{commentId}/moderation", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/comments/%d/moderation", e.newComment())
	},
		body: func(*matrixEnv, string) string { return `{"action":"pin"}` }, want: coordinatorsOfErfurt(200)},
	{op: "PUT /comments/{commentId}/response", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/comments/%d/response", e.newComment())
	},
		body: func(*matrixEnv, string) string { return `{"body":"Danke, wir prüfen das."}` }, want: coordinatorsOfErfurt(200)},
	{op: "GET /consultations/{consultationId}/moderation-queue", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/consultations/%d/moderation-queue", e.openID)
	}, want: coordinatorsOfErfurt(200)},
	{op: "GET /consultations/{consultationId}/moderation-log", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/consultations/%d/moderation-log", e.openID)
	}, want: public(200)},
	{op: "GET /consultations/{consultationId}/export", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/consultations/%d/export?format=csv", e.openID)
	}, want: coordinatorsOfErfurt(200)},
	{op: "GET /consultations/{consultationId}/export", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/consultations/%d/export?format=xlsx", e.openID)
	}, want: coordinatorsOfErfurt(200)},
	{op: "GET /live", ws: true, want: public(101), path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/live?room=consultation:%d", e.openID)
	}},
	{op: "GET /live", ws: true, want: expect(403, "admin", 101, "coordinator_16051", 101), path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/live?room=consultation:%d", e.draftConsultationID)
	}},
}

// TestAuthorisationMatrix sends every API operation as every role and checks the status. An
// operation in the contract without rows here fails the test.
func TestAuthorisationMatrix(t *testing.T) {
	spec, err := api.GetSpec()
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for path, item := range spec.Paths.Map() {
		for method := range item.Operations() {
			ops = append(ops, method+" "+path)
		}
	}
	covered := map[string]bool{}
	matrixRows := slices.Concat(matrixRows, atlasImportRows)
	for _, r := range matrixRows {
		if !slices.Contains(ops, r.op) {
			t.Errorf("matrix row %q is not an operation of api/openapi.yaml", r.op)
		}
		covered[r.op] = true
	}
	for _, op := range ops {
		if !covered[op] {
			t.Errorf("%s has no rows in the authorisation matrix: add them", op)
		}
	}
	if t.Failed() {
		return
	}

	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		browsers := map[string]*browser{}
		for _, r := range matrixRoles {
			b := a.browser(t)
			if r.provider != "" {
				b.login(r.provider, r.subject)
			}
			browsers[r.name] = b
		}
		resident := browsers["resident"].me()
		env := newMatrixEnv(t, a, resident.ID, resident.Email)
		for _, row := range matrixRows {
			for _, role := range matrixRoles {
				method := strings.Fields(row.op)[0]
				path := row.path(env, role.name)
				body := ""
				if row.body != nil {
					body = row.body(env, role.name)
				}
				if row.ws {
					if got := browsers[role.name].dialStatus(path); got != row.want[role.name] {
						t.Errorf("%s %s as %s: %d, want %d", row.op, path, role.name, got, row.want[role.name])
					}
					continue
				}
				got := browsers[role.name].doType(method, path, body, row.ctype)
				if want := row.want[role.name]; got.Status != want {
					t.Errorf("%s as %s: %d, want %d: %s", row.op, role.name, got.Status, want, got.Body)
				}
				if got.Status >= 400 && !strings.HasPrefix(got.Header.Get("Content-Type"), "application/problem+json") {
					t.Errorf("%s as %s: error without problem+json", row.op, role.name)
				}
			}
		}
	})
}

// nonAPIRoutes are the routes outside the contract, each with the test that covers it.
var nonAPIRoutes = map[string]string{
	"GET /healthz":                 "ops_test.go",
	"GET /readyz":                  "ops_test.go",
	"GET /*":                       "districts_test.go (SPA)",
	"HEAD /*":                      "districts_test.go (SPA)",
	"GET /auth/login/:provider":    "login_test.go",
	"GET /auth/callback/:provider": "login_test.go",
	"POST /auth/logout":            "login_test.go",
	"POST /auth/backchannel-logout/:provider": "backchannel_test.go",
}

// TestEveryRouteIsInTheContractOrKnown: a route added without the contract (and so without the
// matrix) fails here.
func TestEveryRouteIsInTheContractOrKnown(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	spec, _ := api.GetSpec()
	for _, r := range a.Echo.Routes() {
		key := r.Method + " " + r.Path
		if _, ok := nonAPIRoutes[key]; ok || strings.HasPrefix(r.Path, "/devidp/") || r.Method == "echo_route_any" {
			continue
		}
		specPath := strings.TrimPrefix(r.Path, "/api/v1")
		for _, part := range strings.Split(specPath, "/") {
			if strings.HasPrefix(part, ":") {
				specPath = strings.Replace(specPath, part, "{"+part[1:]+"}", 1)
			}
		}
		item := spec.Paths.Value(specPath)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("route %s is neither in api/openapi.yaml nor a known non-API route", key)
		}
	}
}
