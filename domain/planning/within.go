package planning

import (
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// DistrictTolerance is how far, in metres, a part of a social area may stick out of its district's
// boundary. The boundaries are generalised (BKG VG5000, made for maps at 1:5,000,000): Erfurt's
// 92 km of border are 49 straight edges of up to 3.9 km, and across Thuringia's 22 districts an
// edge is up to 5.9 km long (median 1.5 km) and the bends that were kept deviate from the line
// through their neighbours by a median of 660 m, so the real border, and an area drawn along it,
// runs up to several hundred metres on either side of the generalised one. 1,000 m accepts such
// areas with room to spare and still refuses every part that lies elsewhere (the district's
// neighbour, Paris, a rectangle over half of Thuringia).
const DistrictTolerance = 1000.0

// sampleStep is how far apart, in metres, the points are at which an edge of an area is checked:
// at its ends and every sampleStep along it, so no stretch of the border can slip out between
// two checked points by more than DistrictTolerance + sampleStep/2.
const sampleStep = DistrictTolerance / 4

// Boundary is a district's boundary prepared for checking many areas against it: its edges in
// metres (a local plane around the district, accurate to well under 1% over a district's size) in
// a grid of cells at least DistrictTolerance wide, so a point is located and measured against
// the few edges near it, never against all of them.
type Boundary struct {
	lon0, lat0, kx, ky float64
	segs               []mseg
	minX, minY, cell   float64
	cols, rows         int
	cells              [][]int32 // edges whose bounds touch the cell, row by row
	rowSegs            [][]int32 // edges whose latitudes overlap the row, for point in polygon
	holes              []hole
}

type mseg struct{ a, b orb.Point }

// hole is an inner ring of the district (land of another district it encloses, as Weimarer Land
// encloses Weimar): its ring and its deepest point, with how far that lies from the ring.
type hole struct {
	ring  orb.Ring
	deep  orb.Point // in degrees
	depth float64   // in metres
}

// maxCells bounds the grid of a very large boundary; its cells then get wider than the tolerance.
const maxCells = 256

// NewBoundary prepares a district's boundary (a Polygon or MultiPolygon in longitude and
// latitude); nil for anything else.
func NewBoundary(g orb.Geometry) *Boundary {
	var polys orb.MultiPolygon
	switch v := g.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{v}
	case orb.MultiPolygon:
		polys = v
	default:
		return nil
	}
	if len(polys) == 0 {
		return nil
	}
	bound := polys.Bound()
	c := bound.Center()
	b := &Boundary{lon0: c[0], lat0: c[1], kx: 111320 * math.Cos(c[1]*math.Pi/180), ky: 110574}
	for _, p := range polys {
		for ri, r := range p {
			for i := 0; i+1 < len(r); i++ {
				b.segs = append(b.segs, mseg{b.project(r[i]), b.project(r[i+1])})
			}
			if ri > 0 && len(r) >= 4 {
				b.holes = append(b.holes, b.deepest(r))
			}
		}
	}
	lo, hi := b.project(bound.Min), b.project(bound.Max)
	b.minX, b.minY = lo[0]-DistrictTolerance, lo[1]-DistrictTolerance
	w, h := hi[0]-lo[0]+2*DistrictTolerance, hi[1]-lo[1]+2*DistrictTolerance
	b.cell = math.Max(DistrictTolerance, math.Max(w, h)/maxCells)
	b.cols, b.rows = int(w/b.cell)+1, int(h/b.cell)+1
	b.cells = make([][]int32, b.cols*b.rows)
	b.rowSegs = make([][]int32, b.rows)
	for i, s := range b.segs {
		c0, r0 := b.cellOf(orb.Point{math.Min(s.a[0], s.b[0]), math.Min(s.a[1], s.b[1])})
		c1, r1 := b.cellOf(orb.Point{math.Max(s.a[0], s.b[0]), math.Max(s.a[1], s.b[1])})
		for r := r0; r <= r1; r++ {
			b.rowSegs[r] = append(b.rowSegs[r], int32(i))
			for col := c0; col <= c1; col++ {
				b.cells[r*b.cols+col] = append(b.cells[r*b.cols+col], int32(i))
			}
		}
	}
	return b
}

func (b *Boundary) project(p orb.Point) orb.Point {
	return orb.Point{(p[0] - b.lon0) * b.kx, (p[1] - b.lat0) * b.ky}
}

func (b *Boundary) unproject(p orb.Point) orb.Point {
	return orb.Point{p[0]/b.kx + b.lon0, p[1]/b.ky + b.lat0}
}

// cellOf is the cell of a point in metres, clamped to the grid.
func (b *Boundary) cellOf(p orb.Point) (int, int) {
	clamp := func(v float64, n int) int { return max(0, min(n-1, int(v))) }
	return clamp((p[0]-b.minX)/b.cell, b.cols), clamp((p[1]-b.minY)/b.cell, b.rows)
}

