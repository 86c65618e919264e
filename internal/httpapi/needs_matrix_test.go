package httpapi_test

import (
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/needs"
)

// The needs context's rows of the authorisation matrix. An organisation's drafts exist only for
// its members (and organisations invited to co-sign); the coordinators see an assessment only
// once it is submitted; the weighing table is public with its published decisions; everything
// that changes calls, the workbench, the table and the measures is for the district's
// coordinators and the admins.
func init() { matrixRows = append(matrixRows, needsMatrixRows...) }

// onlyDiakonie: the Diakonie lead alone; anonymous requests that change something get 401.
func onlyDiakonie(status int) map[string]int {
	return expect(404, "anonymous", 401, "provider_a", status)
}

// submissionReaders: a submission exists for its organisation, the district's coordinators and
// the admins.
func submissionReaders(status int) map[string]int {
	return expect(404, "provider_a", status, "coordinator_16051", status, "admin", status)
}

// workbench: the district's coordinators and admins change a submission; anyone else does not
// see it.
func workbench(status int) map[string]int {
	return expect(404, "anonymous", 401, "coordinator_16051", status, "admin", status)
}

func needsPath(format string, ids ...func(*matrixEnv) int64) func(*matrixEnv, string) string {
	return func(e *matrixEnv, _ string) string {
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id(e)
		}
		return fmt.Sprintf(format, args...)
	}
}

func needsBody(s string) func(*matrixEnv, string) string {
	return func(*matrixEnv, string) string { return s }
}

var (
	published     = func(e *matrixEnv) int64 { return e.publishedID }
	draftProcess  = func(e *matrixEnv) int64 { return e.draftID }
	openCall      = func(e *matrixEnv) int64 { return e.needs().call.ID }
	draftCall     = func(e *matrixEnv) int64 { return e.needs().draftCall.ID }
	diakonieDraft = func(e *matrixEnv) int64 { return e.needs().draft.ID }
	submission    = func(e *matrixEnv) int64 { return e.needs().submitted.ID }
	reviewer      = func(e *matrixEnv) int64 { return e.residentID }
	commentRow    = func(e *matrixEnv) int64 { return e.needs().item.ID }
	aMeasure      = func(e *matrixEnv) int64 { return e.needs().measure.ID }
	// fresh fixtures for rows that change them
	freshDraft = func(e *matrixEnv) int64 {
		n := e.needs()
		a, _ := n.newAssessment(n.call, needs.StatusDraft)
		return a.ID
	}
	freshInvited = func(e *matrixEnv) int64 {
		n := e.needs()
		a, _ := n.newAssessment(n.call, needs.StatusDraft)
		n.invite(a)
		return a.ID
	}
	freshSubmission = func(e *matrixEnv) int64 {
		n := e.needs()
		a, _ := n.newAssessment(n.call, needs.StatusSubmitted)
		return a.ID
	}
	// a submission the resident reviews
	reviewed = func(e *matrixEnv) int64 {
		n := e.needs()
		a, _ := n.newAssessment(n.call, needs.StatusSubmitted)
		n.review(a, e.residentID)
		return a.ID
	}
	freshQuery = func(e *matrixEnv) int64 {
		n := e.needs()
		a, _ := n.newAssessment(n.call, needs.StatusSubmitted)
		return n.newQuery(a).ID
	}
	freshRow = func(e *matrixEnv) int64 { return e.needs().newCommentItem(false).ID }
	// a process with a decision prepared, so that each publishing has something to publish
	withPending = func(e *matrixEnv) int64 {
		e.needs().newCommentItem(true)
		return e.publishedID
	}
	submissionRow = func(e *matrixEnv) int64 {
		n := e.needs()
		_, it := n.newAssessment(n.call, needs.StatusSubmitted)
		return it.ID
	}
	freshModule = func(e *matrixEnv) int64 { return e.needs().newModule().ID }
)

func callJSON() string {
	return `{"title":"Aufruf Pflege","guidance":"Bitte **bis Ende** einreichen","audience":"providers","deadline":"` +
		time.Now().UTC().Add(20*24*time.Hour).Format(time.RFC3339) + `"}`
}

