package atlas

import (
	"errors"
	"slices"
	"testing"
)

func TestAreaKeys(t *testing.T) {
	for _, c := range []struct {
		key              string
		level            Level
		district, parent string
	}{
		{"16", LevelLand, "", ""},
		{"16051", LevelDistrict, "16051", "16"},
		{"16051:SR-W1", LevelArea, "16051", "16051"},
		{"15001", "", "", ""},  // not Thuringia
		{"1605", "", "", ""},   // too short
		{"16051:", "", "", ""}, // no code
		{"16051:a/b", "", "", ""},
		{"16051:a:b", "", "", ""},
		{"erfurt", "", "", ""},
	} {
		k := AreaKey(c.key)
		if k.Level() != c.level || k.District() != c.district || string(k.Parent()) != c.parent {
			t.Errorf("%q: level %q district %q parent %q", c.key, k.Level(), k.District(), k.Parent())
		}
		if _, err := ParseAreaKey(c.key); (err == nil) != (c.level != "") {
			t.Errorf("ParseAreaKey(%q): %v", c.key, err)
		}
	}
	ind, area, year, err := ParseRef(Ref("arbeitslose", "16051:SR-W1", 2021))
	if err != nil || ind != "arbeitslose" || area != "16051:SR-W1" || year != 2021 {
		t.Errorf("ref round trip: %q %q %d %v", ind, area, year, err)
	}
	for _, bad := range []string{"arbeitslose/16051", "arbeitslose/x/2021", "arbeitslose/16051/zwei"} {
		if _, _, _, err := ParseRef(bad); !errors.Is(err, ErrBadAreaKey) {
			t.Errorf("ParseRef(%q): %v", bad, err)
		}
	}
}

func TestIndicatorValidate(t *testing.T) {
	ok := func() Indicator {
		return Indicator{Key: "quote", NameDE: "Quote", NameEN: "Rate", Lebenslage: Arbeit, Kind: KindShare, Direction: HigherBetter,
			Numerator: "aa", Denominator: "bb"}
	}
	in := ok()
	if err := in.Validate(); err != nil || in.MinCount != DefaultMinCount || len(in.Levels) != 2 {
		t.Fatalf("%+v %v", in, err)
	}
	for name, change := range map[string]func(*Indicator){
		"bad key":           func(i *Indicator) { i.Key = "Quote!" },
		"no name":           func(i *Indicator) { i.NameEN = " " },
		"unknown area":      func(i *Indicator) { i.Lebenslage = "freizeit" },
		"unknown kind":      func(i *Indicator) { i.Kind = "median" },
		"unknown direction": func(i *Indicator) { i.Direction = "up" },
		"rate without per":  func(i *Indicator) { i.Kind = KindRate },
		"half a share":      func(i *Indicator) { i.Denominator = "" },
		"own numerator":     func(i *Indicator) { i.Numerator = "quote" },
		"range upside down": func(i *Indicator) { lo, hi := 5.0, 1.0; i.PlausibleMin, i.PlausibleMax = &lo, &hi },
		"unknown level":     func(i *Indicator) { i.Levels = []Level{"gemeinde"} },
	} {
		in := ok()
		change(&in)
		if err := in.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestAffectedIndicatorsPutNumeratorsFirst(t *testing.T) {
	cat := []Indicator{
		{Key: "quote_of_quote", Numerator: "quote"},
		{Key: "quote", Numerator: "count"},
		{Key: "count"},
		{Key: "other"},
		{Key: "sensitive", Sensitive: true},
		{Key: PopulationKey},
	}
	got := affectedIndicators(cat, []string{"count"})
	if !slices.Equal(got, []string{"count", "quote", "quote_of_quote"}) {
		t.Errorf("after count changed: %v", got)
	}
	if got := affectedIndicators(cat, []string{PopulationKey}); !slices.Equal(got, []string{PopulationKey, "sensitive"}) {
		t.Errorf("after the population changed: %v", got)
	}
}

func TestBoundaryAt(t *testing.T) {
	vs := []Boundary{{Version: "alt", ValidFrom: "2000-01-01", ValidTo: "2021-06-30"}, {Version: "neu", ValidFrom: "2021-07-01"}}
	for date, want := range map[string]string{"1999-12-31": "", "2021-06-30": "alt", "2021-07-01": "neu", "2030-01-01": "neu"} {
		if got := BoundaryAt(vs, date); got != want {
			t.Errorf("%s: %q, want %q", date, got, want)
		}
	}
}
