package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/api/events"
	"github.com/teilhabe/teilhabe/domain/consultation"
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

// Comment implements consultation.Store.
func (s *Consultations) Comment(ctx context.Context, id int64) (consultation.Comment, error) {
	return loadComment(s.db.WithContext(ctx), id)
}

// Comments implements consultation.Store. Keyset pagination keeps every page as cheap as the first,
// however long the thread.
func (s *Consultations) Comments(ctx context.Context, q consultation.CommentQuery) ([]consultation.Comment, string, error) {
	db := s.db.WithContext(ctx)
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
		tx = tx.Where("(comments.status IN ('published', 'withdrawn') OR comments.author_id = ?)", q.ViewerID)
	}
	if strings.TrimSpace(q.Search) != "" {
		if s.db.Dialector.Name() == "postgres" {
			tx = tx.Where("to_tsvector('german', comments.body) @@ plainto_tsquery('german', ?)", q.Search)
		} else {
			match := ftsQuery(q.Search)
			if match == "" {
				return []consultation.Comment{}, "", nil
			}
			tx = tx.Where("comments.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)", match)
		}
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
	if err := tx.Order(order).Limit(q.Limit + 1).Scan(&rows).Error; err != nil {
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

// ftsQuery turns what a person typed into an FTS5 query of prefix terms, so "Spielplatz"
// also finds "Spielplätze"; quoting each term keeps FTS5 operators out of people's hands.
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)
		if len(r) > 5 {
			r = r[:len(r)-2] // a crude stem: German inflections live in the last letters
		}
		terms = append(terms, `"`+string(r)+`"*`)
	}
	return strings.Join(terms, " ")
}

// AddComment implements consultation.Store.
func (s *Consultations) AddComment(ctx context.Context, cm consultation.Comment) (consultation.Comment, error) {
	var out consultation.Comment
	err := s.write(ctx, func(tx *gorm.DB, emit func(room, typ string, data any) error) error {
		row := commentRow{ConsultationID: cm.ConsultationID, AuthorID: cm.AuthorID, Body: cm.Body, HTML: cm.HTML, Status: string(cm.Status), CreatedAt: cm.CreatedAt.UTC()}
		if cm.SectionID != 0 {
			row.SectionID = &cm.SectionID
		}
		if cm.ParentID != 0 {
			row.ParentID = &cm.ParentID
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		out = cm
		out.ID, out.CreatedAt = row.ID, row.CreatedAt
		if out.AuthorName == "" {
			if err := tx.Model(&userRow{}).Where("id = ?", cm.AuthorID).Pluck("name", &out.AuthorName).Error; err != nil {
				return err
			}
		}
		if out.Public() {
			return emit(consultation.Room(cm.ConsultationID), consultation.EventCommentCreated, out.PublicView())
		}
		return nil
	})
	return out, err
}

// ChangeComment implements consultation.Store.
func (s *Consultations) ChangeComment(ctx context.Context, actorID, id int64, action consultation.Action, change func(*consultation.Comment) error) (consultation.Comment, error) {
	var out consultation.Comment
	err := s.write(ctx, func(tx *gorm.DB, emit func(room, typ string, data any) error) error {
		before, err := loadComment(tx, id)
		if err != nil {
			return err
		}
		cm := before
		if err := change(&cm); err != nil {
			return err
		}
		updates := map[string]any{"body": cm.Body, "html": cm.HTML, "status": string(cm.Status), "reason": cm.Reason, "pinned": cm.Pinned, "flags_open": cm.FlagsOpen}
		if !cm.EditedAt.IsZero() {
			updates["edited_at"] = cm.EditedAt.UTC()
		}
		if err := tx.Model(&commentRow{ID: id}).Updates(updates).Error; err != nil {
			return err
		}
		if out, err = loadComment(tx, id); err != nil {
			return err
		}
		room := consultation.Room(out.ConsultationID)
		if action != "" {
			d := decisionRow{ConsultationID: out.ConsultationID, CommentID: id, Action: string(action), Reason: cm.Reason, At: time.Now().UTC()}
			if actorID != 0 {
				d.ModeratorID = &actorID
			}
			if err := tx.Create(&d).Error; err != nil {
				return err
			}
			if err := appendAudit(tx, actorID, "comment."+string(action), "comment", strconv.FormatInt(id, 10), map[string]any{"reason": cm.Reason}); err != nil {
				return err
			}
			if err := emit(room, consultation.EventModeration, events.ModerationDecided{CommentId: id, Action: events.ModerationDecidedAction(action), Reason: cm.Reason}); err != nil {
				return err
			}
		}
		switch {
		case !before.Public() && out.Public():
			return emit(room, consultation.EventCommentCreated, out.PublicView())
		case before.Public() && !out.Public():
			return emit(room, consultation.EventCommentRemoved, events.CommentRef{Id: id})
		case out.Public():
			return emit(room, consultation.EventCommentUpdated, out.PublicView())
		}
		return nil
	})
	return out, err
}

// Support implements consultation.Store.
func (s *Consultations) Support(ctx context.Context, userID, commentID int64, on bool) (consultation.Comment, error) {
	var out consultation.Comment
	err := s.write(ctx, func(tx *gorm.DB, emit func(room, typ string, data any) error) error {
		var res *gorm.DB
		delta := 1
		if on {
			var n int64
			if err := tx.Model(&supportRow{}).Where("comment_id = ? AND user_id = ?", commentID, userID).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return consultation.ErrAlreadyDone
			}
			res = tx.Create(&supportRow{CommentID: commentID, UserID: userID, CreatedAt: time.Now().UTC()})
		} else {
			delta = -1
			res = tx.Where("comment_id = ? AND user_id = ?", commentID, userID).Delete(&supportRow{})
			if res.Error == nil && res.RowsAffected == 0 {
				return consultation.ErrAlreadyDone
			}
		}
		if res.Error != nil {
			return res.Error
		}
		// Counted in the row, so a thread sorts by support without counting on every read.
		if err := tx.Model(&commentRow{ID: commentID}).Update("supports", gorm.Expr("supports + ?", delta)).Error; err != nil {
			return err
		}
		var err error
		if out, err = loadComment(tx, commentID); err != nil {
			return err
		}
		return emit(consultation.Room(out.ConsultationID), consultation.EventSupportsChanged, events.SupportsChanged{Id: commentID, Supports: out.Supports})
	})
	return out, err
}

