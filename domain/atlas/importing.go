package atlas

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Errors of reading an import file; the reader wraps them with what it found.
var (
	ErrUnreadableFile = kernel.New(kernel.KindInvalid, "atlas_file_unreadable", "the file cannot be read as CSV or XLSX")
	ErrFileEmpty      = kernel.New(kernel.KindInvalid, "atlas_file_empty", "the file is empty")
	ErrFileTooLarge   = kernel.New(kernel.KindInvalid, "atlas_file_too_large", "the file is too large to import")
)

// Limits of one import. They bound the memory of a preview: every cell of the file is held as a
// string and every value as a Value until the import is applied.
const (
	MaxImportBytes = 64 << 20   // bytes of the uploaded file
	MaxImportRows  = 2_000_000  // data rows
	MaxImportCells = 12_000_000 // fields of all rows
	MaxProblems    = 1000       // problems listed; the rest are counted in one summary
)

// Role is what a column of an import file holds.
type Role string

// The roles of columns.
const (
	RoleArea        Role = "area"      // the area's key, or a bare social-area code in a district's import
	RoleName        Role = "name"      // the area's name: shown, never checked
	RoleYear        Role = "year"      // the year of the row's values
	RoleDate        Role = "date"      // the reference date (Stichtag); gives the year when there is no year column
	RoleIndicator   Role = "indicator" // the indicator's key
	RoleValue       Role = "value"     // a value; in wide format one column per year or indicator
	RoleNumerator   Role = "numerator"
	RoleDenominator Role = "denominator"
	RoleBoundary    Role = "boundary" // the boundary version (Gebietsstand) the value was measured on
	RoleIgnore      Role = "ignore"
)

// The formats of import files.
const (
	FormatLong     = "long"       // one value per row
	FormatWide     = "wide"       // several value columns per row
	WideYears      = "years"      // each value column's header is a year
	WideIndicators = "indicators" // each value column's header is an indicator key
)

// Mapping says how to read a table: what each column holds and, for what no column holds, the
// one indicator or year of the whole file.
type Mapping struct {
	Format    string // FormatLong or FormatWide
	Columns   []Role // one per header column
	Wide      string // for FormatWide: WideYears or WideIndicators
	Indicator string // the file's indicator when no column (nor ColumnKeys) gives one
	Year      int    // the file's year when no column (nor ColumnYears) gives one
	// ColumnKeys and ColumnYears (nil, or one per header column) give a wide value column's
	// indicator and year explicitly, for headers such as "arbeitslose_2021"; "" and 0 fall back
	// to the header (as Wide says) and then to the columns and fields above.
	ColumnKeys  []string
	ColumnYears []int
}

// Known is what an import is checked against.
type Known struct {
	Indicators map[string]Indicator // the catalogue by key
	// Areas are the areas this import may write, key -> name: the caller limits them to the
	// importer's scope (a coordinator gets only their district and its social areas).
	Areas map[AreaKey]string
	// DistrictKey is the scope's district ("" for a Land import): a bare social-area code "SR01"
	// in the area column means DistrictArea(DistrictKey, "SR01").
	DistrictKey      string
	MinYear, MaxYear int // plausible years; 0 means 1800 and 2200
}

// Problem is one thing wrong with an import, for the person to fix in the file or the mapping.
type Problem struct {
	// Row is the 1-based record of the file, the header being 1 (the line, unless the file has
	// blank lines or line breaks inside quoted fields); 0 for the file or mapping as a whole.
	Row     int
	Column  string // the column's header, "" if none
	Code    string // one of the Problem* codes
	Message string // German, short
}

// The stable codes of problems.
const (
	ProblemUnknownArea       = "unknown_area"
	ProblemUnknownIndicator  = "unknown_indicator"
	ProblemNotANumber        = "not_a_number"
	ProblemDuplicate         = "duplicate"
	ProblemOutOfRange        = "out_of_range"
	ProblemBadYear           = "bad_year"
	ProblemBadDate           = "bad_date"
	ProblemMissingColumn     = "missing_column"
	ProblemRowLength         = "row_length"
	ProblemLevelNotPublished = "level_not_published"
	ProblemBadMapping        = "bad_mapping"  // the mapping does not fit the file (count of columns, unknown role, a role twice)
	ProblemBadBoundary       = "bad_boundary" // a boundary version longer than MaxShort
	ProblemTooMany           = "too_many_problems"
)