// outside is how far a point (in metres) lies outside the district: 0 inside or on the boundary,
// else its distance to the boundary when that is at most DistrictTolerance, and more than
// DistrictTolerance (the exact distance) otherwise.
func (b *Boundary) outside(p orb.Point) float64 {
	x, y := (p[0]-b.minX)/b.cell, (p[1]-b.minY)/b.cell
	if x < 0 || y < 0 || x >= float64(b.cols) || y >= float64(b.rows) {
		return b.distance(p) // beyond the padded bounds: far out
	}
	col, row := int(x), int(y)
	// Point in polygon: a ray to the east crosses the boundary an odd number of times from inside;
	// only the edges of the point's row can cross it.
	in := false
	for _, i := range b.rowSegs[row] {
		s := b.segs[i]
		if (s.a[1] > p[1]) != (s.b[1] > p[1]) && p[0] < s.a[0]+(p[1]-s.a[1])*(s.b[0]-s.a[0])/(s.b[1]-s.a[1]) {
			in = !in
		}
	}
	if in {
		return 0
	}
	// Cells are at least DistrictTolerance wide, so every edge that near lies in the 3x3 cells
	// around the point.
	best := math.Inf(1)
	for r := max(0, row-1); r <= min(b.rows-1, row+1); r++ {
		for c := max(0, col-1); c <= min(b.cols-1, col+1); c++ {
			for _, i := range b.cells[r*b.cols+c] {
				best = math.Min(best, planar.DistanceFromSegment(b.segs[i].a, b.segs[i].b, p))
			}
		}
	}
	if best <= DistrictTolerance {
		return best
	}
	return b.distance(p)
}

// distance is a point's distance to the nearest edge, measured against all of them: only for a
// point already known to be out of tolerance, so at most once per refused part.
func (b *Boundary) distance(p orb.Point) float64 {
	best := math.Inf(1)
	for _, s := range b.segs {
		best = math.Min(best, planar.DistanceFromSegment(s.a, s.b, p))
	}
	return best
}

// deepest finds, on a grid over the ring, the point inside it farthest from it: for a hole, the
// land of the neighbour that a part must not cover.
func (b *Boundary) deepest(r orb.Ring) hole {
	h := hole{ring: r}
	var m orb.Ring
	for _, p := range r {
		m = append(m, b.project(p))
	}
	bd := m.Bound()
	const n = 32
	for i := 0; i <= n; i++ {
		for j := 0; j <= n; j++ {
			p := orb.Point{bd.Min[0] + (bd.Max[0]-bd.Min[0])*float64(i)/n, bd.Min[1] + (bd.Max[1]-bd.Min[1])*float64(j)/n}
			if !planar.RingContains(m, p) {
				continue
			}
			d := math.Inf(1)
			for k := 0; k+1 < len(m); k++ {
				d = math.Min(d, planar.DistanceFromSegment(m[k], m[k+1], p))
			}
			if d > h.depth {
				h.depth, h.deep = d, b.unproject(p)
			}
		}
	}
	return h
}

// Check enforces that every part of an area (a Polygon or MultiPolygon, already valid) lies in the
// district, up to DistrictTolerance: each position of each part's outer ring, and points every
// sampleStep along its edges, lie inside the boundary or at most DistrictTolerance outside it,
// and no part covers a hole of the district (the neighbour it encloses) deeper than that. An
// area's holes need no check: they lie inside its outer ring. The error (nil when the area is
// inside) says which part is out, where and how far; callers say which area and district.
func (b *Boundary) Check(area orb.Geometry) error {
	var polys orb.MultiPolygon
	multi := false
	switch v := area.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{v}
	case orb.MultiPolygon:
		polys, multi = v, true
	default:
		return errors.New("the geometry is not a Polygon or MultiPolygon")
	}
	if b == nil {
		return errors.New("the district has no boundary to check against")
	}
	allowed := fmt.Sprintf("(a part may stick out by at most %s, as district boundaries are generalised)", metres(DistrictTolerance))
	for pi, p := range polys {
		name := "it"
		if multi {
			name = fmt.Sprintf("part %d", pi+1)
		}
		if len(p) == 0 || len(p[0]) == 0 {
			continue
		}
		if pos, d, out := b.firstOut(p[0]); out {
			return fmt.Errorf("%s reaches %s beyond the boundary, at %s %s", name, metres(d), at(pos), allowed)
		}
		for _, h := range b.holes {
			if h.depth > DistrictTolerance && planar.PolygonContains(p, h.deep) {
				return fmt.Errorf("%s covers land that the district encloses but does not include, up to %s beyond the boundary around %s %s",
					name, metres(h.depth), at(h.deep), allowed)
			}
		}
	}
	return nil
}

// firstOut walks a ring and returns the first checked point that lies more than DistrictTolerance
// outside the district, with its distance.
func (b *Boundary) firstOut(r orb.Ring) (orb.Point, float64, bool) {
	for i := 0; i+1 < len(r); i++ {
		a, c := b.project(r[i]), b.project(r[i+1])
		steps := int(math.Ceil(planar.Distance(a, c) / sampleStep))
		for k := 0; k < max(1, steps); k++ {
			t := float64(k) / float64(max(1, steps))
			p := orb.Point{a[0] + t*(c[0]-a[0]), a[1] + t*(c[1]-a[1])}
			if d := b.outside(p); d > DistrictTolerance {
				return b.unproject(p), d, true
			}
		}
	}
	return orb.Point{}, 0, false
}

func metres(m float64) string {
	if m < 10000 {
		return fmt.Sprintf("%.0f m", m)
	}
	return fmt.Sprintf("%.0f km", m/1000)
}

// Within reports whether every part of an area lies in a district, up to DistrictTolerance (see
// Boundary.Check). To check many areas against one district, prepare it once with NewBoundary.
func Within(area, district orb.Geometry) bool {
	return NewBoundary(district).Check(area) == nil
}
