package planning

import (
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Within reports whether an area lies in a district: a point inside the area must lie inside the
// district's boundary. The boundaries are generalised, so requiring every vertex inside would
// reject real areas along the border.
func Within(area, district orb.Geometry) bool {
	p, ok := InteriorPoint(area)
	if !ok {
		return false
	}
	switch d := district.(type) {
	case orb.Polygon:
		return planar.PolygonContains(d, p)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(d, p)
	}
	return false
}

// InteriorPoint returns a point strictly inside a Polygon or MultiPolygon (of its largest part):
// the middle of the widest stretch of a horizontal line through the middle of the shape that lies
// inside it. Unlike the centroid it is inside for any shape, also a crescent.
func InteriorPoint(g orb.Geometry) (orb.Point, bool) {
	var poly orb.Polygon
	switch v := g.(type) {
	case orb.Polygon:
		poly = v
	case orb.MultiPolygon:
		best := -1.0
		for _, p := range v {
			if a := planar.Area(p); a > best {
				best, poly = a, p
			}
		}
	}
	if len(poly) == 0 || len(poly[0]) < 4 {
		return orb.Point{}, false
	}
	b := poly.Bound()
	y := (b.Min.Lat() + b.Max.Lat()) / 2
	var xs []float64
	for _, ring := range poly {
		for i := 0; i+1 < len(ring); i++ {
			a, c := ring[i], ring[i+1]
			// Half-open test so a vertex on the line is counted once.
			if (a.Lat() <= y) != (c.Lat() <= y) {
				xs = append(xs, a.Lon()+(y-a.Lat())*(c.Lon()-a.Lon())/(c.Lat()-a.Lat()))
			}
		}
	}
	sort.Float64s(xs)
	bestWidth, found := 0.0, false
	var p orb.Point
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > bestWidth {
			bestWidth, found = w, true
			p = orb.Point{(xs[i] + xs[i+1]) / 2, y}
		}
	}
	return p, found
}
