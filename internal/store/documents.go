package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/planning"
)

type documentRow struct {
	ID          int64 `gorm:"primaryKey"`
	ProcessID   int64
	Title       string
	FileName    string
	ContentType string
	Size        int64
	StorageKey  string
	SHA256      string `gorm:"column:sha256"`
	UploadedBy  *int64
	UploadedAt  time.Time
}

func (documentRow) TableName() string { return "documents" }

func (r documentRow) toDomain() planning.Document {
	return planning.Document{ID: r.ID, ProcessID: r.ProcessID, Title: r.Title, FileName: r.FileName, ContentType: r.ContentType,
		Size: r.Size, StorageKey: r.StorageKey, SHA256: r.SHA256, UploadedBy: deref(r.UploadedBy), UploadedAt: r.UploadedAt.UTC()}
}

// AddDocument implements planning.Store.
func (s *Planning) AddDocument(ctx context.Context, actorID int64, d planning.Document) (planning.Document, error) {
	row := documentRow{ProcessID: d.ProcessID, Title: d.Title, FileName: d.FileName, ContentType: d.ContentType, Size: d.Size,
		StorageKey: d.StorageKey, SHA256: d.SHA256, UploadedAt: time.Now().UTC()}
	if actorID != 0 {
		row.UploadedBy = &actorID
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if _, err := loadProcess(tx, d.ProcessID); err != nil {
			return err
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return appendAudit(tx, actorID, "document.create", "process", strconv.FormatInt(d.ProcessID, 10),
			map[string]any{"document_id": row.ID, "file_name": d.FileName, "size": d.Size})
	})
	return row.toDomain(), err
}

// Document implements planning.Store.
func (s *Planning) Document(ctx context.Context, processID, documentID int64) (planning.Document, error) {
	var r documentRow
	err := s.db.WithContext(ctx).Where("id = ? AND process_id = ?", documentID, processID).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return planning.Document{}, planning.ErrDocumentNotFound
	}
	return r.toDomain(), err
}

// DeleteDocument implements planning.Store; the caller removes the blob after the commit.
func (s *Planning) DeleteDocument(ctx context.Context, actorID, processID, documentID int64) (planning.Document, error) {
	var out planning.Document
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var r documentRow
		if err := tx.Where("id = ? AND process_id = ?", documentID, processID).Take(&r).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return planning.ErrDocumentNotFound
		} else if err != nil {
			return err
		}
		if err := tx.Delete(&r).Error; err != nil {
			return err
		}
		out = r.toDomain()
		return appendAudit(tx, actorID, "document.delete", "process", strconv.FormatInt(processID, 10),
			map[string]any{"document_id": documentID, "file_name": r.FileName})
	})
	return out, err
}
