package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/paulmach/orb/geojson"
	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/planning"
)

type socialAreaRow struct {
	ID          int64 `gorm:"primaryKey"`
	DistrictKey string
	ParentID    *int64
	Name        string
	Level       string
	Code        string
	Description string
	Population  *int64
	Geometry    string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (socialAreaRow) TableName() string { return "social_areas" }

func (r socialAreaRow) toDomain() (planning.SocialArea, error) {
	g, err := geojson.UnmarshalGeometry([]byte(r.Geometry))
	if err != nil {
		return planning.SocialArea{}, fmt.Errorf("social area %d: stored geometry: %w", r.ID, err)
	}
	a := planning.SocialArea{ID: r.ID, DistrictKey: r.DistrictKey, Name: r.Name, Level: planning.Level(r.Level), Code: r.Code,
		Description: r.Description, Population: r.Population, Geometry: g.Geometry()}
	if r.ParentID != nil {
		a.ParentID = *r.ParentID
	}
	return a, nil
}

func areaRow(a planning.SocialArea) (socialAreaRow, error) {
	b, err := geojson.NewGeometry(a.Geometry).MarshalJSON()
	if err != nil {
		return socialAreaRow{}, err
	}
	r := socialAreaRow{ID: a.ID, DistrictKey: a.DistrictKey, Name: a.Name, Level: string(a.Level), Code: a.Code,
		Description: a.Description, Population: a.Population, Geometry: string(b)}
	if a.ParentID != 0 {
		p := a.ParentID
		r.ParentID = &p
	}
	return r, nil
}

// Planning is the gorm implementation of planning.Store.
type Planning struct {
	db    *gorm.DB
	owner *DB // for transactions of the store's own
}

// NewPlanning returns the planning store on db.
func NewPlanning(db *DB) *Planning { return &Planning{db: db.Gorm, owner: db} }

var _ planning.Store = (*Planning)(nil)

// Areas implements planning.Store.
func (s *Planning) Areas(ctx context.Context, districtKey string) ([]planning.SocialArea, error) {
	var rows []socialAreaRow
	if err := conn(ctx, s.db).Where("district_key = ?", districtKey).
		Order("CASE level WHEN 'planungsraum' THEN 1 WHEN 'sozialraum' THEN 2 ELSE 3 END, name, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list social areas: %w", err)
	}
	out := make([]planning.SocialArea, 0, len(rows))
	for _, r := range rows {
		a, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// Area implements planning.Store.
func (s *Planning) Area(ctx context.Context, id int64) (planning.SocialArea, error) {
	return s.takeArea(conn(ctx, s.db).Where("id = ?", id))
}

// AreaByCode implements planning.Store.
func (s *Planning) AreaByCode(ctx context.Context, districtKey, code string) (planning.SocialArea, error) {
	return s.takeArea(conn(ctx, s.db).Where("district_key = ? AND code = ?", districtKey, code))
}

func (s *Planning) takeArea(q *gorm.DB) (planning.SocialArea, error) {
	var r socialAreaRow
	err := q.Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return planning.SocialArea{}, planning.ErrAreaNotFound
	} else if err != nil {
		return planning.SocialArea{}, err
	}
	return r.toDomain()
}

// Ancestors implements planning.Store in one recursive query; the depth bound stops it on a
// cycle that the data should never hold.
func (s *Planning) Ancestors(ctx context.Context, id int64) ([]int64, error) {
	var ids []int64
	err := conn(ctx, s.db).Raw(`WITH RECURSIVE up (id, parent_id, depth) AS (
		SELECT id, parent_id, 0 FROM social_areas WHERE id = ?
		UNION ALL
		SELECT a.id, a.parent_id, up.depth + 1 FROM social_areas a JOIN up ON a.id = up.parent_id WHERE up.depth < 100
	) SELECT id FROM up WHERE depth > 0 ORDER BY depth`, id).Scan(&ids).Error
	if err != nil {
		return nil, fmt.Errorf("ancestors of social area %d: %w", id, err)
	}
	return ids, nil
}

// AreaUses implements planning.Store.
func (s *Planning) AreaUses(ctx context.Context, id int64) (children, processes int64, err error) {
	db := conn(ctx, s.db)
	if err := db.Model(&socialAreaRow{}).Where("parent_id = ?", id).Count(&children).Error; err != nil {
		return 0, 0, err
	}
	err = db.Model(&processAreaRow{}).Where("social_area_id = ?", id).Count(&processes).Error
	return children, processes, err
}

// CountAreas implements planning.Store.
func (s *Planning) CountAreas(ctx context.Context, districtKey string, ids []int64) (int64, error) {
	var n int64
	err := conn(ctx, s.db).Model(&socialAreaRow{}).Where("id IN ? AND district_key = ?", ids, districtKey).Count(&n).Error
	return n, err
}

// deref is *p, or the zero value for nil (a NULL column).
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// areaError translates a write's error: the unique index on (district, code) decides that codes
// are unique, and a parent or district that vanished is invalid.
func areaError(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return fmt.Errorf("%w: another area of the district has this code", planning.ErrConflict)
	}
	return translate(err, planning.ErrInvalid)
}

// InsertArea implements planning.Store.
func (s *Planning) InsertArea(ctx context.Context, a planning.SocialArea) (planning.SocialArea, error) {
	row, err := areaRow(a)
	if err != nil {
		return a, err
	}
	row.ID = 0
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return a, areaError(err)
	}
	a.ID = row.ID
	return a, nil
}

// SaveArea implements planning.Store.
func (s *Planning) SaveArea(ctx context.Context, a planning.SocialArea) error {
	row, err := areaRow(a)
	if err != nil {
		return err
	}
	res := conn(ctx, s.db).Model(&socialAreaRow{ID: a.ID}).Select("parent_id", "name", "level", "code", "description", "population", "geometry", "updated_at").
		Updates(map[string]any{"parent_id": row.ParentID, "name": row.Name, "level": row.Level, "code": row.Code,
			"description": row.Description, "population": row.Population, "geometry": row.Geometry, "updated_at": time.Now().UTC()})
	if res.Error != nil {
		return areaError(res.Error)
	}
	if res.RowsAffected == 0 {
		return planning.ErrAreaNotFound
	}
	return nil
}

// DeleteArea implements planning.Store.
func (s *Planning) DeleteArea(ctx context.Context, id int64) error {
	res := conn(ctx, s.db).Delete(&socialAreaRow{}, id)
	if errors.Is(res.Error, gorm.ErrForeignKeyViolated) {
		return fmt.Errorf("%w: the area is still in use", planning.ErrConflict)
	} else if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return planning.ErrAreaNotFound
	}
	return nil
}
