package store

import (
	"context"
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/needs"
)

type needsTextModuleRow struct {
	ID          int64 `gorm:"primaryKey"`
	DistrictKey string
	Title       string
	Body        string
	CreatedAt   time.Time
}

func (needsTextModuleRow) TableName() string { return "needs_text_modules" }

type needsMeasureRow struct {
	ID          int64 `gorm:"primaryKey"`
	ProcessID   int64
	DistrictKey string
	Title       string
	Description string
	AreaIDs     string `gorm:"column:area_ids"` // JSON
	Fields      string // JSON
	Responsible string
	Budget      int64
	Status      string
	Milestones  string // JSON
	Target      string // JSON; '' without a target
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (needsMeasureRow) TableName() string { return "needs_measures" }

type needsNoticeRow struct {
	ID           int64 `gorm:"primaryKey"`
	Org          string
	Kind         string
	AssessmentID *int64
	ProcessID    *int64
	Text         string
	At           time.Time
}

func (needsNoticeRow) TableName() string { return "needs_notices" }

func (r needsTextModuleRow) toDomain() needs.TextModule {
	return needs.TextModule{ID: r.ID, DistrictKey: r.DistrictKey, Title: r.Title, Body: r.Body, CreatedAt: r.CreatedAt.UTC()}
}

// InsertTextModule implements needs.Store; a district that does not exist is needs.ErrInvalid.
func (s *Needs) InsertTextModule(ctx context.Context, m needs.TextModule) (needs.TextModule, error) {
	row := needsTextModuleRow{DistrictKey: m.DistrictKey, Title: m.Title, Body: m.Body, CreatedAt: stamp(m.CreatedAt)}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return m, translate(err, needs.ErrInvalid)
	}
	return row.toDomain(), nil
}

// DeleteTextModule implements needs.Store (needs.ErrModuleNotFound without it).
func (s *Needs) DeleteTextModule(ctx context.Context, id int64) error {
	res := conn(ctx, s.db).Where("id = ?", id).Delete(&needsTextModuleRow{})
	if res.Error == nil && res.RowsAffected == 0 {
		return needs.ErrModuleNotFound
	}
	return res.Error
}

// TextModule implements needs.Store.
func (s *Needs) TextModule(ctx context.Context, id int64) (needs.TextModule, error) {
	var r needsTextModuleRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return needs.TextModule{}, notFound(err, needs.ErrModuleNotFound)
	}
	return r.toDomain(), nil
}