// Interpreted is a table read with a mapping: the values in file order and every problem.
type Interpreted struct {
	Values   []Value
	Problems []Problem
	Rows     int // data rows read
}

// problemList keeps the first MaxProblems problems and counts all of them.
type problemList struct {
	list  []Problem
	total int
}

func (p *problemList) add(row int, column, code, format string, args ...any) {
	p.total++
	if p.total <= MaxProblems {
		p.list = append(p.list, Problem{Row: row, Column: column, Code: code, Message: fmt.Sprintf(format, args...)})
	}
}

func (p *problemList) done() []Problem {
	if p.total > MaxProblems {
		p.list = append(p.list, Problem{Code: ProblemTooMany,
			Message: fmt.Sprintf("%d Probleme; die ersten %d sind aufgeführt", p.total, MaxProblems)})
	}
	return p.list
}

// Interpret reads the rows of a table with a mapping into values, checking each against the
// catalogue and the areas the import may write. It lists every problem (up to MaxProblems) and
// keeps file order, so a preview without problems imports exactly the returned values. Empty
// value cells are skipped; a symbol (".", "/", "x") is a value with its flag.
func Interpret(header []string, rows [][]string, m Mapping, k Known, german bool) Interpreted {
	in := interpreter{k: k, german: german, header: header}
	in.minYear, in.maxYear = k.MinYear, k.MaxYear
	if in.minYear == 0 {
		in.minYear = 1800
	}
	if in.maxYear == 0 {
		in.maxYear = 2200
	}
	out := Interpreted{Rows: len(rows)}
	if in.plan(m) {
		out.Values = in.run(rows)
	}
	out.Problems = in.problems.done()
	return out
}

// valueColumn is a value column with the indicator and year its header or the mapping gives.
type valueColumn struct {
	col  int
	ind  *indicatorRef // nil: from the row's indicator column
	year int           // 0: from the row's year or date
}

// indicatorRef is an indicator with its index for the duplicate check.
type indicatorRef struct {
	Indicator
	idx int
}

