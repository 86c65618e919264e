package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/workshop"
)

type workshopMessageRow struct {
	ID            int64 `gorm:"primaryKey"`
	WorkshopID    int64
	ParticipantID *int64
	AuthorName    string
	Text          string
	Hidden        bool
	Reason        string
	CreatedAt     time.Time
}

func (workshopMessageRow) TableName() string { return "workshop_messages" }

type workshopDecisionRow struct {
	ID           int64 `gorm:"primaryKey"`
	WorkshopID   int64
	AgendaItemID *int64
	Text         string
	CreatedBy    *int64
	CreatedAt    time.Time
}

func (workshopDecisionRow) TableName() string { return "workshop_decisions" }

type workshopLogRow struct {
	ID         int64 `gorm:"primaryKey"`
	WorkshopID int64
	Subject    string
	Action     string
	Reason     string
	At         time.Time
}

func (workshopLogRow) TableName() string { return "workshop_log" }

type workshopMinutesRow struct {
	WorkshopID  int64 `gorm:"primaryKey;autoIncrement:false"`
	Status      string
	Text        string
	Version     int
	UpdatedAt   time.Time
	PublishedAt *time.Time
}

func (workshopMinutesRow) TableName() string { return "workshop_minutes" }

type workshopHandoffRow struct {
	ID         int64 `gorm:"primaryKey"`
	WorkshopID int64
	Subject    string
	Target     string
	TargetID   int64
	Org        string
	Status     string
	Summary    string
	CallID     int64
	CreatedBy  *int64
	CreatedAt  time.Time
}

func (workshopHandoffRow) TableName() string { return "workshop_handoffs" }

func (r workshopMessageRow) toDomain() (workshop.Message, error) {
	return workshop.Message{ID: r.ID, WorkshopID: r.WorkshopID, ParticipantID: deref(r.ParticipantID), AuthorName: r.AuthorName, Text: r.Text,
		Hidden: r.Hidden, Reason: r.Reason, CreatedAt: r.CreatedAt.UTC()}, nil
}

func (r workshopDecisionRow) toDomain() (workshop.Decision, error) {
	return workshop.Decision{ID: r.ID, WorkshopID: r.WorkshopID, AgendaItemID: deref(r.AgendaItemID), Text: r.Text, CreatedBy: deref(r.CreatedBy),
		CreatedAt: r.CreatedAt.UTC()}, nil
}

func (r workshopLogRow) toDomain() (workshop.LogEntry, error) {
	return workshop.LogEntry{ID: r.ID, WorkshopID: r.WorkshopID, Subject: r.Subject, Action: r.Action, Reason: r.Reason, At: r.At.UTC()}, nil
}

func (r workshopHandoffRow) toDomain() (workshop.Handoff, error) {
	return workshop.Handoff{ID: r.ID, WorkshopID: r.WorkshopID, Subject: r.Subject, Target: workshop.HandoffTarget(r.Target), TargetID: r.TargetID,
		Org: r.Org, Status: r.Status, Summary: r.Summary, CallID: r.CallID, CreatedBy: deref(r.CreatedBy), CreatedAt: r.CreatedAt.UTC()}, nil
}

// InsertMessage implements workshop.Store.
func (s *Workshops) InsertMessage(ctx context.Context, m workshop.Message) (workshop.Message, error) {
	row := workshopMessageRow{WorkshopID: m.WorkshopID, ParticipantID: nonZero(m.ParticipantID), AuthorName: m.AuthorName, Text: m.Text,
		Hidden: m.Hidden, Reason: m.Reason, CreatedAt: stamp(m.CreatedAt)}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return m, translate(err, workshop.ErrInvalid)
	}
	return row.toDomain()
}

// SaveMessage implements workshop.Store: whether it is hidden, and why.
func (s *Workshops) SaveMessage(ctx context.Context, m workshop.Message) error {
	return updateOne(conn(ctx, s.db), &workshopMessageRow{}, m.ID, map[string]any{"hidden": m.Hidden, "reason": m.Reason}, workshop.ErrMessageNotFound)
}

