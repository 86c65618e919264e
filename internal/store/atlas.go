package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

type atlasIndicatorRow struct {
	Key             string `gorm:"primaryKey"`
	NameDe          string `gorm:"column:name_de"`
	NameEn          string `gorm:"column:name_en"`
	DefinitionDe    string `gorm:"column:definition_de"`
	DefinitionEn    string `gorm:"column:definition_en"`
	Lebenslage      string
	Unit            string
	Kind            string
	RatePer         float64
	Numerator       string
	Denominator     string
	Direction       string
	Source          string
	Licence         string
	ReferenceDate   string
	BoundaryVersion string
	Levels          string
	MinCount        int
	Sensitive       bool
	PlausibleMin    *float64
	PlausibleMax    *float64
	DistrictKey     *string
	CreatedBy       *int64
	CreatedAt       time.Time
}

func (atlasIndicatorRow) TableName() string { return "atlas_indicators" }

func (r atlasIndicatorRow) toDomain() atlas.Indicator {
	in := atlas.Indicator{Key: r.Key, NameDE: r.NameDe, NameEN: r.NameEn, DefinitionDE: r.DefinitionDe,
		DefinitionEN: r.DefinitionEn, Lebenslage: atlas.Lebenslage(r.Lebenslage), Unit: r.Unit,
		Kind: atlas.Kind(r.Kind), RatePer: r.RatePer, Numerator: r.Numerator, Denominator: r.Denominator,
		Direction: atlas.Direction(r.Direction), Source: r.Source, Licence: r.Licence,
		ReferenceDate: r.ReferenceDate, BoundaryVersion: r.BoundaryVersion, MinCount: r.MinCount,
		Sensitive: r.Sensitive, PlausibleMin: r.PlausibleMin, PlausibleMax: r.PlausibleMax}
	if r.DistrictKey != nil {
		in.DistrictKey = *r.DistrictKey
	}
	for _, l := range strings.Split(r.Levels, ",") {
		if l != "" {
			in.Levels = append(in.Levels, atlas.Level(l))
		}
	}
	return in
}

// atlasValueRow is a row of atlas_values; AtlasImports writes the same table in bulk.
type atlasValueRow struct {
	Indicator   string `gorm:"primaryKey"`
	Year        int    `gorm:"primaryKey"`
	Level       string `gorm:"primaryKey"`
	Area        string `gorm:"primaryKey"`
	Date        string `gorm:"primaryKey"`
	District    string
	Value       *float64
	Numerator   *float64
	Denominator *float64
	Flag        string
	Boundary    string
	Suppression string
	ImportID    int64
}

func (atlasValueRow) TableName() string { return "atlas_values" }

func atlasValueRowOf(v atlas.Value) atlasValueRow {
	return atlasValueRow{Indicator: v.Indicator, Year: v.Year, Level: string(v.Area.Level()), Area: string(v.Area),
		Date: v.Date, District: v.Area.District(), Value: v.Value, Numerator: v.Numerator,
		Denominator: v.Denominator, Flag: string(v.Flag), Boundary: v.Boundary,
		Suppression: string(v.Suppression), ImportID: v.ImportID}
}

type atlasBoundaryRow struct {
	Area      string `gorm:"primaryKey"`
	Version   string `gorm:"primaryKey"`
	ValidFrom string
	ValidTo   *string
	Geometry  string
}

func (atlasBoundaryRow) TableName() string { return "atlas_boundaries" }

type atlasSuppressionRow struct {
	Indicator string `gorm:"primaryKey"`
	Year      int    `gorm:"primaryKey"`
	Area      string `gorm:"primaryKey"`
	Date      string `gorm:"primaryKey"`
	Reason    string
	At        time.Time
}

func (atlasSuppressionRow) TableName() string { return "atlas_suppressions" }

type atlasCitationRow struct {
	Ref        string `gorm:"primaryKey"`
	Indicator  string
	Kind       string `gorm:"primaryKey"`
	SubjectID  string `gorm:"primaryKey"`
	Title      string
	CitedValue *float64
	CreatedAt  time.Time
}

func (atlasCitationRow) TableName() string { return "atlas_citations" }

// Atlas is the gorm implementation of atlas.Store.
type Atlas struct{ db *DB }

// NewAtlas returns the atlas store on db.
func NewAtlas(db *DB) *Atlas { return &Atlas{db: db} }

var _ atlas.Store = (*Atlas)(nil)

// Indicators implements atlas.Store.
func (s *Atlas) Indicators(ctx context.Context) ([]atlas.Indicator, error) {
	var rows []atlasIndicatorRow
	if err := conn(ctx, s.db.Gorm).Order("lebenslage, key").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]atlas.Indicator, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Indicator implements atlas.Store.
