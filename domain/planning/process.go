package planning

import (
	"fmt"
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Field is a sectoral planning field (Fachplanung).
type Field string

// Fields lists every field in the order the UI shows them.
var Fields = []Field{"jugendhilfe", "familie", "senioren", "pflege", "eingliederung", "gesundheit", "bildung", "armut", "wohnen", "integration", "sucht"}

// Status is where a process stands.
type Status string

// The statuses of a process. Drafts are visible to the district's coordinators and admins only.
const (
	StatusDraft     Status = "draft"
	StatusPublished Status = "published"
	StatusConcluded Status = "concluded"
	StatusArchived  Status = "archived"
)

// transitions lists the allowed status changes.
var transitions = map[Status][]Status{
	StatusDraft:     {StatusPublished, StatusArchived},
	StatusPublished: {StatusConcluded, StatusArchived},
	StatusConcluded: {StatusPublished, StatusArchived},
	StatusArchived:  {},
}

// Process is a planning process of one district.
type Process struct {
	ID            int64
	DistrictKey   string
	Title         string
	Summary       string
	Office        string // the responsible coordination office
	Fields        []Field
	SocialAreaIDs []int64
	Status        Status
	Phases        []Phase
	Documents     []Document
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Validate checks the process's own fields; phases are checked by ValidatePhases.
func (p *Process) Validate() error {
	p.Title, p.Office = kernel.CleanName(p.Title), kernel.CleanName(p.Office)
	switch {
	case p.Title == "" || kernel.Chars(p.Title) > kernel.MaxName:
		return fmt.Errorf("%w process: title must have 1 to 200 characters", ErrInvalid)
	case kernel.Chars(p.Summary) > kernel.MaxSummary || kernel.Chars(p.Office) > kernel.MaxOffice:
		return fmt.Errorf("%w process: summary or office too long", ErrInvalid)
	}
	seen := map[Field]bool{}
	for _, f := range p.Fields {
		if !slices.Contains(Fields, f) {
			return fmt.Errorf("%w process: unknown field %q", ErrInvalid, f)
		}
		if seen[f] {
			return fmt.Errorf("%w process: field %q twice", ErrInvalid, f)
		}
		seen[f] = true
	}
	return nil
}

// CanMoveTo checks a status change; publishing needs at least one phase.
func (p *Process) CanMoveTo(next Status) error {
	if !slices.Contains(transitions[p.Status], next) {
		return fmt.Errorf("%w: from %s to %s", ErrBadTransition, p.Status, next)
	}
	if next == StatusPublished && len(p.Phases) == 0 {
		return fmt.Errorf("%w: a process needs at least one phase before it is published", ErrBadTransition)
	}
	return nil
}

// CurrentPhase returns the phase today lies in, if any.
func (p *Process) CurrentPhase(today time.Time) (Phase, bool) {
	for _, ph := range p.Phases {
		if ph.Contains(today) {
			return ph, true
		}
	}
	return Phase{}, false
}

// Check validates the process as a whole before it is saved: its own fields, its phases, and
// that a process past the draft has at least one phase. It sorts the areas in scope and drops
// repeated ones; that they belong to the district is for the caller to ask the store.
func (p *Process) Check() error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := ValidatePhases(p.Phases); err != nil {
		return err
	}
	if p.Status != StatusDraft && len(p.Phases) == 0 {
		return fmt.Errorf("%w: a %s process needs at least one phase", ErrInvalid, p.Status)
	}
	p.SocialAreaIDs = slices.Compact(slices.Sorted(slices.Values(p.SocialAreaIDs)))
	return nil
}

// errAreaOutOfScope: a process names a social area that is not one of its district's.
var errAreaOutOfScope = fmt.Errorf("%w process: a social area in scope does not exist or belongs to another district", ErrInvalid)

// ProcessChange is what a coordinator edits of a process; nil fields stay as they are.
type ProcessChange struct {
	Title         string
	Summary       *string
	Office        *string
	Fields        *[]Field
	SocialAreaIDs *[]int64
}

// ApplyTo changes p by the change.
func (c ProcessChange) ApplyTo(p *Process) {
	p.Title = c.Title
	set(&p.Summary, c.Summary)
	set(&p.Office, c.Office)
	if c.Fields != nil {
		p.Fields = append([]Field{}, *c.Fields...)
	}
	set(&p.SocialAreaIDs, c.SocialAreaIDs)
}
