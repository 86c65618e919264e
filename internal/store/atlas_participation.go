package store

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// AtlasParticipation implements atlas.Participation over the planning and consultation tables.
type AtlasParticipation struct{ db *DB }

// NewAtlasParticipation returns the participation counts on db.
func NewAtlasParticipation(db *DB) *AtlasParticipation { return &AtlasParticipation{db: db} }

// ByDistrict implements atlas.Participation: published processes, consultations open now, and
// published comments, per district.
func (s *AtlasParticipation) ByDistrict(ctx context.Context) (map[string]atlas.ParticipationCounts, error) {
	type row struct {
		DistrictKey       string
		OpenProcesses     int64
		OpenConsultations int64
		Contributions     int64
	}
	var rows []row
	err := conn(ctx, s.db.Gorm).Raw(`SELECT p.district_key,
		COUNT(DISTINCT CASE WHEN p.status = 'published' THEN p.id END) AS open_processes,
		COUNT(DISTINCT CASE WHEN p.status = 'published' AND c.opens_at <= CURRENT_TIMESTAMP AND c.closes_at > CURRENT_TIMESTAMP THEN c.id END) AS open_consultations,
		(SELECT COUNT(*) FROM comments m JOIN consultations c2 ON c2.id = m.consultation_id JOIN processes p2 ON p2.id = c2.process_id
		  WHERE p2.district_key = p.district_key AND m.status = 'published') AS contributions
		FROM processes p LEFT JOIN consultations c ON c.process_id = p.id
		GROUP BY p.district_key`).Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[string]atlas.ParticipationCounts, len(rows))
	for _, r := range rows {
		out[r.DistrictKey] = atlas.ParticipationCounts{OpenProcesses: r.OpenProcesses, OpenConsultations: r.OpenConsultations, Contributions: r.Contributions}
	}
	return out, nil
}
