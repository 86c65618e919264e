package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

type commentRow struct {
	ID             int64 `gorm:"primaryKey"`
	ConsultationID int64
	SectionID      *int64
	ParentID       *int64
	AuthorID       int64
	AuthorName     string `gorm:"->"` // read from users by the list queries, never written
	Body           string
	HTML           string `gorm:"column:html"`
	Status         string
	Reason         string
	Pinned         bool
	Supports       int
	Flags          int
	FlagsOpen      bool
	CreatedAt      time.Time
	EditedAt       *time.Time
	SearchVector   string `gorm:"->"` // PostgreSQL computes it from body (00009); never read or written here
}

func (commentRow) TableName() string { return "comments" }

type supportRow struct {
	CommentID int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID    int64 `gorm:"primaryKey;autoIncrement:false"`
	CreatedAt time.Time
}

func (supportRow) TableName() string { return "comment_supports" }

type flagRow struct {
	CommentID int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID    int64 `gorm:"primaryKey;autoIncrement:false"`
	Reason    string
	CreatedAt time.Time
}

func (flagRow) TableName() string { return "comment_flags" }

const commentColumns = "comments.id, comments.consultation_id, comments.section_id, comments.parent_id, comments.author_id, " +
	"users.name AS author_name, comments.body, comments.html, comments.status, comments.reason, comments.pinned, comments.supports, " +
	"comments.flags, comments.flags_open, comments.created_at, comments.edited_at"

func (v commentRow) toDomain() consultation.Comment {
	c := consultation.Comment{ID: v.ID, ConsultationID: v.ConsultationID, SectionID: deref(v.SectionID), ParentID: deref(v.ParentID),
		AuthorID: v.AuthorID, AuthorName: v.AuthorName, Body: v.Body, HTML: v.HTML, Status: consultation.Status(v.Status),
		Reason: v.Reason, Pinned: v.Pinned, Supports: v.Supports, Flags: v.Flags, FlagsOpen: v.FlagsOpen, CreatedAt: v.CreatedAt.UTC()}
	if v.EditedAt != nil {
		c.EditedAt = v.EditedAt.UTC()
	}
	return c
}

// publicStatuses are the domain's public statuses as query parameters: the rule stays in the
// domain, the store only filters by it.
func publicStatuses() []string {
	out := make([]string, len(consultation.PublicStatuses))
	for i, st := range consultation.PublicStatuses {
		out[i] = string(st)
	}
	return out
}

func (s *Consultations) comments(tx *gorm.DB) *gorm.DB {
	return tx.Table("comments").Select(commentColumns).Joins("JOIN users ON users.id = comments.author_id")
}

func loadComment(tx *gorm.DB, id int64) (consultation.Comment, error) {
	var v commentRow
	err := tx.Table("comments").Select(commentColumns).Joins("JOIN users ON users.id = comments.author_id").Where("comments.id = ?", id).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return consultation.Comment{}, consultation.ErrCommentNotFound
	}
	return v.toDomain(), err
}

// Comment implements consultation.Store. Inside a use case's transaction the row stays locked
// until it commits, so that two changes of one comment (a moderator pins it while another hides
// it) apply one after the other instead of the later write undoing the earlier: FOR UPDATE on
// PostgreSQL; SQLite's transactions are immediate and so one at a time anyway.
func (s *Consultations) Comment(ctx context.Context, id int64) (consultation.Comment, error) {
	tx := conn(ctx, s.db)
	if inTx(ctx) && s.base.Dialect == Postgres {
		tx = tx.Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "comments"}})
	}
	return loadComment(tx, id)
}

