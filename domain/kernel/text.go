package kernel

import (
	"strings"
	"unicode"
)

// CleanName is a name or title as people should see it: bidirectional controls removed (they can
// make a name display as another, "Diakonie" read backwards), and white space, zero-width and
// control characters trimmed from both ends. A name of nothing but such characters comes back
// empty, so that the "required" check refuses it.
func CleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimFunc(s, invisible)
}

// invisible: white space, control and format characters (zero-width space, joiners, BOM, ...).
func invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// isBidiControl: the embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
// and the marks U+200E, U+200F, U+061C.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}
