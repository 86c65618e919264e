package httpapi

import (
	"context"
	"os"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/needs"
)

// attachmentTypes are the files an organisation may attach as evidence: a process's document
// types and photos.
var attachmentTypes = func() map[string]bool {
	m := map[string]bool{"image/png": true, "image/jpeg": true}
	for t := range documentTypes {
		m[t] = true
	}
	return m
}()

func attachmentJSON(a needs.Attachment) api.Attachment {
	return api.Attachment{Id: a.ID, FileName: a.FileName, ContentType: a.ContentType, Size: a.Size, UploadedAt: a.UploadedAt}
}

// ListAssessmentAttachments implements api.StrictServerInterface.
func (h *handlers) ListAssessmentAttachments(ctx context.Context, req api.ListAssessmentAttachmentsRequestObject) (api.ListAssessmentAttachmentsResponseObject, error) {
	list, err := h.needs.Attachments(ctx, principalFrom(ctx), req.AssessmentId)
	if err != nil {
		return nil, err
	}
	out := api.ListAssessmentAttachments200JSONResponse{Items: make([]api.Attachment, len(list))}
	for i, a := range list {
		out.Items[i] = attachmentJSON(a)
	}
	return out, nil
}

// UploadAssessmentAttachment implements api.StrictServerInterface.
func (h *handlers) UploadAssessmentAttachment(ctx context.Context, req api.UploadAssessmentAttachmentRequestObject) (api.UploadAssessmentAttachmentResponseObject, error) {
	p := principalFrom(ctx)
	// Refuse before reading a file that would only be thrown away; Attach checks again.
	if err := h.needs.MayAttach(ctx, p, req.AssessmentId); err != nil {
		return nil, err
	}
	up, err := receiveUpload(req.Body, attachmentTypes, "use PDF, an office format, PNG or JPEG")
	defer up.remove()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(up.tmp)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a, err := h.needs.Attach(ctx, p, req.AssessmentId, needs.NewAttachment{FileName: up.fileName, ContentType: up.contentType, Body: f})
	if err != nil {
		return nil, err
	}
	return api.UploadAssessmentAttachment201JSONResponse(attachmentJSON(a)), nil
}

// DownloadAssessmentAttachment implements api.StrictServerInterface.
func (h *handlers) DownloadAssessmentAttachment(ctx context.Context, req api.DownloadAssessmentAttachmentRequestObject) (api.DownloadAssessmentAttachmentResponseObject, error) {
	a, body, err := h.needs.OpenAttachment(ctx, principalFrom(ctx), req.AssessmentId, req.AttachmentId)
	if err != nil {
		return nil, err
	}
	return download{contentType: a.ContentType, size: a.Size, fileName: a.FileName, sha256: a.SHA256, body: body}, nil
}

// DeleteAssessmentAttachment implements api.StrictServerInterface.
func (h *handlers) DeleteAssessmentAttachment(ctx context.Context, req api.DeleteAssessmentAttachmentRequestObject) (api.DeleteAssessmentAttachmentResponseObject, error) {
	if err := h.needs.Detach(ctx, principalFrom(ctx), req.AssessmentId, req.AttachmentId); err != nil {
		return nil, err
	}
	return api.DeleteAssessmentAttachment204Response{}, nil
}
