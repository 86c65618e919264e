package workshop

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// FuzzCheckGuestName: an accepted name is clean (valid UTF-8, 1 to MaxGuestName characters, single
// inner spaces, no control or format character but a joiner) and accepted unchanged again.
func FuzzCheckGuestName(f *testing.F) {
	for _, s := range []string{"Anna", "  Anna  Maria ", "\u202eannA", "An\u200dna", "👨\u200d👩", "\x00", "\xff", "\u3164", "Rene\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := CheckGuestName(s)
		if err != nil {
			return
		}
		if !utf8.ValidString(out) || out == "" || kernel.Chars(out) > MaxGuestName || strings.Contains(out, "  ") || strings.TrimSpace(out) != out {
			t.Fatalf("%q accepted as %q", s, out)
		}
		for _, r := range out {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != 0x200D || r != ' ' && unicode.IsSpace(r) {
				t.Fatalf("%q accepted with %U", s, r)
			}
		}
		if again, err := CheckGuestName(out); err != nil || again != out {
			t.Fatalf("%q: accepted as %q, then %q, %v", s, out, again, err)
		}
	})
}

// FuzzCheckAnswer: whatever the values, words and text, checking never panics, an accepted
// answer fits its poll and is accepted unchanged again, and its tally counts it.
func FuzzCheckAnswer(f *testing.F) {
	f.Add(0, 1, 2, "Bänke", "bänke", "Licht", "Mehr Bänke")
	f.Add(-1, 1<<62, 0, "", " ", "\x00", "\xff")
	f.Add(50, 50, 0, "\u202e", "a\u200bb", strings.Repeat("w", 41), "a\r\nb")
	configs := []PollConfig{
		{Kind: PollSingle, Options: opts(3)},
		{Kind: PollMultiple, Options: opts(3), MaxChoices: 2},
		{Kind: PollRanking, Options: opts(3)},
		{Kind: PollBudget, Options: opts(3), Budget: 100},
		{Kind: PollScale, ScaleMin: 1, ScaleMax: 5},
		{Kind: PollScale, ScaleMin: 0, ScaleMax: 10},
		{Kind: PollWords},
		{Kind: PollText},
	}
	f.Fuzz(func(t *testing.T, v0, v1, v2 int, w0, w1, w2, text string) {
		for _, c := range configs {
			for n := 0; n <= 3; n++ {
				a := Answer{Values: []int{v0, v1, v2}[:n], Words: []string{w0, w1, w2}[:n], Text: text}
				if err := c.CheckAnswer(&a); err != nil {
					continue
				}
				again := a
				again.Values, again.Words = slices.Clone(a.Values), slices.Clone(a.Words)
				if err := c.CheckAnswer(&again); err != nil || !reflect.DeepEqual(again, a) {
					t.Fatalf("%s: %+v accepted, then %+v, %v", c.Kind, a, again, err)
				}
				for _, w := range a.Words {
					if w == "" || kernel.Chars(w) > MaxWord {
						t.Fatalf("%s: word %q accepted", c.Kind, w)
					}
				}
				r := Tally(c, []Answer{a})
				if r.Answers != 1 {
					t.Fatalf("%s: tally %+v", c.Kind, r)
				}
				switch c.Kind {
				case PollSingle, PollMultiple:
					if sum(r.Options) != len(a.Values) {
						t.Fatalf("%s: %+v tallied as %v", c.Kind, a, r.Options)
					}
				case PollBudget:
					if sum(r.Options) != c.Budget {
						t.Fatalf("budget: %+v tallied as %v", a, r.Options)
					}
				case PollRanking:
					if sum(r.Options) != 3 { // 2 + 1 + 0
						t.Fatalf("ranking: %+v tallied as %v", a, r.Options)
					}
				case PollScale:
					if r.Scale[a.Values[0]] != 1 || r.Mean != float64(a.Values[0]) {
						t.Fatalf("scale: %+v tallied as %+v", a, r)
					}
				case PollWords:
					if len(r.Words) != len(a.Words) {
						t.Fatalf("words: %+v tallied as %+v", a, r.Words)
					}
				case PollText:
					if len(r.Texts) != 1 || r.Texts[0] != a.Text {
						t.Fatalf("text: %+v tallied as %+v", a, r.Texts)
					}
				}
			}
		}
	})
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
