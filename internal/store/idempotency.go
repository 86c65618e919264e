package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"gorm.io/gorm"
)

type idempotencyKeyRow struct {
	UserID      int64  `gorm:"primaryKey"`
	Key         string `gorm:"primaryKey;column:key"`
	Method      string
	Path        string
	BodyHash    string
	Status      int
	ContentType string
	Location    string
	Body        []byte
	CreatedAt   time.Time
}

func (idempotencyKeyRow) TableName() string { return "idempotency_keys" }

// IdempotencyKeys keeps the Idempotency-Keys of creating requests.
type IdempotencyKeys struct{ db *gorm.DB }

// NewIdempotencyKeys returns the key store on db.
func NewIdempotencyKeys(db *DB) *IdempotencyKeys { return &IdempotencyKeys{db: db.Gorm} }

// Reserve inserts the key's row as running. The primary key (user_id, key) decides between
// concurrent requests: every one but the first gets kernel.ErrIdempotencyKeyTaken.
func (s *IdempotencyKeys) Reserve(ctx context.Context, r kernel.IdempotentRequest) error {
	row := idempotencyKeyRow{UserID: r.UserID, Key: r.Key, Method: r.Method, Path: r.Path, BodyHash: r.BodyHash,
		CreatedAt: r.CreatedAt.UTC()}
	err := s.db.WithContext(ctx).Create(&row).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return kernel.ErrIdempotencyKeyTaken
	}
	if err != nil {
		return fmt.Errorf("reserve idempotency key: %w", err)
	}
	return nil
}

// Find returns the key's row, or kernel.ErrIdempotencyKeyUnknown.
func (s *IdempotencyKeys) Find(ctx context.Context, userID int64, key string) (kernel.IdempotencyRecord, error) {
	var row idempotencyKeyRow
	err := s.db.WithContext(ctx).Where(&idempotencyKeyRow{UserID: userID, Key: key}).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return kernel.IdempotencyRecord{}, kernel.ErrIdempotencyKeyUnknown
	}
	if err != nil {
		return kernel.IdempotencyRecord{}, fmt.Errorf("find idempotency key: %w", err)
	}
	rec := kernel.IdempotencyRecord{IdempotentRequest: kernel.IdempotentRequest{UserID: row.UserID, Key: row.Key, Method: row.Method,
		Path: row.Path, BodyHash: row.BodyHash, CreatedAt: row.CreatedAt.UTC()}}
	if row.Status != 0 {
		rec.Response = &kernel.StoredResponse{Status: row.Status, ContentType: row.ContentType, Location: row.Location, Body: row.Body}
	}
	return rec, nil
}

// Complete stores the answer of the key's running request.
func (s *IdempotencyKeys) Complete(ctx context.Context, userID int64, key string, resp kernel.StoredResponse) error {
	res := s.db.WithContext(ctx).Model(&idempotencyKeyRow{}).
		Where("user_id = ? AND key = ? AND status = 0", userID, key).
		Updates(map[string]any{"status": resp.Status, "content_type": resp.ContentType, "location": resp.Location, "body": resp.Body})
	if res.Error != nil {
		return fmt.Errorf("complete idempotency key: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		return kernel.ErrIdempotencyKeyUnknown
	}
	return nil
}

// Release deletes the key's row while its request is still running, so that a retry runs again;
// a finished row stays.
func (s *IdempotencyKeys) Release(ctx context.Context, userID int64, key string) error {
	err := s.db.WithContext(ctx).Where("user_id = ? AND key = ? AND status = 0", userID, key).Delete(&idempotencyKeyRow{}).Error
	if err != nil {
		return fmt.Errorf("release idempotency key: %w", err)
	}
	return nil
}

// DeleteBefore deletes every key created before t and reports how many.
func (s *IdempotencyKeys) DeleteBefore(ctx context.Context, t time.Time) (int64, error) {
	res := s.db.WithContext(ctx).Where("created_at < ?", t.UTC()).Delete(&idempotencyKeyRow{})
	if res.Error != nil {
		return 0, fmt.Errorf("sweep idempotency keys: %w", res.Error)
	}
	return res.RowsAffected, nil
}