// Message implements workshop.Store.
func (s *Workshops) Message(ctx context.Context, id int64) (workshop.Message, error) {
	var r workshopMessageRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return workshop.Message{}, notFound(err, workshop.ErrMessageNotFound)
	}
	return r.toDomain()
}

// Messages implements workshop.Store: the newest limit messages are read newest first and
// returned oldest first.
func (s *Workshops) Messages(ctx context.Context, workshopID int64, limit int) ([]workshop.Message, error) {
	tx := conn(ctx, s.db).Where("workshop_id = ?", workshopID).Order("id DESC")
	if limit > 0 {
		tx = tx.Limit(limit)
	}
	var rows []workshopMessageRow
	if err := tx.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list messages: %w", err)
	}
	slices.Reverse(rows)
	return domainRows(rows)
}

// LastMessageAt implements workshop.Store.
func (s *Workshops) LastMessageAt(ctx context.Context, workshopID, participantID int64) (time.Time, error) {
	var rows []workshopMessageRow
	if err := conn(ctx, s.db).Where("workshop_id = ? AND participant_id = ?", workshopID, participantID).Order("id DESC").Limit(1).
		Find(&rows).Error; err != nil || len(rows) == 0 {
		return time.Time{}, err
	}
	return rows[0].CreatedAt.UTC(), nil
}

// InsertDecision implements workshop.Store.
func (s *Workshops) InsertDecision(ctx context.Context, d workshop.Decision) (workshop.Decision, error) {
	row := workshopDecisionRow{WorkshopID: d.WorkshopID, AgendaItemID: nonZero(d.AgendaItemID), Text: d.Text, CreatedBy: nonZero(d.CreatedBy),
		CreatedAt: stamp(d.CreatedAt)}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return d, translate(err, workshop.ErrInvalid)
	}
	return row.toDomain()
}

// DeleteDecision implements workshop.Store.
func (s *Workshops) DeleteDecision(ctx context.Context, id int64) error {
	return deleteOne(conn(ctx, s.db), &workshopDecisionRow{}, id, workshop.ErrDecisionNotFound)
}

// Decision implements workshop.Store.
func (s *Workshops) Decision(ctx context.Context, id int64) (workshop.Decision, error) {
	var r workshopDecisionRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return workshop.Decision{}, notFound(err, workshop.ErrDecisionNotFound)
	}
	return r.toDomain()
}

