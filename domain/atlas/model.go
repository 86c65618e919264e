// Package atlas is the social-structure atlas (Sozialstrukturatlas): a catalogue of indicators in
// the nine Lebenslagen, their values per area (the Land, a district, a social area) and year,
// boundary versions, statistical disclosure control, imports and the references that other
// contexts cite.
package atlas

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Sentinel errors of the atlas context.
var (
	ErrIndicatorNotFound = kernel.New(kernel.KindNotFound, "indicator_not_found", "indicator not found")
	ErrValueNotFound     = kernel.New(kernel.KindNotFound, "indicator_value_not_found", "indicator value not found")
	ErrAreaUnknown       = kernel.New(kernel.KindNotFound, "atlas_area_not_found", "area not found")
	ErrImportNotFound    = kernel.New(kernel.KindNotFound, "atlas_import_not_found", "import not found")
	ErrInvalid           = kernel.New(kernel.KindInvalid, "validation_failed", "invalid")
	ErrBadAreaKey        = kernel.New(kernel.KindMalformed, "bad_area_key", "malformed area key")
	ErrIndicatorExists   = kernel.New(kernel.KindConflict, "indicator_exists", "an indicator with this key exists")
	ErrImportState       = kernel.New(kernel.KindConflict, "atlas_import_state", "the import is not in a state that allows this")
	ErrImportProblems    = kernel.New(kernel.KindInvalid, "atlas_import_has_problems", "the import has problems; nothing was imported")
	ErrUndoNotNewest     = kernel.New(kernel.KindConflict, "atlas_undo_not_newest", "only the newest import of these values can be undone")
)

// Lebenslage is one of the nine life-situation areas of the Thuringian base set of indicators.
type Lebenslage string

// The Lebenslagen, in the order the atlas shows them.
const (
	Demografie Lebenslage = "demografie"
	Haushalte  Lebenslage = "haushalte_familien"
	Einkommen  Lebenslage = "einkommen_armut"
	Arbeit     Lebenslage = "arbeit"
	Bildung    Lebenslage = "bildung"
	Gesundheit Lebenslage = "gesundheit"
	Pflege     Lebenslage = "pflege"
	Wohnen     Lebenslage = "wohnen"
	Teilhabe   Lebenslage = "teilhabe"
)

// Title is the Lebenslage's German name, as the server's reports print it (the pages have their
// own translations).
func (l Lebenslage) Title() string { return lebenslageTitles[l] }

var lebenslageTitles = map[Lebenslage]string{
	Demografie: "Demografie", Haushalte: "Haushalte und Familien", Einkommen: "Einkommen und Armut",
	Arbeit: "Arbeit", Bildung: "Bildung", Gesundheit: "Gesundheit", Pflege: "Pflege",
	Wohnen: "Wohnen", Teilhabe: "Teilhabe und Engagement",
}

// Lebenslagen lists the areas in display order.
var Lebenslagen = []Lebenslage{Demografie, Haushalte, Einkommen, Arbeit, Bildung, Gesundheit, Pflege, Wohnen, Teilhabe}

// Kind says how an indicator's value is built, which decides how disclosure control treats it.
type Kind string

// The kinds of indicators.
const (
	KindCount Kind = "count" // a number of people or things
	KindShare Kind = "share" // numerator / denominator × 100
	KindRate  Kind = "rate"  // numerator / denominator × RatePer
	KindMean  Kind = "mean"
	KindIndex Kind = "index"
)

// Direction says whether a higher value is better, worse, or neither; it picks the palette.
type Direction string

// The directions.
const (
	HigherBetter Direction = "higher_better"
	HigherWorse  Direction = "higher_worse"
	Neutral      Direction = "neutral"
)

// Level is the spatial level of an area.
type Level string

// The spatial levels, from the widest.
const (
	LevelLand     Level = "land"
	LevelDistrict Level = "district"
	LevelArea     Level = "area" // a social area (Sozialraum) of a district
)

// LandKey is the key of the Land (Thuringia's AGS).
const LandKey = "16"

// DefaultMinCount is the smallest count shown to the public when an indicator sets none.
const DefaultMinCount = 3

// Indicator is one entry of the catalogue.
type Indicator struct {
	Key                        string // [a-z0-9_]{2,64}, stable: references cite it
	NameDE, NameEN             string
	DefinitionDE, DefinitionEN string
	Lebenslage                 Lebenslage
	Unit                       string
	Kind                       Kind
	RatePer                    float64 // for KindRate: per how many (e.g. 1000)
	Numerator, Denominator     string  // indicator keys, for shares and rates
	Direction                  Direction
	Source, Licence            string
	ReferenceDate              string // Stichtag, e.g. "31.12." or "30.06."
	BoundaryVersion            string // Gebietsstand the values are published on, e.g. "2021-07-01"
	Levels                     []Level
	MinCount                   int  // disclosure: counts below it are suppressed (0: DefaultMinCount)
	Sensitive                  bool // disclosure: not shown for areas below the minimum population
	PlausibleMin, PlausibleMax *float64
	DistrictKey                string // "" for the Land's catalogue; a district's own indicator otherwise
}

