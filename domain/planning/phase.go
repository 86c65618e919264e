package planning

import (
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// PhaseKind names the standard phases of integrated social planning; eigene is a process's own.
type PhaseKind string

// The phase kinds.
const (
	PhaseBestandsaufnahme  PhaseKind = "bestandsaufnahme"
	PhaseBedarfsermittlung PhaseKind = "bedarfsermittlung"
	PhaseBeteiligung       PhaseKind = "beteiligung"
	PhaseMassnahmen        PhaseKind = "massnahmenplanung"
	PhaseBeschluss         PhaseKind = "beschluss"
	PhaseUmsetzung         PhaseKind = "umsetzung"
	PhaseEvaluation        PhaseKind = "evaluation"
	PhaseEigene            PhaseKind = "eigene"
)

var phaseKinds = map[PhaseKind]bool{PhaseBestandsaufnahme: true, PhaseBedarfsermittlung: true, PhaseBeteiligung: true,
	PhaseMassnahmen: true, PhaseBeschluss: true, PhaseUmsetzung: true, PhaseEvaluation: true, PhaseEigene: true}

// Phase is one step of a process, from its first to its last day (both included).
type Phase struct {
	ID       int64
	Kind     PhaseKind
	Title    string
	StartsOn time.Time // a date (midnight UTC)
	EndsOn   time.Time // a date, inclusive
}

// Contains reports whether the day of t lies in the phase.
func (p Phase) Contains(t time.Time) bool {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return !day.Before(p.StartsOn) && !day.After(p.EndsOn)
}

// ValidatePhases checks a process's phases as a whole: each valid, in order, none overlapping.
func ValidatePhases(phases []Phase) error {
	for i := range phases {
		ph := &phases[i]
		ph.Title = kernel.CleanName(ph.Title)
		switch {
		case !phaseKinds[ph.Kind]:
			return fmt.Errorf("%w phase %d: unknown kind %q", ErrInvalid, i+1, ph.Kind)
		case ph.Kind == PhaseEigene && ph.Title == "":
			return fmt.Errorf("%w phase %d: a phase of its own needs a title", ErrInvalid, i+1)
		case kernel.Chars(ph.Title) > kernel.MaxName:
			return fmt.Errorf("%w phase %d: title too long", ErrInvalid, i+1)
		case ph.StartsOn.IsZero() || ph.EndsOn.IsZero():
			return fmt.Errorf("%w phase %d: start and end dates are required", ErrInvalid, i+1)
		case ph.EndsOn.Before(ph.StartsOn):
			return fmt.Errorf("%w phase %d: ends before it starts", ErrInvalid, i+1)
		}
		if i > 0 && !ph.StartsOn.After(phases[i-1].EndsOn) {
			return fmt.Errorf("%w phase %d: starts on %s, before phase %d ends (%s); phases are ordered and do not overlap",
				ErrInvalid, i+1, ph.StartsOn.Format(time.DateOnly), i, phases[i-1].EndsOn.Format(time.DateOnly))
		}
	}
	return nil
}
