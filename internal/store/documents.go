package store

import (
	"context"
	"errors"
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

// InsertDocument implements planning.Store.
func (s *Planning) InsertDocument(ctx context.Context, d planning.Document) (planning.Document, error) {
	row := documentRow{ProcessID: d.ProcessID, Title: d.Title, FileName: d.FileName, ContentType: d.ContentType, Size: d.Size,
		StorageKey: d.StorageKey, SHA256: d.SHA256, UploadedAt: d.UploadedAt}
	if row.UploadedAt.IsZero() {
		row.UploadedAt = time.Now().UTC()
	}
	if d.UploadedBy != 0 {
		row.UploadedBy = &d.UploadedBy
	}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return planning.Document{}, translate(err, planning.ErrProcessNotFound)
	}
	return row.toDomain(), nil
}

// Document implements planning.Store.
func (s *Planning) Document(ctx context.Context, processID, documentID int64) (planning.Document, error) {
	var r documentRow
	err := conn(ctx, s.db).Where("id = ? AND process_id = ?", documentID, processID).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return planning.Document{}, planning.ErrDocumentNotFound
	}
	return r.toDomain(), err
}

// DeleteDocument implements planning.Store.
func (s *Planning) DeleteDocument(ctx context.Context, processID, documentID int64) (planning.Document, error) {
	d, err := s.Document(ctx, processID, documentID)
	if err != nil {
		return d, err
	}
	res := conn(ctx, s.db).Delete(&documentRow{}, d.ID)
	if res.Error == nil && res.RowsAffected == 0 {
		return d, planning.ErrDocumentNotFound
	}
	return d, res.Error
}
