package planning

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Errors of an area's outline. Both are the input's fault (422): the outline is no valid shape,
// or a part of it lies outside the district (beyond DistrictTolerance).
var (
	ErrInvalidGeometry = kernel.New(kernel.KindInvalid, "invalid_geometry", "invalid outline")
	ErrOutsideDistrict = kernel.New(kernel.KindInvalid, "outside_district", "outside district")
)

// ValidateGeometry accepts a Polygon or MultiPolygon whose rings are valid: each has at least four
// positions, is closed, has longitudes and latitudes as coordinates, encloses an area, neither
// crosses itself nor turns back on itself, and crosses no other ring of its polygon; each hole
// lies inside its outer ring, and no two parts cross. Rings that touch at a single point are
// accepted (common in real data and harmless here). The error names the part (of a
// MultiPolygon, counted from 1), the ring (outer ring or hole n) and what is wrong.
//
// Crossings are found with a sweep over the segments sorted by longitude, so a file of many
// rings with thousands of positions is checked in about n log n, not n².
func ValidateGeometry(g orb.Geometry) error {
	var polys orb.MultiPolygon
	multi := false
	switch v := g.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{v}
	case orb.MultiPolygon:
		polys, multi = v, true
	case nil:
		return errors.New("geometry is missing")
	default:
		return fmt.Errorf("geometry is a %s, not a Polygon or MultiPolygon", g.GeoJSONType())
	}
	if len(polys) == 0 {
		return errors.New("geometry has no polygons")
	}
	var segs []segment
	for pi, p := range polys {
		if len(p) == 0 {
			if multi {
				return fmt.Errorf("part %d has no rings", pi+1)
			}
			return errors.New("the polygon has no rings")
		}
		for ri, r := range p {
			where := partName(multi, pi) + ringName(ri)
			switch {
			case len(r) < 4:
				return fmt.Errorf("%s has %d positions; a ring needs at least 4", where, len(r))
			case !r.Closed():
				return fmt.Errorf("%s is not closed (its first and last positions differ)", where)
			}
			for _, pt := range r {
				if !(pt.Lon() >= -180 && pt.Lon() <= 180 && pt.Lat() >= -90 && pt.Lat() <= 90) {
					return fmt.Errorf("%s has the invalid position %v", where, pt)
				}
			}
			var err error
			if segs, err = appendRing(segs, r, pi, ri, where); err != nil {
				return err
			}
		}
	}
	if c, ok := firstCrossing(segs); ok {
		return c.describe(multi)
	}
	for pi, p := range polys {
		for ri, r := range p {
			if planar.Area(r) == 0 {
				return fmt.Errorf("%s%s encloses no area", partName(multi, pi), ringName(ri))
			}
		}
		for ri := 1; ri < len(p); ri++ {
			if !planar.RingContains(p[0], p[ri][0]) {
				return fmt.Errorf("%s%s lies outside its outer ring", partName(multi, pi), ringName(ri))
			}
		}
	}
	return nil
}

func partName(multi bool, i int) string {
	if !multi {
		return ""
	}
	return fmt.Sprintf("part %d, ", i+1)
}

func ringName(i int) string {
	if i == 0 {
		return "outer ring"
	}
	return fmt.Sprintf("hole %d", i)
}

// segment is one edge of a ring: the ring's part and ring numbers, its place in the ring (with
// repeated positions dropped) and the ring's number of edges, to know its neighbours.
type segment struct {
	a, b                   orb.Point
	part, ring, i, n, base int // base: the index of the ring's first edge in the list of all
}

func (s segment) minX() float64 { return math.Min(s.a[0], s.b[0]) }
func (s segment) maxX() float64 { return math.Max(s.a[0], s.b[0]) }

// appendRing adds the ring's edges, refusing a ring that turns back on itself (a spike: an edge
// that runs back along the one before it).
func appendRing(segs []segment, r orb.Ring, part, ring int, where string) ([]segment, error) {
	pts := make([]orb.Point, 0, len(r))
	for _, p := range r {
		if len(pts) == 0 || p != pts[len(pts)-1] {
			pts = append(pts, p)
		}
	}
	n, base := len(pts)-1, len(segs)
	if n < 3 {
		return nil, fmt.Errorf("%s has fewer than 3 different positions", where)
	}
	for i := 0; i < n; i++ {
		a, b, c := pts[(i+n-1)%n], pts[i], pts[i+1]
		if orient(a, b, c) == 0 && (c[0]-b[0])*(a[0]-b[0])+(c[1]-b[1])*(a[1]-b[1]) > 0 {
			return nil, fmt.Errorf("%s turns back on itself at %s", where, at(b))
		}
		segs = append(segs, segment{a: pts[i], b: pts[i+1], part: part, ring: ring, i: i, n: n, base: base})
	}
	return segs, nil
}

// crossing is where two edges meet in a way a valid outline does not allow.
type crossing struct {
	s, t segment
	at   orb.Point
}

func (c crossing) describe(multi bool) error {
	s, t := c.s, c.t
	if s.part != t.part {
		if s.part > t.part {
			s, t = t, s
		}
		return fmt.Errorf("part %d crosses part %d at %s", t.part+1, s.part+1, at(c.at))
	}
	where := partName(multi, s.part)
	if s.ring == t.ring {
		return fmt.Errorf("%s%s crosses itself at %s", where, ringName(s.ring), at(c.at))
	}
	if s.ring > t.ring {
		s, t = t, s
	}
	return fmt.Errorf("%s%s crosses the %s at %s", where, ringName(t.ring), ringName(s.ring), at(c.at))
}