func (s *Atlas) Indicator(ctx context.Context, key string) (atlas.Indicator, error) {
	var r atlasIndicatorRow
	err := conn(ctx, s.db.Gorm).Where("key = ?", key).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return atlas.Indicator{}, fmt.Errorf("%w: %s", atlas.ErrIndicatorNotFound, key)
	}
	return r.toDomain(), err
}

// InsertIndicator implements atlas.Store.
func (s *Atlas) InsertIndicator(ctx context.Context, in atlas.Indicator, by int64, at time.Time) error {
	levels := make([]string, len(in.Levels))
	for i, l := range in.Levels {
		levels[i] = string(l)
	}
	r := atlasIndicatorRow{Key: in.Key, NameDe: in.NameDE, NameEn: in.NameEN, DefinitionDe: in.DefinitionDE,
		DefinitionEn: in.DefinitionEN, Lebenslage: string(in.Lebenslage), Unit: in.Unit, Kind: string(in.Kind),
		RatePer: in.RatePer, Numerator: in.Numerator, Denominator: in.Denominator, Direction: string(in.Direction),
		Source: in.Source, Licence: in.Licence, ReferenceDate: in.ReferenceDate, BoundaryVersion: in.BoundaryVersion,
		Levels: strings.Join(levels, ","), MinCount: in.MinCount, Sensitive: in.Sensitive,
		PlausibleMin: in.PlausibleMin, PlausibleMax: in.PlausibleMax, CreatedAt: at.UTC()}
	if in.DistrictKey != "" {
		r.DistrictKey = &in.DistrictKey
	}
	if by != 0 {
		r.CreatedBy = &by
	}
	err := conn(ctx, s.db.Gorm).Create(&r).Error
	return translateAs(err, fmt.Errorf("%w: %s", atlas.ErrIndicatorExists, in.Key),
		fmt.Errorf("%w: the district does not exist", atlas.ErrInvalid))
}

// Years implements atlas.Store.
func (s *Atlas) Years(ctx context.Context, indicator string) ([]int, error) {
	// A loose index scan: each step finds the next year on the primary key, so listing the years
	// of an indicator with millions of values costs a few dozen index probes, not a scan.
	var years []int
	err := conn(ctx, s.db.Gorm).Raw(`WITH RECURSIVE y(year) AS (
		SELECT MIN(year) FROM atlas_values WHERE indicator = ?
		UNION ALL
		SELECT (SELECT MIN(v.year) FROM atlas_values v WHERE v.indicator = ? AND v.year > y.year) FROM y WHERE y.year IS NOT NULL
	) SELECT year FROM y WHERE year IS NOT NULL ORDER BY year`, indicator, indicator).Find(&years).Error
	return years, err
}

const atlasValueCols = "indicator, year, area, date, value, numerator, denominator, flag, boundary, suppression, import_id"