// Flag implements consultation.Store.
func (s *Consultations) Flag(ctx context.Context, userID, commentID int64, reason string) (consultation.Comment, error) {
	var out consultation.Comment
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&flagRow{}).Where("comment_id = ? AND user_id = ?", commentID, userID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return consultation.ErrAlreadyDone
		}
		if err := tx.Create(&flagRow{CommentID: commentID, UserID: userID, Reason: reason, CreatedAt: time.Now().UTC()}).Error; err != nil {
			return err
		}
		if err := tx.Model(&commentRow{ID: commentID}).Updates(map[string]any{"flags": gorm.Expr("flags + 1"), "flags_open": true}).Error; err != nil {
			return err
		}
		var err error
		out, err = loadComment(tx, commentID)
		return err
	})
	return out, err
}

// Supported implements consultation.Store.
func (s *Consultations) Supported(ctx context.Context, userID int64, commentIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if userID == 0 || len(commentIDs) == 0 {
		return out, nil
	}
	var ids []int64
	if err := s.db.WithContext(ctx).Model(&supportRow{}).Where("user_id = ? AND comment_id IN ?", userID, commentIDs).Pluck("comment_id", &ids).Error; err != nil {
		return nil, err
	}
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// ReplyCounts implements consultation.Store.
func (s *Consultations) ReplyCounts(ctx context.Context, commentIDs []int64, viewerID int64, moderator bool) (map[int64]int, error) {
	out := map[int64]int{}
	if len(commentIDs) == 0 {
		return out, nil
	}
	q := s.db.WithContext(ctx).Model(&commentRow{}).Select("parent_id, COUNT(*) AS n").Where("parent_id IN ?", commentIDs)
	if !moderator {
		q = q.Where("(status IN ('published', 'withdrawn') OR author_id = ?)", viewerID)
	}
	var rows []struct {
		ParentID int64
		N        int
	}
	if err := q.Group("parent_id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ParentID] = r.N
	}
	return out, nil
}