// Decisions implements workshop.Store, in the order they were noted.
func (s *Workshops) Decisions(ctx context.Context, workshopID int64) ([]workshop.Decision, error) {
	var rows []workshopDecisionRow
	if err := conn(ctx, s.db).Where("workshop_id = ?", workshopID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	return domainRows(rows)
}

// AppendLog implements workshop.Store.
func (s *Workshops) AppendLog(ctx context.Context, e workshop.LogEntry) error {
	row := workshopLogRow{WorkshopID: e.WorkshopID, Subject: e.Subject, Action: e.Action, Reason: e.Reason, At: stamp(e.At)}
	return translate(conn(ctx, s.db).Create(&row).Error, workshop.ErrInvalid)
}

// Log implements workshop.Store, oldest first.
func (s *Workshops) Log(ctx context.Context, workshopID int64) ([]workshop.LogEntry, error) {
	var rows []workshopLogRow
	if err := conn(ctx, s.db).Where("workshop_id = ?", workshopID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list moderation log: %w", err)
	}
	return domainRows(rows)
}

// SaveMinutes implements workshop.Store: the first minutes are inserted with ON CONFLICT DO
// NOTHING, later ones updated where the version is prev, so that of two concurrent saves from
// the same version one wins and the other gets workshop.ErrStaleMinutes. A version of 0 is
// stored as prev+1.
func (s *Workshops) SaveMinutes(ctx context.Context, m workshop.Minutes, prev int) error {
	tx := conn(ctx, s.db)
	if m.Version == 0 {
		m.Version = prev + 1
	}
	row := workshopMinutesRow{WorkshopID: m.WorkshopID, Status: string(m.Status), Text: m.Text, Version: m.Version, UpdatedAt: stamp(m.UpdatedAt),
		PublishedAt: optTime(m.PublishedAt)}
	if prev == 0 {
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
		if res.Error != nil {
			return translate(res.Error, workshop.ErrInvalid)
		}
		if res.RowsAffected == 0 {
			return workshop.ErrStaleMinutes
		}
		return nil
	}
	res := tx.Model(&workshopMinutesRow{}).Where("workshop_id = ? AND version = ?", m.WorkshopID, prev).Updates(map[string]any{"status": row.Status,
		"text": row.Text, "version": row.Version, "updated_at": row.UpdatedAt, "published_at": row.PublishedAt})
	if res.Error != nil {
		return translate(res.Error, workshop.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		return workshop.ErrStaleMinutes
	}
	return nil
}

// MinutesOf implements workshop.Store.
func (s *Workshops) MinutesOf(ctx context.Context, workshopID int64) (workshop.Minutes, bool, error) {
	var rows []workshopMinutesRow
	if err := conn(ctx, s.db).Where("workshop_id = ?", workshopID).Find(&rows).Error; err != nil || len(rows) == 0 {
		return workshop.Minutes{}, false, err
	}
	r := rows[0]
	return workshop.Minutes{WorkshopID: r.WorkshopID, Status: workshop.MinutesStatus(r.Status), Text: r.Text, Version: r.Version,
		UpdatedAt: r.UpdatedAt.UTC(), PublishedAt: fromOptTime(r.PublishedAt)}, true, nil
}

// InsertHandoff implements workshop.Store. ON CONFLICT DO NOTHING lets the unique index decide
// a second hand-off of the subject to the target without aborting the transaction.
func (s *Workshops) InsertHandoff(ctx context.Context, h workshop.Handoff) (workshop.Handoff, error) {
	row := workshopHandoffRow{WorkshopID: h.WorkshopID, Subject: h.Subject, Target: string(h.Target), TargetID: h.TargetID, Org: h.Org,
		Status: h.Status, Summary: h.Summary, CallID: h.CallID, CreatedBy: nonZero(h.CreatedBy), CreatedAt: stamp(h.CreatedAt)}
	res := conn(ctx, s.db).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "workshop_id"}, {Name: "subject"}, {Name: "target"}, {Name: "org"}},
		DoNothing: true}).Create(&row)
	if res.Error != nil {
		return h, translateAs(res.Error, workshop.ErrAlreadyHandedOff, wsInvalid())
	}
	if res.RowsAffected == 0 {
		return h, workshop.ErrAlreadyHandedOff
	}
	return row.toDomain()
}

// SaveHandoff implements workshop.Store: what it became and its status
// (workshop.ErrHandoffNotFound without it).
func (s *Workshops) SaveHandoff(ctx context.Context, h workshop.Handoff) error {
	return updateOne(conn(ctx, s.db), &workshopHandoffRow{}, h.ID, map[string]any{"target_id": h.TargetID, "status": h.Status}, workshop.ErrHandoffNotFound)
}

// Handoff implements workshop.Store (workshop.ErrHandoffNotFound without it).
func (s *Workshops) Handoff(ctx context.Context, id int64) (workshop.Handoff, error) {
	var r workshopHandoffRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return workshop.Handoff{}, notFound(err, workshop.ErrHandoffNotFound)
	}
	return r.toDomain()
}

// Handoffs implements workshop.Store, in the order they were made.
func (s *Workshops) Handoffs(ctx context.Context, workshopID int64) ([]workshop.Handoff, error) {
	var rows []workshopHandoffRow
	if err := conn(ctx, s.db).Where("workshop_id = ?", workshopID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list hand-offs: %w", err)
	}
	return domainRows(rows)
}

// OfferedTo implements workshop.Store, oldest first.
func (s *Workshops) OfferedTo(ctx context.Context, org string) ([]workshop.Handoff, error) {
	var rows []workshopHandoffRow
	if err := conn(ctx, s.db).Where("org = ? AND target = ? AND status = ?", org, string(workshop.ToNeeds), "offered").Order("id").
		Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list offered hand-offs: %w", err)
	}
	return domainRows(rows)
}