// TextModules implements needs.Store, by title.
func (s *Needs) TextModules(ctx context.Context, districtKey string) ([]needs.TextModule, error) {
	var rows []needsTextModuleRow
	if err := conn(ctx, s.db).Where("district_key = ?", districtKey).Order("title, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list text modules: %w", err)
	}
	out := make([]needs.TextModule, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

func measureToRow(m needs.Measure) (needsMeasureRow, error) {
	r := needsMeasureRow{ID: m.ID, ProcessID: m.ProcessID, DistrictKey: m.DistrictKey, Title: m.Title, Description: m.Description,
		Responsible: m.Responsible, Budget: m.Budget, Status: string(m.Status), CreatedAt: stamp(m.CreatedAt), UpdatedAt: stamp(m.UpdatedAt)}
	var err error
	if r.AreaIDs, err = jsonText(m.AreaIDs); err != nil {
		return r, err
	}
	if r.Fields, err = jsonText(m.Fields); err != nil {
		return r, err
	}
	if r.Milestones, err = jsonText(m.Milestones); err != nil {
		return r, err
	}
	if m.Target != nil {
		r.Target, err = jsonText(m.Target)
	}
	return r, err
}

func (r needsMeasureRow) toDomain() (needs.Measure, error) {
	m := needs.Measure{ID: r.ID, ProcessID: r.ProcessID, DistrictKey: r.DistrictKey, Title: r.Title, Description: r.Description,
		Responsible: r.Responsible, Budget: r.Budget, Status: needs.MeasureStatus(r.Status), CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if err := fromJSON(r.AreaIDs, &m.AreaIDs); err != nil {
		return m, err
	}
	if err := fromJSON(r.Fields, &m.Fields); err != nil {
		return m, err
	}
	if err := fromJSON(r.Milestones, &m.Milestones); err != nil {
		return m, err
	}
	if r.Target != "" {
		m.Target = &needs.Target{}
		if err := fromJSON(r.Target, m.Target); err != nil {
			return m, err
		}
	}
	return m, nil
}

// InsertMeasure implements needs.Store: the district is the process's
// (planning.ErrProcessNotFound without one).
func (s *Needs) InsertMeasure(ctx context.Context, m needs.Measure) (needs.Measure, error) {
	tx := conn(ctx, s.db)
	key, err := processDistrict(tx, m.ProcessID)
	if err != nil {
		return m, err
	}
	m.DistrictKey = key
	row, err := measureToRow(m)
	if err != nil {
		return m, err
	}
	row.ID = 0
	if err := tx.Create(&row).Error; err != nil {
		return m, translate(err, needs.ErrInvalid)
	}
	return row.toDomain()
}

// SaveMeasure implements needs.Store (needs.ErrMeasureNotFound without it); the process, district
// and creation time stay.
func (s *Needs) SaveMeasure(ctx context.Context, m needs.Measure) error {
	m.UpdatedAt = time.Time{} // stamped now unless given
	row, err := measureToRow(m)
	if err != nil {
		return err
	}
	return updateOne(conn(ctx, s.db), &needsMeasureRow{}, m.ID, map[string]any{"title": row.Title, "description": row.Description,
		"area_ids": row.AreaIDs, "fields": row.Fields, "responsible": row.Responsible, "budget": row.Budget, "status": row.Status,
		"milestones": row.Milestones, "target": row.Target, "updated_at": row.UpdatedAt}, needs.ErrMeasureNotFound)
}

// Measure implements needs.Store.
func (s *Needs) Measure(ctx context.Context, id int64) (needs.Measure, error) {
	var r needsMeasureRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return needs.Measure{}, notFound(err, needs.ErrMeasureNotFound)
	}
	return r.toDomain()
}

// Measures implements needs.Store, in the order they were made.
func (s *Needs) Measures(ctx context.Context, processID int64, cursor string, limit int) ([]needs.Measure, string, error) {
	tx, err := paged(conn(ctx, s.db).Where("process_id = ?", processID), "id >", cursor, limit)
	if err != nil {
		return nil, "", err
	}
	var rows []needsMeasureRow
	if err := tx.Order("id").Find(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list measures: %w", err)
	}
	next := ""
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
		next = fmt.Sprint(rows[len(rows)-1].ID)
	}
	out, err := domainRows(rows)
	return out, next, err
}

// AddNotice implements needs.Store; an organisation, assessment or process that does not exist
// is needs.ErrInvalid.
func (s *Needs) AddNotice(ctx context.Context, n needs.Notice) error {
	row := needsNoticeRow{Org: n.Org, Kind: n.Kind, AssessmentID: nonZero(n.AssessmentID), ProcessID: nonZero(n.ProcessID), Text: n.Text, At: stamp(n.At)}
	return translate(conn(ctx, s.db).Create(&row).Error, needs.ErrInvalid)
}

// Notices implements needs.Store, the newest first; limit 0: all.
func (s *Needs) Notices(ctx context.Context, orgs []string, limit int) ([]needs.Notice, error) {
	if len(orgs) == 0 {
		return []needs.Notice{}, nil
	}
	tx := conn(ctx, s.db).Where("org IN ?", orgs).Order("at DESC, id DESC")
	if limit > 0 {
		tx = tx.Limit(limit)
	}
	var rows []needsNoticeRow
	if err := tx.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list notices: %w", err)
	}
	out := make([]needs.Notice, len(rows))
	for i, r := range rows {
		out[i] = needs.Notice{ID: r.ID, Org: r.Org, Kind: r.Kind, AssessmentID: deref(r.AssessmentID), ProcessID: deref(r.ProcessID), Text: r.Text, At: r.At.UTC()}
	}
	return out, nil
}
