package atlas

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// Attribution names the sources and licences of the atlas's data; it is shown under every map,
// chart and table, and written into every export.
const Attribution = "Indikatoren: INKAR, Ausgabe 2024, Hrsg. BBSR im BBR, Bonn 2024 (Originalquellen: " +
	"Bundesagentur für Arbeit, Statistische Ämter der Länder, VGR der Länder, Creditreform), " +
	"veröffentlicht vom Robert Koch-Institut (GISD), CC BY 4.0. " + district.Attribution

// LandName is the name of the Land the atlas covers.
const LandName = "Thüringen"

// Catalogue lists the indicators with their years, and what who may do.
func (s *Service) Catalogue(ctx context.Context, who identity.Principal) (Catalogue, error) {
	ins, err := s.indicators(ctx)
	if err != nil {
		return Catalogue{}, err
	}
	c := Catalogue{ImportScopes: ImportScopes(who), Actions: []string{}}
	for _, in := range ins {
		years, err := s.years(ctx, in.Key)
		if err != nil {
			return Catalogue{}, err
		}
		c.Indicators = append(c.Indicators, IndicatorInfo{Indicator: in, Years: years})
	}
	slices.SortStableFunc(c.Indicators, func(a, b IndicatorInfo) int {
		return slices.Index(Lebenslagen, a.Lebenslage) - slices.Index(Lebenslagen, b.Lebenslage)
	})
	if len(c.ImportScopes) > 0 {
		c.Actions = append(c.Actions, "add_indicator", "import")
	}
	if CanSeeOverview(who) {
		c.Actions = append(c.Actions, "overview")
	}
	return c, nil
}

// firstIndicator is the catalogue's first indicator in display order (the first Lebenslage that
// has one, then by key): what the atlas shows when nobody chose yet.
func firstIndicator(ins []Indicator) string {
	best := ""
	rank := len(Lebenslagen)
	for _, in := range ins {
		r := slices.Index(Lebenslagen, in.Lebenslage)
		if r < 0 {
			r = len(Lebenslagen)
		}
		if best == "" || r < rank || (r == rank && in.Key < best) {
			best, rank = in.Key, r
		}
	}
	return best
}

// Indicator returns one indicator with its years and what cites it.
func (s *Service) Indicator(ctx context.Context, key string) (IndicatorInfo, []Citation, error) {
	in, err := s.indicator(ctx, key)
	if err != nil {
		return IndicatorInfo{}, nil, err
	}
	years, err := s.years(ctx, key)
	if err != nil {
		return IndicatorInfo{}, nil, err
	}
	cites, err := s.store.Citations(ctx, key)
	return IndicatorInfo{Indicator: in, Years: years}, cites, err
}

// Names maps area keys to names: the Land, the districts, and the social areas of the districts
// given (by their codes).
func (s *Service) names(ctx context.Context, districts ...string) (map[AreaKey]string, []AreaKey, error) {
	ds, err := s.districts.List(ctx)
	if err != nil {
		return nil, nil, err
	}
	names := map[AreaKey]string{LandKey: LandName}
	var order []AreaKey
	for _, d := range ds {
		names[AreaKey(d.Key)] = d.Name
		order = append(order, AreaKey(d.Key))
	}
	for _, dk := range districts {
		if s.areas == nil || dk == "" {
			continue
		}
		as, err := s.areas.Areas(ctx, dk)
		if err != nil {
			return nil, nil, err
		}
		for _, a := range as {
			if a.Code != "" {
				names[DistrictArea(dk, a.Code)] = a.Name
			}
		}
	}
	return names, order, nil
}

// Map answers the map's request: one indicator and year on a level, classified.
func (s *Service) Map(ctx context.Context, who identity.Principal, q MapQuery) (MapView, error) {
	if q.Indicator == "" {
		ins, err := s.indicators(ctx)
		if err != nil {
			return MapView{}, err
		}
		if q.Indicator = firstIndicator(ins); q.Indicator == "" {
			return MapView{}, ErrIndicatorNotFound
		}
	}
	in, err := s.indicator(ctx, q.Indicator)
	if err != nil {
		return MapView{}, err
	}
	if q.Level == "" {
		q.Level = LevelDistrict
	}
	if q.Level == LevelArea {
		if _, err := s.districts.Get(ctx, q.District); err != nil {
			return MapView{}, err
		}
	} else {
		q.District = ""
	}
	years, err := s.years(ctx, in.Key)
	if err != nil {
		return MapView{}, err
	}
	year := q.Year
	if year == 0 && len(years) > 0 {
		year = years[len(years)-1]
	}
	names, districtOrder, err := s.names(ctx, q.District)
	if err != nil {
		return MapView{}, err
	}
	pub := public(who)
	all, err := s.store.LevelValues(ctx, LevelQuery{Indicator: in.Key, Year: year, Level: q.Level, DistrictKey: q.District, PublicOnly: pub, WithLand: true})
	if err != nil {
		return MapView{}, err
	}
	view := MapView{Indicator: in, Year: year, Years: years, Level: q.Level, District: q.District, Method: q.Method, Scheme: SchemeFor(in.Direction)}
	seen := map[AreaKey]bool{}
	var shown []float64
	for _, v := range all {
		if v.Area == LandKey {
			c := cellOf(who, v, LandName)
			view.Land = &c
			continue
		}
		c := cellOf(who, v, names[v.Area])
		if c.Name == "" {
			c.Name = string(v.Area)
		}
		seen[v.Area] = true
		if c.Status == StatusShown && c.Value != nil {
			shown = append(shown, *c.Value)
		}
		view.Cells = append(view.Cells, c)
	}
	if q.Level == LevelDistrict {
		for _, k := range districtOrder {
			if !seen[k] {
				view.Cells = append(view.Cells, missingCell(k, names[k], year))
			}
		}
	}
	slices.SortFunc(view.Cells, func(a, b Cell) int { return strings.Compare(string(a.Area), string(b.Area)) })
	// Breaks come from the public values only, so that a class limit never betrays a withheld one.
	if len(shown) >= 2 {
		if view.Breaks, err = Classify(shown, q.Method, q.Classes); err != nil {
			return MapView{}, err
		}
		for i := range view.Cells {
			if c := &view.Cells[i]; c.Value != nil && len(view.Breaks) > 1 {
				k := ClassOf(*c.Value, view.Breaks)
				c.Class = &k
			}
		}
	}
	return view, nil
}

