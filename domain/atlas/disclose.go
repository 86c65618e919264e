package atlas

import (
	"math"
	"sort"
)

// DisclosureInput is what disclosure control decides over: one indicator's values for one year (or
// date) on every level at once, because whether a value may be shown depends on its neighbours in
// the hierarchy (a district's count minus its visible social areas must not reveal a hidden one).
type DisclosureInput struct {
	Indicator Indicator
	// Values are all values of the indicator for the period, every level, one per area (a later
	// duplicate of an area replaces an earlier one). Their Suppression is ignored: it is decided
	// anew.
	Values []Value
	// Numerators are the numerator indicator's values for the same period (for shares and rates),
	// already through Disclose themselves so that their Suppression is set; nil when none.
	Numerators map[AreaKey]Value
	// Population is the number of inhabitants per area for the period; it may miss areas.
	Population map[AreaKey]float64
	// MinPopulation is the smallest population in which a sensitive indicator is shown (0: no limit).
	MinPopulation float64
}

// Suppressed is one value that disclosure control withholds from the public, and why.
type Suppressed struct {
	Area   AreaKey
	Reason Reason
}

// Disclose applies statistical disclosure control (statistische Geheimhaltung) to one indicator and
// period and returns the values to withhold, ordered by area key. Each area gets one reason, the
// first of these rules that applies:
//
//   - (a) ReasonSmallCount: a count (KindCount) below the indicator's MinCount (0: DefaultMinCount).
//     A count of 0 is below the minimum too and is withheld: "nobody" in a small area is as telling
//     as "one person" (and would otherwise reveal the other children of a group). A value flagged
//     at the source (nil) is not counted here: there is nothing to withhold.
//   - (b) ReasonFromSmallCount: a share or rate (KindShare, KindRate) whose own Numerator is below the
//     minimum, or whose numerator indicator's value for the area (Numerators) is below it, was
//     withheld by disclosure control, or is flagged secret at the source: the share times its
//     denominator gives the count back. The numerator is measured against this indicator's
//     minimum, since the numerator's own indicator is not at hand. Callers disclose the counts
//     first (including rule (d)) and pass them as Numerators, so shares follow secondary
//     suppressions of their numerators as well.
//   - (c) ReasonSmallPopulation: a Sensitive indicator in an area whose known population is below
//     MinPopulation. An area whose population is unknown is not withheld: the rule protects small
//     areas, and an unknown population says nothing about size; a missing figure must not hide a
//     whole district.
//   - (d) ReasonSecondary, for counts only (shares and rates do not add up): areas form groups by
//     Parent (the districts under the Land, the social areas under their district). Where a
//     group's parent is visible and exactly one child is missing to the public, and that child is
//     withheld (by (a) or (c), or flagged secret at the source), the parent minus the visible
//     children would reveal it; so the smallest visible child (ties by area key) is withheld too,
//     or, if no child is visible, the parent. Conversely, where a withheld parent's children are
//     all visible, their sum would reveal the parent, so the smallest child is withheld. A parent
//     that is hidden with one child missing needs nothing. Each new suppression can open a gap in
//     the group above (a withheld parent is a child there), so the rules repeat until nothing
//     changes. Only children present in Values are known; a group whose children do not cover the
//     parent completely is protected more than it needs to be, never less.
//
// Rule (d) is a heuristic for the two-level hierarchy, not a full audit of every linear
// combination of the published figures.
func Disclose(in DisclosureInput) []Suppressed {
	minCount := float64(in.Indicator.MinCount)
	if in.Indicator.MinCount <= 0 {
		minCount = DefaultMinCount
	}
	cells := make(map[AreaKey]*cell, len(in.Values))
	for _, v := range in.Values {
		cells[v.Area] = &cell{value: v.Value, numerator: v.Numerator, sourceSecret: v.Value == nil && v.Flag == FlagSuppressed}
	}
	for area, c := range cells {
		c.reason = primaryReason(in, area, c, minCount)
	}
	if in.Indicator.Kind == KindCount {
		secondary(cells)
	}
	out := make([]Suppressed, 0)
	for area, c := range cells {
		if c.reason != ReasonNone {
			out = append(out, Suppressed{Area: area, Reason: c.reason})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Area < out[j].Area })
	return out
}

