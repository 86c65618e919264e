// Package app composes the domain's services from their adapters, so the server and the tests
// build them the same way.
package app

import (
	"cmp"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/markdown"
	"github.com/teilhabe/teilhabe/internal/store"
)

// Posting limits by default: five comments in a row, then one every 12 seconds per person and
// instance.
const (
	DefaultPostBurst    = 5
	DefaultPostInterval = 12 * time.Second
)

// Supports, their withdrawals and flags by default: twenty in a row, then two a second per person
// and instance; each is a stored live event, and nobody clicks faster.
const (
	DefaultToggleBurst    = 20
	DefaultToggleInterval = 500 * time.Millisecond
)

// Limits configure the services.
type Limits struct {
	PostBurst      int           // 0: DefaultPostBurst
	PostInterval   time.Duration // 0: DefaultPostInterval
	ToggleBurst    int           // 0: DefaultToggleBurst
	ToggleInterval time.Duration // 0: DefaultToggleInterval
}

// Consultations returns the consultation use cases on db, emitting live events into out.
func Consultations(db *store.DB, out *store.Outbox, l Limits, now func() time.Time) *consultation.Service {
	return consultation.NewService(consultation.Deps{
		Store: store.NewConsultations(db), Tx: db, Outbox: out, Audit: store.NewAudit(db),
		Render:  markdown.Comment,
		Limiter: kernel.NewLimiter[int64](cmp.Or(l.PostInterval, DefaultPostInterval), cmp.Or(l.PostBurst, DefaultPostBurst), now),
		Toggles: kernel.NewLimiter[int64](cmp.Or(l.ToggleInterval, DefaultToggleInterval), cmp.Or(l.ToggleBurst, DefaultToggleBurst), now),
		Now:     now,
	})
}

// Planning returns the planning use cases on db, keeping documents' bytes in blobs.
func Planning(db *store.DB, blobs planning.Blobs, now func() time.Time) *planning.Service {
	return planning.NewService(planning.Deps{
		Store: store.NewPlanning(db), Districts: store.NewDistricts(db), Tx: db, Audit: store.NewAudit(db), Blobs: blobs, Now: now,
	})
}

// Atlas returns the atlas's use cases on db, keeping imported files in blobs; areas below
// minPopulation are not shown for sensitive indicators (0: atlas.DefaultMinPopulation).
func Atlas(db *store.DB, blobs planning.Blobs, minPopulation float64, now func() time.Time) *atlas.Service {
	return atlas.NewService(atlas.Deps{
		Store: store.NewAtlas(db), Districts: store.NewDistricts(db),
		Areas: store.NewPlanning(db), Tx: db, Audit: store.NewAudit(db), Blobs: blobs,
		Imports: store.NewAtlasImports(db), Read: ReadImportFile,
		MinPopulation: minPopulation, Participation: store.NewAtlasParticipation(db), Now: now,
	})
}