// Comments implements consultation.Store. Keyset pagination keeps every page as cheap as the first,
// however long the thread.
func (s *Consultations) Comments(ctx context.Context, q consultation.CommentQuery) ([]consultation.Comment, string, error) {
	db := conn(ctx, s.db)
	tx := s.comments(db).Where("comments.consultation_id = ?", q.ConsultationID)
	if q.ParentID == 0 {
		tx = tx.Where("comments.parent_id IS NULL")
	} else {
		tx = tx.Where("comments.parent_id = ?", q.ParentID)
	}
	if q.SectionID != nil {
		if *q.SectionID == 0 {
			tx = tx.Where("comments.section_id IS NULL")
		} else {
			tx = tx.Where("comments.section_id = ?", *q.SectionID)
		}
	}
	if !q.Moderator {
		tx = tx.Where("(comments.status IN ? OR comments.author_id = ?)", publicStatuses(), q.ViewerID)
	}
	tx, found, err := matchSearch(db, tx, q.ConsultationID, q.Search)
	if err != nil || !found {
		return []consultation.Comment{}, "", err
	}
	supported := q.Sort == consultation.SortSupported
	if q.Cursor != "" {
		c, ok := parseCommentCursor(q.Cursor, supported)
		if !ok {
			return nil, "", fmt.Errorf("%w: the cursor is not one this API gave out", consultation.ErrInvalid)
		}
		if supported {
			tx = tx.Where("(comments.pinned < ?) OR (comments.pinned = ? AND (comments.supports < ? OR (comments.supports = ? AND comments.id < ?)))",
				c.pinned, c.pinned, c.supports, c.supports, c.id)
		} else {
			tx = tx.Where("(comments.pinned < ?) OR (comments.pinned = ? AND comments.id < ?)", c.pinned, c.pinned, c.id)
		}
	}
	order := "comments.pinned DESC, comments.id DESC"
	if supported {
		order = "comments.pinned DESC, comments.supports DESC, comments.id DESC"
	}
	var rows []commentRow
	if err := tx.Order(order).Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list comments: %w", err)
	}
	next := ""
	if len(rows) > q.Limit {
		rows = rows[:q.Limit]
		last := rows[len(rows)-1]
		p := 0
		if last.Pinned {
			p = 1
		}
		next = fmt.Sprintf("%d.%d", p, last.ID)
		if supported {
			next = fmt.Sprintf("%d.%d.%d", p, last.Supports, last.ID)
		}
	}
	out := make([]consultation.Comment, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, next, nil
}

type commentCursor struct {
	pinned       bool
	supports, id int64
}

func parseCommentCursor(c string, supported bool) (commentCursor, bool) {
	parts := strings.Split(c, ".")
	if (supported && len(parts) != 3) || (!supported && len(parts) != 2) || (parts[0] != "0" && parts[0] != "1") {
		return commentCursor{}, false
	}
	var out commentCursor
	out.pinned = parts[0] == "1"
	var err error
	if out.id, err = strconv.ParseInt(parts[len(parts)-1], 10, 64); err != nil {
		return out, false
	}
	if supported {
		if out.supports, err = strconv.ParseInt(parts[1], 10, 64); err != nil {
			return out, false
		}
	}
	return out, true
}

// InsertComment implements consultation.Store. On PostgreSQL the comment and its events are one
// statement (the events' "id" is set from the new row), atomic without a transaction of its own:
// posting is the hottest write, and each round trip counts.
func (s *Consultations) InsertComment(ctx context.Context, cm consultation.Comment, events func(consultation.Comment) []kernel.Event) (consultation.Comment, error) {
	cm.CreatedAt = cm.CreatedAt.UTC()
	if s.base.Dialect == Postgres {
		return s.insertCommentPG(ctx, cm, events)
	}
	err := s.base.InTx(ctx, func(ctx context.Context) error {
		row := commentRow{ConsultationID: cm.ConsultationID, AuthorID: cm.AuthorID, Body: cm.Body, HTML: cm.HTML, Status: string(cm.Status), CreatedAt: cm.CreatedAt}
		row.SectionID, row.ParentID = nonZero(cm.SectionID), nonZero(cm.ParentID)
		db := conn(ctx, s.db)
		if err := db.Omit("AuthorName", "SearchVector").Create(&row).Error; err != nil {
			return translate(err, consultation.ErrInvalid)
		}
		cm.ID = row.ID
		if cm.AuthorName == "" {
			if err := db.Model(&userRow{}).Where("id = ?", cm.AuthorID).Pluck("name", &cm.AuthorName).Error; err != nil {
				return err
			}
		}
		if events == nil {
			return nil
		}
		rows, err := outboxRows(events(cm))
		if err != nil || len(rows) == 0 {
			return err
		}
		if err := db.Create(&rows).Error; err != nil {
			return fmt.Errorf("store events: %w", err)
		}
		afterCommit(ctx, s.base.kickRelay)
		return nil
	})
	return cm, err
}

