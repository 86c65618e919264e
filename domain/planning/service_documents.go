package planning

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// NewDocument is an upload to a process: what the person sent and the bytes.
type NewDocument struct {
	ProcessID   int64
	Title       string
	FileName    string
	ContentType string // detected from the content
	Body        io.Reader
}

// AddDocument stores a document of a process the person coordinates: the bytes first, then its
// row with the audit line; if the row fails, the bytes are removed again.
func (s *Service) AddDocument(ctx context.Context, who identity.Principal, nd NewDocument) (Document, error) {
	p, err := s.ChangeableProcess(ctx, who, nd.ProcessID)
	if err != nil {
		return Document{}, err
	}
	key := fmt.Sprintf("documents/%d/%s", p.ID, randomKey())
	size, sum, err := s.blobs.Put(ctx, key, nd.Body)
	if err != nil {
		return Document{}, err
	}
	var out Document
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		out, err = s.store.InsertDocument(ctx, Document{ProcessID: p.ID, Title: nd.Title, FileName: nd.FileName,
			ContentType: nd.ContentType, Size: size, StorageKey: key, SHA256: sum, UploadedBy: who.User.ID, UploadedAt: s.now().UTC()})
		if err != nil {
			return err
		}
		return s.log(ctx, who, "document.create", "process", strconv.FormatInt(p.ID, 10),
			map[string]any{"document_id": out.ID, "file_name": out.FileName, "size": out.Size})
	})
	if err != nil {
		_ = s.blobs.Delete(ctx, key)
		return Document{}, err
	}
	return out, nil
}

// Document opens a document of a process the person may read; the caller closes the body.
func (s *Service) Document(ctx context.Context, who identity.Principal, processID, documentID int64) (Document, io.ReadSeekCloser, error) {
	p, err := s.ReadableProcess(ctx, who, processID)
	if err != nil {
		return Document{}, nil, err
	}
	d, err := s.store.Document(ctx, p.ID, documentID)
	if err != nil {
		return d, nil, err
	}
	body, err := s.blobs.Open(ctx, d.StorageKey)
	return d, body, err
}

// DeleteDocument removes a document of a process the person coordinates; the bytes go after the
// commit, so a failed delete never leaves a row without its file.
func (s *Service) DeleteDocument(ctx context.Context, who identity.Principal, processID, documentID int64) error {
	p, err := s.ChangeableProcess(ctx, who, processID)
	if err != nil {
		return err
	}
	var d Document
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if d, err = s.store.DeleteDocument(ctx, p.ID, documentID); err != nil {
			return err
		}
		return s.log(ctx, who, "document.delete", "process", strconv.FormatInt(p.ID, 10),
			map[string]any{"document_id": documentID, "file_name": d.FileName})
	})
	if err != nil {
		return err
	}
	_ = s.blobs.Delete(ctx, d.StorageKey) // the row is gone; a left-over file is only disk space
	return nil
}

// randomKey names a document's bytes so that no one can guess another document's key.
func randomKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