var needsMatrixRows = []matrixRow{
	{op: "GET /processes/{processId}/calls", path: needsPath("/api/v1/processes/%d/calls", published), want: public(200)},
	{op: "GET /processes/{processId}/calls", path: needsPath("/api/v1/processes/%d/calls", draftProcess), want: draftReaders(200)},
	{op: "POST /processes/{processId}/calls", path: needsPath("/api/v1/processes/%d/calls", published),
		body: func(*matrixEnv, string) string { return callJSON() }, want: coordinatorsOfErfurt(201)},
	{op: "GET /calls/{callId}", path: needsPath("/api/v1/calls/%d", openCall), want: public(200)},
	{op: "GET /calls/{callId}", path: needsPath("/api/v1/calls/%d", draftCall), want: draftReaders(200)},
	{op: "PATCH /calls/{callId}", path: needsPath("/api/v1/calls/%d", openCall), body: needsBody(`{"title":"Aufruf (geändert)"}`), want: coordinatorsOfErfurt(200)},
	{op: "GET /me/calls", path: fixed("/api/v1/me/calls"), want: loggedIn(200)},
	{op: "GET /me/notices", path: fixed("/api/v1/me/notices"), want: loggedIn(200)},
	// Only a member drafts for an organisation; nobody for another's.
	{op: "POST /calls/{callId}/assessments", path: needsPath("/api/v1/calls/%d/assessments", openCall),
		body: needsBody(`{"org":"diakonie-erfurt","content":{"title":"Bedarf"}}`), want: expect(403, "anonymous", 401, "provider_a", 201)},
	{op: "POST /calls/{callId}/assessments", path: needsPath("/api/v1/calls/%d/assessments", openCall),
		body: needsBody(`{"org":"awo-erfurt","content":{"title":"Bedarf AWO"}}`), want: expect(403, "anonymous", 401, "provider_b", 201)},
	// A reviewer sees what is assigned; everyone else an empty workbench, never a submission.
	{op: "GET /calls/{callId}/submissions", path: needsPath("/api/v1/calls/%d/submissions", openCall), want: loggedIn(200)},
	{op: "GET /calls/{callId}/needs-map", path: needsPath("/api/v1/calls/%d/needs-map", openCall), want: loggedIn(200)},
	{op: "GET /organisations/{slug}/assessments", path: fixed("/api/v1/organisations/diakonie-erfurt/assessments"),
		want: expect(403, "anonymous", 401, "provider_a", 200)},
	{op: "GET /organisations/{slug}/assessments", path: fixed("/api/v1/organisations/awo-erfurt/assessments?cosign=true"),
		want: expect(403, "anonymous", 401, "provider_b", 200)},
	// IDOR: a draft by id is Diakonie's alone: not AWO's, not the coordinators' before submission.
	{op: "GET /assessments/{assessmentId}", path: needsPath("/api/v1/assessments/%d", diakonieDraft), want: expect(404, "provider_a", 200)},
	{op: "GET /assessments/{assessmentId}", path: needsPath("/api/v1/assessments/%d", submission), want: submissionReaders(200)},
	{op: "PUT /assessments/{assessmentId}", path: needsPath("/api/v1/assessments/%d", freshDraft),
		body: needsBody(`{"base_version":1,"content":{"title":"Bedarf (überarbeitet)"}}`), want: onlyDiakonie(200)},
	{op: "GET /assessments/{assessmentId}/versions", path: needsPath("/api/v1/assessments/%d/versions", diakonieDraft), want: expect(404, "provider_a", 200)},
	{op: "GET /assessments/{assessmentId}/versions", path: needsPath("/api/v1/assessments/%d/versions", submission), want: submissionReaders(200)},
	{op: "POST /assessments/{assessmentId}/transition", path: needsPath("/api/v1/assessments/%d/transition", freshDraft),
		body: needsBody(`{"action":"release"}`), want: onlyDiakonie(200)},
	{op: "POST /assessments/{assessmentId}/cosigners", path: needsPath("/api/v1/assessments/%d/cosigners", freshDraft),
		body: needsBody(`{"org":"awo-erfurt"}`), want: onlyDiakonie(200)},
	// The invited AWO's member prepares; Diakonie itself has no signature to give.
	{op: "POST /assessments/{assessmentId}/cosignature", path: needsPath("/api/v1/assessments/%d/cosignature", freshInvited),
		body: needsBody(`{"action":"prepare"}`), want: expect(404, "anonymous", 401, "provider_b", 200)},
	{op: "POST /assessments/{assessmentId}/reviewers", path: needsPath("/api/v1/assessments/%d/reviewers", freshSubmission),
		body: func(e *matrixEnv, _ string) string { return fmt.Sprintf(`{"user_id":%d}`, e.residentID) }, want: workbench(200)},
	{op: "DELETE /assessments/{assessmentId}/reviewers/{userId}", path: needsPath("/api/v1/assessments/%d/reviewers/%d", reviewed, reviewer), want: expect(404, "anonymous", 401, "resident", 403, "coordinator_16051", 200, "admin", 200)},
	// The assigned reviewer (the resident) reviews; coordinators assign but do not review.
	{op: "PUT /assessments/{assessmentId}/review", path: needsPath("/api/v1/assessments/%d/review", reviewed),
		body: needsBody(`{"recommendation":"considered","comment":"Plausibel","note":"privat"}`),
		want: expect(404, "anonymous", 401, "resident", 200, "coordinator_16051", 403, "admin", 403)},
	{op: "POST /assessments/{assessmentId}/queries", path: needsPath("/api/v1/assessments/%d/queries", freshSubmission),
		body: needsBody(`{"question":"Wie viele Plätze?"}`), want: workbench(201)},
	{op: "PUT /queries/{queryId}/answer", path: needsPath("/api/v1/queries/%d/answer", freshQuery), body: needsBody(`{"answer":"Zwanzig."}`), want: onlyDiakonie(200)},
	{op: "GET /processes/{processId}/weighing", path: needsPath("/api/v1/processes/%d/weighing", published), want: public(200)},
	{op: "GET /processes/{processId}/weighing", path: needsPath("/api/v1/processes/%d/weighing", draftProcess), want: draftReaders(200)},
	{op: "GET /processes/{processId}/weighing/export", path: needsPath("/api/v1/processes/%d/weighing/export?format=xlsx", published), want: public(200)},
	{op: "GET /processes/{processId}/weighing/export", path: needsPath("/api/v1/processes/%d/weighing/export?format=docx", published), want: public(200)},
	{op: "GET /processes/{processId}/weighing/export", path: needsPath("/api/v1/processes/%d/weighing/export?format=pdf", draftProcess), want: draftReaders(200)},
	{op: "POST /processes/{processId}/weighing/comments", path: needsPath("/api/v1/processes/%d/weighing/comments", published),
		body: func(e *matrixEnv, _ string) string { return fmt.Sprintf(`{"comment_id":%d}`, e.newComment()) }, want: coordinatorsOfErfurt(201)},
	{op: "GET /processes/{processId}/weighing/bundles", path: needsPath("/api/v1/processes/%d/weighing/bundles", published), want: coordinatorsOfErfurt(200)},
	{op: "POST /processes/{processId}/weighing/bundles", path: needsPath("/api/v1/processes/%d/weighing/bundles", published),
		body: func(e *matrixEnv, _ string) string {
			return fmt.Sprintf(`{"title":"Treffpunkte","item_ids":[%d,%d]}`, freshRow(e), freshRow(e))
		}, want: coordinatorsOfErfurt(201)},
	{op: "POST /processes/{processId}/weighing/publish", path: needsPath("/api/v1/processes/%d/weighing/publish", withPending), want: coordinatorsOfErfurt(200)},
	{op: "DELETE /weighing-items/{itemId}", path: needsPath("/api/v1/weighing-items/%d", freshRow), want: coordinatorsOfErfurt(204)},
	{op: "PUT /weighing-items/{itemId}/decision", path: needsPath("/api/v1/weighing-items/%d/decision", commentRow),
		body: needsBody(`{"value":"partly","reason":"Teilweise vorhanden."}`), want: coordinatorsOfErfurt(200)},
	{op: "POST /weighing-items/{itemId}/split", path: needsPath("/api/v1/weighing-items/%d/split", submissionRow),
		body: needsBody(`{"aspects":["Räume","Personal"]}`), want: coordinatorsOfErfurt(201)},
	{op: "GET /districts/{key}/text-modules", path: fixed("/api/v1/districts/16051/text-modules"), want: coordinatorsOfErfurt(200)},
	{op: "POST /districts/{key}/text-modules", path: fixed("/api/v1/districts/16051/text-modules"),
		body: needsBody(`{"title":"Abgedeckt","body":"Das Angebot besteht bereits."}`), want: coordinatorsOfErfurt(201)},
	// A module of another district does not exist for anyone else.
	{op: "DELETE /text-modules/{moduleId}", path: needsPath("/api/v1/text-modules/%d", freshModule), want: expect(404, "anonymous", 401, "admin", 204, "coordinator_16051", 204)},
	{op: "GET /processes/{processId}/measures", path: needsPath("/api/v1/processes/%d/measures", published), want: public(200)},
	{op: "GET /processes/{processId}/measures", path: needsPath("/api/v1/processes/%d/measures", draftProcess), want: draftReaders(200)},
	{op: "POST /processes/{processId}/measures", path: needsPath("/api/v1/processes/%d/measures", published),
		body: needsBody(`{"title":"Seniorentreff Nord","description":"Ein *offener* Treff","budget":50000}`), want: coordinatorsOfErfurt(201)},
	{op: "GET /measures/{measureId}", path: needsPath("/api/v1/measures/%d", aMeasure), want: public(200)},
	{op: "PUT /measures/{measureId}", path: needsPath("/api/v1/measures/%d", aMeasure), body: needsBody(`{"title":"Seniorentreff","status":"adopted"}`),
		want: coordinatorsOfErfurt(200)},
	// The needs room: coordinators, members of provider organisations and reviewers (the resident
	// reviews a submission by now); never anonymous people or other districts' coordinators.
	{op: "GET /live", ws: true, path: needsPath("/api/v1/live?room=needs:%d", published),
		want: expect(101, "anonymous", 403, "coordinator_other", 403)},
	{op: "GET /live", ws: true, path: needsPath("/api/v1/live?room=needs:%d", draftProcess), want: expect(403, "admin", 101, "coordinator_16051", 101)},
}
