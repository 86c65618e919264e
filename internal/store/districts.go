package store

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb/geojson"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/district"
)

type districtRow struct {
	ID         int64 `gorm:"primaryKey"`
	Key        string
	Name       string
	Kind       string
	Population int64
	AreaKm2    float64 `gorm:"column:area_km2"`
	Boundary   string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (districtRow) TableName() string { return "districts" }

func (r districtRow) toDomain() (district.District, error) {
	g, err := geojson.UnmarshalGeometry([]byte(r.Boundary))
	if err != nil {
		return district.District{}, fmt.Errorf("district %s: stored boundary: %w", r.Key, err)
	}
	return district.New(r.Key, r.Name, district.Kind(r.Kind), r.Population, r.AreaKm2, g.Geometry())
}

// Districts is the gorm implementation of district.Store. Districts are reference data that change
// only when Upsert loads them, so the parsed list is kept in memory: parsing 22 boundaries on every
// request would cost more than everything else a page needs.
type Districts struct {
	db     *gorm.DB
	cached atomic.Pointer[[]district.District]
}

// NewDistricts returns the district store on db.
func NewDistricts(db *DB) *Districts { return &Districts{db: db.Gorm} }

var _ district.Store = (*Districts)(nil)

// List implements district.Store.
func (s *Districts) List(ctx context.Context) ([]district.District, error) {
	if ds := s.cached.Load(); ds != nil {
		return *ds, nil
	}
	ds, err := s.load(ctx)
	if err == nil && len(ds) > 0 {
		s.cached.Store(&ds)
	}
	return ds, err
}

func (s *Districts) load(ctx context.Context) ([]district.District, error) {
	var rows []districtRow
	if err := s.db.WithContext(ctx).Order("key").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list districts: %w", err)
	}
	out := make([]district.District, 0, len(rows))
	for _, r := range rows {
		d, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// Get implements district.Store.
func (s *Districts) Get(ctx context.Context, key string) (district.District, error) {
	if ds := s.cached.Load(); ds != nil {
		for _, d := range *ds {
			if d.Key == key {
				return d, nil
			}
		}
		return district.District{}, district.ErrNotFound
	}
	var r districtRow
	err := conn(ctx, s.db).Where("key = ?", key).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return district.District{}, district.ErrNotFound
	}
	if err != nil {
		return district.District{}, fmt.Errorf("get district %s: %w", key, err)
	}
	return r.toDomain()
}

// Upsert implements district.Store.
func (s *Districts) Upsert(ctx context.Context, ds []district.District) error {
	if len(ds) == 0 {
		return nil
	}
	rows := make([]districtRow, 0, len(ds))
	for _, d := range ds {
		b, err := geojson.NewGeometry(d.Boundary).MarshalJSON()
		if err != nil {
			return fmt.Errorf("district %s: boundary: %w", d.Key, err)
		}
		rows = append(rows, districtRow{Key: d.Key, Name: d.Name, Kind: string(d.Kind), Population: d.Population, AreaKm2: d.AreaKm2, Boundary: string(b)})
	}
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"name", "kind", "population", "area_km2", "boundary", "updated_at"}),
	}).Create(&rows).Error
	s.cached.Store(nil)
	if err != nil {
		return fmt.Errorf("upsert districts: %w", err)
	}
	return nil
}
