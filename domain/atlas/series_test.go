package atlas

import (
	"math"
	"testing"
)

func yearValue(year int, x *float64, boundary string) Value {
	return Value{Indicator: "n", Area: "16068", Year: year, Value: x, Boundary: boundary}
}

func TestSeriesOrdersAndMarksBreaks(t *testing.T) {
	values := []Value{
		yearValue(2021, fp(4), "2021-07-01"),
		yearValue(2018, fp(1), ""),
		yearValue(2019, fp(2), "2019-01-01"),
		yearValue(2022, nil, ""),
		yearValue(2020, fp(3), "2019-01-01"),
		yearValue(2023, fp(6), "2021-07-01"),
		{Year: 2023, Date: "2023-06-30", Value: fp(5), Boundary: "2021-07-01"},
	}
	points := Series(values)
	wantYears := []int{2018, 2019, 2020, 2021, 2022, 2023, 2023}
	wantBreak := []bool{false, false, false, true, false, false, false}
	if len(points) != len(wantYears) {
		t.Fatalf("got %d points, want %d", len(points), len(wantYears))
	}
	for i, p := range points {
		if p.Year != wantYears[i] || p.Break != wantBreak[i] {
			t.Errorf("point %d: year %d break %v, want %d %v", i, p.Year, p.Break, wantYears[i], wantBreak[i])
		}
	}
	if points[5].Date != "" || points[6].Date != "2023-06-30" {
		t.Errorf("within a year the undated value comes first, then by date: %+v", points[5:])
	}
	*values[0].Value = 99
	if *points[3].Value != 4 {
		t.Error("a point must not share its value with the input")
	}
}

func TestTrend(t *testing.T) {
	steady := Series([]Value{
		yearValue(2018, fp(10), "2017"), yearValue(2019, fp(11), "2017"), yearValue(2020, nil, "2017"),
		yearValue(2021, fp(12.5), ""), yearValue(2023, fp(14), "2017"),
	})
	for _, c := range []struct {
		name   string
		points []Point
		years  int
		want   *float64
	}{
		{"five years", steady, 5, fp(4)},
		{"four years", steady, 4, fp(3)},
		{"two years", steady, 2, fp(1.5)},
		{"base year missing", steady, 1, nil},
		{"base value missing", steady, 3, nil},
		{"before the series", steady, 9, nil},
		{"no span", steady, 0, nil},
		{"empty", nil, 1, nil},
		{"across a boundary change", Series([]Value{yearValue(2020, fp(1), "a"), yearValue(2021, fp(2), "b"),
			yearValue(2022, fp(3), "b")}), 2, nil},
		{"the break is the last point", Series([]Value{yearValue(2020, fp(1), "a"), yearValue(2021, fp(2), "b")}), 1, nil},
		{"after the break", Series([]Value{yearValue(2020, fp(1), "a"), yearValue(2021, fp(2), "b"),
			yearValue(2022, fp(3.5), "b")}), 1, fp(1.5)},
		{"last value missing", Series([]Value{yearValue(2020, fp(1), ""), yearValue(2021, nil, "")}), 1, nil},
		{"dated values on the same day", Series([]Value{
			{Year: 2022, Date: "2022-06-30", Value: fp(3)}, {Year: 2022, Date: "2022-12-31", Value: fp(4)},
			{Year: 2023, Date: "2023-06-30", Value: fp(7)}, {Year: 2023, Date: "2023-12-31", Value: fp(9)},
		}), 1, fp(5)},
	} {
		got := Trend(c.points, c.years)
		switch {
		case (got == nil) != (c.want == nil):
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		case got != nil && math.Abs(*got-*c.want) > 1e-12:
			t.Errorf("%s: got %v, want %v", c.name, *got, *c.want)
		}
	}
}

func TestRank(t *testing.T) {
	values := map[AreaKey]float64{"16051": 5, "16052": 9, "16053": 5, "16054": 1, "16055": math.NaN()}
	for _, c := range []struct {
		area     AreaKey
		d        Direction
		rank, of int
	}{
		{"16052", HigherBetter, 1, 4}, {"16051", HigherBetter, 2, 4}, {"16053", HigherBetter, 2, 4},
		{"16054", HigherBetter, 4, 4}, {"16052", Neutral, 1, 4}, {"16054", Neutral, 4, 4},
		{"16054", HigherWorse, 1, 4}, {"16051", HigherWorse, 2, 4}, {"16052", HigherWorse, 4, 4},
		{"16056", HigherBetter, 0, 4}, {"16055", HigherWorse, 0, 4},
	} {
		if rank, of := Rank(values, c.area, c.d); rank != c.rank || of != c.of {
			t.Errorf("Rank(%s, %s) = %d of %d, want %d of %d", c.area, c.d, rank, of, c.rank, c.of)
		}
	}
}
