package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/needs"
)

// NeedsFiles keeps the rows of needs assessments' attachments (needs.Files).
type NeedsFiles struct{ db *gorm.DB }

// NewNeedsFiles returns the attachments' store.
func NewNeedsFiles(db *DB) *NeedsFiles { return &NeedsFiles{db: db.Gorm} }

var _ needs.Files = (*NeedsFiles)(nil)

type needsAttachmentRow struct {
	ID           int64 `gorm:"primaryKey"`
	AssessmentID int64
	FileName     string
	ContentType  string
	Size         int64
	StorageKey   string
	SHA256       string `gorm:"column:sha256"`
	UploadedBy   *int64
	UploadedAt   time.Time
}

func (needsAttachmentRow) TableName() string { return "needs_attachments" }

func (r needsAttachmentRow) toDomain() needs.Attachment {
	return needs.Attachment{ID: r.ID, AssessmentID: r.AssessmentID, FileName: r.FileName, ContentType: r.ContentType, Size: r.Size,
		StorageKey: r.StorageKey, SHA256: r.SHA256, UploadedBy: deref(r.UploadedBy), UploadedAt: r.UploadedAt.UTC()}
}

// InsertAttachment implements needs.Files.
func (s *NeedsFiles) InsertAttachment(ctx context.Context, a needs.Attachment) (needs.Attachment, error) {
	row := needsAttachmentRow{AssessmentID: a.AssessmentID, FileName: a.FileName, ContentType: a.ContentType, Size: a.Size,
		StorageKey: a.StorageKey, SHA256: a.SHA256, UploadedAt: a.UploadedAt.UTC()}
	if a.UploadedBy != 0 {
		row.UploadedBy = &a.UploadedBy
	}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return needs.Attachment{}, translate(err, needs.ErrNotFound)
	}
	return row.toDomain(), nil
}

// Attachments implements needs.Files.
func (s *NeedsFiles) Attachments(ctx context.Context, assessmentID int64) ([]needs.Attachment, error) {
	var rows []needsAttachmentRow
	if err := conn(ctx, s.db).Where("assessment_id = ?", assessmentID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]needs.Attachment, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Attachment implements needs.Files.
func (s *NeedsFiles) Attachment(ctx context.Context, assessmentID, id int64) (needs.Attachment, error) {
	var r needsAttachmentRow
	err := conn(ctx, s.db).Where("id = ? AND assessment_id = ?", id, assessmentID).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return needs.Attachment{}, needs.ErrAttachmentNotFound
	}
	return r.toDomain(), err
}

// DeleteAttachment implements needs.Files.
func (s *NeedsFiles) DeleteAttachment(ctx context.Context, assessmentID, id int64) (needs.Attachment, error) {
	a, err := s.Attachment(ctx, assessmentID, id)
	if err != nil {
		return a, err
	}
	return a, conn(ctx, s.db).Where("id = ?", id).Delete(&needsAttachmentRow{}).Error
}
