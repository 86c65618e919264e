package atlas

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

func fp(x float64) *float64 { return &x }

// counts builds count values from area → value; a negative value stands for a value flagged secret
// at the source.
func counts(m map[AreaKey]float64) []Value {
	var out []Value
	for a, x := range m {
		v := Value{Indicator: "n", Area: a, Year: 2023}
		if x < 0 {
			v.Flag = FlagSuppressed
		} else {
			v.Value = fp(x)
		}
		out = append(out, v)
	}
	return out
}

func count(minCount int) Indicator { return Indicator{Key: "n", Kind: KindCount, MinCount: minCount} }

func TestDiscloseSmallCounts(t *testing.T) {
	// Areas in different districts with no parent values: only rule (a) can apply.
	values := counts(map[AreaKey]float64{"16051:A": 0, "16052:A": 1, "16053:A": 2, "16054:A": 3, "16055:A": -1})
	got := Disclose(DisclosureInput{Indicator: count(0), Values: values})
	want := []Suppressed{{"16051:A", ReasonSmallCount}, {"16052:A", ReasonSmallCount}, {"16053:A", ReasonSmallCount}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("default minimum: got %v, want %v", got, want)
	}
	got = Disclose(DisclosureInput{Indicator: count(5), Values: values})
	if len(got) != 4 || got[3] != (Suppressed{"16054:A", ReasonSmallCount}) {
		t.Errorf("minimum 5: got %v, want the four areas below 5", got)
	}
}

func TestDiscloseSharesFromSmallCounts(t *testing.T) {
	share := Indicator{Key: "s", Kind: KindShare, Numerator: "n", Denominator: "p"}
	values := []Value{
		{Area: "16051", Value: fp(1.5), Numerator: fp(2), Denominator: fp(130)},  // own numerator small
		{Area: "16052", Value: fp(10), Numerator: fp(30), Denominator: fp(300)},  // numerator indicator small
		{Area: "16053", Value: fp(10), Numerator: fp(30), Denominator: fp(300)},  // numerator withheld
		{Area: "16054", Value: fp(10), Numerator: fp(30), Denominator: fp(300)},  // numerator secret at source
		{Area: "16055", Value: fp(10), Numerator: fp(30), Denominator: fp(300)},  // numerator fine
		{Area: "16056", Value: fp(10), Numerator: nil, Denominator: fp(300)},     // no numerator known
		{Area: "16057", Value: nil, Flag: FlagSuppressed, Numerator: fp(1)},      // nothing to withhold
		{Area: "16061", Value: fp(1.5), Numerator: fp(2), Denominator: fp(130)},  // a rate works the same
		{Area: "16062", Value: fp(15), Numerator: fp(20), Denominator: fp(1300)}, // and its numerator is fine
	}
	numerators := map[AreaKey]Value{
		"16052": {Value: fp(2)},
		"16053": {Value: fp(30), Suppression: ReasonSecondary},
		"16054": {Flag: FlagSuppressed},
		"16055": {Value: fp(30)},
	}
	got := Disclose(DisclosureInput{Indicator: share, Values: values[:7], Numerators: numerators})
	want := []Suppressed{{"16051", ReasonFromSmallCount}, {"16052", ReasonFromSmallCount},
		{"16053", ReasonFromSmallCount}, {"16054", ReasonFromSmallCount}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("share: got %v, want %v", got, want)
	}
	rate := Indicator{Key: "r", Kind: KindRate, RatePer: 1000, MinCount: 3}
	got = Disclose(DisclosureInput{Indicator: rate, Values: values[7:]})
	if want := []Suppressed{{"16061", ReasonFromSmallCount}}; !reflect.DeepEqual(got, want) {
		t.Errorf("rate: got %v, want %v", got, want)
	}
	mean := Indicator{Key: "m", Kind: KindMean}
	if got := Disclose(DisclosureInput{Indicator: mean, Values: values[7:]}); len(got) != 0 {
		t.Errorf("a mean is not built from a count, got %v", got)
	}
}

