package atlas

import (
	"time"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// Service holds the atlas's use cases.
type Service struct {
	store         Store
	imports       ImportStore
	districts     district.Store
	areas         planning.Store
	tx            kernel.Transactor
	audit         audit.Store
	blobs         planning.Blobs
	read          ImportReader
	minPop        float64
	participation Participation
	now           func() time.Time
	cache         catalogueCache
}

// Deps are the ports a Service needs.
type Deps struct {
	Store     Store
	Imports   ImportStore
	Districts district.Store
	// Areas gives the districts' social areas (names, codes) from the planning context.
	Areas planning.Store
	Tx    kernel.Transactor
	Audit audit.Store
	// Blobs keeps imported files until they are applied.
	Blobs planning.Blobs
	// Read reads import files (CSV, XLSX).
	Read ImportReader
	// MinPopulation: areas with fewer inhabitants are not shown for sensitive indicators.
	MinPopulation float64
	// Participation counts processes, consultations and contributions per district (the overview).
	Participation Participation
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// DefaultMinPopulation is the smallest population of an area shown for sensitive indicators
// when the configuration sets none.
const DefaultMinPopulation = 300

// NewService returns the atlas's use cases.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.MinPopulation <= 0 {
		d.MinPopulation = DefaultMinPopulation
	}
	svc := &Service{store: d.Store, imports: d.Imports, districts: d.Districts, areas: d.Areas, tx: d.Tx,
		audit: d.Audit, blobs: d.Blobs, read: d.Read, minPop: d.MinPopulation, participation: d.Participation, now: d.Now}
	svc.cache.now = time.Now // the cache's age is wall time, whatever clock the use cases keep
	return svc
}