// Series answers the time series of an indicator for some areas.
func (s *Service) Series(ctx context.Context, who identity.Principal, indicator string, areas []AreaKey) (Indicator, []SeriesView, error) {
	in, err := s.indicator(ctx, indicator)
	if err != nil {
		return Indicator{}, nil, err
	}
	if len(areas) == 0 || len(areas) > MaxSeriesSet {
		return Indicator{}, nil, fmt.Errorf("%w: a series names 1 to %d areas", ErrInvalid, MaxSeriesSet)
	}
	names, _, err := s.names(ctx, districtsOf(areas)...)
	if err != nil {
		return Indicator{}, nil, err
	}
	vs, err := s.store.SeriesValues(ctx, in.Key, areas, public(who))
	if err != nil {
		return Indicator{}, nil, err
	}
	by := map[AreaKey][]Value{}
	for _, v := range vs {
		by[v.Area] = append(by[v.Area], visible(who, v))
	}
	out := make([]SeriesView, 0, len(areas))
	for _, a := range areas {
		name, ok := names[a]
		if !ok {
			return Indicator{}, nil, fmt.Errorf("%w: %s", ErrAreaUnknown, a)
		}
		out = append(out, SeriesView{Area: a, Name: name, Points: Series(by[a])})
	}
	return in, out, nil
}

// visible blanks a withheld value for who (the store blanks it already for the public).
func visible(who identity.Principal, v Value) Value {
	if v.Suppression != ReasonNone && !SeesSuppressed(who, v.Area) {
		v.Value, v.Numerator, v.Denominator, v.Flag = nil, nil, nil, FlagNone
	}
	return v
}

func districtsOf(areas []AreaKey) []string {
	var out []string
	for _, a := range areas {
		if a.Level() == LevelArea && !slices.Contains(out, a.District()) {
			out = append(out, a.District())
		}
	}
	return out
}

// Value answers one value by its reference.
func (s *Service) Value(ctx context.Context, who identity.Principal, indicator string, area AreaKey, year int) (ValueView, error) {
	in, err := s.indicator(ctx, indicator)
	if err != nil {
		return ValueView{}, err
	}
	if area.Level() == "" {
		return ValueView{}, fmt.Errorf("%w: %q", ErrBadAreaKey, area)
	}
	v, err := s.store.Value(ctx, indicator, area, year)
	if err != nil {
		return ValueView{}, err
	}
	names, _, err := s.names(ctx, districtsOf([]AreaKey{area})...)
	if err != nil {
		return ValueView{}, err
	}
	all, err := s.store.Citations(ctx, indicator)
	if err != nil {
		return ValueView{}, err
	}
	ref := Ref(indicator, area, year)
	view := ValueView{Indicator: in, Cell: cellOf(who, v, names[area]), Ref: ref, Citations: []Citation{}}
	for _, c := range all {
		if c.Ref == ref {
			view.Citations = append(view.Citations, c)
		}
	}
	return view, nil
}

// ParseAreas reads a comma-separated list of area keys.
func ParseAreas(s string, max int) ([]AreaKey, error) {
	var out []AreaKey
	for _, p := range strings.Split(s, ",") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		k, err := ParseAreaKey(p)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if len(out) == 0 || len(out) > max {
		return nil, fmt.Errorf("%w: name 1 to %d areas", ErrInvalid, max)
	}
	return out, nil
}

// OpenData calls fn with every value the public may see, with its indicator, for the open-data
// export; withheld values are never read.
func (s *Service) OpenData(ctx context.Context, fn func(Indicator, Value) error) error {
	ins, err := s.indicators(ctx)
	if err != nil {
		return err
	}
	by := map[string]Indicator{}
	for _, in := range ins {
		by[in.Key] = in
	}
	return s.store.PublicValues(ctx, func(v Value) error { return fn(by[v.Indicator], v) })
}
