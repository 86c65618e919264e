// Package planning holds the planning space of a district: its social areas (Sozialräume, nested
// Planungsraum > Sozialraum > Quartier) and its planning processes with their phases, fields,
// social areas in scope and documents.
package planning

import (
	"fmt"
	"slices"
	"strings"

	"github.com/teilhabe/teilhabe/domain/kernel"

	"github.com/paulmach/orb"
)

// Sentinel errors of the planning context.
var (
	ErrAreaNotFound     = kernel.New(kernel.KindNotFound, "social_area_not_found", "social area not found")
	ErrProcessNotFound  = kernel.New(kernel.KindNotFound, "process_not_found", "process not found")
	ErrDocumentNotFound = kernel.New(kernel.KindNotFound, "document_not_found", "document not found")
	ErrInvalid          = kernel.New(kernel.KindInvalid, "validation_failed", "invalid")
	ErrConflict         = kernel.New(kernel.KindConflict, "conflict", "conflict")
	ErrBadTransition    = kernel.New(kernel.KindConflict, "status_change_not_allowed", "status change not allowed")
)

// Level is the place of a social area in the hierarchy.
type Level string

// The levels, from the widest to the narrowest.
const (
	LevelPlanungsraum Level = "planungsraum"
	LevelSozialraum   Level = "sozialraum"
	LevelQuartier     Level = "quartier"
)

var levelRank = map[Level]int{LevelPlanungsraum: 1, LevelSozialraum: 2, LevelQuartier: 3}

// ValidLevel reports whether l is a known level.
func ValidLevel(l Level) bool { return levelRank[l] > 0 }

// SocialArea is a planning area inside one district.
type SocialArea struct {
	ID          int64
	DistrictKey string
	ParentID    int64 // 0: none
	Name        string
	Level       Level
	Code        string // the district's own code, unique in the district when set
	Description string
	Population  *int64
	Geometry    orb.Geometry
}

// Validate checks the area on its own; CheckParent and the district check need more context.
func (a *SocialArea) Validate() error {
	a.Name, a.Code = kernel.CleanName(a.Name), strings.TrimSpace(a.Code)
	switch {
	case a.Name == "" || kernel.Chars(a.Name) > kernel.MaxName:
		return fmt.Errorf("%w social area: name must have 1 to 200 characters", ErrInvalid)
	case !ValidLevel(a.Level):
		return fmt.Errorf("%w social area: level %q is not planungsraum, sozialraum or quartier", ErrInvalid, a.Level)
	case kernel.Chars(a.Code) > kernel.MaxCode || kernel.Chars(a.Description) > kernel.MaxDescription:
		return fmt.Errorf("%w social area: code or description too long", ErrInvalid)
	case a.Population != nil && *a.Population < 0:
		return fmt.Errorf("%w social area: population must not be negative", ErrInvalid)
	}
	if err := ValidateGeometry(a.Geometry); err != nil {
		return fmt.Errorf("%w of social area %q: %v", ErrInvalidGeometry, a.Name, err)
	}
	return nil
}

// CheckParent enforces the hierarchy: the parent is in the same district and on a wider level.
func (a *SocialArea) CheckParent(parent *SocialArea) error {
	if parent == nil {
		return nil
	}
	switch {
	case parent.ID == a.ID && a.ID != 0:
		return fmt.Errorf("%w social area: an area cannot be its own parent", ErrInvalid)
	case parent.DistrictKey != a.DistrictKey:
		return fmt.Errorf("%w social area: the parent belongs to another district", ErrInvalid)
	case levelRank[parent.Level] >= levelRank[a.Level]:
		return fmt.Errorf("%w social area: a %s cannot lie inside a %s", ErrInvalid, a.Level, parent.Level)
	}
	return nil
}

// CheckDistrict enforces that every part of the area lies in its district, whose boundary is
// given, up to DistrictTolerance (see Boundary.Check): the same rule as for each feature of an
// import.
func (a *SocialArea) CheckDistrict(boundary *Boundary) error {
	if err := boundary.Check(a.Geometry); err != nil {
		return fmt.Errorf("social area %q lies %w %s: %v", a.Name, ErrOutsideDistrict, a.DistrictKey, err)
	}
	return nil
}

// CheckHierarchy enforces the area's place under its parent: one that CheckParent accepts, and
// never the area itself or one of its own sub-areas (parentAncestors are the parent's ancestors,
// nearest first), so the hierarchy stays a tree.
func (a *SocialArea) CheckHierarchy(parent *SocialArea, parentAncestors []int64) error {
	if err := a.CheckParent(parent); err != nil {
		return err
	}
	if parent != nil && a.ID != 0 && slices.Contains(parentAncestors, a.ID) {
		return fmt.Errorf("%w social area: the parent lies inside this area", ErrInvalid)
	}
	return nil
}

// CheckDeletable refuses to delete an area that still has sub-areas or that a process names:
// either would be left pointing at nothing.
func CheckDeletable(children, processes int64) error {
	if children > 0 || processes > 0 {
		return fmt.Errorf("%w: the area has %d sub-areas and is named by %d processes", ErrConflict, children, processes)
	}
	return nil
}

// AreaPatch is a partial change of an area; nil fields stay as they are.
type AreaPatch struct {
	Name, Code, Description *string
	ParentID                *int64 // 0: no parent
	Level                   *Level
	Population              *int64
	Geometry                orb.Geometry
}

// ApplyTo changes a by the patch.
func (c AreaPatch) ApplyTo(a *SocialArea) {
	set(&a.Name, c.Name)
	set(&a.Code, c.Code)
	set(&a.Description, c.Description)
	set(&a.ParentID, c.ParentID)
	set(&a.Level, c.Level)
	if c.Population != nil {
		a.Population = c.Population
	}
	if c.Geometry != nil {
		a.Geometry = c.Geometry
	}
}

// set copies an optional value of a patch.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
