package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// SetSuppression implements atlas.Store: one UPDATE clears the period's old decisions, one per
// reason sets the new ones, and the log is replaced for the period.
func (s *Atlas) SetSuppression(ctx context.Context, indicator string, year int, reasons map[atlas.AreaKey]atlas.Reason, at time.Time) error {
	db := conn(ctx, s.db.Gorm)
	if err := db.Exec("UPDATE atlas_values SET suppression = '' WHERE indicator = ? AND year = ? AND suppression <> ''", indicator, year).Error; err != nil {
		return err
	}
	if err := db.Exec("DELETE FROM atlas_suppressions WHERE indicator = ? AND year = ?", indicator, year).Error; err != nil {
		return err
	}
	byReason := map[atlas.Reason][]string{}
	logRows := make([]atlasSuppressionRow, 0, len(reasons))
	for area, r := range reasons {
		byReason[r] = append(byReason[r], string(area))
		logRows = append(logRows, atlasSuppressionRow{Indicator: indicator, Year: year, Area: string(area), Reason: string(r), At: at.UTC()})
	}
	for r, areas := range byReason {
		if err := db.Exec("UPDATE atlas_values SET suppression = ? WHERE indicator = ? AND year = ? AND area IN ?", string(r), indicator, year, areas).Error; err != nil {
			return err
		}
	}
	if len(logRows) == 0 {
		return nil
	}
	return db.CreateInBatches(&logRows, 500).Error
}

// Suppressions implements atlas.Store.
func (s *Atlas) Suppressions(ctx context.Context, indicator string) ([]atlas.LoggedSuppression, error) {
	var rows []atlasSuppressionRow
	if err := conn(ctx, s.db.Gorm).Where("indicator = ?", indicator).Order("year, area").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]atlas.LoggedSuppression, len(rows))
	for i, r := range rows {
		out[i] = atlas.LoggedSuppression{Indicator: r.Indicator, Year: r.Year, Area: atlas.AreaKey(r.Area), Reason: atlas.Reason(r.Reason), At: r.At}
	}
	return out, nil
}

// PublicValues implements atlas.Store; it streams, so an export of millions of values needs no
// memory for them.
func (s *Atlas) PublicValues(ctx context.Context, fn func(atlas.Value) error) error {
	rows, err := conn(ctx, s.db.Gorm).Raw("SELECT " + atlasValueCols + " FROM atlas_values WHERE suppression = '' ORDER BY indicator, area, year, date").Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		one, err := scanOne(rows)
		if err != nil {
			return err
		}
		if err := fn(one); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Boundaries implements atlas.Store.
func (s *Atlas) Boundaries(ctx context.Context, level atlas.Level, districtKey string) ([]atlas.Boundary, error) {
	q := conn(ctx, s.db.Gorm).Where("valid_to IS NULL")
	switch level {
	case atlas.LevelArea:
		q = q.Where("area >= ? AND area < ?", districtKey+":", districtKey+";")
	case atlas.LevelDistrict:
		q = q.Where("length(area) = 5")
	default:
		q = q.Where("area = ?", atlas.LandKey)
	}
	var rows []atlasBoundaryRow
	if err := q.Order("area").Find(&rows).Error; err != nil {
		return nil, err
	}
	return boundaries(rows), nil
}

// BoundaryVersions implements atlas.Store.
func (s *Atlas) BoundaryVersions(ctx context.Context, area atlas.AreaKey) ([]atlas.Boundary, error) {
	var rows []atlasBoundaryRow
	if err := conn(ctx, s.db.Gorm).Where("area = ?", string(area)).Order("valid_from").Find(&rows).Error; err != nil {
		return nil, err
	}
	return boundaries(rows), nil
}

func boundaries(rows []atlasBoundaryRow) []atlas.Boundary {
	out := make([]atlas.Boundary, len(rows))
	for i, r := range rows {
		out[i] = atlas.Boundary{Area: atlas.AreaKey(r.Area), Version: r.Version, ValidFrom: r.ValidFrom, Geometry: []byte(r.Geometry)}
		if r.ValidTo != nil {
			out[i].ValidTo = *r.ValidTo
		}
	}
	return out
}

// InsertBoundary implements atlas.Store.
func (s *Atlas) InsertBoundary(ctx context.Context, b atlas.Boundary, endPrevious string) error {
	db := conn(ctx, s.db.Gorm)
	if endPrevious != "" {
		if err := db.Exec("UPDATE atlas_boundaries SET valid_to = ? WHERE area = ? AND valid_to IS NULL", endPrevious, string(b.Area)).Error; err != nil {
			return err
		}
	}
	r := atlasBoundaryRow{Area: string(b.Area), Version: b.Version, ValidFrom: b.ValidFrom, Geometry: string(b.Geometry)}
	if b.ValidTo != "" {
		r.ValidTo = &b.ValidTo
	}
	err := db.Create(&r).Error
	return translate(err, atlas.ErrInvalid)
}

// Citations implements atlas.Store.
func (s *Atlas) Citations(ctx context.Context, indicator string) ([]atlas.Citation, error) {
	var rows []atlasCitationRow
	if err := conn(ctx, s.db.Gorm).Where("indicator = ?", indicator).Order("created_at DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]atlas.Citation, len(rows))
	for i, r := range rows {
		out[i] = atlas.Citation{Ref: r.Ref, Indicator: r.Indicator, Kind: r.Kind, SubjectID: r.SubjectID, Title: r.Title, CitedValue: r.CitedValue, CreatedAt: r.CreatedAt}
	}
	return out, nil
}

// Cite implements atlas.Store.
func (s *Atlas) Cite(ctx context.Context, c atlas.Citation) error {
	r := atlasCitationRow{Ref: c.Ref, Indicator: c.Indicator, Kind: c.Kind, SubjectID: c.SubjectID, Title: c.Title, CitedValue: c.CitedValue, CreatedAt: c.CreatedAt.UTC()}
	return conn(ctx, s.db.Gorm).Clauses(clause.OnConflict{UpdateAll: true}).Create(&r).Error
}
