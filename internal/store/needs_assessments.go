package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/needs"
)

type needsAssessmentRow struct {
	ID          int64 `gorm:"primaryKey"`
	CallID      int64
	ProcessID   int64
	DistrictKey string
	Org         string
	OrgName     string `gorm:"->"` // joined from organisations
	Status      string
	Version     int
	Title       string
	Field       string
	Content     string // JSON of needs.Content
	SentBack    string
	CreatedBy   *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt *time.Time
}

func (needsAssessmentRow) TableName() string { return "needs_assessments" }

// needsAssessmentAreaRow and needsAssessmentGroupRow index the content's areas and target groups.
type needsAssessmentAreaRow struct {
	AssessmentID int64 `gorm:"primaryKey;autoIncrement:false"`
	SocialAreaID int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (needsAssessmentAreaRow) TableName() string { return "needs_assessment_areas" }

type needsAssessmentGroupRow struct {
	AssessmentID int64  `gorm:"primaryKey;autoIncrement:false"`
	TargetGroup  string `gorm:"primaryKey"`
}

func (needsAssessmentGroupRow) TableName() string { return "needs_assessment_groups" }

type needsVersionRow struct {
	AssessmentID int64 `gorm:"primaryKey;autoIncrement:false"`
	Version      int   `gorm:"primaryKey;autoIncrement:false"`
	Content      string
	Status       string
	SavedBy      *int64
	SavedAt      time.Time
}

func (needsVersionRow) TableName() string { return "needs_assessment_versions" }

type needsCoSignatureRow struct {
	AssessmentID int64  `gorm:"primaryKey;autoIncrement:false"`
	Org          string `gorm:"primaryKey"`
	OrgName      string `gorm:"->"` // joined from organisations
	Status       string
	Reason       string
	InvitedAt    time.Time
	AnsweredBy   *int64
	AnsweredAt   *time.Time
}

func (needsCoSignatureRow) TableName() string { return "needs_cosignatures" }

const assessmentColumns = "needs_assessments.*, organisations.name AS org_name"

func (s *Needs) assessments(tx *gorm.DB) *gorm.DB {
	return tx.Table("needs_assessments").Select(assessmentColumns).Joins("JOIN organisations ON organisations.slug = needs_assessments.org")
}

func (r needsAssessmentRow) toDomain() (needs.Assessment, error) {
	a := needs.Assessment{ID: r.ID, CallID: r.CallID, ProcessID: r.ProcessID, DistrictKey: r.DistrictKey, Org: r.Org, OrgName: r.OrgName,
		Status: needs.Status(r.Status), Version: r.Version, SentBack: r.SentBack, CreatedBy: deref(r.CreatedBy), CreatedAt: r.CreatedAt.UTC(),
		UpdatedAt: r.UpdatedAt.UTC(), SubmittedAt: fromOptTime(r.SubmittedAt), CoSigners: []needs.CoSignature{}}
	return a, fromJSON(r.Content, &a.Content)
}

// writeAssessmentIndex replaces the index rows of the content's areas and target groups.
func writeAssessmentIndex(tx *gorm.DB, id int64, c needs.Content) error {
	if err := tx.Where("assessment_id = ?", id).Delete(&needsAssessmentAreaRow{}).Error; err != nil {
		return err
	}
	if err := tx.Where("assessment_id = ?", id).Delete(&needsAssessmentGroupRow{}).Error; err != nil {
		return err
	}
	for _, a := range slices.Compact(slices.Sorted(slices.Values(c.AreaIDs))) {
		if err := tx.Create(&needsAssessmentAreaRow{AssessmentID: id, SocialAreaID: a}).Error; err != nil {
			return translate(err, needs.ErrInvalid)
		}
	}
	var groups []string
	for _, g := range c.Groups {
		groups = append(groups, string(g.Group))
	}
	for _, g := range slices.Compact(slices.Sorted(slices.Values(groups))) {
		if err := tx.Create(&needsAssessmentGroupRow{AssessmentID: id, TargetGroup: g}).Error; err != nil {
			return err
		}
	}
	return nil
}

func insertVersion(tx *gorm.DB, a needs.Assessment, content string, by int64, at time.Time) error {
	return tx.Create(&needsVersionRow{AssessmentID: a.ID, Version: a.Version, Content: content, Status: string(a.Status), SavedBy: nonZero(by), SavedAt: at}).Error
}

// InsertAssessment implements needs.Store: the process and district are the call's
// (needs.ErrCallNotFound without one); an organisation or area that does not exist is
// needs.ErrInvalid. Version 0 is stored as 1.
func (s *Needs) InsertAssessment(ctx context.Context, a needs.Assessment, by int64) (needs.Assessment, error) {
	tx := conn(ctx, s.db)
	var call needsCallRow
	if err := tx.Take(&call, a.CallID).Error; err != nil {
		return a, notFound(err, needs.ErrCallNotFound)
	}
	content, err := jsonText(a.Content)
	if err != nil {
		return a, err
	}
	a.Version = max(a.Version, 1)
	now := stamp(a.CreatedAt)
	row := needsAssessmentRow{CallID: a.CallID, ProcessID: call.ProcessID, DistrictKey: call.DistrictKey, Org: a.Org, Status: string(a.Status),
		Version: a.Version, Title: a.Content.Title, Field: a.Content.Field, Content: content, SentBack: a.SentBack, CreatedBy: nonZero(a.CreatedBy),
		CreatedAt: now, UpdatedAt: now, SubmittedAt: optTime(a.SubmittedAt)}
	if err := tx.Create(&row).Error; err != nil {
		return a, translate(err, needs.ErrInvalid)
	}
	a.ID = row.ID
	if err := writeAssessmentIndex(tx, a.ID, a.Content); err != nil {
		return a, err
	}
	if err := insertVersion(tx, a, content, by, now); err != nil {
		return a, translate(err, needs.ErrInvalid)
	}
	return s.Assessment(ctx, a.ID)
}

// SaveAssessment implements needs.Store: one UPDATE guarded by the version decides the race of
// two editors; the one that lost gets needs.ErrStaleVersion (needs.ErrNotFound when the
// assessment is gone).
func (s *Needs) SaveAssessment(ctx context.Context, a needs.Assessment, prev int, by int64) error {
	tx := conn(ctx, s.db)
	content, err := jsonText(a.Content)
	if err != nil {
		return err
	}
	now := stamp(a.UpdatedAt)
	res := tx.Model(&needsAssessmentRow{}).Where("id = ? AND version = ?", a.ID, prev).Updates(map[string]any{"status": string(a.Status),
		"content": content, "title": a.Content.Title, "field": a.Content.Field, "version": a.Version, "sent_back": a.SentBack,
		"submitted_at": optTime(a.SubmittedAt), "updated_at": now})
	if res.Error != nil {
		return translate(res.Error, needs.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		var n int64
		if err := tx.Model(&needsAssessmentRow{}).Where("id = ?", a.ID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return needs.ErrNotFound
		}
		return needs.ErrStaleVersion
	}
	if err := writeAssessmentIndex(tx, a.ID, a.Content); err != nil {
		return err
	}
	if a.Version > prev {
		if err := insertVersion(tx, a, content, by, now); err != nil {
			return translate(err, needs.ErrInvalid)
		}
	}
	return nil
}

// Assessment implements needs.Store.
func (s *Needs) Assessment(ctx context.Context, id int64) (needs.Assessment, error) {
	tx := conn(ctx, s.db)
	var r needsAssessmentRow
	if err := s.assessments(tx).Where("needs_assessments.id = ?", id).Take(&r).Error; err != nil {
		return needs.Assessment{}, notFound(err, needs.ErrNotFound)
	}
	out, err := s.withCoSigners(tx, []needsAssessmentRow{r})
	if err != nil {
		return needs.Assessment{}, err
	}
	return out[0], nil
}

// Assessments implements needs.Store; the cursor is the id of the page's last assessment.
func (s *Needs) Assessments(ctx context.Context, q needs.AssessmentQuery) ([]needs.Assessment, string, error) {
	db := conn(ctx, s.db)
	tx := s.assessments(db)
	if q.CallID != 0 {
		tx = tx.Where("needs_assessments.call_id = ?", q.CallID)
	}
	if q.Org != "" {
		tx = tx.Where("needs_assessments.org = ?", q.Org)
	}
	if q.CoSigner != "" {
		tx = tx.Where("EXISTS (SELECT 1 FROM needs_cosignatures c WHERE c.assessment_id = needs_assessments.id AND c.org = ?)", q.CoSigner)
	}
	if len(q.Statuses) > 0 {
		tx = tx.Where("needs_assessments.status IN ?", q.Statuses)
	}
	if q.AreaID != 0 {
		tx = tx.Where("EXISTS (SELECT 1 FROM needs_assessment_areas x WHERE x.assessment_id = needs_assessments.id AND x.social_area_id = ?)", q.AreaID)
	}
	if q.Field != "" {
		tx = tx.Where("needs_assessments.field = ?", q.Field)
	}
	if q.Group != "" {
		tx = tx.Where("EXISTS (SELECT 1 FROM needs_assessment_groups g WHERE g.assessment_id = needs_assessments.id AND g.target_group = ?)", string(q.Group))
	}
	if q.ReviewerID != 0 {
		tx = tx.Where("EXISTS (SELECT 1 FROM needs_reviews r WHERE r.assessment_id = needs_assessments.id AND r.reviewer_id = ?)", q.ReviewerID)
	}
	if q.Cursor != "" {
		after, err := idCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		tx = tx.Where("needs_assessments.id < ?", after)
	}
	if q.Limit > 0 {
		tx = tx.Limit(q.Limit + 1)
	}
	var rows []needsAssessmentRow
	if err := tx.Order("needs_assessments.id DESC").Find(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list assessments: %w", err)
	}
	next := ""
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
		next = fmt.Sprint(rows[len(rows)-1].ID)
	}
	out, err := s.withCoSigners(db, rows)
	return out, next, err
}

// withCoSigners turns rows into assessments with their co-signatures, read in one query.
func (s *Needs) withCoSigners(tx *gorm.DB, rows []needsAssessmentRow) ([]needs.Assessment, error) {
	out := make([]needs.Assessment, len(rows))
	index := map[int64]int{}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = r.toDomain(); err != nil {
			return nil, err
		}
		index[r.ID], ids[i] = i, r.ID
	}
	if len(ids) == 0 {
		return out, nil
	}
	var cs []needsCoSignatureRow
	if err := tx.Table("needs_cosignatures").Select("needs_cosignatures.*, organisations.name AS org_name").
		Joins("JOIN organisations ON organisations.slug = needs_cosignatures.org").
		Where("needs_cosignatures.assessment_id IN ?", ids).Order("needs_cosignatures.invited_at, needs_cosignatures.org").Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("list co-signatures: %w", err)
	}
	for _, c := range cs {
		a := &out[index[c.AssessmentID]]
		a.CoSigners = append(a.CoSigners, needs.CoSignature{AssessmentID: c.AssessmentID, Org: c.Org, OrgName: c.OrgName, Status: needs.CoSignStatus(c.Status),
			Reason: c.Reason, InvitedAt: c.InvitedAt.UTC(), AnsweredBy: deref(c.AnsweredBy), AnsweredAt: fromOptTime(c.AnsweredAt)})
	}
	return out, nil
}

