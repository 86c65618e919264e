package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/needs"
)

type needsReviewRow struct {
	AssessmentID   int64  `gorm:"primaryKey;autoIncrement:false"`
	ReviewerID     int64  `gorm:"primaryKey;autoIncrement:false"`
	ReviewerName   string `gorm:"->"` // joined from users
	Recommendation string
	Comment        string
	Note           string
	AssignedBy     *int64
	UpdatedAt      time.Time
}

func (needsReviewRow) TableName() string { return "needs_reviews" }

type needsQueryRow struct {
	ID           int64 `gorm:"primaryKey"`
	AssessmentID int64
	Question     string
	AskedBy      *int64
	AskerName    string `gorm:"->"` // joined from users
	AskedAt      time.Time
	Answer       string
	AnsweredBy   *int64
	AnswererName string `gorm:"->"` // joined from users
	AnsweredAt   *time.Time
}

func (needsQueryRow) TableName() string { return "needs_queries" }

// SaveReview implements needs.Store: an upsert on (assessment, reviewer); a reviewer or
// assessment that does not exist is needs.ErrInvalid.
func (s *Needs) SaveReview(ctx context.Context, r needs.Review) error {
	row := needsReviewRow{AssessmentID: r.AssessmentID, ReviewerID: r.ReviewerID, Recommendation: string(r.Recommendation), Comment: r.Comment,
		Note: r.Note, AssignedBy: nonZero(r.AssignedBy), UpdatedAt: stamp(r.UpdatedAt)}
	err := conn(ctx, s.db).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "assessment_id"}, {Name: "reviewer_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"recommendation", "comment", "note", "assigned_by", "updated_at"})}).Create(&row).Error
	return translate(err, needs.ErrInvalid)
}

// DeleteReview implements needs.Store; removing an assignment that is not there is no error.
func (s *Needs) DeleteReview(ctx context.Context, assessmentID, reviewerID int64) error {
	return conn(ctx, s.db).Where("assessment_id = ? AND reviewer_id = ?", assessmentID, reviewerID).Delete(&needsReviewRow{}).Error
}

// Reviews implements needs.Store, each assessment's reviews in the order of the reviewers' names.
func (s *Needs) Reviews(ctx context.Context, assessmentIDs []int64) (map[int64][]needs.Review, error) {
	out := map[int64][]needs.Review{}
	if len(assessmentIDs) == 0 {
		return out, nil
	}
	var rows []needsReviewRow
	if err := conn(ctx, s.db).Table("needs_reviews").Select("needs_reviews.*, users.name AS reviewer_name").
		Joins("JOIN users ON users.id = needs_reviews.reviewer_id").Where("needs_reviews.assessment_id IN ?", assessmentIDs).
		Order("users.name, needs_reviews.reviewer_id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list reviews: %w", err)
	}
	for _, r := range rows {
		out[r.AssessmentID] = append(out[r.AssessmentID], needs.Review{AssessmentID: r.AssessmentID, ReviewerID: r.ReviewerID, ReviewerName: r.ReviewerName,
			Recommendation: needs.Weighing(r.Recommendation), Comment: r.Comment, Note: r.Note, AssignedBy: deref(r.AssignedBy), UpdatedAt: r.UpdatedAt.UTC()})
	}
	return out, nil
}

func (s *Needs) queries(tx *gorm.DB) *gorm.DB {
	return tx.Table("needs_queries").Select("needs_queries.*, COALESCE(asker.name, '') AS asker_name, COALESCE(answerer.name, '') AS answerer_name").
		Joins("LEFT JOIN users asker ON asker.id = needs_queries.asked_by").Joins("LEFT JOIN users answerer ON answerer.id = needs_queries.answered_by")
}

func (r needsQueryRow) toDomain() needs.Query {
	return needs.Query{ID: r.ID, AssessmentID: r.AssessmentID, Question: r.Question, AskedBy: deref(r.AskedBy), AskerName: r.AskerName,
		AskedAt: r.AskedAt.UTC(), Answer: r.Answer, AnsweredBy: deref(r.AnsweredBy), AnswererName: r.AnswererName, AnsweredAt: fromOptTime(r.AnsweredAt)}
}

// InsertQuery implements needs.Store; an assessment or asker that does not exist is
// needs.ErrInvalid.
func (s *Needs) InsertQuery(ctx context.Context, q needs.Query) (needs.Query, error) {
	row := needsQueryRow{AssessmentID: q.AssessmentID, Question: q.Question, AskedBy: nonZero(q.AskedBy), AskedAt: stamp(q.AskedAt),
		Answer: q.Answer, AnsweredBy: nonZero(q.AnsweredBy), AnsweredAt: optTime(q.AnsweredAt)}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return q, translate(err, needs.ErrInvalid)
	}
	return s.Query(ctx, row.ID)
}

// SaveQuery implements needs.Store.
func (s *Needs) SaveQuery(ctx context.Context, q needs.Query) error {
	return updateOne(conn(ctx, s.db), &needsQueryRow{}, q.ID,
		map[string]any{"answer": q.Answer, "answered_by": nonZero(q.AnsweredBy), "answered_at": optTime(q.AnsweredAt)}, needs.ErrQueryNotFound)
}

// Query implements needs.Store.
func (s *Needs) Query(ctx context.Context, id int64) (needs.Query, error) {
	var r needsQueryRow
	if err := s.queries(conn(ctx, s.db)).Where("needs_queries.id = ?", id).Take(&r).Error; err != nil {
		return needs.Query{}, notFound(err, needs.ErrQueryNotFound)
	}
	return r.toDomain(), nil
}

// Queries implements needs.Store, the oldest first.
func (s *Needs) Queries(ctx context.Context, assessmentID int64) ([]needs.Query, error) {
	var rows []needsQueryRow
	if err := s.queries(conn(ctx, s.db)).Where("needs_queries.assessment_id = ?", assessmentID).Order("needs_queries.id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list queries: %w", err)
	}
	out := make([]needs.Query, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}
