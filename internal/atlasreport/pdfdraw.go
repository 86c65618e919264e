package atlasreport

import (
	"math"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// rgb is a colour of the printed map.
type rgb struct{ r, g, b int }

// The palettes of the printed choropleth, from low to high values. The browser has its own; the
// print only has to follow the same scheme names (sequential: light to dark; diverging: cool to
// warm, so that with atlas.SchemeFor warm always means worse).
var (
	sequential = []rgb{{239, 243, 255}, {198, 219, 239}, {158, 202, 225}, {107, 174, 214}, {66, 146, 198}, {33, 113, 181}, {8, 69, 148}}
	diverging  = []rgb{{69, 117, 180}, {145, 191, 219}, {224, 243, 248}, {255, 255, 191}, {254, 224, 144}, {252, 141, 89}, {215, 48, 39}}
	noValue    = rgb{225, 225, 225}
)

// classColour is the colour of class i of k in the scheme.
func classColour(s atlas.Scheme, i, k int) rgb {
	pal := sequential
	if s.Name == atlas.SchemeDiverging {
		pal = diverging
	}
	if i < 0 || i >= k {
		return noValue
	}
	if s.Reversed {
		i = k - 1 - i
	}
	if k == 1 {
		return pal[len(pal)/2]
	}
	return pal[int(math.Round(float64(i)*float64(len(pal)-1)/float64(k-1)))]
}

// legendH is the height of the legend under the map (none without a choropleth).
func legendH(p Profile) float64 {
	if len(p.Districts) == 0 || p.MapClasses < 1 {
		return 0
	}
	return 9
}

// projection maps [lon, lat] into a box, keeping the shape (longitudes shortened by the cosine of
// the middle latitude, which is close enough at the scale of a Land).
type projection struct{ x0, y0, lon0, lat1, kx, ky float64 }

func newProjection(rings [][][2]float64, x, y, w, h float64) (projection, bool) {
	minLon, minLat, maxLon, maxLat := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, ring := range rings {
		for _, pt := range ring {
			minLon, maxLon = math.Min(minLon, pt[0]), math.Max(maxLon, pt[0])
			minLat, maxLat = math.Min(minLat, pt[1]), math.Max(maxLat, pt[1])
		}
	}
	if minLon > maxLon {
		return projection{}, false
	}
	c := math.Cos((minLat + maxLat) / 2 * math.Pi / 180)
	dx, dy := math.Max((maxLon-minLon)*c, 1e-9), math.Max(maxLat-minLat, 1e-9)
	s := math.Min(w/dx, h/dy)
	return projection{x0: x + (w-dx*s)/2, y0: y + (h-dy*s)/2, lon0: minLon, lat1: maxLat, kx: s * c, ky: s}, true
}

func (pr projection) at(pt [2]float64) (float64, float64) {
	return pr.x0 + (pt[0]-pr.lon0)*pr.kx, pr.y0 + (pr.lat1-pt[1])*pr.ky
}

// drawMap draws the districts' choropleth (if given) with the area's outline on top.
func (d *doc) drawMap(x, y, w, h float64) {
	f := d.f
	all := append([][][2]float64(nil), d.p.Outline...)
	for _, a := range d.p.Districts {
		all = append(all, a.Rings...)
	}
	pr, ok := newProjection(all, x, y, w, h)
	if !ok {
		return
	}
	f.SetLineWidth(0.15)
	f.SetDrawColor(255, 255, 255)
	for _, a := range d.p.Districts {
		c := classColour(d.p.MapScheme, a.Class, d.p.MapClasses)
		f.SetFillColor(c.r, c.g, c.b)
		d.path(pr, a.Rings, "DF*")
	}
	f.SetLineWidth(0.6)
	f.SetDrawColor(20, 20, 20)
	style := "D"
	if len(d.p.Districts) == 0 {
		f.SetFillColor(198, 219, 239)
		style = "DF*"
	}
	d.path(pr, d.p.Outline, style)
	d.legend(x, y+h+1, w)
}

// path draws rings as one path, so that holes (a city inside its Landkreis) stay holes.
func (d *doc) path(pr projection, rings [][][2]float64, style string) {
	drawn := false
	for _, ring := range rings {
		if len(ring) < 3 {
			continue
		}
		for i, pt := range ring {
			px, py := pr.at(pt)
			if i == 0 {
				d.f.MoveTo(px, py)
			} else {
				d.f.LineTo(px, py)
			}
		}
		d.f.ClosePath()
		drawn = true
	}
	if drawn {
		d.f.DrawPath(style)
	}
}

// legend names the choropleth's indicator and shows its classes from low to high.
func (d *doc) legend(x, y, w float64) {
	if legendH(d.p) == 0 {
		return
	}
	f := d.f
	f.SetFont("Helvetica", "", 6.5)
	f.SetXY(x, y)
	f.CellFormat(w, 3.5, d.fit(d.p.MapTitle, w), "", 2, "L", false, 0, "")
	k := d.p.MapClasses
	box := math.Min(6, (w-24)/float64(k))
	f.SetLineWidth(0.1)
	f.SetDrawColor(150, 150, 150)
	f.CellFormat(11, 4, d.tr("niedrig"), "", 0, "L", false, 0, "")
	for i := 0; i < k; i++ {
		c := classColour(d.p.MapScheme, i, k)
		f.SetFillColor(c.r, c.g, c.b)
		f.Rect(x+11+float64(i)*box, y+4, box, 3.5, "DF")
	}
	f.SetX(x + 12 + float64(k)*box)
	f.CellFormat(10, 4, d.tr("hoch"), "", 0, "L", false, 0, "")
}

// Geometry of the small line charts: two side by side.
const (
	chartW = (contentW - 8) / 2
	chartH = 34.0
)

// charts draws a small line chart for every row with at least two values in its series.
func (d *doc) charts(rows []Row) {
	col, top := 0, 0.0
	for _, r := range rows {
		if r.Suppressed || countValues(r.Series) < 2 {
			continue
		}
		if col == 0 {
			d.need(chartH + 4)
			top = d.f.GetY()
		}
		d.chart(r, margin+float64(col)*(chartW+8), top, chartW, chartH)
		col = 1 - col
		d.f.SetY(top) // the chart moved the cursor; the next one sits beside it or below
		if col == 0 {
			d.f.SetY(top + chartH + 4)
		}
	}
	if col == 1 {
		d.f.SetY(top + chartH + 4)
	}
}

func countValues(s []SeriesPoint) int {
	n := 0
	for _, p := range s {
		if p.Value != nil {
			n++
		}
	}
	return n
}

// chart draws one series (in the order given, oldest first): title, y range, first and last year, the line with gaps where values
// are missing, and a dashed line where the boundary changed (the line is not drawn across it).
func (d *doc) chart(r Row, x, y, w, h float64) {
	f := d.f
	f.SetFont("Helvetica", "B", 7)
	f.SetXY(x, y)
	title := r.Name
	if r.Unit != "" {
		title += " (" + r.Unit + ")"
	}
	f.CellFormat(w, 4, d.fit(title, w), "", 0, "L", false, 0, "")
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range r.Series {
		if p.Value != nil {
			lo, hi = math.Min(lo, *p.Value), math.Max(hi, *p.Value)
		}
	}
	if hi-lo < 1e-9 {
		pad := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	px, py, pw, ph := x+14, y+6, w-16, h-12 // the plot area, with room for the axis labels
	first, last := r.Series[0].Year, r.Series[len(r.Series)-1].Year
	sx := func(year int) float64 {
		if last == first {
			return px + pw/2
		}
		return px + pw*float64(year-first)/float64(last-first)
	}
	sy := func(v float64) float64 { return py + ph*(hi-v)/(hi-lo) }
	f.SetFont("Helvetica", "", 6)
	f.SetDrawColor(180, 180, 180)
	f.SetLineWidth(0.15)
	f.Rect(px, py, pw, ph, "D")
	f.SetXY(x, py-1.5)
	f.CellFormat(13, 3, d.tr(formatNumber(hi)), "", 0, "R", false, 0, "")
	f.SetXY(x, py+ph-1.5)
	f.CellFormat(13, 3, d.tr(formatNumber(lo)), "", 0, "R", false, 0, "")
	f.SetXY(px, py+ph+0.5)
	f.CellFormat(pw/2, 3, strconv.Itoa(first), "", 0, "L", false, 0, "")
	f.CellFormat(pw/2, 3, strconv.Itoa(last), "", 0, "R", false, 0, "")
	f.SetLineWidth(0.5)
	f.SetDrawColor(33, 113, 181)
	f.SetFillColor(33, 113, 181)
	var prev *SeriesPoint
	for i := range r.Series {
		p := &r.Series[i]
		if p.Break {
			bx := (sx(p.Year) + sx(r.Series[max(i-1, 0)].Year)) / 2
			f.SetDashPattern([]float64{0.8, 0.8}, 0)
			f.SetLineWidth(0.2)
			f.Line(bx, py, bx, py+ph)
			f.SetDashPattern(nil, 0)
			f.SetLineWidth(0.5)
			prev = nil
		}
		if p.Value == nil {
			prev = nil
			continue
		}
		if prev != nil {
			f.Line(sx(prev.Year), sy(*prev.Value), sx(p.Year), sy(*p.Value))
		}
		f.Circle(sx(p.Year), sy(*p.Value), 0.5, "F")
		prev = p
	}
	f.SetDrawColor(0, 0, 0)
}
