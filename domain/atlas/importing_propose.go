package atlas

import (
	"strconv"
	"strings"
)

// headerRoles are the column names that statistical offices, INKAR and districts' own tables
// use, normalised by NormaliseHeader.
var headerRoles = map[string]Role{
	"ags": RoleArea, "kreisschluessel": RoleArea, "schluessel": RoleArea, "key": RoleArea, "area": RoleArea,
	"gebiet": RoleArea, "code": RoleArea, "sozialraum": RoleArea, "ars": RoleArea, "regionalschluessel": RoleArea,
	"gebietsschluessel": RoleArea, "area_key": RoleArea,
	"name": RoleName, "kreis_name": RoleName, "gebietsname": RoleName, "area_name": RoleName, "kreisname": RoleName,
	"jahr": RoleYear, "year": RoleYear,
	"datum": RoleDate, "stichtag": RoleDate, "date": RoleDate,
	"indikator": RoleIndicator, "indicator": RoleIndicator, "merkmal": RoleIndicator,
	"wert": RoleValue, "value": RoleValue,
	"zaehler": RoleNumerator, "numerator": RoleNumerator,
	"nenner": RoleDenominator, "denominator": RoleDenominator,
	"gebietsstand": RoleBoundary, "boundary": RoleBoundary,
}

// ProposeMapping guesses a mapping from the header for the person to confirm: known column names
// (German and English) get their roles; without a value column, headers that are years make the
// file wide by years, and headers that are indicator keys, alone or as "<key>_<year>", make it
// wide by indicators. Every other column is ignored.
func ProposeMapping(header []string, k Known) Mapping {
	m := Mapping{Format: FormatLong, Columns: make([]Role, len(header))}
	keys, years := make([]string, len(header)), make([]int, len(header))
	nYears, nKeys := 0, 0
	taken := map[Role]bool{}
	for i, h := range header {
		n := NormaliseHeader(h)
		m.Columns[i] = RoleIgnore
		if r, ok := headerRoles[n]; ok && !taken[r] {
			m.Columns[i], taken[r] = r, true
			continue
		}
		if y, err := strconv.Atoi(n); err == nil && len(n) == 4 && yearPlausible(y, k) {
			years[i] = y
			nYears++
			continue
		}
		if _, ok := k.Indicators[n]; ok {
			keys[i] = n
			nKeys++
		} else if cut := len(n) - 5; cut > 0 && n[cut] == '_' && digits(n[cut+1:]) {
			y, _ := strconv.Atoi(n[cut+1:])
			if _, ok := k.Indicators[n[:cut]]; ok && yearPlausible(y, k) {
				keys[i], years[i] = n[:cut], y
				nKeys++
			}
		}
	}
	switch {
	case taken[RoleValue] || nYears+nKeys == 0:
		return m
	case nYears >= nKeys:
		m.Wide = WideYears
		for i := range keys {
			keys[i] = ""
		}
	default:
		m.Wide = WideIndicators
	}
	m.Format, m.ColumnKeys, m.ColumnYears = FormatWide, keys, years
	fileYear := -1
	for i := range header {
		if (m.Wide == WideYears && years[i] == 0) || (m.Wide == WideIndicators && keys[i] == "") {
			years[i] = 0
			continue
		}
		m.Columns[i] = RoleValue
		if fileYear == -1 || fileYear == years[i] {
			fileYear = years[i]
		} else {
			fileYear = 0
		}
	}
	if m.Wide == WideIndicators && fileYear > 0 && !taken[RoleYear] && !taken[RoleDate] {
		m.Year = fileYear // every column names the same year: the file's year
	}
	return m
}

func yearPlausible(y int, k Known) bool {
	return (k.MinYear == 0 || y >= k.MinYear) && (k.MaxYear == 0 || y <= k.MaxYear) && y >= 1800 && y <= 2200
}

// NormaliseHeader makes a column header comparable: lower case, umlauts and ß spelt out (also
// when written with a combining diaeresis), and runs of spaces, hyphens, dots and slashes as one
// "_", so "Kreis-Schlüssel" and "kreisschluessel" differ only where their words do.
func NormaliseHeader(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	gap := false
	for _, r := range strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) {
		rep := ""
		switch r {
		case 'ä':
			rep = "ae"
		case 'ö':
			rep = "oe"
		case 'ü':
			rep = "ue"
		case 'ß':
			rep = "ss"
		case '\u0308': // a combining diaeresis after a, o, u
			rep = "e"
		case ' ', '-', '.', '/', '_', '\u00a0':
			gap = b.Len() > 0
			continue
		}
		if gap {
			b.WriteByte('_')
			gap = false
		}
		if rep != "" {
			b.WriteString(rep)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ValueSamples returns up to n non-empty cells of the mapping's value, numerator and denominator
// columns in file order: what DetectGerman needs to tell the file's number convention.
func ValueSamples(rows [][]string, m Mapping, n int) []string {
	var out []string
	for _, row := range rows {
		for i, c := range row {
			if i >= len(m.Columns) || len(out) >= n {
				break
			}
			r := m.Columns[i]
			if (r == RoleValue || r == RoleNumerator || r == RoleDenominator) && strings.TrimSpace(c) != "" {
				out = append(out, c)
			}
		}
		if len(out) >= n {
			break
		}
	}
	return out
}
