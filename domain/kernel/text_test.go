package kernel_test

import (
	"testing"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"  Diakonie Erfurt ":             "Diakonie Erfurt",
		"\u200b\u200c\u200d\ufeff":       "",
		"\x00\x07\x1b":                   "",
		"\u202eeinokaiD":                 "einokaiD",
		"AWO \u2066Erfurt\u2069":         "AWO Erfurt",
		"\u200bKita Sonnenschein\u200b ": "Kita Sonnenschein",
		"Straße der Einheit":             "Straße der Einheit",
	} {
		if got := kernel.CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}
