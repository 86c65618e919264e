package atlas

import (
	"context"
	"slices"
	"sort"
)

// PopulationKey is the indicator of inhabitants that decides which areas are too small for
// sensitive indicators.
const PopulationKey = "einwohner"

// Redisclose runs disclosure control again for every value of the indicators in the years, and
// of the shares and rates built from them (and of every sensitive indicator when the population
// changed), after their values changed. Counts are decided before the shares built from them,
// so a share follows its numerator's suppression in the same run.
func (s *Service) Redisclose(ctx context.Context, indicators []string, years []int) error {
	if len(indicators) == 0 || len(years) == 0 {
		return nil
	}
	s.cache.clear() // new values may bring new years
	cat, err := s.store.Indicators(ctx)
	if err != nil {
		return err
	}
	byKey := map[string]Indicator{}
	for _, in := range cat {
		byKey[in.Key] = in
	}
	affected := affectedIndicators(cat, indicators)
	for _, year := range uniqueInts(years) {
		read := append([]string{PopulationKey}, affected...)
		for _, k := range affected {
			if n := byKey[k].Numerator; n != "" {
				read = append(read, n)
			}
		}
		vs, err := s.store.PeriodValues(ctx, uniqueStrings(read), year)
		if err != nil {
			return err
		}
		by := map[string][]Value{}
		for _, v := range vs {
			by[v.Indicator] = append(by[v.Indicator], v)
		}
		pop := map[AreaKey]float64{}
		for _, v := range by[PopulationKey] {
			if v.Value != nil {
				pop[v.Area] = *v.Value
			}
		}
		decided := map[string]map[AreaKey]Reason{}
		for _, k := range affected {
			in := byKey[k]
			input := DisclosureInput{Indicator: in, Values: by[k], Population: pop, MinPopulation: s.minPop}
			if in.Numerator != "" {
				input.Numerators = map[AreaKey]Value{}
				for _, v := range by[in.Numerator] {
					if r, ok := decided[in.Numerator]; ok { // decided in this run
						v.Suppression = r[v.Area]
					}
					input.Numerators[v.Area] = v
				}
			}
			reasons := map[AreaKey]Reason{}
			for _, sup := range Disclose(input) {
				reasons[sup.Area] = sup.Reason
			}
			decided[k] = reasons
			if err := s.store.SetSuppression(ctx, k, year, reasons, s.now()); err != nil {
				return err
			}
		}
	}
	return nil
}

// affectedIndicators is the changed indicators, the shares and rates built from them (to any
// depth) and, when the population changed, every sensitive indicator; numerators come before the
// shares built from them.
func affectedIndicators(cat []Indicator, changed []string) []string {
	set := map[string]bool{}
	for _, k := range changed {
		set[k] = true
	}
	for grew := true; grew; {
		grew = false
		for _, in := range cat {
			if !set[in.Key] && (set[in.Numerator] || (set[PopulationKey] && in.Sensitive)) {
				set[in.Key], grew = true, true
			}
		}
	}
	depth := map[string]int{}
	var depthOf func(k string, seen int) int
	byKey := map[string]Indicator{}
	for _, in := range cat {
		byKey[in.Key] = in
	}
	depthOf = func(k string, seen int) int {
		in, ok := byKey[k]
		if !ok || in.Numerator == "" || seen > len(cat) {
			return 0
		}
		return 1 + depthOf(in.Numerator, seen+1)
	}
	var out []string
	for k := range set {
		if _, ok := byKey[k]; ok {
			out = append(out, k)
			depth[k] = depthOf(k, 0)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if depth[out[i]] != depth[out[j]] {
			return depth[out[i]] < depth[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

func uniqueInts(xs []int) []int {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

func uniqueStrings(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}
