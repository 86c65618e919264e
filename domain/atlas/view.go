package atlas

import "github.com/teilhabe/teilhabe/domain/identity"

// Status is how a cell of a map, table or profile is shown.
type Status string

// The statuses of cells.
const (
	StatusShown      Status = "shown"
	StatusSuppressed Status = "suppressed" // withheld by disclosure control: no value for the public
	StatusMissing    Status = "missing"    // no value stored
)

// Cell is one area's value as one person may see it: a suppressed value carries no number, except
// for the coordinators of the area's district, who see it with its reason.
type Cell struct {
	Area        AreaKey
	Name        string
	Year        int
	Value       *float64
	Flag        Flag
	Status      Status
	Suppression Reason
	Boundary    string
	Class       *int
}

// cellOf turns a stored value into what who may see. The store already masks suppressed values
// for readers who may not see any (they never leave the database); this is the second line for
// the coordinators' reads, which carry every value of every district.
func cellOf(who identity.Principal, v Value, name string) Cell {
	c := Cell{Area: v.Area, Name: name, Year: v.Year, Value: v.Value, Flag: v.Flag, Status: StatusShown, Boundary: v.Boundary}
	if v.Suppression != ReasonNone {
		c.Status, c.Suppression = StatusSuppressed, v.Suppression
		if !SeesSuppressed(who, v.Area) {
			c.Value, c.Flag = nil, FlagNone
		}
	}
	return c
}

func missingCell(area AreaKey, name string, year int) Cell {
	return Cell{Area: area, Name: name, Year: year, Status: StatusMissing}
}

// public reports whether who's reads may be masked in the store: only district coordinators
// ever see a suppressed value.
func public(who identity.Principal) bool { return len(who.CoordinatedDistricts()) == 0 }

// IndicatorInfo is a catalogue entry with the years that have values.
type IndicatorInfo struct {
	Indicator
	Years []int
}

// Catalogue is the atlas's catalogue as one person sees it.
type Catalogue struct {
	Indicators   []IndicatorInfo
	Actions      []string // add_indicator, import, overview
	ImportScopes []string
}

// MapQuery asks for one indicator and year on one level.
type MapQuery struct {
	Indicator string
	Year      int // 0: the newest with values
	Level     Level
	District  string // for LevelArea
	Method    Method
	Classes   int
}

// MapView is the map's answer: a cell per area of the level, the Land, class breaks and palette.
type MapView struct {
	Indicator Indicator
	Year      int
	Years     []int
	Level     Level
	District  string
	Land      *Cell
	Cells     []Cell
	Breaks    []float64
	Method    Method
	Scheme    Scheme
}

// SeriesView is one area's time series.
type SeriesView struct {
	Area   AreaKey
	Name   string
	Points []Point
}

// ValueView is one value by its reference, with what cites it.
type ValueView struct {
	Indicator Indicator
	Cell      Cell
	Ref       string
	Citations []Citation
}