func TestDiscloseSensitiveSmallPopulation(t *testing.T) {
	ind := Indicator{Key: "s", Kind: KindShare, Sensitive: true}
	values := []Value{{Area: "16051:A", Value: fp(4)}, {Area: "16051:B", Value: fp(4)}, {Area: "16051:C", Value: fp(4)}}
	pop := map[AreaKey]float64{"16051:A": 299, "16051:B": 300} // C unknown: shown
	got := Disclose(DisclosureInput{Indicator: ind, Values: values, Population: pop, MinPopulation: 300})
	if want := []Suppressed{{"16051:A", ReasonSmallPopulation}}; !reflect.DeepEqual(got, want) {
		t.Errorf("sensitive: got %v, want %v", got, want)
	}
	ind.Sensitive = false
	if got := Disclose(DisclosureInput{Indicator: ind, Values: values, Population: pop, MinPopulation: 300}); len(got) != 0 {
		t.Errorf("not sensitive: got %v, want nothing", got)
	}
}

func TestDiscloseSecondary(t *testing.T) {
	cases := []struct {
		name   string
		values map[AreaKey]float64
		pop    map[AreaKey]float64
		want   []Suppressed
	}{
		{"single small child: the smallest visible other child too",
			map[AreaKey]float64{"16": 100, "16051": 50, "16052": 2, "16053": 20, "16054": 28},
			nil, []Suppressed{{"16052", ReasonSmallCount}, {"16053", ReasonSecondary}}},
		{"two small children protect each other",
			map[AreaKey]float64{"16": 100, "16051": 95, "16052": 2, "16053": 2, "16054": 1},
			nil, []Suppressed{{"16052", ReasonSmallCount}, {"16053", ReasonSmallCount}, {"16054", ReasonSmallCount}}},
		{"ties of the smallest go to the first key",
			map[AreaKey]float64{"16051": 40, "16051:A": 1, "16051:B": 13, "16051:C": 13, "16051:D": 13},
			nil, []Suppressed{{"16051:A", ReasonSmallCount}, {"16051:B", ReasonSecondary}}},
		{"a child secret at the source is protected as well",
			map[AreaKey]float64{"16051": 40, "16051:A": -1, "16051:B": 20, "16051:C": 10},
			nil, []Suppressed{{"16051:C", ReasonSecondary}}},
		{"parent withheld and one child missing: nothing to do",
			map[AreaKey]float64{"16051": 2, "16051:A": 1, "16051:B": -1},
			nil, []Suppressed{{"16051", ReasonSmallCount}, {"16051:A", ReasonSmallCount}}},
		{"no parent value: nothing to subtract from",
			map[AreaKey]float64{"16051:A": 1, "16051:B": 20, "16051:C": 10},
			nil, []Suppressed{{"16051:A", ReasonSmallCount}}},
		{"the only child equals the parent: the parent is withheld, then its neighbour",
			map[AreaKey]float64{"16": 100, "16051": 5, "16051:A": 5, "16052": 95},
			map[AreaKey]float64{"16051:A": 250},
			[]Suppressed{{"16051", ReasonSecondary}, {"16051:A", ReasonSmallPopulation}, {"16052", ReasonSecondary}}},
		{"withheld parents reach down a level, neighbours up",
			map[AreaKey]float64{"16051": 1, "16051:A": 1, "16052": 7, "16052:A": 7, "16": 300, "16053": 292},
			nil, []Suppressed{{"16051", ReasonSmallCount}, {"16051:A", ReasonSmallCount}, {"16052", ReasonSecondary},
				{"16052:A", ReasonSecondary}}},
		{"a sensitive small area is a gap to protect",
			map[AreaKey]float64{"16051": 90, "16051:A": 30, "16051:B": 40, "16051:C": 20},
			map[AreaKey]float64{"16051:A": 250, "16051:B": 900, "16051:C": 800},
			[]Suppressed{{"16051:A", ReasonSmallPopulation}, {"16051:C", ReasonSecondary}}},
		{"a district withheld at the Land level must not be the sum of its social areas",
			map[AreaKey]float64{"16": 300, "16051": 2, "16052": 200, "16053": 98,
				"16053:A": 50, "16053:B": 40, "16053:C": 8},
			nil, []Suppressed{{"16051", ReasonSmallCount}, {"16053", ReasonSecondary}, {"16053:C", ReasonSecondary}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ind := count(3)
			ind.Sensitive = c.pop != nil
			got := Disclose(DisclosureInput{Indicator: ind, Values: counts(c.values), Population: c.pop, MinPopulation: 300})
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestDiscloseShareFollowsSecondaryNumerator(t *testing.T) {
	// Counts first, then the share with the disclosed counts as numerators (rule (b) after (d)).
	n := counts(map[AreaKey]float64{"16": 100, "16051": 50, "16052": 2, "16053": 20, "16054": 28})
	withheld := map[AreaKey]Reason{}
	for _, s := range Disclose(DisclosureInput{Indicator: count(3), Values: n}) {
		withheld[s.Area] = s.Reason
	}
	numerators := map[AreaKey]Value{}
	var shares []Value
	for _, v := range n {
		v.Suppression = withheld[v.Area]
		numerators[v.Area] = v
		shares = append(shares, Value{Area: v.Area, Value: fp(*v.Value / 10)})
	}
	got := Disclose(DisclosureInput{Indicator: Indicator{Kind: KindShare}, Values: shares, Numerators: numerators})
	want := []Suppressed{{"16052", ReasonFromSmallCount}, {"16053", ReasonFromSmallCount}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestDiscloseCannotBeRecovered generates random hierarchies and checks that no withheld value is
// the parent minus the visible children, nor a withheld parent the sum of its visible children.
func TestDiscloseCannotBeRecovered(t *testing.T) {
	rng := rand.New(rand.NewSource(20231231))
	for run := 0; run < 2000; run++ {
		values, pop := randomHierarchy(rng)
		in := DisclosureInput{Indicator: count(1 + rng.Intn(5)), Values: values, Population: pop, MinPopulation: 300}
		in.Indicator.Sensitive = rng.Intn(2) == 0
		byArea := map[AreaKey]Value{}
		for _, v := range values {
			byArea[v.Area] = v
		}
		withheld := map[AreaKey]bool{}
		for _, s := range Disclose(in) {
			withheld[s.Area] = true
		}
		children := map[AreaKey][]AreaKey{}
		for a := range byArea {
			if p := a.Parent(); p != "" {
				children[p] = append(children[p], a)
			}
		}
		for p, kids := range children {
			parent, ok := byArea[p]
			if !ok {
				continue
			}
			var hidden []AreaKey
			for _, k := range kids {
				if byArea[k].Value == nil || withheld[k] {
					hidden = append(hidden, k)
				}
			}
			parentHidden := parent.Value == nil || withheld[p]
			if !parentHidden && len(hidden) == 1 {
				t.Fatalf("run %d: %s = %s minus its visible children (%v)", run, hidden[0], p, describe(byArea, withheld))
			}
			if (withheld[p] || parent.Flag == FlagSuppressed) && len(hidden) == 0 {
				t.Fatalf("run %d: %s is the sum of its visible children (%v)", run, p, describe(byArea, withheld))
			}
		}
		for a, v := range byArea {
			if !withheld[a] && v.Value != nil && *v.Value < float64(in.Indicator.MinCount) {
				t.Fatalf("run %d: %s shows the small count %v", run, a, *v.Value)
			}
		}
	}
}

// randomHierarchy is a Land with districts and social areas whose counts add up, a few values
// secret at the source, and populations for some areas.
func randomHierarchy(rng *rand.Rand) ([]Value, map[AreaKey]float64) {
	var values []Value
	pop := map[AreaKey]float64{}
	land := 0.0
	for d := 0; d < 1+rng.Intn(6); d++ {
		district := AreaKey(fmt.Sprintf("160%02d", 51+d))
		sum := 0.0
		for s := 0; s < rng.Intn(6); s++ {
			area := DistrictArea(string(district), fmt.Sprintf("SR%d", s))
			x := float64(rng.Intn(12))
			sum += x
			values = append(values, randomValue(rng, area, x))
			if rng.Intn(2) == 0 {
				pop[area] = float64(100 + rng.Intn(600))
			}
		}
		if sum == 0 {
			sum = float64(rng.Intn(30))
		}
		land += sum
		values = append(values, randomValue(rng, district, sum))
	}
	if rng.Intn(4) > 0 {
		values = append(values, randomValue(rng, LandKey, land))
	}
	return values, pop
}

func randomValue(rng *rand.Rand, area AreaKey, x float64) Value {
	if rng.Intn(15) == 0 {
		return Value{Area: area, Flag: FlagSuppressed}
	}
	return Value{Area: area, Value: fp(x)}
}

func describe(values map[AreaKey]Value, withheld map[AreaKey]bool) string {
	s := ""
	for a, v := range values {
		switch {
		case v.Value == nil:
			s += fmt.Sprintf(" %s=.", a)
		case withheld[a]:
			s += fmt.Sprintf(" %s=[%v]", a, *v.Value)
		default:
			s += fmt.Sprintf(" %s=%v", a, *v.Value)
		}
	}
	return s
}
