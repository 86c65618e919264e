package atlas

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ErrNotANumber is a cell that is neither a number nor one of the statistical offices' symbols.
var ErrNotANumber = kernel.New(kernel.KindInvalid, "atlas_not_a_number", "not a number")

// ParseNumber reads one cell of a statistical table. The symbols of the statistical offices are
// values, not errors: "." is secret (nil, FlagSuppressed), "-" is exactly nothing (0), "/" and
// "x" mean no information or not sensible (nil, FlagUnknown), and a number in parentheses is
// shown with a warning (FlagUnreliable). german says whether "," is the decimal mark and "." the
// thousands separator (or the other way round). Thousands groups must have three digits, so a
// number written in the other convention is an error instead of a value off by a thousand.
func ParseNumber(s string, german bool) (v *float64, flag Flag, err error) {
	f, has, flag, why := parseNumber(s, german)
	if why != "" {
		return nil, FlagNone, fmt.Errorf("%w: %q: %s", ErrNotANumber, s, why)
	}
	if !has {
		return nil, flag, nil
	}
	return &f, flag, nil
}

// parseNumber is ParseNumber without allocating: the interpreter calls it once per cell, so it
// returns the value and a reason ("" when read) instead of a pointer and a wrapped error.
func parseNumber(s string, german bool) (v float64, has bool, flag Flag, why string) {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return 0, false, FlagNone, "empty"
	case ".":
		return 0, false, FlagSuppressed, ""
	case "-":
		return 0, true, FlagNone, ""
	case "/", "x", "X":
		return 0, false, FlagUnknown, ""
	}
	if len(s) > 2 && s[0] == '(' && s[len(s)-1] == ')' {
		v, why = plainNumber(strings.TrimSpace(s[1:len(s)-1]), german)
		return v, why == "", FlagUnreliable, why
	}
	v, why = plainNumber(s, german)
	return v, why == "", FlagNone, why
}

// maxNumberLen bounds a number's text; no statistic needs more digits than this, and the bound
// keeps the cleaned copy on the stack.
const maxNumberLen = 40

// plainNumber reads an optionally negative decimal number with optional thousands separators.
// It accepts only digits and the two marks, so "NaN", "Inf", "0x1p3" and exponents are refused
// before strconv sees them.
func plainNumber(s string, german bool) (float64, string) {
	decimal, group := byte('.'), byte(',')
	if german {
		decimal, group = ',', '.'
	}
	if len(s) > maxNumberLen {
		return 0, "too long"
	}
	var buf [maxNumberLen]byte
	n, i := 0, 0
	if i < len(s) && s[i] == '-' {
		buf[n] = '-'
		n++
		i++
	}
	intStart, groups, lastGroup, digitsSeen := i, 0, -1, 0
	for ; i < len(s) && s[i] != decimal; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			buf[n] = c
			n++
			digitsSeen++
		case c == group:
			// The first group has 1..3 digits, every later one exactly 3.
			if (lastGroup < 0 && (i-intStart < 1 || i-intStart > 3)) || (lastGroup >= 0 && i-lastGroup != 4) {
				return 0, "misplaced thousands separator"
			}
			lastGroup = i
			groups++
		default:
			return 0, "unexpected character"
		}
	}
	if digitsSeen == 0 {
		return 0, "no digits"
	}
	if groups > 0 && i-lastGroup != 4 {
		return 0, "misplaced thousands separator"
	}
	if i < len(s) {
		buf[n] = '.'
		n++
		i++
		if i == len(s) {
			return 0, "no digits after the decimal mark"
		}
		for ; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, "unexpected character"
			}
			buf[n] = s[i]
			n++
		}
	}
	v, err := strconv.ParseFloat(string(buf[:n]), 64)
	if err != nil {
		return 0, "out of range"
	}
	return v, ""
}

// DetectGerman guesses the number convention of a file from its delimiter and some value cells.
// A cell that can be read only one way decides: a decimal comma ("12,3", "1.234,5") says German,
// a decimal point ("64.16", "1,234.5") says English. When the cells show only one of them it is
// taken; when they show neither (integers, or "1,234" that is a thousand in English and one and
// a bit in German) or both, the delimiter decides: a semicolon is what German spreadsheets
// write, because the comma is their decimal mark.
func DetectGerman(samples []string, delimiter string) bool {
	german, english := false, false
	for _, s := range samples {
		switch markOf(strings.TrimSpace(s)) {
		case ',':
			german = true
		case '.':
			english = true
		}
	}
	if german != english {
		return german
	}
	return delimiter == ";"
}

// markOf is the decimal mark a number cell must have been written with, or 0 when it reads both
// ways or is no number: the last of "," and "." is the decimal mark when both occur, and a single
// mark is one unless exactly three digits follow it (then it may separate thousands).
func markOf(s string) byte {
	last, lastAt := byte(0), -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ',' || c == '.':
			if last != 0 && last != c {
				return c // both marks: the later one is the decimal mark
			}
			last, lastAt = c, i
		case !isDigit(c) && c != '-' && c != '(' && c != ')':
			return 0
		}
	}
	if last == 0 || lastAt == 0 || !isDigit(s[lastAt-1]) {
		return 0
	}
	after := 0
	for i := lastAt + 1; i < len(s) && isDigit(s[i]); i++ {
		after++
	}
	if after == 0 || after == 3 {
		return 0
	}
	if strings.Count(s, string(last)) > 1 {
		return 0 // "1.234.5" is not a number in either convention
	}
	return last
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