// cell is one area's value as disclosure control sees it.
type cell struct {
	value        *float64
	numerator    *float64
	sourceSecret bool // nil and flagged secret by the statistical office
	reason       Reason
}

// hidden says the public does not see the value.
func (c *cell) hidden() bool { return c.value == nil || c.reason != ReasonNone }

// protected says the value must not be recoverable from the others.
func (c *cell) protected() bool { return c.reason != ReasonNone || c.sourceSecret }

// primaryReason applies rules (a) to (c) to one area; only values the public would see are withheld.
func primaryReason(in DisclosureInput, area AreaKey, c *cell, minCount float64) Reason {
	if c.value == nil {
		return ReasonNone
	}
	ind := in.Indicator
	switch ind.Kind {
	case KindCount:
		if *c.value < minCount {
			return ReasonSmallCount
		}
	case KindShare, KindRate:
		if (c.numerator != nil && *c.numerator < minCount) || numeratorWithheld(in.Numerators, area, minCount) {
			return ReasonFromSmallCount
		}
	}
	if ind.Sensitive && in.MinPopulation > 0 {
		if pop, ok := in.Population[area]; ok && pop < in.MinPopulation {
			return ReasonSmallPopulation
		}
	}
	return ReasonNone
}

// numeratorWithheld says whether the numerator indicator's value for the area is withheld, secret at
// the source, or too small.
func numeratorWithheld(numerators map[AreaKey]Value, area AreaKey, minCount float64) bool {
	n, ok := numerators[area]
	if !ok {
		return false
	}
	if n.Suppression != ReasonNone || (n.Value == nil && n.Flag == FlagSuppressed) {
		return true
	}
	return n.Value != nil && *n.Value < minCount
}

// secondary applies rule (d) until no group changes.
func secondary(cells map[AreaKey]*cell) {
	groups := map[AreaKey][]AreaKey{}
	for area := range cells {
		if p := area.Parent(); p != "" {
			groups[p] = append(groups[p], area)
		}
	}
	parents := make([]AreaKey, 0, len(groups))
	for p, children := range groups {
		sort.Slice(children, func(i, j int) bool { return children[i] < children[j] })
		parents = append(parents, p)
	}
	sort.Slice(parents, func(i, j int) bool { return parents[i] < parents[j] })
	for changed := true; changed; {
		changed = false
		for _, p := range parents {
			if protectGroup(cells, p, groups[p]) {
				changed = true
			}
		}
	}
}

// protectGroup withholds one more value of the group if a withheld one could be recovered, and
// reports whether it did.
func protectGroup(cells map[AreaKey]*cell, parent AreaKey, children []AreaKey) bool {
	pc, ok := cells[parent]
	if !ok {
		return false // no parent value: nothing to subtract from, nothing to add up to
	}
	var missing []*cell
	for _, a := range children {
		if cells[a].hidden() {
			missing = append(missing, cells[a])
		}
	}
	switch {
	case !pc.hidden() && len(missing) == 1 && missing[0].protected():
		if c := smallestVisible(cells, children); c != nil {
			c.reason = ReasonSecondary
		} else {
			pc.reason = ReasonSecondary
		}
		return true
	case pc.hidden() && pc.protected() && len(missing) == 0:
		smallestVisible(cells, children).reason = ReasonSecondary // every child is visible here
		return true
	}
	return false
}

// smallestVisible is the visible child with the smallest value (ties by area key, as children are
// sorted), or nil when none is visible.
func smallestVisible(cells map[AreaKey]*cell, children []AreaKey) *cell {
	var best *cell
	low := math.Inf(1)
	for _, a := range children {
		c := cells[a]
		if !c.hidden() && (best == nil || *c.value < low) {
			best, low = c, *c.value
		}
	}
	return best
}
