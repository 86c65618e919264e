package atlas

import (
	"context"
	"fmt"
	"slices"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ParticipationCounts is the state of participation in one district.
type ParticipationCounts struct {
	OpenProcesses, OpenConsultations, Contributions int64
}

// Participation counts, per district, what the planning and consultation contexts hold.
type Participation interface {
	ByDistrict(ctx context.Context) (map[string]ParticipationCounts, error)
}

// OverviewRow is one district of the Land overview.
type OverviewRow struct {
	Key, Name     string
	Cells         []Cell
	Participation ParticipationCounts
}

// OverviewView compares all districts on chosen indicators.
type OverviewView struct {
	Year       int
	Indicators []Indicator
	Land       []Cell
	Districts  []OverviewRow
}

// MaxOverviewIndicators is how many indicators the overview compares at once.
const MaxOverviewIndicators = 6

// Overview answers the Land overview for admins: every district on the chosen indicators (the
// catalogue's first ones when none are chosen) in the year (the newest of theirs when 0), and
// the state of participation per district.
func (s *Service) Overview(ctx context.Context, who identity.Principal, keys []string, year int) (OverviewView, error) {
	if err := kernel.Allow(who.Anonymous(), CanSeeOverview(who)); err != nil {
		return OverviewView{}, err
	}
	if len(keys) > MaxOverviewIndicators {
		return OverviewView{}, fmt.Errorf("%w: at most %d indicators", ErrInvalid, MaxOverviewIndicators)
	}
	if len(keys) == 0 {
		cat, err := s.indicators(ctx)
		if err != nil {
			return OverviewView{}, err
		}
		for _, in := range cat[:min(len(cat), MaxOverviewIndicators)] {
			keys = append(keys, in.Key)
		}
	}
	view := OverviewView{Year: year}
	for _, k := range keys {
		in, err := s.indicator(ctx, k)
		if err != nil {
			return OverviewView{}, err
		}
		view.Indicators = append(view.Indicators, in)
		if year == 0 {
			years, err := s.years(ctx, k)
			if err != nil {
				return OverviewView{}, err
			}
			if len(years) > 0 {
				view.Year = max(view.Year, years[len(years)-1])
			}
		}
	}
	names, order, err := s.names(ctx)
	if err != nil {
		return OverviewView{}, err
	}
	counts := map[string]ParticipationCounts{}
	if s.participation != nil {
		if counts, err = s.participation.ByDistrict(ctx); err != nil {
			return OverviewView{}, err
		}
	}
	rows := make([]OverviewRow, len(order))
	for i, k := range order {
		rows[i] = OverviewRow{Key: string(k), Name: names[k], Participation: counts[string(k)]}
	}
	for _, in := range view.Indicators {
		all, err := s.store.LevelValues(ctx, LevelQuery{Indicator: in.Key, Year: view.Year, Level: LevelDistrict, PublicOnly: true, WithLand: true})
		if err != nil {
			return OverviewView{}, err
		}
		landCell := missingCell(LandKey, LandName, view.Year)
		var vs []Value
		for _, v := range all {
			if v.Area == LandKey {
				landCell = cellOf(who, v, LandName)
			} else {
				vs = append(vs, v)
			}
		}
		view.Land = append(view.Land, landCell)
		for i := range rows {
			k := AreaKey(rows[i].Key)
			j := slices.IndexFunc(vs, func(v Value) bool { return v.Area == k })
			if j < 0 {
				rows[i].Cells = append(rows[i].Cells, missingCell(k, rows[i].Name, view.Year))
			} else {
				rows[i].Cells = append(rows[i].Cells, cellOf(who, vs[j], rows[i].Name))
			}
		}
	}
	view.Districts = rows
	return view, nil
}
