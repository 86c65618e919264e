package needs

import (
	"fmt"
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Weighing is the outcome of weighing a contribution (Abwägung).
type Weighing string

// The weighing values.
const (
	Considered    Weighing = "considered"     // berücksichtigt
	Partly        Weighing = "partly"         // teilweise berücksichtigt
	NotConsidered Weighing = "not_considered" // nicht berücksichtigt
	Noted         Weighing = "noted"          // zur Kenntnis genommen
)

// Weighings lists the values in the order of the table.
var Weighings = []Weighing{Considered, Partly, NotConsidered, Noted}

// Valid reports whether w is a weighing value.
func (w Weighing) Valid() bool { return slices.Contains(Weighings, w) }

// German is the value as the committees read it.
func (w Weighing) German() string {
	return map[Weighing]string{Considered: "berücksichtigt", Partly: "teilweise berücksichtigt",
		NotConsidered: "nicht berücksichtigt", Noted: "zur Kenntnis genommen"}[w]
}

// ItemKind is what a row of the weighing table weighs.
type ItemKind string

// The kinds of items.
const (
	ItemAssessment ItemKind = "assessment" // a submitted needs assessment
	ItemAspect     ItemKind = "aspect"     // one aspect of a submission that was split
	ItemComment    ItemKind = "comment"    // a consultation comment the coordinators selected
	ItemWorkshop   ItemKind = "workshop"   // a result of a workshop of the process, handed on by its facilitator
)

// Decision is a weighing: its value, the mandatory reason and the measures it leads to.
type Decision struct {
	Value      Weighing
	Reason     string
	MeasureIDs []int64
	At         time.Time
}

// Check validates a decision before it is prepared.
func (d *Decision) Check() error {
	d.Reason = kernel.CleanName(d.Reason)
	switch {
	case !d.Value.Valid():
		return fmt.Errorf("%w weighing: value must be one of considered, partly, not_considered, noted", ErrInvalid)
	case d.Reason == "":
		return ErrReasonRequired
	case kernel.Chars(d.Reason) > MaxReason:
		return fmt.Errorf("%w weighing: reason has more than %d characters", ErrInvalid, MaxReason)
	case len(d.MeasureIDs) > MaxList:
		return fmt.Errorf("%w weighing: at most %d measures", ErrInvalid, MaxList)
	}
	d.MeasureIDs = uniqueIDs(d.MeasureIDs)
	return nil
}

// Item is a row of a process's weighing table.
type Item struct {
	ID           int64
	ProcessID    int64
	DistrictKey  string
	Kind         ItemKind
	AssessmentID int64 // for assessments and aspects
	CommentID    int64 // for comments
	ParentID     int64 // for aspects: the item that was split
	Summary      string
	Submitter    string // organisations by name ("X, mitgezeichnet von Y"); residents never by name
	AreaIDs      []int64
	Field        string
	BundleID     int64
	BundleTitle  string
	Working      *Decision // prepared under embargo: coordinators only
	Published    *Decision // what the public sees
	UpdatedAt    time.Time
}

// Pending reports whether the working decision differs from the published one.
func (it *Item) Pending() bool {
	if it.Working == nil {
		return false
	}
	p := it.Published
	return p == nil || p.Value != it.Working.Value || p.Reason != it.Working.Reason || !slices.Equal(p.MeasureIDs, it.Working.MeasureIDs)
}

// Bundle groups related items (Bündelung), so that they are weighed together.
type Bundle struct {
	ID        int64
	ProcessID int64
	Title     string
}

// MeasureStatus is where a measure stands.
type MeasureStatus string

// The statuses of a measure.
const (
	MeasurePlanned    MeasureStatus = "planned"     // geplant
	MeasureAdopted    MeasureStatus = "adopted"     // beschlossen
	MeasureInProgress MeasureStatus = "in_progress" // in Umsetzung
	MeasureDone       MeasureStatus = "done"        // umgesetzt
	MeasureDiscarded  MeasureStatus = "discarded"   // verworfen
)

var measureMoves = map[MeasureStatus][]MeasureStatus{
	MeasurePlanned:    {MeasureAdopted, MeasureDiscarded},
	MeasureAdopted:    {MeasureInProgress, MeasurePlanned, MeasureDiscarded},
	MeasureInProgress: {MeasureDone, MeasureDiscarded},
	MeasureDone:       {MeasureInProgress},
	MeasureDiscarded:  {MeasurePlanned},
}

// Milestone is a step of a measure.
type Milestone struct {
	Title string
	Due   time.Time // a date
	Done  bool
}

// Target is the indicator that shows a measure's effect, with baseline and target.
type Target struct {
	Indicator    string
	Area         string // an atlas area key
	BaselineYear int
	Baseline     *float64 // read from the atlas when the target is set
	TargetYear   int
	Value        float64
}

// YearValue is an actual value of the target's indicator.
type YearValue struct {
	Year  int
	Value *float64 // nil: withheld
}

// Measure is a measure of the plan.
type Measure struct {
	ID          int64
	ProcessID   int64
	DistrictKey string
	Title       string
	Description string // Markdown
	AreaIDs     []int64
	Fields      []string
	Responsible string
	Budget      int64 // euros per year
	Status      MeasureStatus
	Milestones  []Milestone
	Target      *Target
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Progress is the share of milestones done, in percent; a measure without milestones is at 0
// until it is done.
func (m *Measure) Progress() int {
	if m.Status == MeasureDone {
		return 100
	}
	if len(m.Milestones) == 0 {
		return 0
	}
	done := 0
	for _, s := range m.Milestones {
		if s.Done {
			done++
		}
	}
	return done * 100 / len(m.Milestones)
}

// CanMoveTo checks a change of status: a measure is done only when every milestone is.
func (m *Measure) CanMoveTo(next MeasureStatus) error {
	if next == m.Status {
		return nil
	}
	if !slices.Contains(measureMoves[m.Status], next) {
		return fmt.Errorf("%w: from %s to %s", ErrMeasureStatus, m.Status, next)
	}
	if next == MeasureDone {
		for _, s := range m.Milestones {
			if !s.Done {
				return fmt.Errorf("%w: milestone %q is not done", ErrMeasureStatus, s.Title)
			}
		}
	}
	return nil
}

func uniqueIDs(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if id > 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