// at formats a position as longitude, latitude.
func at(p orb.Point) string { return fmt.Sprintf("%.5f, %.5f", p[0], p[1]) }

// firstCrossing sweeps the edges from west to east, comparing each only with the edges whose
// longitudes overlap its own.
func firstCrossing(segs []segment) (crossing, bool) {
	order := make([]int, len(segs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return segs[order[i]].minX() < segs[order[j]].minX() })
	var active []int
	for _, i := range order {
		s := segs[i]
		x := s.minX()
		kept := active[:0]
		for _, j := range active {
			if segs[j].maxX() >= x {
				kept = append(kept, j)
			}
		}
		active = kept
		for _, j := range active {
			if c, bad := meet(segs, segs[j], s); bad {
				return c, true
			}
		}
		active = append(active, i)
	}
	return crossing{}, false
}

// neighbours reports whether two edges follow each other in their ring.
func neighbours(s, t segment) bool {
	if s.part != t.part || s.ring != t.ring {
		return false
	}
	d := s.i - t.i
	return d == 1 || d == -1 || d == s.n-1 || d == 1-s.n
}

// meet decides about two edges: a proper crossing is refused, and so is an overlap along a stretch
// within one polygon (edges of different parts may share a stretch); touching at one point is
// accepted unless the ring passes through the other edge there.
func meet(all []segment, s, t segment) (crossing, bool) {
	if math.Max(s.a[1], s.b[1]) < math.Min(t.a[1], t.b[1]) || math.Max(t.a[1], t.b[1]) < math.Min(s.a[1], s.b[1]) || neighbours(s, t) {
		return crossing{}, false
	}
	o1, o2 := orient(s.a, s.b, t.a), orient(s.a, s.b, t.b)
	o3, o4 := orient(t.a, t.b, s.a), orient(t.a, t.b, s.b)
	switch {
	case o1*o2 < 0 && o3*o4 < 0:
		return crossing{s, t, intersection(s, t)}, true
	case o1 == 0 && o2 == 0:
		if p, ok := overlap(s, t); ok && s.part == t.part {
			return crossing{s, t, p}, true
		}
		return crossing{}, false
	}
	// A position of one edge lies inside the other edge: the ring crosses there when the edges
	// before and after that position end on different sides.
	for _, c := range [][2]segment{{s, t}, {t, s}} {
		e, other := c[0], c[1]
		for _, v := range []orb.Point{e.a, e.b} {
			if orient(other.a, other.b, v) != 0 || !strictlyInside(other, v) {
				continue
			}
			far1, far2 := farEnd(e, v), farEnd(nextAt(all, e, v), v)
			if orient(other.a, other.b, far1)*orient(other.a, other.b, far2) < 0 {
				return crossing{e, other, v}, true
			}
		}
	}
	return crossing{}, false
}

// nextAt finds the other edge of e's ring that meets e at its end v.
func nextAt(all []segment, e segment, v orb.Point) segment {
	want := (e.i + 1) % e.n
	if v == e.a {
		want = (e.i + e.n - 1) % e.n
	}
	return all[e.base+want]
}

func farEnd(s segment, v orb.Point) orb.Point {
	if s.a == v {
		return s.b
	}
	return s.a
}

// strictlyInside reports whether v, on the line of s, lies between its ends.
func strictlyInside(s segment, v orb.Point) bool {
	if v == s.a || v == s.b {
		return false
	}
	return math.Min(s.a[0], s.b[0]) <= v[0] && v[0] <= math.Max(s.a[0], s.b[0]) &&
		math.Min(s.a[1], s.b[1]) <= v[1] && v[1] <= math.Max(s.a[1], s.b[1])
}

// overlap reports whether two collinear edges share a stretch longer than a point, and where.
func overlap(s, t segment) (orb.Point, bool) {
	axis := 0
	if math.Abs(s.b[0]-s.a[0]) < math.Abs(s.b[1]-s.a[1]) {
		axis = 1
	}
	lo := math.Max(math.Min(s.a[axis], s.b[axis]), math.Min(t.a[axis], t.b[axis]))
	hi := math.Min(math.Max(s.a[axis], s.b[axis]), math.Max(t.a[axis], t.b[axis]))
	if hi <= lo {
		return orb.Point{}, false
	}
	for _, p := range []orb.Point{t.a, t.b, s.a, s.b} {
		if p[axis] >= lo && p[axis] <= hi {
			return p, true
		}
	}
	return orb.Point{}, false
}

// orient is the sign of the turn a, b, c: > 0 left, < 0 right, 0 straight.
func orient(a, b, c orb.Point) float64 {
	v := (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func intersection(s, t segment) orb.Point {
	d := (s.b[0]-s.a[0])*(t.b[1]-t.a[1]) - (s.b[1]-s.a[1])*(t.b[0]-t.a[0])
	u := ((t.a[0]-s.a[0])*(t.b[1]-t.a[1]) - (t.a[1]-s.a[1])*(t.b[0]-t.a[0])) / d
	return orb.Point{s.a[0] + u*(s.b[0]-s.a[0]), s.a[1] + u*(s.b[1]-s.a[1])}
}
