package needs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// MaxAttachments bounds the files of one assessment.
const MaxAttachments = 20

// Errors of attachments.
var (
	ErrAttachmentNotFound = kernel.New(kernel.KindNotFound, "attachment_not_found", "There is no such attachment.")
	ErrTooManyAttachments = kernel.New(kernel.KindConflict, "too_many_attachments", "An assessment has at most 20 attachments.")
)

// Attachment is a file an organisation adds to its assessment as evidence: it is as private as
// the assessment and is locked with it on submission.
type Attachment struct {
	ID           int64
	AssessmentID int64
	FileName     string
	ContentType  string
	Size         int64
	StorageKey   string
	SHA256       string
	UploadedBy   int64
	UploadedAt   time.Time
}

// Files keeps the rows of attachments; the bytes live in the blob store.
type Files interface {
	InsertAttachment(ctx context.Context, a Attachment) (Attachment, error)
	// Attachments lists an assessment's attachments, oldest first.
	Attachments(ctx context.Context, assessmentID int64) ([]Attachment, error)
	// Attachment returns one of the assessment's (ErrAttachmentNotFound).
	Attachment(ctx context.Context, assessmentID, id int64) (Attachment, error)
	// DeleteAttachment removes one and returns it (ErrAttachmentNotFound).
	DeleteAttachment(ctx context.Context, assessmentID, id int64) (Attachment, error)
}

// NewAttachment is an upload: the name the person gave, the type detected from the content, the
// bytes.
type NewAttachment struct {
	FileName    string
	ContentType string
	Body        io.Reader
}

// Attach adds a file to a draft of the person's organisation: the bytes first, then the row; if
// the row fails, the bytes go again.
func (s *Service) Attach(ctx context.Context, who identity.Principal, id int64, n NewAttachment) (Attachment, error) {
	if err := s.editableByOwn(ctx, who, id); err != nil {
		return Attachment{}, err
	}
	if err := checkText("file_name", &n.FileName, MaxTitle, true); err != nil {
		return Attachment{}, err
	}
	key := fmt.Sprintf("needs/%d/%s", id, randomKey())
	size, sum, err := s.blobs.Put(ctx, key, n.Body)
	if err != nil {
		return Attachment{}, err
	}
	var out Attachment
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		have, err := s.files.Attachments(ctx, id)
		if err != nil {
			return err
		}
		if len(have) >= MaxAttachments {
			return ErrTooManyAttachments
		}
		if out, err = s.files.InsertAttachment(ctx, Attachment{AssessmentID: id, FileName: n.FileName, ContentType: n.ContentType,
			Size: size, StorageKey: key, SHA256: sum, UploadedBy: who.User.ID, UploadedAt: s.now().UTC()}); err != nil {
			return err
		}
		return s.log(ctx, who, "needs_assessment.attach", id, map[string]any{"attachment_id": out.ID, "file_name": n.FileName, "size": size})
	})
	if err != nil {
		_ = s.blobs.Delete(ctx, key)
		return Attachment{}, err
	}
	return out, nil
}

// Attachments lists the files of an assessment the person sees.
func (s *Service) Attachments(ctx context.Context, who identity.Principal, id int64) ([]Attachment, error) {
	if _, err := s.Assessment(ctx, who, id); err != nil {
		return nil, err
	}
	return s.files.Attachments(ctx, id)
}

// OpenAttachment opens a file of an assessment the person sees; the caller closes the body.
func (s *Service) OpenAttachment(ctx context.Context, who identity.Principal, id, attachmentID int64) (Attachment, io.ReadSeekCloser, error) {
	if _, err := s.Assessment(ctx, who, id); err != nil {
		return Attachment{}, nil, err
	}
	a, err := s.files.Attachment(ctx, id, attachmentID)
	if err != nil {
		return a, nil, err
	}
	body, err := s.blobs.Open(ctx, a.StorageKey)
	return a, body, err
}

// Detach removes a file from a draft of the person's organisation; the bytes go after the commit.
func (s *Service) Detach(ctx context.Context, who identity.Principal, id, attachmentID int64) error {
	if err := s.editableByOwn(ctx, who, id); err != nil {
		return err
	}
	var a Attachment
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if a, err = s.files.DeleteAttachment(ctx, id, attachmentID); err != nil {
			return err
		}
		return s.log(ctx, who, "needs_assessment.detach", id, map[string]any{"attachment_id": attachmentID})
	})
	if err != nil {
		return err
	}
	_ = s.blobs.Delete(ctx, a.StorageKey)
	return nil
}

// MayAttach reports (as nil) that the person may add or remove files now: they belong to the
// submitting organisation and the draft is not locked. The upload handler asks it before it
// reads a file that would only be thrown away.
func (s *Service) MayAttach(ctx context.Context, who identity.Principal, id int64) error {
	return s.editableByOwn(ctx, who, id)
}

// editableByOwn: the person belongs to the submitting organisation and the draft is not locked.
func (s *Service) editableByOwn(ctx context.Context, who identity.Principal, id int64) error {
	if who.Anonymous() {
		return kernel.ErrLoginRequired
	}
	v, err := s.Assessment(ctx, who, id)
	if err != nil {
		return err
	}
	if !v.Access.Own {
		return kernel.ErrForbidden
	}
	if !v.Editable() {
		return fmt.Errorf("%w: a %s assessment's attachments are locked", ErrState, v.Status)
	}
	return nil
}

// Blobs keeps the bytes of attachments (the planning context's blob store).
type Blobs = planning.Blobs

func randomKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
