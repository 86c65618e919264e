package atlas

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// TrendYears is how far back a profile's trend looks.
const TrendYears = 5

// AreaRef names an area of a profile.
type AreaRef struct {
	Key   AreaKey
	Name  string
	Level Level
}

// ProfileCell is one area's newest value of one indicator, with the Land's value in the same
// year, its rank among the areas of its level, its trend and its series.
type ProfileCell struct {
	Cell
	Land   *float64
	Rank   int
	Of     int
	Trend  *float64
	Series []Point
}

// ProfileRow is one indicator of a profile, a cell per area.
type ProfileRow struct {
	Indicator Indicator
	Cells     []ProfileCell
}

// ProfileGroup is one Lebenslage of a profile.
type ProfileGroup struct {
	Lebenslage Lebenslage
	Rows       []ProfileRow
}

// ProfileView is the profile of up to five areas, side by side.
type ProfileView struct {
	Areas  []AreaRef
	Groups []ProfileGroup
}

// Profile answers a Kreisprofil or Sozialraumprofil, or the comparison of up to five areas:
// every indicator by Lebenslage. It reads the areas, their peers (for ranks) and the Land at
// once.
func (s *Service) Profile(ctx context.Context, who identity.Principal, areas []AreaKey) (ProfileView, error) {
	if len(areas) == 0 || len(areas) > MaxAreaList {
		return ProfileView{}, fmt.Errorf("%w: a profile compares 1 to %d areas", ErrInvalid, MaxAreaList)
	}
	names, districts, err := s.names(ctx, districtsOf(areas)...)
	if err != nil {
		return ProfileView{}, err
	}
	view := ProfileView{}
	want := []AreaKey{LandKey}
	for _, a := range areas {
		name, ok := names[a]
		if !ok {
			return ProfileView{}, fmt.Errorf("%w: %s", ErrAreaUnknown, a)
		}
		view.Areas = append(view.Areas, AreaRef{Key: a, Name: name, Level: a.Level()})
		want = appendPeers(want, a, districts, names)
	}
	ins, err := s.store.Indicators(ctx)
	if err != nil {
		return ProfileView{}, err
	}
	vs, err := s.store.AreaValues(ctx, want, public(who))
	if err != nil {
		return ProfileView{}, err
	}
	// by indicator, then area, the values in year order (the store sorts them).
	by := map[string]map[AreaKey][]Value{}
	for _, v := range vs {
		if by[v.Indicator] == nil {
			by[v.Indicator] = map[AreaKey][]Value{}
		}
		by[v.Indicator][v.Area] = append(by[v.Indicator][v.Area], visible(who, v))
	}
	for _, ll := range Lebenslagen {
		g := ProfileGroup{Lebenslage: ll}
		for _, in := range ins {
			if in.Lebenslage != ll || by[in.Key] == nil {
				continue
			}
			row := ProfileRow{Indicator: in}
			for _, a := range view.Areas {
				row.Cells = append(row.Cells, profileCell(who, in, a, by[in.Key], names))
			}
			g.Rows = append(g.Rows, row)
		}
		if len(g.Rows) > 0 {
			view.Groups = append(view.Groups, g)
		}
	}
	return view, nil
}

// appendPeers adds the area and the areas it is ranked among: the districts for a district, the
// district's social areas for a social area.
func appendPeers(want []AreaKey, a AreaKey, districts []AreaKey, names map[AreaKey]string) []AreaKey {
	add := func(k AreaKey) {
		if !slices.Contains(want, k) {
			want = append(want, k)
		}
	}
	add(a)
	switch a.Level() {
	case LevelDistrict:
		for _, d := range districts {
			add(d)
		}
	case LevelArea:
		for k := range names {
			if k.Level() == LevelArea && strings.HasPrefix(string(k), a.District()+":") {
				add(k)
			}
		}
	}
	return want
}

func profileCell(who identity.Principal, in Indicator, a AreaRef, by map[AreaKey][]Value, names map[AreaKey]string) ProfileCell {
	own := by[a.Key]
	if len(own) == 0 {
		return ProfileCell{Cell: missingCell(a.Key, a.Name, 0), Series: []Point{}}
	}
	newest := own[len(own)-1]
	c := ProfileCell{Cell: cellOf(who, newest, a.Name), Series: Series(own)}
	if c.Series == nil {
		c.Series = []Point{}
	}
	c.Trend = Trend(c.Series, TrendYears)
	if land := visibleInYear(by[LandKey], newest.Year); land != nil && a.Key != LandKey {
		c.Land = land
	}
	if c.Value == nil || c.Status != StatusShown || a.Level == LevelLand {
		return c
	}
	peers := map[AreaKey]float64{}
	for k, series := range by {
		if k.Level() != a.Level || (a.Level == LevelArea && k.District() != a.Key.District()) {
			continue
		}
		if v := visibleInYear(series, newest.Year); v != nil {
			peers[k] = *v
		}
	}
	c.Rank, c.Of = Rank(peers, a.Key, in.Direction)
	return c
}

// visibleInYear is the visible value of the year in a series, if any.
func visibleInYear(series []Value, year int) *float64 {
	for i := len(series) - 1; i >= 0; i-- {
		if series[i].Year == year && series[i].Suppression == ReasonNone {
			return series[i].Value
		}
	}
	return nil
}
