package atlas

import (
	"context"
	"fmt"
	"slices"

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
	names, _, err := s.names(ctx, districtsOf(areas)...)
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
		if !slices.Contains(want, a) {
			want = append(want, a)
		}
	}
	ins, err := s.indicators(ctx)
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
	peers, err := s.peers(ctx, view.Areas, by)
	if err != nil {
		return ProfileView{}, err
	}
	for _, ll := range Lebenslagen {
		g := ProfileGroup{Lebenslage: ll}
		for _, in := range ins {
			if in.Lebenslage != ll || by[in.Key] == nil {
				continue
			}
			row := ProfileRow{Indicator: in}
			for _, a := range view.Areas {
				row.Cells = append(row.Cells, profileCell(who, in, a, by[in.Key], peers[peerOf(in.Key, a)]))
			}
			g.Rows = append(g.Rows, row)
		}
		if len(g.Rows) > 0 {
			view.Groups = append(view.Groups, g)
		}
	}
	return view, nil
}

// peerKey names the areas a cell is ranked among: an indicator's values on a level (for social
// areas, of one district).
type peerKey struct {
	indicator string
	level     Level
	district  string
}

func peerOf(indicator string, a AreaRef) peerKey {
	k := peerKey{indicator: indicator, level: a.Level}
	if a.Level == LevelArea {
		k.district = a.Key.District()
	}
	return k
}

// peers reads what the profile's cells are ranked against: for each indicator and level, the
// public values of the newest year the profile shows, of the districts (for a district) or of
// the district's social areas (for a social area), one read per level and district.
func (s *Service) peers(ctx context.Context, areas []AreaRef, by map[string]map[AreaKey][]Value) (map[peerKey]map[AreaKey]float64, error) {
	type group struct {
		level    Level
		district string
	}
	years := map[group]map[string]int{}
	for _, a := range areas {
		if a.Level == LevelLand {
			continue
		}
		pk := peerOf("", a)
		g := group{pk.level, pk.district}
		for ind, series := range by {
			if own := series[a.Key]; len(own) > 0 {
				if years[g] == nil {
					years[g] = map[string]int{}
				}
				years[g][ind] = max(years[g][ind], own[len(own)-1].Year)
			}
		}
	}
	out := map[peerKey]map[AreaKey]float64{}
	for g, ys := range years {
		vs, err := s.store.PeerValues(ctx, g.level, g.district, ys)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			if v.Value == nil || v.Suppression != ReasonNone {
				continue
			}
			k := peerKey{v.Indicator, g.level, g.district}
			if out[k] == nil {
				out[k] = map[AreaKey]float64{}
			}
			out[k][v.Area] = *v.Value
		}
	}
	return out, nil
}

func profileCell(who identity.Principal, in Indicator, a AreaRef, by map[AreaKey][]Value, peers map[AreaKey]float64) ProfileCell {
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
	// Peers were read for the newest year of the profile's areas; an area whose newest year is
	// older is not ranked against another year's values.
	if _, ok := peers[a.Key]; ok {
		c.Rank, c.Of = Rank(peers, a.Key, in.Direction)
	}
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
