package planning

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Within reports whether an area lies in a district: a point on its surface must be inside the
// district's boundary. The district boundaries are generalised, so requiring every vertex inside
// would reject real areas along the border.
func Within(area, district orb.Geometry) bool {
	p, ok := pointOnSurface(area)
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

// pointOnSurface returns the centroid when it lies inside the area (as for convex and most other
// shapes), else the first vertex of the outer ring, which lies on the area's boundary.
func pointOnSurface(g orb.Geometry) (orb.Point, bool) {
	c, _ := planar.CentroidArea(g)
	switch v := g.(type) {
	case orb.Polygon:
		if planar.PolygonContains(v, c) {
			return c, true
		}
		if len(v) > 0 && len(v[0]) > 0 {
			return v[0][0], true
		}
	case orb.MultiPolygon:
		if planar.MultiPolygonContains(v, c) {
			return c, true
		}
		if len(v) > 0 && len(v[0]) > 0 && len(v[0][0]) > 0 {
			return v[0][0][0], true
		}
	}
	return orb.Point{}, false
}