func (s *Consultations) insertCommentPG(ctx context.Context, cm consultation.Comment, events func(consultation.Comment) []kernel.Event) (consultation.Comment, error) {
	var rows []outboxRow
	if events != nil {
		var err error
		if rows, err = outboxRows(events(cm)); err != nil {
			return cm, err
		}
	}
	q := `WITH c AS (INSERT INTO comments (consultation_id, section_id, parent_id, author_id, body, html, status, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)`
	args := []any{cm.ConsultationID, nonZero(cm.SectionID), nonZero(cm.ParentID), cm.AuthorID, cm.Body, cm.HTML, string(cm.Status), cm.CreatedAt}
	if len(rows) > 0 {
		values := make([]string, len(rows))
		for i, r := range rows {
			values[i] = "(?, ?, ?, ?::jsonb, ?, ?)"
			args = append(args, r.Room, r.Audience, r.Type, r.Data, r.Subject, r.Supersede)
		}
		// The subject names the comment, whose id the insert makes: "comment:0" becomes "comment:<id>".
		q += `, e AS (INSERT INTO outbox (room, audience, type, data, subject, supersede, created_at)
SELECT v.room, v.audience, v.type, jsonb_set(v.data, '{id}', to_jsonb(c.id))::text,
  replace(v.subject, 'comment:0', 'comment:' || c.id), v.supersede, ?
FROM c, (VALUES ` + strings.Join(values, ", ") + `) AS v(room, audience, type, data, subject, supersede))`
		args = append(args[:8], append([]any{rows[0].CreatedAt}, args[8:]...)...)
	}
	q += " SELECT id FROM c"
	if err := conn(ctx, s.db).Raw(q, args...).Row().Scan(&cm.ID); err != nil {
		return cm, translate(err, consultation.ErrInvalid)
	}
	if cm.AuthorName == "" {
		if err := conn(ctx, s.db).Model(&userRow{}).Where("id = ?", cm.AuthorID).Pluck("name", &cm.AuthorName).Error; err != nil {
			return cm, err
		}
	}
	if len(rows) > 0 {
		afterCommit(ctx, s.base.kickRelay)
	}
	return cm, nil
}

func nonZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// SaveComment implements consultation.Store.
func (s *Consultations) SaveComment(ctx context.Context, cm consultation.Comment) error {
	updates := map[string]any{"body": cm.Body, "html": cm.HTML, "status": string(cm.Status), "reason": cm.Reason, "pinned": cm.Pinned, "flags_open": cm.FlagsOpen}
	if !cm.EditedAt.IsZero() {
		updates["edited_at"] = cm.EditedAt.UTC()
	}
	res := conn(ctx, s.db).Model(&commentRow{ID: cm.ID}).Updates(updates)
	if res.Error == nil && res.RowsAffected == 0 {
		return consultation.ErrCommentNotFound
	}
	return res.Error
}

