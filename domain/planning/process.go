package planning

import (
	"fmt"
	"slices"
	"strings"
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
	p.Title, p.Office = strings.TrimSpace(p.Title), strings.TrimSpace(p.Office)
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
