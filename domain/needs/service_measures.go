package needs

import (
	"context"
	"slices"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// MeasureView is a measure with its chain: the weighed needs and comments that led to it and
// the actual values of its indicator.
type MeasureView struct {
	Measure
	Progress int
	Items    []Item      // published decisions only, except for the district's coordinators
	Actuals  []YearValue // the indicator's public values in the target's area, by year
	Editable bool
}

// Validate checks a measure's own fields against its process.
func (m *Measure) Validate(p planning.Process) error {
	if err := checkText("title", &m.Title, MaxTitle, true); err != nil {
		return err
	}
	if err := checkText("description", &m.Description, MaxText, false); err != nil {
		return err
	}
	if err := checkText("responsible", &m.Responsible, MaxTitle, false); err != nil {
		return err
	}
	m.AreaIDs, m.Fields = uniqueIDs(m.AreaIDs), uniqueStrings(m.Fields)
	switch {
	case m.Budget < 0 || m.Budget > 1e11:
		return invalid("budget: 0 to 100,000,000,000 euros per year")
	case len(m.Milestones) > MaxList || len(m.AreaIDs) > MaxList || len(m.Fields) > MaxList:
		return invalid("at most %d milestones, areas and fields", MaxList)
	case m.Status == "":
		m.Status = MeasurePlanned
	case measureMoves[m.Status] == nil:
		return invalid("status: planned, adopted, in_progress, done or discarded")
	}
	for _, id := range m.AreaIDs {
		if !slices.Contains(p.SocialAreaIDs, id) {
			return invalid("areas: area %d is not in the process's scope", id)
		}
	}
	for _, f := range m.Fields {
		if !slices.Contains(p.Fields, planning.Field(f)) {
			return invalid("fields: %q is not a field of the process", f)
		}
	}
	for i := range m.Milestones {
		if err := checkText("milestones.title", &m.Milestones[i].Title, MaxTitle, true); err != nil {
			return err
		}
	}
	if t := m.Target; t != nil {
		switch {
		case t.Indicator == "" || len(t.Indicator) > 64 || t.Area == "" || len(t.Area) > 64:
			return invalid("target: indicator and area required")
		case t.BaselineYear < 1990 || t.BaselineYear > 2100 || t.TargetYear < t.BaselineYear || t.TargetYear > 2100:
			return invalid("target: years 1990 to 2100, the target's not before the baseline's")
		}
	}
	return nil
}

// Measures lists a page of the measures of a process the person may read (limit 0: all).
func (s *Service) Measures(ctx context.Context, who identity.Principal, processID int64, cursor string, limit int) ([]Measure, string, error) {
	if _, err := s.plan.Process(ctx, who, processID); err != nil {
		return nil, "", err
	}
	return s.store.Measures(ctx, processID, cursor, limit)
}

// MeasureOf returns a measure of a process the person may read, with its chain.
func (s *Service) MeasureOf(ctx context.Context, who identity.Principal, id int64) (MeasureView, error) {
	m, err := s.store.Measure(ctx, id)
	if err != nil {
		return MeasureView{}, err
	}
	if _, err := s.plan.Process(ctx, who, m.ProcessID); err != nil {
		return MeasureView{}, ErrMeasureNotFound
	}
	v := MeasureView{Measure: m, Progress: m.Progress(), Editable: Coordinates(who, m.DistrictKey), Items: []Item{}}
	items, err := s.store.ItemsOfMeasure(ctx, id)
	if err != nil {
		return v, err
	}
	for _, it := range items {
		if !v.Editable {
			if it.Published == nil || !slices.Contains(it.Published.MeasureIDs, id) {
				continue
			}
			it.Working = nil
		}
		v.Items = append(v.Items, it)
	}
	if m.Target != nil {
		if v.Actuals, err = s.atlas.Actuals(ctx, m.Target.Indicator, m.Target.Area); err != nil {
			return v, err
		}
	}
	return v, nil
}

// CreateMeasure adds a measure to a process the person coordinates; its baseline is read from
// the atlas.
func (s *Service) CreateMeasure(ctx context.Context, who identity.Principal, m Measure) (Measure, error) {
	p, err := s.coordinatedProcess(ctx, who, m.ProcessID)
	if err != nil {
		return m, err
	}
	m.Status = MeasurePlanned
	if err := s.prepareMeasure(ctx, who, &m, p); err != nil {
		return m, err
	}
	m.CreatedAt = m.UpdatedAt
	var out Measure
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		if out, err = s.store.InsertMeasure(ctx, m); err != nil {
			return err
		}
		if err := s.citeTarget(ctx, out); err != nil {
			return err
		}
		return s.log(ctx, who, "measure.create", out.ID, map[string]any{"title": m.Title, "process_id": m.ProcessID})
	})
	return out, err
}

// UpdateMeasure replaces a measure's fields; a change of status follows the measure's rules.
func (s *Service) UpdateMeasure(ctx context.Context, who identity.Principal, id int64, in Measure) (Measure, error) {
	var out Measure
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		m, err := s.store.Measure(ctx, id)
		if err != nil {
			return err
		}
		if !Coordinates(who, m.DistrictKey) {
			if _, err := s.plan.Process(ctx, who, m.ProcessID); err != nil {
				return ErrMeasureNotFound
			}
		}
		p, err := s.coordinatedProcess(ctx, who, m.ProcessID)
		if err != nil {
			return err
		}
		in.ID, in.ProcessID, in.CreatedAt = m.ID, m.ProcessID, m.CreatedAt
		if in.Status == "" {
			in.Status = m.Status
		}
		next := in.Status
		if err := s.prepareMeasure(ctx, who, &in, p); err != nil {
			return err
		}
		in.Status = m.Status
		if err := in.CanMoveTo(next); err != nil {
			return err
		}
		in.Status = next
		if err := s.store.SaveMeasure(ctx, in); err != nil {
			return err
		}
		if err := s.citeTarget(ctx, in); err != nil {
			return err
		}
		out = in
		return s.log(ctx, who, "measure.update", id, map[string]any{"title": in.Title, "status": in.Status})
	})
	return out, err
}

func (s *Service) prepareMeasure(ctx context.Context, who identity.Principal, m *Measure, p planning.Process) error {
	m.DistrictKey, m.UpdatedAt = p.DistrictKey, s.now().UTC()
	if err := m.Validate(p); err != nil {
		return err
	}
	if t := m.Target; t != nil {
		e, err := s.atlas.Evidence(ctx, who, t.Indicator, t.Area, t.BaselineYear)
		if err != nil {
			return invalid("target: %v", err)
		}
		t.Baseline = e.Value
	}
	return nil
}

func (s *Service) citeTarget(ctx context.Context, m Measure) error {
	if m.Target == nil {
		return nil
	}
	return s.atlas.Cite(ctx, Evidence{Indicator: m.Target.Indicator, Area: m.Target.Area, Year: m.Target.BaselineYear, Value: m.Target.Baseline},
		"measure", strconv.FormatInt(m.ID, 10), m.Title)
}
