package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
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
	var title, fileName, tmp string
	defer func() {
		if tmp != "" {
			_ = os.Remove(tmp)
		}
	}()
	for {
		part, err := req.Body.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, NewProblem(http.StatusBadRequest, "invalid_request", "the upload is not valid multipart/form-data")
		}
		switch part.FormName() {
		case "title":
			b, _ := io.ReadAll(io.LimitReader(part, 801))
			title = strings.TrimSpace(string(b))
		case "file":
			if tmp != "" {
				return nil, NewProblem(http.StatusBadRequest, "invalid_request", "send one file per upload")
			}
			fileName = cleanFileName(part.FileName())
			if tmp, err = spool(part); err != nil {
				return nil, err
			}
		}
	}
	if tmp == "" {
		return nil, NewProblem(http.StatusBadRequest, "invalid_request", "the form field file is missing")
	}
	if strings.ContainsRune(title, 0) {
		return nil, errNULCharacter
	}
	if kernel.Chars(title) > kernel.MaxName {
		return nil, NewProblem(http.StatusUnprocessableEntity, "validation_failed", fmt.Sprintf("the title is longer than %d characters", kernel.MaxName))
	}
	mt, err := mimetype.DetectFile(tmp)
	if err != nil {
		return nil, err
	}
	contentType := mt.String()
	if i := strings.IndexByte(contentType, ';'); i > 0 {
		contentType = contentType[:i]
	}
	if !documentTypes[contentType] {
		return nil, NewProblem(http.StatusUnsupportedMediaType, "unsupported_file_type",
			fmt.Sprintf("%s files cannot be uploaded; use PDF or an office format", contentType))
	}
	if title == "" {
		title = strings.TrimSuffix(fileName, filepath.Ext(fileName))
	}
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
	return download{doc: d, body: f}, nil
}

// download sends a document with its real type, as an attachment.
type download struct {
	doc  planning.Document
	body io.ReadCloser
}

// VisitDownloadDocumentResponse writes the file with its headers.
func (d download) VisitDownloadDocumentResponse(w http.ResponseWriter) error {
	defer d.body.Close()
	h := w.Header()
	h.Set("Content-Type", d.doc.ContentType)
	h.Set("Content-Length", strconv.FormatInt(d.doc.Size, 10))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.doc.FileName}))
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", `"`+d.doc.SHA256+`"`)
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
