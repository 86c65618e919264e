package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/consultation"
)

type responseRow struct {
	ID        int64 `gorm:"primaryKey"`
	CommentID int64
	AuthorID  *int64
	Body      string
	HTML      string `gorm:"column:html"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (responseRow) TableName() string { return "responses" }

func (r responseRow) toDomain() consultation.Response {
	return consultation.Response{ID: r.ID, CommentID: r.CommentID, AuthorID: deref(r.AuthorID), Body: r.Body, HTML: r.HTML,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

type decisionRow struct {
	ID             int64 `gorm:"primaryKey"`
	ConsultationID int64
	CommentID      int64
	ModeratorID    *int64
	Action         string
	Reason         string
	At             time.Time
}

func (decisionRow) TableName() string { return "moderation_decisions" }

// SaveResponse implements consultation.Store: one response per comment, replaced when answered
// again (the first answer's time stays).
func (s *Consultations) SaveResponse(ctx context.Context, r consultation.Response) (consultation.Response, error) {
	tx := conn(ctx, s.db)
	var row responseRow
	err := tx.Where("comment_id = ?", r.CommentID).Take(&row).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		row = responseRow{CommentID: r.CommentID, Body: r.Body, HTML: r.HTML, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
		if r.AuthorID != 0 {
			row.AuthorID = &r.AuthorID
		}
		err = tx.Create(&row).Error
	case err == nil:
		row.Body, row.HTML, row.UpdatedAt = r.Body, r.HTML, r.UpdatedAt.UTC()
		err = tx.Model(&row).Updates(map[string]any{"body": r.Body, "html": r.HTML, "updated_at": row.UpdatedAt, "author_id": r.AuthorID}).Error
	}
	if err != nil {
		return r, translate(err, consultation.ErrCommentNotFound)
	}
	return row.toDomain(), nil
}

// AddDecision implements consultation.Store.
func (s *Consultations) AddDecision(ctx context.Context, consultationID, moderatorID int64, d consultation.Decision) (consultation.Decision, error) {
	row := decisionRow{ConsultationID: consultationID, CommentID: d.CommentID, Action: string(d.Action), Reason: d.Reason, At: d.At.UTC()}
	if moderatorID != 0 {
		row.ModeratorID = &moderatorID
	}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return d, err
	}
	d.ID = row.ID
	return d, nil
}

// Responses implements consultation.Store.
func (s *Consultations) Responses(ctx context.Context, commentIDs []int64) (map[int64]consultation.Response, error) {
	out := map[int64]consultation.Response{}
	if len(commentIDs) == 0 {
		return out, nil
	}
	var rows []responseRow
	if err := conn(ctx, s.db).Where("comment_id IN ?", commentIDs).Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.CommentID] = r.toDomain()
	}
	return out, nil
}

// Queue implements consultation.Store.
func (s *Consultations) Queue(ctx context.Context, consultationID int64, limit int) ([]consultation.Comment, error) {
	var rows []commentRow
	err := s.comments(conn(ctx, s.db)).
		Where("comments.consultation_id = ? AND (comments.status = ? OR (comments.flags_open AND comments.status = ?))", consultationID,
			string(consultation.StatusPending), string(consultation.StatusPublished)). // consultation.Comment.Queued
		Order("comments.id").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]consultation.Comment, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// ModerationLog implements consultation.Store.
func (s *Consultations) ModerationLog(ctx context.Context, consultationID int64, before int64, limit int) ([]consultation.Decision, error) {
	q := conn(ctx, s.db).Where("consultation_id = ?", consultationID).Order("id DESC").Limit(limit)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var rows []decisionRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]consultation.Decision, len(rows))
	for i, r := range rows {
		out[i] = consultation.Decision{ID: r.ID, CommentID: r.CommentID, Action: consultation.Action(r.Action), Reason: r.Reason, At: r.At.UTC()}
	}
	return out, nil
}

// Export implements consultation.Store; it reads in pages, so a large consultation never sits in
// memory at once.
func (s *Consultations) Export(ctx context.Context, consultationID int64, fn func(consultation.ExportRow) error) error {
	c, err := s.Get(ctx, consultationID)
	if err != nil {
		return err
	}
	headings := map[int64]string{}
	for _, sec := range c.Sections {
		headings[sec.ID] = sec.Heading
	}
	var after int64
	for {
		var rows []commentRow
		if err := s.comments(conn(ctx, s.db)).Where("comments.consultation_id = ? AND comments.id > ?", consultationID, after).
			Order("comments.id").Limit(500).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		responses, err := s.Responses(ctx, ids)
		if err != nil {
			return err
		}
		for _, r := range rows {
			cm := r.toDomain()
			if err := fn(consultation.ExportRow{Comment: cm, Section: headings[cm.SectionID], Response: responses[cm.ID].Body}); err != nil {
				return err
			}
		}
		after = rows[len(rows)-1].ID
	}
}
