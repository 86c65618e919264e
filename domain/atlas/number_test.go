package atlas_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

func TestParseNumber(t *testing.T) {
	num := func(f float64) *float64 { return &f }
	cases := []struct {
		in     string
		german bool
		want   *float64
		flag   atlas.Flag
		err    bool
	}{
		// the symbols of the statistical offices
		{in: ".", want: nil, flag: atlas.FlagSuppressed},
		{in: " . ", german: true, want: nil, flag: atlas.FlagSuppressed},
		{in: "-", want: num(0)},
		{in: "/", want: nil, flag: atlas.FlagUnknown},
		{in: "x", want: nil, flag: atlas.FlagUnknown},
		{in: "X", german: true, want: nil, flag: atlas.FlagUnknown},
		{in: "(12,3)", german: true, want: num(12.3), flag: atlas.FlagUnreliable},
		{in: "(12.3)", want: num(12.3), flag: atlas.FlagUnreliable},
		{in: "( 1.234 )", german: true, want: num(1234), flag: atlas.FlagUnreliable},
		{in: "(.)", err: true},
		{in: "()", err: true},
		{in: "", err: true},
		{in: "   ", err: true},
		// German numbers
		{in: "1.234,5", german: true, want: num(1234.5)},
		{in: "12,3", german: true, want: num(12.3)},
		{in: "1.234", german: true, want: num(1234)},
		{in: "1.234.567", german: true, want: num(1234567)},
		{in: "-1.234,56", german: true, want: num(-1234.56)},
		{in: "\u00a012,3\u00a0", german: true, want: num(12.3)},
		{in: "0,5", german: true, want: num(0.5)},
		{in: "12.3", german: true, err: true},   // a dot decimal in a German file is not 123
		{in: "1.23,4", german: true, err: true}, // thousands group of two digits
		{in: "1234.5", german: true, err: true}, // first group longer than three
		{in: "12,3,4", german: true, err: true}, // two decimal marks
		{in: "12,", german: true, err: true},    // nothing after the mark
		{in: ".234", german: true, err: true},   // a group without digits before it
		// English numbers
		{in: "1,234.5", want: num(1234.5)},
		{in: "12.3", want: num(12.3)},
		{in: "1234", want: num(1234)},
		{in: "-0.25", want: num(-0.25)},
		{in: "64.16", want: num(64.16)},
		{in: "12,3", err: true},
		{in: "1,23", err: true},
		// garbage
		{in: "NaN", err: true},
		{in: "Inf", err: true},
		{in: "-Inf", err: true},
		{in: "0x1p3", err: true},
		{in: "1e5", err: true},
		{in: "+5", err: true},
		{in: "--5", err: true},
		{in: "5-", err: true},
		{in: "12 345", err: true},
		{in: "12a", german: true, err: true},
		{in: "1234567890123456789012345678901234567890123", err: true},
	}
	for _, c := range cases {
		v, flag, err := atlas.ParseNumber(c.in, c.german)
		if c.err {
			if !errors.Is(err, atlas.ErrNotANumber) {
				t.Errorf("ParseNumber(%q, %v) = %v, %q, %v; want ErrNotANumber", c.in, c.german, v, flag, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNumber(%q, %v): %v", c.in, c.german, err)
			continue
		}
		if flag != c.flag || (v == nil) != (c.want == nil) || (v != nil && *v != *c.want) {
			t.Errorf("ParseNumber(%q, %v) = %v, %q; want %v, %q", c.in, c.german, deref(v), flag, deref(c.want), c.flag)
		}
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func TestDetectGerman(t *testing.T) {
	cases := []struct {
		samples   []string
		delimiter string
		want      bool
	}{
		{nil, ";", true},
		{nil, ",", false},
		{[]string{"12", "1,234", "1.234"}, ";", true}, // nothing decides: the delimiter does
		{[]string{"12", "1,234", "1.234"}, ",", false},
		{[]string{"12,3"}, ",", true},
		{[]string{"1", " (0,5) "}, "\t", true},
		{[]string{"1.234,5"}, ",", true},
		{[]string{"-0,25"}, ",", true},
		{[]string{"12.3", "4"}, ";", false}, // a decimal point, whatever the delimiter
		{[]string{"64.16"}, ";", false},
		{[]string{"1,234.5"}, ";", false},
		{[]string{"12,3", "12.3"}, ",", false}, // both: the delimiter
		{[]string{"12,3", "12.3"}, ";", true},
		{[]string{"a,b", ",5", "5,", "x", ".", "1.234.5", "1,2,3"}, ",", false},
		{[]string{"a,b", ",5", "5,", "x", ".", "1.234.5", "1,2,3"}, ";", true},
	}
	for _, c := range cases {
		if got := atlas.DetectGerman(c.samples, c.delimiter); got != c.want {
			t.Errorf("DetectGerman(%q, %q) = %v", c.samples, c.delimiter, got)
		}
	}
}

func TestParseNumberAllocatesOnlyTheResult(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _, _, _ = atlas.ParseNumber("1.234,5", true) })
	if allocs > 1 {
		t.Errorf("ParseNumber allocates %v times, want at most 1 (the value)", allocs)
	}
}

func TestValueSamples(t *testing.T) {
	m := atlas.Mapping{Columns: []atlas.Role{atlas.RoleArea, atlas.RoleValue, atlas.RoleIgnore, atlas.RoleNumerator}}
	rows := [][]string{{"16051", "1,5", "9,9", ""}, {"16052"}, {"16053", " ", "9,9", "7"}, {"16054", "2", "", "3", "extra"}}
	got := atlas.ValueSamples(rows, m, 3)
	if strings.Join(got, "|") != "1,5|7|2" {
		t.Errorf("ValueSamples = %q", got)
	}
	if !atlas.DetectGerman(got, ",") {
		t.Error("the samples are German")
	}
}
