package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// MaxDocumentBytes is the largest document a coordinator may upload.
const MaxDocumentBytes = 20 << 20

// documentTypes are the accepted types, as detected from the content (never the file name or the
// browser's claim): PDF and office files.
var documentTypes = map[string]bool{
	"application/pdf": true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   true,
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         true,
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": true,
	"application/vnd.oasis.opendocument.text":                                   true,
	"application/vnd.oasis.opendocument.spreadsheet":                            true,
	"application/vnd.oasis.opendocument.presentation":                           true,
	"application/msword":            true,
	"application/vnd.ms-excel":      true,
	"application/vnd.ms-powerpoint": true,
}

// UploadDocument implements api.StrictServerInterface.
func (h *handlers) UploadDocument(ctx context.Context, req api.UploadDocumentRequestObject) (api.UploadDocumentResponseObject, error) {
	p := principalFrom(ctx)
	// Refuse before reading a file that would only be thrown away; AddDocument checks again.
	if _, err := h.plan.ChangeableProcess(ctx, p, req.ProcessId); err != nil {
		return nil, err
	}
	up, err := receiveUpload(req.Body, documentTypes, "use PDF or an office format")
	defer up.remove()
	if err != nil {
		return nil, err
	}
	title := up.title
	if strings.ContainsRune(title, 0) {
		return nil, errNULCharacter
	}
	if kernel.Chars(title) > kernel.MaxName {
		return nil, NewProblem(http.StatusUnprocessableEntity, "validation_failed", fmt.Sprintf("the title is longer than %d characters", kernel.MaxName))
	}
	if title == "" {
		title = strings.TrimSuffix(up.fileName, filepath.Ext(up.fileName))
	}
	fileName, contentType, tmp := up.fileName, up.contentType, up.tmp
	f, err := os.Open(tmp)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := h.plan.AddDocument(ctx, p, planning.NewDocument{ProcessID: req.ProcessId, Title: title, FileName: fileName,
		ContentType: contentType, Body: f})
	if err != nil {
		return nil, err
	}
	return api.UploadDocument201JSONResponse{Id: d.ID, Title: d.Title, FileName: d.FileName, ContentType: d.ContentType, Size: d.Size, UploadedAt: d.UploadedAt}, nil
}

// upload is a received file, spooled to a temporary file with its type detected from the content.
type upload struct {
	title, fileName, contentType, tmp string
}

func (u upload) remove() {
	if u.tmp != "" {
		_ = os.Remove(u.tmp)
	}
}

// receiveUpload reads a multipart upload of one file (and an optional title) and accepts only
// the given types, detected from the content (never the file name or the browser's claim); hint
// says what would be accepted. The caller removes the temporary file.
func receiveUpload(body *multipart.Reader, types map[string]bool, hint string) (upload, error) {
	var up upload
	for {
		part, err := body.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return up, NewProblem(http.StatusBadRequest, "invalid_request", "the upload is not valid multipart/form-data")
		}
		switch part.FormName() {
		case "title":
			b, _ := io.ReadAll(io.LimitReader(part, 801))
			up.title = strings.TrimSpace(string(b))
		case "file":
			if up.tmp != "" {
				return up, NewProblem(http.StatusBadRequest, "invalid_request", "send one file per upload")
			}
			up.fileName = cleanFileName(part.FileName())
			if up.tmp, err = spool(part); err != nil {
				return up, err
			}
		}
	}
	if up.tmp == "" {
		return up, NewProblem(http.StatusBadRequest, "invalid_request", "the form field file is missing")
	}
	mt, err := mimetype.DetectFile(up.tmp)
	if err != nil {
		return up, err
	}
	up.contentType, _, _ = strings.Cut(mt.String(), ";")
	if !types[up.contentType] {
		return up, NewProblem(http.StatusUnsupportedMediaType, "unsupported_file_type",
			fmt.Sprintf("%s files cannot be uploaded; %s", up.contentType, hint))
	}
	return up, nil
}

// spool copies an uploaded file to a temporary file, refusing more than MaxDocumentBytes.
func spool(r io.Reader) (string, error) {
	f, err := os.CreateTemp("", "teilhabe-upload-*")
	if err != nil {
		return "", err
	}
	n, err := io.Copy(f, io.LimitReader(r, MaxDocumentBytes+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > MaxDocumentBytes {
		err = NewProblem(http.StatusRequestEntityTooLarge, "file_too_large", fmt.Sprintf("a document may have at most %d MB", MaxDocumentBytes>>20))
	}
	if err == nil && n == 0 {
		err = NewProblem(http.StatusBadRequest, "invalid_request", "the file is empty")
	}
	if err != nil {
		_ = os.Remove(f.Name())
		var p *Problem
		if !errors.As(err, &p) && strings.Contains(err.Error(), "request body too large") {
			err = NewProblem(http.StatusRequestEntityTooLarge, "file_too_large", "the upload is too large")
		}
		return "", err
	}
	return f.Name(), nil
}

func cleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, name)
	if name == "" || name == "." || name == "/" {
		return "dokument"
	}
	if len(name) > 200 {
		name = name[len(name)-200:]
	}
	return name
}

// DownloadDocument implements api.StrictServerInterface.
func (h *handlers) DownloadDocument(ctx context.Context, req api.DownloadDocumentRequestObject) (api.DownloadDocumentResponseObject, error) {
	d, f, err := h.plan.Document(ctx, principalFrom(ctx), req.ProcessId, req.DocumentId)
	if err != nil {
		return nil, err
	}
	return download{contentType: d.ContentType, size: d.Size, fileName: d.FileName, sha256: d.SHA256, body: f}, nil
}

// download sends a stored file (a process's document, an assessment's attachment) with its real
// type, as an attachment.
type download struct {
	contentType, fileName, sha256 string
	size                          int64
	body                          io.ReadCloser
}

// VisitDownloadDocumentResponse writes the file with its headers.
func (d download) VisitDownloadDocumentResponse(w http.ResponseWriter) error { return d.write(w) }

// VisitDownloadAssessmentAttachmentResponse writes the file with its headers.
func (d download) VisitDownloadAssessmentAttachmentResponse(w http.ResponseWriter) error {
	return d.write(w)
}

func (d download) write(w http.ResponseWriter) error {
	defer d.body.Close()
	h := w.Header()
	h.Set("Content-Type", d.contentType)
	h.Set("Content-Length", strconv.FormatInt(d.size, 10))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.fileName}))
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", `"`+d.sha256+`"`)
	w.WriteHeader(http.StatusOK)
	_, err := io.Copy(w, d.body)
	return err
}

// DeleteDocument implements api.StrictServerInterface.
func (h *handlers) DeleteDocument(ctx context.Context, req api.DeleteDocumentRequestObject) (api.DeleteDocumentResponseObject, error) {
	if err := h.plan.DeleteDocument(ctx, principalFrom(ctx), req.ProcessId, req.DocumentId); err != nil {
		return nil, err
	}
	return api.DeleteDocument204Response{}, nil
}
