package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func init() { matrixRows = append(matrixRows, attachmentRows...) }

var (
	attachmentSeq atomic.Int64
	attachmentsMu sync.Mutex
	attachmentsOf = map[fileKey]int64{} // a run's assessment -> its fixture attachment
)

// newAttachment stores a PDF attachment of the assessment, bytes and row.
func (e *matrixEnv) newAttachment(assessmentID int64) int64 {
	ctx := context.Background()
	key := fmt.Sprintf("needs/fixture/%d", attachmentSeq.Add(1))
	size, sum, err := e.blobs.Put(ctx, key, strings.NewReader(minimalPDF))
	if err != nil {
		panic(err)
	}
	return must(store.NewNeedsFiles(e.db).InsertAttachment(ctx, needs.Attachment{AssessmentID: assessmentID, FileName: "zahlen.pdf",
		ContentType: "application/pdf", Size: size, StorageKey: key, SHA256: sum})).ID
}

var attachmentUpload = multipartBody(nil, "zahlen.pdf", minimalPDF)

var (
	draftWithFile = func(e *matrixEnv) int64 { n := e.needs(); return n.fileOn(e, n.draft.ID) }
	submittedFile = func(e *matrixEnv) int64 { n := e.needs(); return n.fileOn(e, n.submitted.ID) }
)

// fileKey names an assessment of one matrix run (ids repeat across the databases).
type fileKey struct {
	run *needsEnv
	id  int64
}

// fileOn is the one attachment of an assessment in this matrix run, made at first use.
func (n *needsEnv) fileOn(e *matrixEnv, assessmentID int64) int64 {
	attachmentsMu.Lock()
	defer attachmentsMu.Unlock()
	k := fileKey{n, assessmentID}
	if id, ok := attachmentsOf[k]; ok {
		return id
	}
	attachmentsOf[k] = e.newAttachment(assessmentID)
	return attachmentsOf[k]
}

// Attachments are as private as their assessment; only its organisation adds or removes them,
// and only while it is a draft.
var attachmentRows = []matrixRow{
	{op: "GET /assessments/{assessmentId}/attachments", path: needsPath("/api/v1/assessments/%d/attachments", diakonieDraft), want: expect(404, "provider_a", 200)},
	{op: "GET /assessments/{assessmentId}/attachments", path: needsPath("/api/v1/assessments/%d/attachments", submission), want: submissionReaders(200)},
	{op: "POST /assessments/{assessmentId}/attachments", path: needsPath("/api/v1/assessments/%d/attachments", freshDraft),
		body: func(*matrixEnv, string) string { return attachmentUpload }, ctype: "multipart/form-data; boundary=" + uploadBoundary, want: onlyDiakonie(201)},
	{op: "POST /assessments/{assessmentId}/attachments", path: needsPath("/api/v1/assessments/%d/attachments", freshSubmission),
		body:  func(*matrixEnv, string) string { return attachmentUpload },
		ctype: "multipart/form-data; boundary=" + uploadBoundary, want: expect(404, "anonymous", 401, "provider_a", 409, "coordinator_16051", 403, "admin", 403)},
	{op: "GET /assessments/{assessmentId}/attachments/{attachmentId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/assessments/%d/attachments/%d", diakonieDraft(e), draftWithFile(e))
	}, want: expect(404, "provider_a", 200)},
	{op: "GET /assessments/{assessmentId}/attachments/{attachmentId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/assessments/%d/attachments/%d", submission(e), submittedFile(e))
	}, want: submissionReaders(200)},
	// An attachment of one assessment is not found under another (IDOR by id).
	{op: "GET /assessments/{assessmentId}/attachments/{attachmentId}", path: func(e *matrixEnv, _ string) string {
		return fmt.Sprintf("/api/v1/assessments/%d/attachments/%d", submission(e), draftWithFile(e))
	}, want: expect(404)},
	{op: "DELETE /assessments/{assessmentId}/attachments/{attachmentId}", path: func(e *matrixEnv, _ string) string {
		id := freshDraft(e)
		return fmt.Sprintf("/api/v1/assessments/%d/attachments/%d", id, e.newAttachment(id))
	}, want: onlyDiakonie(204)},
}

// TestNeedsAttachments: a member attaches a file to the draft, the invited co-signer reads it,
// an unsupported type is refused, and after submission the files are locked.
func TestNeedsAttachments(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		w := newNeedsWorld(t, db)
		c := w.newCall()
		a := w.newDraft(c.ID, "Mit Anlage")
		files := w.path("/api/v1/assessments/%d/attachments", a.ID)
		up := func(b interface {
			doType(string, string, string, string) response
		}, name, content string) response {
			return b.doType("POST", files, multipartBody(nil, name, content), "multipart/form-data; boundary="+uploadBoundary)
		}
		if r := up(w.dia, "../../etc/Statistik.pdf", minimalPDF); r.Status != 201 || !strings.Contains(r.Body, `"file_name":"Statistik.pdf"`) {
			t.Fatalf("upload: %d %s", r.Status, r.Body)
		}
		if r := up(w.dia, "skript.html", "<html><script>alert(1)</script></html>"); r.Status != 415 || !strings.Contains(r.Body, "unsupported_file_type") {
			t.Errorf("an HTML file: %d %s", r.Status, r.Body)
		}
		if r := up(w.awoM, "fremd.pdf", minimalPDF); r.Status != 404 {
			t.Errorf("AWO attaches to Diakonie's draft: %d", r.Status)
		}
		var list struct {
			Items []struct {
				ID       int64  `json:"id"`
				FileName string `json:"file_name"`
			}
		}
		w.call(w.dia, 200, "GET", files, "", &list)
		if len(list.Items) != 1 {
			t.Fatalf("list: %+v", list)
		}
		one := w.path("%s/%d", files, list.Items[0].ID)
		w.call(w.coord, 404, "GET", one, "", nil)
		w.call(w.dia, 200, "POST", w.path("/api/v1/assessments/%d/cosigners", a.ID), `{"org":"awo-erfurt"}`, nil)
		if r := w.call(w.awoM, 200, "GET", one, "", nil); r.Body != minimalPDF || !strings.Contains(r.Header.Get("Content-Disposition"), "Statistik.pdf") {
			t.Errorf("the invited co-signer downloads: %q %s", r.Header.Get("Content-Disposition"), r.Body)
		}
		w.transition(w.dia, a.ID, "release")
		w.transition(w.dia, a.ID, "submit")
		if code := w.problem(w.dia, 409, "DELETE", one, ""); code != "assessment_state" {
			t.Errorf("deleting a submitted file: %s", code)
		}
		if r := up(w.dia, "spaet.pdf", minimalPDF); r.Status != 409 {
			t.Errorf("attaching after submission: %d", r.Status)
		}
		if r := w.call(w.coord, 200, "GET", one, "", nil); r.Body != minimalPDF {
			t.Errorf("the coordinator reads the submitted file: %s", r.Body)
		}
		var anon json.RawMessage
		w.call(w.anon, 404, "GET", files, "", &anon)
	})
}