// Flag marks a value with one of the statistical offices' symbols.
type Flag string

// The flags of values ("" is a plain value; the symbol "-" is read as the value 0).
const (
	FlagNone       Flag = ""
	FlagSuppressed Flag = "suppressed" // "." secret or unknown at the source
	FlagUnknown    Flag = "unknown"    // "/" or "x": no information, or not sensible
	FlagUnreliable Flag = "unreliable" // "(12,3)": shown, with a warning
)

// Reason is why disclosure control withholds a value from the public.
type Reason string

// The reasons of suppression ("" is shown).
const (
	ReasonNone            Reason = ""
	ReasonSmallCount      Reason = "small_count"      // a count below the indicator's minimum
	ReasonFromSmallCount  Reason = "from_small_count" // a share or rate built from such a count
	ReasonSmallPopulation Reason = "small_population" // a sensitive indicator in a small area
	ReasonSecondary       Reason = "secondary"        // would let a suppressed value be recovered
)

// Value is one figure: an indicator for an area in a year (or on a date within it).
type Value struct {
	Indicator              string
	Area                   AreaKey
	Year                   int
	Date                   string   // "" or YYYY-MM-DD within Year
	Value                  *float64 // nil when flagged suppressed or unknown
	Numerator, Denominator *float64
	Flag                   Flag
	Boundary               string // the boundary version (Gebietsstand) it was measured on
	Suppression            Reason // set by disclosure control
	ImportID               int64
}

// Ref is the stable reference of a value that other contexts cite: "indicator/area/year".
func (v Value) Ref() string { return Ref(v.Indicator, v.Area, v.Year) }

// Ref builds the stable reference of the value of an indicator for an area and year.
func Ref(indicator string, area AreaKey, year int) string {
	return indicator + "/" + string(area) + "/" + strconv.Itoa(year)
}

// ParseRef reads a reference built by Ref.
func ParseRef(ref string) (indicator string, area AreaKey, year int, err error) {
	parts := strings.Split(ref, "/")
	if len(parts) != 3 {
		return "", "", 0, fmt.Errorf("%w: reference %q is not indicator/area/year", ErrBadAreaKey, ref)
	}
	area, err = ParseAreaKey(parts[1])
	if err != nil {
		return "", "", 0, err
	}
	year, err = strconv.Atoi(parts[2])
	if err != nil || year < 1800 || year > 2200 {
		return "", "", 0, fmt.Errorf("%w: year %q", ErrBadAreaKey, parts[2])
	}
	return parts[0], area, year, nil
}

// AreaKey names an area of the atlas: "16" (the Land), a district's 5-digit key ("16051"), or a
// social area as district key and the area's code ("16051:SR01").
type AreaKey string

// ParseAreaKey checks the form of a key.
func ParseAreaKey(s string) (AreaKey, error) {
	k := AreaKey(strings.TrimSpace(s))
	if k.Level() == "" {
		return "", fmt.Errorf("%w: %q is not 16, a 5-digit district key or district:code", ErrBadAreaKey, s)
	}
	return k, nil
}

// DistrictArea is the key of a district's social area with the given code.
func DistrictArea(districtKey, code string) AreaKey { return AreaKey(districtKey + ":" + code) }

// Level is the key's spatial level, or "" when the key is malformed.
func (k AreaKey) Level() Level {
	s := string(k)
	switch {
	case s == LandKey:
		return LevelLand
	case len(s) == 5 && digits(s) && strings.HasPrefix(s, LandKey):
		return LevelDistrict
	}
	d, code, ok := strings.Cut(s, ":")
	if ok && len(d) == 5 && digits(d) && strings.HasPrefix(d, LandKey) && code != "" && len(code) <= 64 &&
		!strings.ContainsAny(code, "/:") {
		return LevelArea
	}
	return ""
}

// District is the district the area lies in ("" for the Land).
func (k AreaKey) District() string {
	switch k.Level() {
	case LevelDistrict:
		return string(k)
	case LevelArea:
		return string(k)[:5]
	}
	return ""
}

// Parent is the key of the next wider area ("" for the Land). A social area's parent here is its
// district; the planning hierarchy below it is not a level of the atlas.
func (k AreaKey) Parent() AreaKey {
	switch k.Level() {
	case LevelDistrict:
		return LandKey
	case LevelArea:
		return AreaKey(k.District())
	}
	return ""
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