// plan checks the mapping against the header and resolves each value column; false means that no
// row can be read (the problems say why).
func (in *interpreter) plan(m Mapping) bool {
	p, h := &in.problems, in.header
	before := p.total
	if m.Format != FormatLong && m.Format != FormatWide {
		p.add(0, "", ProblemBadMapping, "Format %q ist weder long noch wide", m.Format)
	}
	if m.Format == FormatWide && m.Wide != WideYears && m.Wide != WideIndicators {
		p.add(0, "", ProblemBadMapping, "Breites Format %q ist weder years noch indicators", m.Wide)
	}
	if len(m.Columns) != len(h) || (m.ColumnKeys != nil && len(m.ColumnKeys) != len(h)) ||
		(m.ColumnYears != nil && len(m.ColumnYears) != len(h)) {
		p.add(0, "", ProblemBadMapping, "Die Zuordnung nennt %d Spalten, die Datei hat %d", len(m.Columns), len(h))
		return false
	}
	in.cols = map[Role]int{}
	var values []int
	for i, r := range m.Columns {
		switch r {
		case RoleValue:
			values = append(values, i)
		case RoleIgnore, RoleName:
		case RoleArea, RoleYear, RoleDate, RoleIndicator, RoleNumerator, RoleDenominator, RoleBoundary:
			if _, twice := in.cols[r]; twice {
				p.add(0, h[i], ProblemBadMapping, "Die Rolle %s ist mehreren Spalten zugeordnet", r)
			}
			in.cols[r] = i
			if m.Format == FormatWide && (r == RoleNumerator || r == RoleDenominator) {
				p.add(0, h[i], ProblemBadMapping, "Zähler und Nenner gibt es nur im langen Format")
			}
		default:
			p.add(0, h[i], ProblemBadMapping, "Unbekannte Rolle %q", r)
		}
	}
	if m.Format == FormatLong && len(values) > 1 {
		p.add(0, "", ProblemBadMapping, "Im langen Format gibt es genau eine Wertspalte")
	}
	if _, ok := in.cols[RoleArea]; !ok {
		p.add(0, "", ProblemMissingColumn, "Es fehlt die Spalte mit dem Gebietsschlüssel")
	}
	if len(values) == 0 {
		p.add(0, "", ProblemMissingColumn, "Es fehlt eine Spalte mit Werten")
	}
	if p.total > before {
		return false
	}
	_, indCol := in.cols[RoleIndicator]
	_, yearCol := in.cols[RoleYear]
	_, dateCol := in.cols[RoleDate]
	var fileInd *indicatorRef
	needInd, needYear := false, false
	for _, i := range values {
		vc := valueColumn{col: i}
		key, year := "", 0
		if m.ColumnKeys != nil {
			key = m.ColumnKeys[i]
		}
		if m.ColumnYears != nil {
			year = m.ColumnYears[i]
		}
		if m.Format == FormatWide && m.Wide == WideIndicators && key == "" {
			key = NormaliseHeader(h[i])
		}
		if m.Format == FormatWide && m.Wide == WideYears && year == 0 {
			y, err := strconv.Atoi(strings.TrimSpace(h[i]))
			if err != nil || !in.yearOK(y) {
				p.add(1, h[i], ProblemBadYear, "Die Spaltenüberschrift %q ist kein Jahr zwischen %d und %d", h[i], in.minYear, in.maxYear)
				continue
			}
			year = y
		}
		if year != 0 && !in.yearOK(year) {
			p.add(1, h[i], ProblemBadYear, "Das Jahr %d liegt nicht zwischen %d und %d", year, in.minYear, in.maxYear)
			continue
		}
		vc.year = year
		if key != "" {
			if vc.ind = in.indicator(key); vc.ind == nil {
				p.add(1, h[i], ProblemUnknownIndicator, "Indikator %q ist nicht im Katalog", key)
				continue
			}
		}
		if vc.ind == nil && !indCol {
			if fileInd == nil && m.Indicator != "" && !needInd {
				if fileInd = in.indicator(m.Indicator); fileInd == nil {
					p.add(0, "", ProblemUnknownIndicator, "Indikator %q ist nicht im Katalog", m.Indicator)
				}
			}
			vc.ind = fileInd
			needInd = needInd || fileInd == nil
		}
		if vc.year == 0 && !yearCol && !dateCol {
			vc.year = m.Year
			needYear = needYear || m.Year == 0
			if m.Year != 0 && !in.yearOK(m.Year) {
				p.add(0, "", ProblemBadYear, "Das Jahr %d liegt nicht zwischen %d und %d", m.Year, in.minYear, in.maxYear)
				return false
			}
		}
		if (vc.ind != nil || indCol) && (vc.year != 0 || yearCol || dateCol) {
			in.values = append(in.values, vc)
		}
	}
	if needInd && m.Indicator == "" {
		p.add(0, "", ProblemMissingColumn, "Es fehlt die Spalte mit dem Indikator (oder der eine Indikator der Datei)")
	}
	if needYear {
		p.add(0, "", ProblemMissingColumn, "Es fehlt die Spalte mit dem Jahr oder Stichtag (oder das eine Jahr der Datei)")
	}
	return len(in.values) > 0
}

func (in *interpreter) yearOK(y int) bool { return y >= in.minYear && y <= in.maxYear }

// indicator resolves a key of the catalogue, once per distinct spelling; spellings of one key
// share one reference, so the duplicate check sees them as one indicator.
func (in *interpreter) indicator(cell string) *indicatorRef {
	if r, ok := in.indCache[cell]; ok {
		return r
	}
	if in.indCache == nil {
		in.indCache, in.indByKey = map[string]*indicatorRef{}, map[string]*indicatorRef{}
	}
	key := strings.ToLower(strings.TrimSpace(cell))
	r, seen := in.indByKey[key]
	if ind, ok := in.k.Indicators[key]; ok && !seen {
		r = &indicatorRef{Indicator: ind, idx: len(in.indByKey)}
		in.indByKey[key] = r
	}
	in.indCache[cell] = r
	return r
}