// Versions implements needs.Store.
func (s *Needs) Versions(ctx context.Context, assessmentID int64, cursor string, limit int) ([]needs.Version, string, error) {
	tx, err := paged(conn(ctx, s.db).Where("assessment_id = ?", assessmentID), "version <", cursor, limit)
	if err != nil {
		return nil, "", err
	}
	var rows []needsVersionRow
	if err := tx.Order("version DESC").Find(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list versions: %w", err)
	}
	next := ""
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
		next = fmt.Sprint(rows[len(rows)-1].Version)
	}
	out := make([]needs.Version, len(rows))
	for i, r := range rows {
		out[i] = needs.Version{AssessmentID: r.AssessmentID, Version: r.Version, Status: needs.Status(r.Status), By: deref(r.SavedBy), At: r.SavedAt.UTC()}
		if err := fromJSON(r.Content, &out[i].Content); err != nil {
			return nil, "", err
		}
	}
	return out, next, nil
}

// InviteCoSigner implements needs.Store: the primary key (assessment, organisation) decides
// needs.ErrAlreadyInvited; an organisation or assessment that does not exist is needs.ErrInvalid.
func (s *Needs) InviteCoSigner(ctx context.Context, c needs.CoSignature) error {
	row := needsCoSignatureRow{AssessmentID: c.AssessmentID, Org: c.Org, Status: string(c.Status), Reason: c.Reason, InvitedAt: stamp(c.InvitedAt),
		AnsweredBy: nonZero(c.AnsweredBy), AnsweredAt: optTime(c.AnsweredAt)}
	err := conn(ctx, s.db).Create(&row).Error
	return translateAs(err, needs.ErrAlreadyInvited, fmt.Errorf("%w: the organisation or the assessment does not exist", needs.ErrInvalid))
}

// SaveCoSignature implements needs.Store; needs.ErrNotFound when there is no such invitation.
func (s *Needs) SaveCoSignature(ctx context.Context, c needs.CoSignature) error {
	res := conn(ctx, s.db).Model(&needsCoSignatureRow{}).Where("assessment_id = ? AND org = ?", c.AssessmentID, c.Org).
		Updates(map[string]any{"status": string(c.Status), "reason": c.Reason, "answered_by": nonZero(c.AnsweredBy), "answered_at": optTime(c.AnsweredAt)})
	if res.Error != nil {
		return translate(res.Error, needs.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%w: %s is not invited to co-sign it", needs.ErrNotFound, c.Org)
	}
	return nil
}
