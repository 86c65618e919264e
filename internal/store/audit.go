package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/audit"
)

type auditRow struct {
	ID         int64 `gorm:"primaryKey"`
	At         time.Time
	ActorID    *int64
	Action     string
	TargetType string
	TargetID   string
	Details    string
}

func (auditRow) TableName() string { return "audit_log" }

// Audit is the gorm implementation of audit.Store.
type Audit struct{ db *gorm.DB }

// NewAudit returns the audit log store on db.
func NewAudit(db *DB) *Audit { return &Audit{db: db.Gorm} }

var _ audit.Store = (*Audit)(nil)

// Append implements audit.Store.
func (s *Audit) Append(ctx context.Context, e audit.Entry) error {
	return appendAudit(conn(ctx, s.db), e.ActorID, e.Action, e.TargetType, e.TargetID, e.Details)
}

// appendAudit writes one entry on tx, so that a change and its audit line commit together.
func appendAudit(tx *gorm.DB, actorID int64, action, targetType, targetID string, details map[string]any) error {
	if details == nil {
		details = map[string]any{}
	}
	b, err := json.Marshal(details)
	if err != nil {
		return fmt.Errorf("audit details: %w", err)
	}
	row := auditRow{At: time.Now().UTC(), Action: action, TargetType: targetType, TargetID: targetID, Details: string(b)}
	if actorID != 0 {
		row.ActorID = &actorID
	}
	if err := tx.Create(&row).Error; err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	return nil
}

// List implements audit.Store.
func (s *Audit) List(ctx context.Context, before int64, limit int) ([]audit.Entry, error) {
	type listed struct {
		ID                           int64
		At                           time.Time
		ActorID                      *int64
		ActorName                    *string
		Action, TargetType, TargetID string
		Details                      string
	}
	q := s.db.WithContext(ctx).Table("audit_log").
		Select("audit_log.id, audit_log.at, audit_log.actor_id, users.name AS actor_name, audit_log.action, audit_log.target_type, audit_log.target_id, audit_log.details").
		Joins("LEFT JOIN users ON users.id = audit_log.actor_id").
		Order("audit_log.id DESC").Limit(limit)
	if before > 0 {
		q = q.Where("audit_log.id < ?", before)
	}
	var rows []listed
	if err := q.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list audit log: %w", err)
	}
	out := make([]audit.Entry, 0, len(rows))
	for _, r := range rows {
		e := audit.Entry{ID: r.ID, At: r.At.UTC(), Action: r.Action, TargetType: r.TargetType, TargetID: r.TargetID}
		if r.ActorID != nil {
			e.ActorID = *r.ActorID
		}
		if r.ActorName != nil {
			e.ActorName = *r.ActorName
		}
		if err := json.Unmarshal([]byte(r.Details), &e.Details); err != nil {
			return nil, fmt.Errorf("audit entry %d: %w", r.ID, err)
		}
		out = append(out, e)
	}
	return out, nil
}
