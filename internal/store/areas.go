package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/paulmach/orb/geojson"
	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/district"
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
type Planning struct{ db *gorm.DB }

// NewPlanning returns the planning store on db.
func NewPlanning(db *DB) *Planning { return &Planning{db: db.Gorm} }

var _ planning.Store = (*Planning)(nil)

// Areas implements planning.Store.
func (s *Planning) Areas(ctx context.Context, districtKey string) ([]planning.SocialArea, error) {
	var rows []socialAreaRow
	if err := s.db.WithContext(ctx).Where("district_key = ?", districtKey).
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
	r, err := findArea(s.db.WithContext(ctx), id)
	if err != nil {
		return planning.SocialArea{}, err
	}
	return r.toDomain()
}

func findArea(tx *gorm.DB, id int64) (socialAreaRow, error) {
	var r socialAreaRow
	err := tx.Take(&r, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r, planning.ErrAreaNotFound
	}
	return r, err
}

// checkArea validates the area in its district: its own fields, its parent, its place.
func checkArea(tx *gorm.DB, a *planning.SocialArea) error {
	if err := a.Validate(); err != nil {
		return err
	}
	var d districtRow
	if err := tx.Where("key = ?", a.DistrictKey).Take(&d).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return district.ErrNotFound
	} else if err != nil {
		return err
	}
	dist, err := d.toDomain()
	if err != nil {
		return err
	}
	if !planning.Within(a.Geometry, dist.Boundary) {
		return fmt.Errorf("%w social area: it lies outside district %s", planning.ErrInvalid, a.DistrictKey)
	}
	if a.ParentID == 0 {
		return nil
	}
	pr, err := findArea(tx, a.ParentID)
	if errors.Is(err, planning.ErrAreaNotFound) {
		return fmt.Errorf("%w social area: parent %d does not exist", planning.ErrInvalid, a.ParentID)
	} else if err != nil {
		return err
	}
	parent, err := pr.toDomain()
	if err != nil {
		return err
	}
	if err := a.CheckParent(&parent); err != nil {
		return err
	}
	// No cycles: walk up from the parent; the area itself must not appear.
	for p := parent; p.ParentID != 0; {
		if p.ParentID == a.ID && a.ID != 0 {
			return fmt.Errorf("%w social area: the parent lies inside this area", planning.ErrInvalid)
		}
		next, err := findArea(tx, p.ParentID)
		if err != nil {
			return err
		}
		p = planning.SocialArea{ID: next.ID, ParentID: deref(next.ParentID)}
	}
	return nil
}

// deref is *p, or the zero value for nil (a NULL column).
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func writeAreaError(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return fmt.Errorf("%w: another area of the district has this code", planning.ErrConflict)
	}
	return err
}

// CreateArea implements planning.Store.
func (s *Planning) CreateArea(ctx context.Context, actorID int64, a planning.SocialArea) (planning.SocialArea, error) {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		a.ID = 0
		if err := checkArea(tx, &a); err != nil {
			return err
		}
		row, err := areaRow(a)
		if err != nil {
			return err
		}
		if err := tx.Create(&row).Error; err != nil {
			return writeAreaError(err)
		}
		a.ID = row.ID
		return auditArea(tx, actorID, "social_area.create", a)
	})
	return a, err
}

func auditArea(tx *gorm.DB, actorID int64, action string, a planning.SocialArea) error {
	return appendAudit(tx, actorID, action, "social_area", strconv.FormatInt(a.ID, 10),
		map[string]any{"district_key": a.DistrictKey, "name": a.Name, "level": string(a.Level), "code": a.Code, "parent_id": a.ParentID})
}

// UpdateArea implements planning.Store.
func (s *Planning) UpdateArea(ctx context.Context, actorID, id int64, update func(*planning.SocialArea) error) (planning.SocialArea, error) {
	var out planning.SocialArea
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := findArea(tx, id)
		if err != nil {
			return err
		}
		a, err := row.toDomain()
		if err != nil {
			return err
		}
		if err := update(&a); err != nil {
			return err
		}
		a.ID, a.DistrictKey = id, row.DistrictKey
		if err := checkArea(tx, &a); err != nil {
			return err
		}
		next, err := areaRow(a)
		if err != nil {
			return err
		}
		if err := tx.Model(&row).Select("parent_id", "name", "level", "code", "description", "population", "geometry", "updated_at").
			Updates(map[string]any{"parent_id": next.ParentID, "name": next.Name, "level": next.Level, "code": next.Code,
				"description": next.Description, "population": next.Population, "geometry": next.Geometry, "updated_at": time.Now().UTC()}).Error; err != nil {
			return writeAreaError(err)
		}
		out = a
		return auditArea(tx, actorID, "social_area.update", a)
	})
	return out, err
}

// DeleteArea implements planning.Store.
func (s *Planning) DeleteArea(ctx context.Context, actorID, id int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := findArea(tx, id)
		if err != nil {
			return err
		}
		var children, uses int64
		if err := tx.Model(&socialAreaRow{}).Where("parent_id = ?", id).Count(&children).Error; err != nil {
			return err
		}
		if err := tx.Table("process_areas").Where("social_area_id = ?", id).Count(&uses).Error; err != nil {
			return err
		}
		if children > 0 || uses > 0 {
			return fmt.Errorf("%w: the area has %d sub-areas and is named by %d processes", planning.ErrConflict, children, uses)
		}
		if err := tx.Delete(&socialAreaRow{}, id).Error; err != nil {
			return err
		}
		a, _ := row.toDomain()
		return auditArea(tx, actorID, "social_area.delete", a)
	})
}

// ApplyImport implements planning.Store: the changes come parents first, so each parent_code
// resolves to an area created or updated before.
func (s *Planning) ApplyImport(ctx context.Context, actorID int64, districtKey string, changes []planning.ImportChange) ([]planning.ImportChange, error) {
	out := append([]planning.ImportChange(nil), changes...)
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i := range out {
			c := &out[i]
			c.Area.DistrictKey = districtKey
			c.Area.ParentID = 0
			if c.ParentCode != "" {
				var parent socialAreaRow
				if err := tx.Where("district_key = ? AND code = ?", districtKey, c.ParentCode).Take(&parent).Error; err != nil {
					return fmt.Errorf("%w: feature %d: parent %q not found", planning.ErrInvalid, c.Index, c.ParentCode)
				}
				c.Area.ParentID = parent.ID
			}
			c.Area.ID = c.ID
			if err := checkArea(tx, &c.Area); err != nil {
				return fmt.Errorf("feature %d: %w", c.Index, err)
			}
			row, err := areaRow(c.Area)
			if err != nil {
				return err
			}
			if c.Update {
				err = tx.Model(&socialAreaRow{ID: c.ID}).Select("parent_id", "name", "level", "description", "population", "geometry", "updated_at").
					Updates(map[string]any{"parent_id": row.ParentID, "name": row.Name, "level": row.Level, "description": row.Description,
						"population": row.Population, "geometry": row.Geometry, "updated_at": time.Now().UTC()}).Error
			} else {
				row.ID = 0
				err = tx.Create(&row).Error
				c.ID, c.Area.ID = row.ID, row.ID
			}
			if err != nil {
				return fmt.Errorf("feature %d: %w", c.Index, writeAreaError(err))
			}
		}
		return appendAudit(tx, actorID, "social_area.import", "district", districtKey, map[string]any{"changes": len(out)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
