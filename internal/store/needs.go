package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// Needs is the gorm implementation of needs.Store. Lists that are only read back are JSON text;
// the lists that queries filter on are mirrored into index tables (needs_assessment_areas,
// needs_assessment_groups, needs_item_areas) by the same write.
type Needs struct {
	db *gorm.DB
}

// NewNeeds returns the needs store.
func NewNeeds(db *DB) *Needs { return &Needs{db: db.Gorm} }

var _ needs.Store = (*Needs)(nil)

type needsCallRow struct {
	ID          int64 `gorm:"primaryKey"`
	ProcessID   int64
	DistrictKey string
	PhaseID     *int64
	Title       string
	Guidance    string
	AreaIDs     string `gorm:"column:area_ids"` // JSON
	Fields      string // JSON
	Deadline    time.Time
	Audience    string
	Invited     string // JSON: organisation slugs
	CreatedBy   *int64
	CreatedAt   time.Time
}

func (needsCallRow) TableName() string { return "needs_calls" }

// jsonText is v as JSON text, an empty list for a nil one, so that reads give empty lists.
func jsonText(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("%w: %v", needs.ErrInvalid, err) // a NaN, which no JSON can hold
	}
	if string(b) == "null" {
		return "[]", nil
	}
	return string(b), nil
}

// fromJSON reads a JSON column; an empty one leaves v as it is.
func fromJSON(s string, v any) error {
	if s == "" {
		return nil
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("read stored JSON: %w", err)
	}
	return nil
}

// stamp is t in UTC to the microsecond PostgreSQL keeps (so that what a write returns is what
// a read gives), or now when the caller left it zero.
func stamp(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// optTime is t for a nullable column: NULL for the zero time.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = stamp(t)
	return &t
}

// fromOptTime is a nullable time column as a time, zero for NULL.
func fromOptTime(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// processDistrict is the district of a process, which the needs rows carry for their rooms.
func processDistrict(tx *gorm.DB, processID int64) (string, error) {
	var keys []string
	if err := tx.Model(&processRow{}).Where("id = ?", processID).Pluck("district_key", &keys).Error; err != nil {
		return "", err
	}
	if len(keys) == 0 {
		return "", planning.ErrProcessNotFound
	}
	return keys[0], nil
}

// idCursor reads a cursor that is the id of a page's last row.
// paged narrows a list to what follows the cursor (after is e.g. "id >": the column and the
// direction of the list's order) and asks for one row more than the page, which tells whether
// another page follows.
func paged(tx *gorm.DB, after, cursor string, limit int) (*gorm.DB, error) {
	if cursor != "" {
		n, err := idCursor(cursor)
		if err != nil {
			return nil, err
		}
		tx = tx.Where(after+" ?", n)
	}
	if limit > 0 {
		tx = tx.Limit(limit + 1)
	}
	return tx, nil
}

func idCursor(c string) (int64, error) {
	id, err := strconv.ParseInt(c, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: the cursor is not one this API gave out", needs.ErrInvalid)
	}
	return id, nil
}

// domainRows converts rows with their toDomain, which fails only on a stored JSON it cannot read.
func domainRows[R interface{ toDomain() (T, error) }, T any](rows []R) ([]T, error) {
	out := make([]T, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = r.toDomain(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// updateOne writes updates into the row with the id; missing when there is none, needs.ErrInvalid
// when a reference does not exist.
func updateOne(tx *gorm.DB, model any, id int64, updates map[string]any, missing error) error {
	res := tx.Model(model).Where("id = ?", id).Updates(updates)
	if res.Error != nil {
		return translate(res.Error, needs.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		return missing
	}
	return nil
}

// notFound turns "no row" into the context's error for the thing.
func notFound(err, missing error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return missing
	}
	return err
}

func callToRow(c needs.Call) (needsCallRow, error) {
	r := needsCallRow{ID: c.ID, ProcessID: c.ProcessID, DistrictKey: c.DistrictKey, PhaseID: nonZero(c.PhaseID), Title: c.Title,
		Guidance: c.Guidance, Deadline: c.Deadline.UTC(), Audience: string(c.Audience), CreatedBy: nonZero(c.CreatedBy), CreatedAt: stamp(c.CreatedAt)}
	var err error
	if r.AreaIDs, err = jsonText(c.AreaIDs); err != nil {
		return r, err
	}
	if r.Fields, err = jsonText(c.Fields); err != nil {
		return r, err
	}
	r.Invited, err = jsonText(c.Invited)
	return r, err
}

func (r needsCallRow) toDomain() (needs.Call, error) {
	c := needs.Call{ID: r.ID, ProcessID: r.ProcessID, DistrictKey: r.DistrictKey, PhaseID: deref(r.PhaseID), Title: r.Title, Guidance: r.Guidance,
		Deadline: r.Deadline.UTC(), Audience: needs.Audience(r.Audience), CreatedBy: deref(r.CreatedBy), CreatedAt: r.CreatedAt.UTC()}
	if err := fromJSON(r.AreaIDs, &c.AreaIDs); err != nil {
		return c, err
	}
	if err := fromJSON(r.Fields, &c.Fields); err != nil {
		return c, err
	}
	return c, fromJSON(r.Invited, &c.Invited)
}

// InsertCall implements needs.Store; the district is the process's (planning.ErrProcessNotFound
// without one), a phase or creator that does not exist is needs.ErrInvalid.
func (s *Needs) InsertCall(ctx context.Context, c needs.Call) (needs.Call, error) {
	tx := conn(ctx, s.db)
	key, err := processDistrict(tx, c.ProcessID)
	if err != nil {
		return c, err
	}
	c.DistrictKey = key
	row, err := callToRow(c)
	if err != nil {
		return c, err
	}
	row.ID = 0
	if err := tx.Create(&row).Error; err != nil {
		return c, translate(err, needs.ErrInvalid)
	}
	return row.toDomain()
}

// SaveCall implements needs.Store.
func (s *Needs) SaveCall(ctx context.Context, c needs.Call) error {
	row, err := callToRow(c)
	if err != nil {
		return err
	}
	return updateOne(conn(ctx, s.db), &needsCallRow{}, c.ID, map[string]any{"title": row.Title, "guidance": row.Guidance,
		"deadline": row.Deadline, "audience": row.Audience, "invited": row.Invited, "area_ids": row.AreaIDs, "fields": row.Fields}, needs.ErrCallNotFound)
}

// Call implements needs.Store.
func (s *Needs) Call(ctx context.Context, id int64) (needs.Call, error) {
	var r needsCallRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return needs.Call{}, notFound(err, needs.ErrCallNotFound)
	}
	return r.toDomain()
}

// Calls implements needs.Store, the nearest deadline first.
func (s *Needs) Calls(ctx context.Context, q needs.CallQuery) ([]needs.Call, error) {
	tx := conn(ctx, s.db)
	if q.ProcessID != 0 {
		tx = tx.Where("process_id = ?", q.ProcessID)
	}
	if !q.OpenAt.IsZero() {
		tx = tx.Where("deadline > ?", q.OpenAt.UTC())
	}
	var rows []needsCallRow
	if err := tx.Order("deadline, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list calls: %w", err)
	}
	return domainRows(rows)
}
