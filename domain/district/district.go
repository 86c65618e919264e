// Package district holds the tenants of the platform: Thuringia's districts (Landkreise and
// kreisfreie Städte), identified by their official 5-digit key (Kreisschlüssel).
package district

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/teilhabe/teilhabe/domain/kernel"

	"github.com/paulmach/orb"
)

// Kind tells a Landkreis from a kreisfreie Stadt.
type Kind string

// The two kinds of district in Thuringia.
const (
	KindLandkreis       Kind = "landkreis"
	KindKreisfreieStadt Kind = "kreisfreie_stadt"
)

// Attribution is the source and licence of the district boundaries and population figures; it is
// shown wherever they are (see shared/data/README.md).
const Attribution = "Grenzen: © GeoBasis-DE / BKG 2021 (VG5000, Stand 01.01.2021, Daten verändert), " +
	"Einwohner: © GeoBasis-DE / BKG 2022 (VG250-EW, 31.12.2022), Statistisches Bundesamt; " +
	"Datenlizenz Deutschland – Namensnennung 2.0"

// Sentinel errors of the district context; the HTTP layer maps them to problem codes.
var (
	ErrNotFound   = kernel.New(kernel.KindNotFound, "district_not_found", "district not found")
	ErrInvalidKey = kernel.New(kernel.KindMalformed, "invalid_district_key", "a district key has exactly 5 digits")
	ErrInvalid    = kernel.New(kernel.KindInvalid, "validation_failed", "invalid district")
)

var keyPattern = regexp.MustCompile(`^[0-9]{5}$`)

// ValidKey reports whether key has the form of a Kreisschlüssel (5 digits).
func ValidKey(key string) bool { return keyPattern.MatchString(key) }

// District is one district with its boundary.
type District struct {
	Key        string
	Name       string
	Kind       Kind
	Population int64
	AreaKm2    float64
	// Boundary is a Polygon or MultiPolygon in EPSG:4326.
	Boundary orb.Geometry
}

// New returns a District after checking every field, so an invalid one never reaches a store.
func New(key, name string, kind Kind, population int64, areaKm2 float64, boundary orb.Geometry) (District, error) {
	d := District{Key: key, Name: strings.TrimSpace(name), Kind: kind, Population: population, AreaKm2: areaKm2, Boundary: boundary}
	if !ValidKey(key) {
		return District{}, fmt.Errorf("%w: %q", ErrInvalidKey, key)
	}
	if d.Name == "" {
		return District{}, fmt.Errorf("%w %s: name is empty", ErrInvalid, key)
	}
	if kind != KindLandkreis && kind != KindKreisfreieStadt {
		return District{}, fmt.Errorf("%w %s: unknown kind %q", ErrInvalid, key, kind)
	}
	if population < 0 || areaKm2 < 0 {
		return District{}, fmt.Errorf("%w %s: population and area must not be negative", ErrInvalid, key)
	}
	switch boundary.(type) {
	case orb.Polygon, orb.MultiPolygon:
	default:
		return District{}, fmt.Errorf("%w %s: boundary must be a Polygon or MultiPolygon", ErrInvalid, key)
	}
	return d, nil
}

// KindFromLabel maps the official German label ("Landkreis", "Kreisfreie Stadt") to a Kind.
func KindFromLabel(label string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "landkreis":
		return KindLandkreis, nil
	case "kreisfreie stadt":
		return KindKreisfreieStadt, nil
	}
	return "", fmt.Errorf("%w: unknown district kind %q", ErrInvalid, label)
}

// Store keeps districts. Implementations translate their own errors into the sentinels above.
type Store interface {
	// List returns all districts ordered by key.
	List(ctx context.Context) ([]District, error)
	// Get returns one district or ErrNotFound.
	Get(ctx context.Context, key string) (District, error)
	// Upsert inserts or updates districts by key in one transaction, so loading reference data
	// twice never duplicates them.
	Upsert(ctx context.Context, ds []District) error
}