// scanValues reads rows of atlasValueCols without gorm's reflection: the map's request reads
// thousands of them and must stay close to the bare SELECT.
func scanValues(rows *sql.Rows) ([]atlas.Value, error) {
	defer rows.Close()
	var out []atlas.Value
	var nums floatSlab
	for rows.Next() {
		v, err := scanValue(rows, &nums)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func scanOne(rows *sql.Rows) (atlas.Value, error) { return scanValue(rows, nil) }

func scanValue(rows *sql.Rows, nums *floatSlab) (atlas.Value, error) {
	var v atlas.Value
	var area, flag, supp string
	var val, num, den sql.NullFloat64
	if err := rows.Scan(&v.Indicator, &v.Year, &area, &v.Date, &val, &num, &den, &flag, &v.Boundary, &supp, &v.ImportID); err != nil {
		return v, err
	}
	v.Area, v.Flag, v.Suppression = atlas.AreaKey(area), atlas.Flag(flag), atlas.Reason(supp)
	v.Value, v.Numerator, v.Denominator = nums.ptr(val), nums.ptr(num), nums.ptr(den)
	return v, nil
}

// floatSlab hands out the numbers of many values from shared blocks instead of one allocation
// each: a district's profile has 75,000 of them, and the garbage collector's work on them was a
// good part of its time over the bare SELECT (the atlas benchmark). A nil slab allocates each.
type floatSlab []float64

func (s *floatSlab) ptr(f sql.NullFloat64) *float64 {
	switch {
	case !f.Valid:
		return nil
	case s == nil:
		return &f.Float64
	case len(*s) == cap(*s):
		*s = make([]float64, 0, 768)
	}
	*s = append(*s, f.Float64)
	return &(*s)[len(*s)-1]
}

func (s *Atlas) query(ctx context.Context, q string, args ...any) ([]atlas.Value, error) {
	rows, err := conn(ctx, s.db.Gorm).Raw(q, args...).Rows()
	if err != nil {
		return nil, err
	}
	return scanValues(rows)
}

// atlasPublicCols reads the same columns as atlasValueCols, but a withheld value's number, its
// numerator, denominator and flag are blanked in SQL: for the public they never leave the
// database, while the row still says that something was withheld.
const atlasPublicCols = "indicator, year, area, date, CASE WHEN suppression = '' THEN value END, " +
	"CASE WHEN suppression = '' THEN numerator END, CASE WHEN suppression = '' THEN denominator END, " +
	"CASE WHEN suppression = '' THEN flag ELSE '' END, boundary, suppression, import_id"

func cols(public bool) string {
	if public {
		return atlasPublicCols
	}
	return atlasValueCols
}

// LevelValues implements atlas.Store.
func (s *Atlas) LevelValues(ctx context.Context, q atlas.LevelQuery) ([]atlas.Value, error) {
	sqlText := "SELECT " + cols(q.PublicOnly) + " FROM atlas_values WHERE indicator = ? AND year = ? AND level = ?"
	args := []any{q.Indicator, q.Year, string(q.Level)}
	if q.Level == atlas.LevelArea {
		// A range on the primary key's area column: the district's social areas are "16051:...".
		sqlText += " AND area >= ? AND area < ?"
		args = append(args, q.DistrictKey+":", q.DistrictKey+";")
	}
	if q.WithLand && q.Level != atlas.LevelLand {
		sqlText += " UNION ALL SELECT " + cols(q.PublicOnly) + " FROM atlas_values WHERE indicator = ? AND year = ? AND level = 'land'"
		args = append(args, q.Indicator, q.Year)
	}
	return s.query(ctx, sqlText, args...)
}

// PeerValues implements atlas.Store: one read of the primary key per indicator and year. Peers
// are read as the public sees them: ranks compare what everyone may see.
func (s *Atlas) PeerValues(ctx context.Context, level atlas.Level, districtKey string, years map[string]int) ([]atlas.Value, error) {
	if len(years) == 0 {
		return nil, nil
	}
	var parts []string
	var args []any
	for ind, year := range years {
		part := "SELECT " + atlasPublicCols + " FROM atlas_values WHERE indicator = ? AND year = ? AND level = ?"
		args = append(args, ind, year, string(level))
		if level == atlas.LevelArea {
			part += " AND area >= ? AND area < ?"
			args = append(args, districtKey+":", districtKey+";")
		}
		parts = append(parts, part)
	}
	return s.query(ctx, strings.Join(parts, " UNION ALL "), args...)
}

// PeriodValues implements atlas.Store.
func (s *Atlas) PeriodValues(ctx context.Context, indicators []string, year int) ([]atlas.Value, error) {
	if len(indicators) == 0 {
		return nil, nil
	}
	return s.query(ctx, "SELECT "+atlasValueCols+" FROM atlas_values WHERE indicator IN ? AND year = ?", indicators, year)
}

// SeriesValues implements atlas.Store.
func (s *Atlas) SeriesValues(ctx context.Context, indicator string, areas []atlas.AreaKey, publicOnly bool) ([]atlas.Value, error) {
	return s.query(ctx, "SELECT "+cols(publicOnly)+" FROM atlas_values WHERE area IN ? AND indicator = ? ORDER BY area, year, date",
		keys(areas), indicator)
}

// AreaValues implements atlas.Store. The values come in time order only: the profile groups
// them by indicator and area and needs each group's years in order. Ordering a district's
// profile (some 25,000 values) by indicator and area too, text under the database's collation,
// took longer than reading it (the atlas benchmark); by year and date it costs a fraction.
func (s *Atlas) AreaValues(ctx context.Context, areas []atlas.AreaKey, publicOnly bool) ([]atlas.Value, error) {
	return s.query(ctx, "SELECT "+cols(publicOnly)+" FROM atlas_values WHERE area IN ? ORDER BY year, date", keys(areas))
}

func keys(areas []atlas.AreaKey) []string {
	out := make([]string, len(areas))
	for i, a := range areas {
		out[i] = string(a)
	}
	return out
}

// Value implements atlas.Store.
func (s *Atlas) Value(ctx context.Context, indicator string, area atlas.AreaKey, year int) (atlas.Value, error) {
	vs, err := s.query(ctx, "SELECT "+atlasValueCols+" FROM atlas_values WHERE indicator = ? AND year = ? AND level = ? AND area = ? ORDER BY date DESC LIMIT 1",
		indicator, year, string(area.Level()), string(area))
	if err != nil {
		return atlas.Value{}, err
	}
	if len(vs) == 0 {
		return atlas.Value{}, fmt.Errorf("%w: %s", atlas.ErrValueNotFound, atlas.Ref(indicator, area, year))
	}
	return vs[0], nil
}

// UpsertValues implements atlas.Store.
func (s *Atlas) UpsertValues(ctx context.Context, vs []atlas.Value) error {
	if len(vs) == 0 {
		return nil
	}
	rows := make([]atlasValueRow, len(vs))
	for i, v := range vs {
		rows[i] = atlasValueRowOf(v)
	}
	err := conn(ctx, s.db.Gorm).Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(&rows, 500).Error
	return translate(err, atlas.ErrInvalid)
}
