package atlas

import (
	"strconv"
	"strings"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// interpreter holds what Interpret resolves once: the plan of the columns and caches of areas,
// indicators and dates by their cell's text, so a million cells cost a million map lookups and
// no allocation beyond the values.
type interpreter struct {
	k                Known
	german           bool
	header           []string
	minYear, maxYear int
	problems         problemList
	cols             map[Role]int
	values           []valueColumn
	indCache         map[string]*indicatorRef
	indByKey         map[string]*indicatorRef
	areaCache        map[string]areaRef
	areaIdx          map[AreaKey]int
	dateCache        map[string]dateRef
	slab             []float64
	dups             *dupIndex
}

type areaRef struct {
	key   AreaKey
	level Level
	idx   int
	ok    bool
}

type dateRef struct {
	iso  string
	year int
	ok   bool
}

// run reads the rows by the plan.
func (in *interpreter) run(rows [][]string) []Value {
	p, h := &in.problems, in.header
	col := func(r Role) int {
		if i, ok := in.cols[r]; ok {
			return i
		}
		return -1
	}
	areaCol, yearCol, dateCol, indCol := col(RoleArea), col(RoleYear), col(RoleDate), col(RoleIndicator)
	numCol, denCol, boundCol := col(RoleNumerator), col(RoleDenominator), col(RoleBoundary)
	n := in.valueCells(rows) // sizes the result once: no growth, and nothing for empty cells
	in.dups = newDupIndex(in.minYear, in.maxYear)
	out, lines := make([]Value, 0, n), make([]int32, 0, n)
	for ri, row := range rows {
		line := ri + 2
		if len(row) != len(h) {
			if blankRow(row) {
				continue // a blank line is no row of another length
			}
			p.add(line, "", ProblemRowLength, "Die Zeile hat %d Felder, die Kopfzeile %d", len(row), len(h))
			continue
		}
		if !in.anyValue(row) {
			continue
		}
		ok := true
		area := in.area(row[areaCol])
		if !area.ok {
			ok = false
			p.add(line, h[areaCol], ProblemUnknownArea, "Gebiet %q ist unbekannt oder nicht freigegeben", strings.TrimSpace(row[areaCol]))
		}
		rowYear, yearBad := 0, false
		if yearCol >= 0 {
			c := strings.TrimSpace(row[yearCol])
			y, err := strconv.Atoi(c)
			if yearBad = err != nil || !in.yearOK(y); yearBad {
				p.add(line, h[yearCol], ProblemBadYear, "%q ist kein Jahr zwischen %d und %d", c, in.minYear, in.maxYear)
			} else {
				rowYear = y
			}
		}
		var date dateRef
		dateEmpty := dateCol >= 0 && strings.TrimSpace(row[dateCol]) == ""
		if dateCol >= 0 && !dateEmpty {
			if date = in.date(row[dateCol]); !date.ok {
				yearBad = true
				p.add(line, h[dateCol], ProblemBadDate, "%q ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)", strings.TrimSpace(row[dateCol]))
			} else if rowYear == 0 && !yearBad {
				rowYear = date.year
			}
		}
		ok = ok && !yearBad
		var rowInd *indicatorRef
		if indCol >= 0 {
			if rowInd = in.indicator(row[indCol]); rowInd == nil {
				ok = false
				p.add(line, h[indCol], ProblemUnknownIndicator, "Indikator %q ist nicht im Katalog", strings.TrimSpace(row[indCol]))
			}
		}
		num, numOK := in.optional(row, numCol, line)
		den, denOK := in.optional(row, denCol, line)
		ok = ok && numOK && denOK
		boundary := ""
		if boundCol >= 0 {
			if boundary = strings.TrimSpace(row[boundCol]); kernel.Chars(boundary) > MaxShort {
				ok = false
				p.add(line, h[boundCol], ProblemBadBoundary, "Der Gebietsstand hat mehr als %d Zeichen", MaxShort)
			}
		}
		for _, vc := range in.values {
			cell := strings.TrimSpace(row[vc.col])
			if cell == "" {
				continue
			}
			ind, year, cellOK := vc.ind, vc.year, ok
			if ind == nil {
				ind = rowInd
			}
			if year == 0 {
				year = rowYear
			}
			if year == 0 && dateEmpty && !yearBad {
				cellOK = false
				p.add(line, h[dateCol], ProblemBadDate, "Die Zeile nennt weder Jahr noch Stichtag")
			}
			if year != 0 && date.ok && date.year != year {
				cellOK = false
				p.add(line, h[dateCol], ProblemBadDate, "Der Stichtag %s liegt nicht im Jahr %d", date.iso, year)
			}
			f, has, flag, why := parseNumber(cell, in.german)
			if why != "" {
				p.add(line, h[vc.col], ProblemNotANumber, "%q ist keine Zahl (%s)", cell, why)
				continue
			}
			if ind == nil || year == 0 {
				continue // reported with the row or the header
			}
			if has && !inRange(ind.Indicator, f) {
				p.add(line, h[vc.col], ProblemOutOfRange, "%s liegt außerhalb des plausiblen Bereichs von %s", cell, ind.Key)
				continue
			}
			if !cellOK {
				continue
			}
			if ind.DistrictKey != "" && area.key.District() != ind.DistrictKey {
				p.add(line, h[areaCol], ProblemUnknownArea, "%s ist ein Indikator des Kreises %s; %s liegt nicht dort", ind.Key, ind.DistrictKey, area.key)
				continue
			}
			if !levelPublished(ind.Levels, area.level) {
				p.add(line, h[vc.col], ProblemLevelNotPublished, "%s wird für die Ebene %s nicht veröffentlicht", ind.Key, area.level)
				continue
			}
			if k := (dupKey{ind: ind.idx, area: area.idx, year: year}); in.dups.add(k) {
				in.duplicate(line, h[vc.col], k, ind, area.key)
				continue
			}
			v := Value{Indicator: ind.Key, Area: area.key, Year: year, Date: date.iso, Flag: flag,
				Numerator: num, Denominator: den, Boundary: boundary}
			if has {
				v.Value = in.float(f)
			}
			out, lines = append(out, v), append(lines, int32(line))
		}
	}
	in.nameFirstLines(out, lines)
	return out
}

// valueCells counts the non-empty value cells of the rows of the header's length: an upper
// bound of the values.
func (in *interpreter) valueCells(rows [][]string) int {
	n := 0
	for _, row := range rows {
		if len(row) != len(in.header) {
			continue
		}
		for _, vc := range in.values {
			if strings.TrimSpace(row[vc.col]) != "" {
				n++
			}
		}
	}
	return n
}

// anyValue says whether a row has a value cell to read; rows without one (blank lines, totals
// without figures) are passed over without complaint, as nothing of them would be imported.
func (in *interpreter) anyValue(row []string) bool {
	for _, vc := range in.values {
		if strings.TrimSpace(row[vc.col]) != "" {
			return true
		}
	}
	return false
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// optional reads a numerator or denominator cell: empty and the symbols without a number are nil.
func (in *interpreter) optional(row []string, col, line int) (*float64, bool) {
	if col < 0 || strings.TrimSpace(row[col]) == "" {
		return nil, true
	}
	f, has, _, why := parseNumber(row[col], in.german)
	if why != "" {
		in.problems.add(line, in.header[col], ProblemNotANumber, "%q ist keine Zahl (%s)", strings.TrimSpace(row[col]), why)
		return nil, false
	}
	if !has {
		return nil, true
	}
	return in.float(f), true
}

// float stores a number in a slab, so a million values make a few hundred allocations.
func (in *interpreter) float(f float64) *float64 {
	if len(in.slab) == cap(in.slab) {
		in.slab = make([]float64, 0, 4096)
	}
	in.slab = append(in.slab, f)
	return &in.slab[len(in.slab)-1]
}

func levelPublished(levels []Level, l Level) bool {
	if len(levels) == 0 {
		return true // an indicator without levels restricts none
	}
	for _, x := range levels {
		if x == l {
			return true
		}
	}
	return false
}

// inRange checks a value against the indicator's plausible range; a share is a percentage.
func inRange(ind Indicator, f float64) bool {
	if ind.Kind == KindShare && (f < 0 || f > 100) {
		return false
	}
	return (ind.PlausibleMin == nil || f >= *ind.PlausibleMin) && (ind.PlausibleMax == nil || f <= *ind.PlausibleMax)
}

// area resolves an area cell to a key the import may write, once per distinct text. Besides the
// atlas's own keys it reads the 8-digit municipal form of a district ("16051000") and, in a
// district's import, a bare social-area code.
func (in *interpreter) area(cell string) areaRef {
	if r, ok := in.areaCache[cell]; ok {
		return r
	}
	if in.areaCache == nil {
		in.areaCache, in.areaIdx = map[string]areaRef{}, map[AreaKey]int{}
	}
	s := strings.TrimSpace(cell)
	key := AreaKey(s)
	switch {
	case key.Level() != "":
	case s == "16000000":
		key = LandKey
	case len(s) == 8 && strings.HasSuffix(s, "000") && AreaKey(s[:5]).Level() == LevelDistrict:
		key = AreaKey(s[:5])
	case in.k.DistrictKey != "" && s != "" && !strings.ContainsAny(s, "/:"):
		key = DistrictArea(in.k.DistrictKey, s)
	}
	r := areaRef{key: key, level: key.Level()}
	if _, r.ok = in.k.Areas[key]; r.ok && r.level != "" {
		idx, seen := in.areaIdx[key]
		if !seen {
			idx = len(in.areaIdx)
			in.areaIdx[key] = idx
		}
		r.idx = idx
	} else {
		r.ok = false
	}
	in.areaCache[cell] = r
	return r
}

// date reads "YYYY-MM-DD" or "D.M.YYYY", once per distinct text.
func (in *interpreter) date(cell string) dateRef {
	if r, ok := in.dateCache[cell]; ok {
		return r
	}
	if in.dateCache == nil {
		in.dateCache = map[string]dateRef{}
	}
	r := parseDate(strings.TrimSpace(cell))
	r.ok = r.ok && in.yearOK(r.year)
	in.dateCache[cell] = r
	return r
}

func parseDate(s string) dateRef {
	var y, m, d string
	if a, b, c, ok := split3(s, '-'); ok && len(a) == 4 && len(b) == 2 && len(c) == 2 {
		y, m, d = a, b, c
	} else if a, b, c, ok := split3(s, '.'); ok && len(a) <= 2 && len(b) <= 2 && len(c) == 4 {
		d, m, y = a, b, c
	} else {
		return dateRef{}
	}
	if !digits(y) || !digits(m) || !digits(d) {
		return dateRef{}
	}
	yi, mi, di := atoi(y), atoi(m), atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > daysIn(yi, mi) {
		return dateRef{}
	}
	return dateRef{iso: y + "-" + pad(mi) + "-" + pad(di), year: yi, ok: true}
}

// split3 cuts s at sep into exactly three parts, without allocating.
func split3(s string, sep byte) (a, b, c string, ok bool) {
	i := strings.IndexByte(s, sep)
	if i < 0 {
		return "", "", "", false
	}
	j := strings.IndexByte(s[i+1:], sep)
	if j < 0 || strings.IndexByte(s[i+1+j+1:], sep) >= 0 {
		return "", "", "", false
	}
	return s[:i], s[i+1 : i+1+j], s[i+1+j+1:], true
}

// atoi reads a short string of digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// pad writes a month or day with two digits.
func pad(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