// AddSupport implements consultation.Store. ON CONFLICT DO NOTHING lets the primary key decide
// between concurrent requests without aborting the transaction.
func (s *Consultations) AddSupport(ctx context.Context, userID, commentID int64) (int, error) {
	db := conn(ctx, s.db)
	res := db.Exec("INSERT INTO comment_supports (comment_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", commentID, userID, time.Now().UTC())
	if res.Error != nil {
		return 0, translate(res.Error, consultation.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		return 0, consultation.ErrAlreadyDone
	}
	return s.addSupports(db, commentID, 1)
}

// RemoveSupport implements consultation.Store.
func (s *Consultations) RemoveSupport(ctx context.Context, userID, commentID int64) (int, error) {
	db := conn(ctx, s.db)
	res := db.Where("comment_id = ? AND user_id = ?", commentID, userID).Delete(&supportRow{})
	if res.Error != nil {
		return 0, res.Error
	}
	if res.RowsAffected == 0 {
		return 0, consultation.ErrAlreadyDone
	}
	return s.addSupports(db, commentID, -1)
}

// addSupports keeps the count in the comment's row, so a thread sorts by support without
// counting on every read.
func (s *Consultations) addSupports(db *gorm.DB, commentID int64, delta int) (int, error) {
	var n int
	err := db.Raw("UPDATE comments SET supports = supports + ? WHERE id = ? RETURNING supports", delta, commentID).Scan(&n).Error
	return n, err
}

// AddFlag implements consultation.Store.
func (s *Consultations) AddFlag(ctx context.Context, userID, commentID int64, reason string) (int, error) {
	db := conn(ctx, s.db)
	res := db.Exec("INSERT INTO comment_flags (comment_id, user_id, reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", commentID, userID, reason, time.Now().UTC())
	if res.Error != nil {
		return 0, translate(res.Error, consultation.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		return 0, consultation.ErrAlreadyDone
	}
	var n int
	err := db.Raw("UPDATE comments SET flags = flags + 1, flags_open = ? WHERE id = ? RETURNING flags", true, commentID).Scan(&n).Error
	return n, err
}

// Around implements consultation.Store in one query: a page of comments costs the same few
// round trips however much surrounds each comment.
func (s *Consultations) Around(ctx context.Context, commentIDs []int64, viewerID int64, moderator bool) (map[int64]consultation.Around, error) {
	out := map[int64]consultation.Around{}
	if len(commentIDs) == 0 {
		return out, nil
	}
	visible, args := "", []any{}
	if !moderator {
		visible, args = " AND (r.status IN ? OR r.author_id = ?)", append(args, publicStatuses(), viewerID)
	}
	args = append(args, viewerID, commentIDs)
	var rows []struct {
		ID                int64
		Replies           int
		Supported         bool
		ResponseID        *int64
		ResponseBody      *string
		ResponseHTML      *string `gorm:"column:response_html"`
		ResponseCreatedAt *time.Time
		ResponseUpdatedAt *time.Time
	}
	err := conn(ctx, s.db).Raw(`SELECT c.id,
  (SELECT COUNT(*) FROM comments r WHERE r.parent_id = c.id`+visible+`) AS replies,
  EXISTS (SELECT 1 FROM comment_supports sp WHERE sp.comment_id = c.id AND sp.user_id = ?) AS supported,
  resp.id AS response_id, resp.body AS response_body, resp.html AS response_html,
  resp.created_at AS response_created_at, resp.updated_at AS response_updated_at
FROM comments c LEFT JOIN responses resp ON resp.comment_id = c.id
WHERE c.id IN ?`, args...).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("around comments: %w", err)
	}
	for _, r := range rows {
		a := consultation.Around{Replies: r.Replies, Supported: r.Supported}
		if r.ResponseID != nil {
			a.Response = &consultation.Response{ID: *r.ResponseID, CommentID: r.ID, Body: deref(r.ResponseBody), HTML: deref(r.ResponseHTML),
				CreatedAt: r.ResponseCreatedAt.UTC(), UpdatedAt: r.ResponseUpdatedAt.UTC()}
		}
		out[r.ID] = a
	}
	return out, nil
}
