package atlas

import (
	"context"
	"time"
)

// LevelQuery selects the values of one indicator and year on one level: the map's request.
type LevelQuery struct {
	Indicator   string
	Year        int
	Level       Level
	DistrictKey string // for LevelArea: the district whose social areas are read
	PublicOnly  bool   // leave out what disclosure control withholds (in SQL, so it never leaves the store)
	WithLand    bool   // the Land's value of the same indicator and year too, in the same read
}

// Boundary is one version of an area's outline, valid from a date until the next version.
type Boundary struct {
	Area      AreaKey
	Version   string // the Gebietsstand, e.g. "2021-07-01"
	ValidFrom string // YYYY-MM-DD
	ValidTo   string // "" while current
	Geometry  []byte // GeoJSON geometry
}

// LoggedSuppression is one line of the log of disclosure control: what was withheld and why.
type LoggedSuppression struct {
	Indicator string
	Year      int
	Area      AreaKey
	Reason    Reason
	At        time.Time
}

// Citation is a use of a value by another context: a needs assessment citing its evidence, a
// measure naming the indicator of its effect.
type Citation struct {
	Ref        string
	Indicator  string
	Kind       string // e.g. "needs_assessment", "measure"
	SubjectID  string
	Title      string
	CitedValue *float64 // the value as it was when cited
	CreatedAt  time.Time
}

// Store keeps the catalogue, values, boundaries, suppression decisions and citations: rows and
// queries, no rule. Called with a context from kernel.Transactor.InTx, every method takes part in
// that transaction.
type Store interface {
	Indicators(ctx context.Context) ([]Indicator, error)
	// Indicator returns one indicator (ErrIndicatorNotFound).
	Indicator(ctx context.Context, key string) (Indicator, error)
	// InsertIndicator adds an indicator; a key that exists is ErrIndicatorExists (the primary key decides).
	InsertIndicator(ctx context.Context, in Indicator, by int64, at time.Time) error
	// Years lists the years with values of the indicator, ascending.
	Years(ctx context.Context, indicator string) ([]int, error)
	// LevelValues reads one indicator, year and level.
	LevelValues(ctx context.Context, q LevelQuery) ([]Value, error)
	// PeriodValues reads every value of the indicators for the year, on every level, suppressed too:
	// disclosure control decides on them.
	PeriodValues(ctx context.Context, indicators []string, year int) ([]Value, error)
	// SeriesValues reads every year of the indicator for the areas.
	SeriesValues(ctx context.Context, indicator string, areas []AreaKey, publicOnly bool) ([]Value, error)
	// AreaValues reads every indicator and year of the areas (a profile), in year order.
	AreaValues(ctx context.Context, areas []AreaKey, publicOnly bool) ([]Value, error)
	// PeerValues reads, for each indicator of years, its values in that year on the level (for
	// LevelArea: of the district's social areas): what ranks compare.
	PeerValues(ctx context.Context, level Level, districtKey string, years map[string]int) ([]Value, error)
	// Value reads one value (ErrValueNotFound).
	Value(ctx context.Context, indicator string, area AreaKey, year int) (Value, error)
	// UpsertValues writes values, replacing those with the same key.
	UpsertValues(ctx context.Context, vs []Value) error
	// SetSuppression records disclosure control's decision for every value of the indicator and
	// year: the areas in reasons are withheld, all others shown; the log keeps each reason.
	SetSuppression(ctx context.Context, indicator string, year int, reasons map[AreaKey]Reason, at time.Time) error
	// Suppressions lists the logged decisions of an indicator (for the log's readers).
	Suppressions(ctx context.Context, indicator string) ([]LoggedSuppression, error)
	// PublicValues calls fn with every value the public may see, ordered by indicator, area and year.
	PublicValues(ctx context.Context, fn func(Value) error) error

	// Boundaries lists the current boundaries of a level (for LevelArea: of the district).
	Boundaries(ctx context.Context, level Level, districtKey string) ([]Boundary, error)
	// DistrictBoundaries lists every version of the boundaries of a district and its social
	// areas ("": of the Land and the districts), by area and oldest first.
	DistrictBoundaries(ctx context.Context, districtKey string) ([]Boundary, error)
	// BoundaryVersions lists every version of an area's boundary, oldest first.
	BoundaryVersions(ctx context.Context, area AreaKey) ([]Boundary, error)
	// InsertBoundary stores a version and ends the one it follows (the service decides the dates).
	InsertBoundary(ctx context.Context, b Boundary, endPrevious string) error

	// Citations lists what cites values of the indicator.
	Citations(ctx context.Context, indicator string) ([]Citation, error)
	// Cite records a citation (again for the same ref, kind and subject: replaced).
	Cite(ctx context.Context, c Citation) error
}
