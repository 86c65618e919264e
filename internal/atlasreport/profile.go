// Package atlasreport renders a district profile (Kreisprofil) of the atlas as a PDF and as an
// XLSX workbook on the server, so that a planner can hand a print-ready profile to a council
// without the browser. It only lays out what it is given: the figures, their disclosure, ranks
// and trends are decided by the atlas service that fills a Profile.
package atlasreport

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// Profile is everything a district profile shows.
type Profile struct {
	AreaKey, AreaName, LandName string
	Generated                   time.Time // shown as the date of the profile
	Groups                      []Group   // one per Lebenslage, in display order
	Sources                     []string  // attribution lines, shown on every page
	Licence                     string    // the licence of the data, shown on every page
	// Outline is the area's boundary as rings of [lon, lat] points, for a small map.
	Outline [][][2]float64
	// Districts are all districts with their class of one indicator, drawn around the area as a
	// choropleth; may be empty, then only the outline is drawn.
	Districts []MapArea
	// MapTitle names the indicator of the choropleth; MapClasses is its number of classes and
	// MapScheme its colour scheme (atlas.SchemeFor of the indicator's direction).
	MapTitle   string
	MapClasses int
	MapScheme  atlas.Scheme
	// TrendYears is the span of the rows' Trend, for the column heading (0: not stated).
	TrendYears int
}

// MapArea is one district of the choropleth.
type MapArea struct {
	Key, Name string
	Rings     [][][2]float64 // [lon, lat]
	Class     int            // 0-based class (atlas.ClassOf), -1 without a value
}

// Group is the table of one Lebenslage.
type Group struct {
	Lebenslage string // the key (atlas.Lebenslage)
	Title      string // its German name, e.g. "Einkommen und Armut"
	Rows       []Row
}

// Row is one indicator of the area.
type Row struct {
	Key, Name, Unit string
	Year            int
	Value           *float64      // nil when unknown or suppressed
	Land            *float64      // the Land's value for the same year
	Rank, Of        int           // 1 = best (atlas.Rank); 0 when not ranked
	Trend           *float64      // change over Profile.TrendYears
	Series          []SeriesPoint // oldest first (atlas.Series), for the small chart; fewer than two values: none
	Suppressed      bool          // withheld by disclosure control: shown as "geheim" without a value
}

// SeriesPoint is one point of a row's time series for the small chart.
type SeriesPoint struct {
	Year  int
	Value *float64 // nil: a gap
	Break bool     // the boundary changed since the previous point (atlas.Point.Break)
}

// Secret is how a withheld value is shown.
const Secret = "geheim"

// dash stands for a missing figure.
const dash = "–"

// formatNumber writes v the German way: decimal comma, a point between thousands, at most two
// decimals and no trailing zeros ("5,19", "12.345", "0,5").
func formatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dash
	}
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "," + frac
	}
	if out == "0" {
		sign = "" // no "-0" after rounding
	}
	return sign + out
}

// formatValue is a value, or the dash.
func formatValue(v *float64) string {
	if v == nil {
		return dash
	}
	return formatNumber(*v)
}

// formatTrend is a change with its sign.
func formatTrend(v *float64) string {
	if v == nil {
		return dash
	}
	s := formatNumber(*v)
	if *v > 0 && s != "0" {
		s = "+" + s
	}
	return s
}

// formatRank is "3 von 22".
func formatRank(r Row) string {
	if r.Rank <= 0 || r.Of <= 0 {
		return dash
	}
	return strconv.Itoa(r.Rank) + " von " + strconv.Itoa(r.Of)
}

// formatDate is the German date.
func formatDate(t time.Time) string { return t.Format("02.01.2006") }

// trendHeading names the trend column.
func trendHeading(years int) string {
	if years > 0 {
		return "Veränderung " + strconv.Itoa(years) + " J."
	}
	return "Veränderung"
}

// title is the profile's heading.
func (p Profile) title() string { return "Kreisprofil " + p.AreaName }
