package atlas

import (
	"math"
	"sort"
)

// Point is one value of a time series as the atlas shows it.
type Point struct {
	Year     int
	Date     string // "" or YYYY-MM-DD within Year
	Value    *float64
	Flag     Flag
	Boundary string // the boundary version (Gebietsstand) the value was measured on
	Break    bool   // the boundary changed since the previous point: the two are not comparable
}

// Series orders one indicator's values for one area into a time series, by year and then date.
// A point whose boundary differs from the last known (non-empty) boundary before it is marked as a
// Break; a point without a boundary is taken to continue the one before. Values withheld by
// disclosure control (Suppression != "") must already be removed by the caller: Series shows what
// it is given, and only the caller knows whether the reader may see them.
func Series(values []Value) []Point {
	points := make([]Point, 0, len(values))
	for _, v := range values {
		p := Point{Year: v.Year, Date: v.Date, Flag: v.Flag, Boundary: v.Boundary}
		if v.Value != nil {
			x := *v.Value
			p.Value = &x
		}
		points = append(points, p)
	}
	sort.SliceStable(points, func(i, j int) bool {
		if points[i].Year != points[j].Year {
			return points[i].Year < points[j].Year
		}
		return points[i].Date < points[j].Date
	})
	last := ""
	for i := range points {
		b := points[i].Boundary
		if b == "" {
			continue
		}
		points[i].Break = last != "" && b != last
		last = b
	}
	return points
}

// Trend is the change of the series' last value against the value `years` earlier (the same year
// minus years, and the same day of the year for dated values). It is nil when either value is
// missing, years is not positive, or a boundary break lies between the two: the areas differ, so
// the difference would not be a change.
func Trend(points []Point, years int) (delta *float64) {
	if years <= 0 || len(points) == 0 {
		return nil
	}
	last := len(points) - 1
	end := points[last]
	if end.Value == nil {
		return nil
	}
	target := end.Year - years
	crossed := end.Break // a break on a point lies between it and the point before
	for i := last - 1; i >= 0 && points[i].Year >= target; i-- {
		p := points[i]
		if p.Year == target && dayOfYear(p.Date) == dayOfYear(end.Date) {
			if p.Value == nil || crossed {
				return nil
			}
			d := *end.Value - *p.Value
			return &d
		}
		crossed = crossed || p.Break
	}
	return nil
}

// dayOfYear is the month and day of a YYYY-MM-DD date ("" for none).
func dayOfYear(date string) string {
	if len(date) < 10 {
		return ""
	}
	return date[5:]
}

// Rank is the area's place among the values, 1 being the best: the highest value where higher is
// better or the indicator is neutral, the lowest where higher is worse. Equal values share a rank
// (1, 2, 2, 4), so a rank says how many areas are strictly better. Of is the number of areas with
// a value; rank is 0 when the area has none. NaN values take no part.
func Rank(values map[AreaKey]float64, area AreaKey, d Direction) (rank, of int) {
	own, ok := values[area]
	ok = ok && !math.IsNaN(own)
	better := 0
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		of++
		if ok && ((d == HigherWorse && v < own) || (d != HigherWorse && v > own)) {
			better++
		}
	}
	if !ok {
		return 0, of
	}
	return better + 1, of
}
