package workshop

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func opts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "Option " + string(rune('A'+i))
	}
	return out
}

func TestPollConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    PollConfig
		ok   bool
	}{
		{"single", PollConfig{Kind: PollSingle, Options: opts(2)}, true},
		{"single at most", PollConfig{Kind: PollSingle, Options: opts(MaxOptions)}, true},
		{"multiple, all", PollConfig{Kind: PollMultiple, Options: opts(3)}, true},
		{"multiple, 2 of 3", PollConfig{Kind: PollMultiple, Options: opts(3), MaxChoices: 2}, true},
		{"multiple, 3 of 3", PollConfig{Kind: PollMultiple, Options: opts(3), MaxChoices: 3}, true},
		{"ranking", PollConfig{Kind: PollRanking, Options: opts(4)}, true},
		{"budget default", PollConfig{Kind: PollBudget, Options: opts(3)}, true},
		{"budget 1000", PollConfig{Kind: PollBudget, Options: opts(3), Budget: MaxBudget}, true},
		{"scale 1-5", PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5}, true},
		{"scale 0-10", PollConfig{Kind: PollScale, ScaleMin: 0, ScaleMax: 10}, true},
		{"words", PollConfig{Kind: PollWords}, true},
		{"text", PollConfig{Kind: PollText, Anonymous: true}, true},

		{"no kind", PollConfig{Options: opts(2)}, false},
		{"unknown kind", PollConfig{Kind: "dot", Options: opts(2)}, false},
		{"one option", PollConfig{Kind: PollSingle, Options: opts(1)}, false},
		{"no options", PollConfig{Kind: PollRanking}, false},
		{"too many options", PollConfig{Kind: PollSingle, Options: opts(MaxOptions + 1)}, false},
		{"empty option", PollConfig{Kind: PollSingle, Options: []string{"Ja", " \u200b"}}, false},
		{"option twice", PollConfig{Kind: PollSingle, Options: []string{"Ja", "Nein", " ja "}}, false},
		{"option too long in characters", PollConfig{Kind: PollSingle, Options: []string{"Ja", strings.Repeat("ü", MaxOption+1)}}, false},
		{"10k option", PollConfig{Kind: PollSingle, Options: []string{"Ja", huge}}, false},
		{"option invalid UTF-8", PollConfig{Kind: PollSingle, Options: []string{"Ja", "N\xffein"}}, false},
		{"option with NUL", PollConfig{Kind: PollSingle, Options: []string{"Ja", "Ne\x00in"}}, false},
		{"multiple, negative max", PollConfig{Kind: PollMultiple, Options: opts(3), MaxChoices: -1}, false},
		{"multiple, max over", PollConfig{Kind: PollMultiple, Options: opts(3), MaxChoices: 4}, false},
		{"multiple, huge max", PollConfig{Kind: PollMultiple, Options: opts(3), MaxChoices: math.MaxInt}, false},
		{"scale 1-10", PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 10}, false},
		{"scale 0-0", PollConfig{Kind: PollScale}, false},
		{"scale huge", PollConfig{Kind: PollScale, ScaleMin: math.MinInt, ScaleMax: math.MaxInt}, false},
		{"scale with options", PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5, Options: opts(2)}, false},
		{"budget negative", PollConfig{Kind: PollBudget, Options: opts(2), Budget: -100}, false},
		{"budget over", PollConfig{Kind: PollBudget, Options: opts(2), Budget: MaxBudget + 1}, false},
		{"words with options", PollConfig{Kind: PollWords, Options: opts(2)}, false},
		{"text with options", PollConfig{Kind: PollText, Options: []string{"a"}}, false},
	} {
		c := tc.c
		err := c.Validate()
		if tc.ok != (err == nil) || err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}

	c := PollConfig{Kind: PollBudget, Options: []string{"  Spielplatz\u202e ", "Bänke"}, MaxChoices: 3, ScaleMin: 1, ScaleMax: 5}
	if err := c.Validate(); err != nil || c.Budget != DefaultBudget || c.MaxChoices != 0 || c.ScaleMax != 0 || c.Options[0] != "Spielplatz" {
		t.Errorf("budget not normalised: %v %+v", err, c)
	}
	s := PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5, Budget: 50, MaxChoices: 2}
	if err := s.Validate(); err != nil || s.Budget != 0 || s.MaxChoices != 0 {
		t.Errorf("scale not normalised: %v %+v", err, s)
	}
}

func TestCheckAnswer(t *testing.T) {
	single := PollConfig{Kind: PollSingle, Options: opts(3)}
	multiple := PollConfig{Kind: PollMultiple, Options: opts(4), MaxChoices: 2}
	all := PollConfig{Kind: PollMultiple, Options: opts(3)}
	ranking := PollConfig{Kind: PollRanking, Options: opts(3)}
	budget := PollConfig{Kind: PollBudget, Options: opts(3), Budget: 10}
	budget0 := PollConfig{Kind: PollBudget, Options: opts(2)} // an unvalidated zero: 100
	scale := PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5}
	scale10 := PollConfig{Kind: PollScale, ScaleMin: 0, ScaleMax: 10}
	words := PollConfig{Kind: PollWords}
	text := PollConfig{Kind: PollText}
	for _, tc := range []struct {
		name string
		c    PollConfig
		a    Answer
		ok   bool
		want Answer // checked when ok
	}{
		{"single", single, Answer{Values: []int{2}, Words: []string{"x"}, Text: "x"}, true, Answer{Values: []int{2}}},
		{"single none", single, Answer{}, false, Answer{}},
		{"single two", single, Answer{Values: []int{0, 1}}, false, Answer{}},
		{"single out of range", single, Answer{Values: []int{3}}, false, Answer{}},
		{"single negative", single, Answer{Values: []int{-1}}, false, Answer{}},
		{"single huge", single, Answer{Values: []int{math.MaxInt}}, false, Answer{}},
		{"single min int", single, Answer{Values: []int{math.MinInt}}, false, Answer{}},

		{"multiple sorted", multiple, Answer{Values: []int{3, 1}}, true, Answer{Values: []int{1, 3}}},
		{"multiple one", multiple, Answer{Values: []int{0}}, true, Answer{Values: []int{0}}},
		{"multiple none", multiple, Answer{Values: []int{}}, false, Answer{}},
		{"multiple over max", multiple, Answer{Values: []int{0, 1, 2}}, false, Answer{}},
		{"multiple twice", multiple, Answer{Values: []int{1, 1}}, false, Answer{}},
		{"multiple out of range", multiple, Answer{Values: []int{0, 4}}, false, Answer{}},
		{"multiple all", all, Answer{Values: []int{2, 0, 1}}, true, Answer{Values: []int{0, 1, 2}}},
		{"multiple all plus one", all, Answer{Values: []int{2, 0, 1, 1}}, false, Answer{}},

		{"ranking", ranking, Answer{Values: []int{2, 0, 1}}, true, Answer{Values: []int{2, 0, 1}}},
		{"ranking partial", ranking, Answer{Values: []int{2, 0}}, false, Answer{}},
		{"ranking repeated", ranking, Answer{Values: []int{2, 2, 1}}, false, Answer{}},
		{"ranking out of range", ranking, Answer{Values: []int{0, 1, 3}}, false, Answer{}},
		{"ranking too long", ranking, Answer{Values: []int{0, 1, 2, 0}}, false, Answer{}},

		{"budget", budget, Answer{Values: []int{5, 0, 5}}, true, Answer{Values: []int{5, 0, 5}}},
		{"budget all on one", budget, Answer{Values: []int{0, 10, 0}}, true, Answer{Values: []int{0, 10, 0}}},
		{"budget default 100", budget0, Answer{Values: []int{60, 40}}, true, Answer{Values: []int{60, 40}}},
		{"budget short", budget, Answer{Values: []int{5, 5}}, false, Answer{}},
		{"budget under", budget, Answer{Values: []int{1, 2, 3}}, false, Answer{}},
		{"budget over", budget, Answer{Values: []int{5, 5, 5}}, false, Answer{}},
		{"budget negative", budget, Answer{Values: []int{15, -5, 0}}, false, Answer{}},
		{"budget overflow", budget, Answer{Values: []int{math.MaxInt, math.MaxInt, 2}}, false, Answer{}},
		{"budget min int", budget, Answer{Values: []int{math.MinInt, 10, 0}}, false, Answer{}},

		{"scale", scale, Answer{Values: []int{5}}, true, Answer{Values: []int{5}}},
		{"scale 0 of 0-10", scale10, Answer{Values: []int{0}}, true, Answer{Values: []int{0}}},
		{"scale 0 of 1-5", scale, Answer{Values: []int{0}}, false, Answer{}},
		{"scale 6", scale, Answer{Values: []int{6}}, false, Answer{}},
		{"scale two", scale, Answer{Values: []int{1, 2}}, false, Answer{}},
		{"scale huge", scale10, Answer{Values: []int{math.MaxInt}}, false, Answer{}},

		{"words cleaned", words, Answer{Words: []string{"  Bänke ", "bänke", "", " \u200b", "mehr   Grün", "Licht"}, Values: []int{1}, Text: "x"}, true,
			Answer{Words: []string{"Bänke", "mehr Grün", "Licht"}}},
		{"word with hidden space", words, Answer{Words: []string{"Bä\u200bnke"}}, true, Answer{Words: []string{"Bänke"}}},
		{"word emoji", words, Answer{Words: []string{"👨\u200d👩\u200d👧"}}, true, Answer{Words: []string{"👨\u200d👩\u200d👧"}}},
		{"word at max in characters", words, Answer{Words: []string{strings.Repeat("ä", MaxWord)}}, true, Answer{Words: []string{strings.Repeat("ä", MaxWord)}}},
		{"words none", words, Answer{}, false, Answer{}},
		{"words only empty", words, Answer{Words: []string{"", " ", "\t\n", "\u202e"}}, false, Answer{}},
		{"words too many", words, Answer{Words: []string{"a", "b", "c", "d"}}, false, Answer{}},
		{"word too long", words, Answer{Words: []string{strings.Repeat("ä", MaxWord+1)}}, false, Answer{}},
		{"word 10k", words, Answer{Words: []string{huge}}, false, Answer{}},
		{"word invalid UTF-8", words, Answer{Words: []string{"B\xe4nke"}}, false, Answer{}},
		{"word with NUL", words, Answer{Words: []string{"Bä\x00nke"}}, false, Answer{}},

		{"text", text, Answer{Text: "  Mehr Sitzbänke\r\nam Markt ", Values: []int{1}, Words: []string{"x"}}, true, Answer{Text: "Mehr Sitzbänke\nam Markt"}},
		{"text empty", text, Answer{Text: " \n "}, false, Answer{}},
		{"text too long in characters", text, Answer{Text: strings.Repeat("ö", MaxPollText+1)}, false, Answer{}},
		{"text with escape", text, Answer{Text: "a\x1bb"}, false, Answer{}},

		{"unknown kind", PollConfig{Kind: "x"}, Answer{Values: []int{0}}, false, Answer{}},
	} {
		a := tc.a
		err := tc.c.CheckAnswer(&a)
		if tc.ok != (err == nil) || err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if tc.ok && !reflect.DeepEqual(a, tc.want) {
			t.Errorf("%s: normalised to %#v, want %#v", tc.name, a, tc.want)
		}
	}
}

func TestTally(t *testing.T) {
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	vals := func(vs ...[]int) []Answer {
		out := make([]Answer, len(vs))
		for i, v := range vs {
			out[i] = Answer{ModuleID: 9, ParticipantID: int64(i + 1), Values: v}
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		c       PollConfig
		answers []Answer
		want    Results
	}{
		{"single", PollConfig{Kind: PollSingle, Options: opts(3)}, vals([]int{0}, []int{2}, []int{2}, []int{7}, nil),
			Results{ModuleID: 9, Answers: 5, Options: []int{1, 0, 2}}},
		{"single, nobody", PollConfig{Kind: PollSingle, Options: opts(2)}, nil,
			Results{Answers: 0, Options: []int{0, 0}}},
		{"multiple", PollConfig{Kind: PollMultiple, Options: opts(3)}, vals([]int{0, 1}, []int{1, 2}, []int{1, 1, -1}),
			Results{ModuleID: 9, Answers: 3, Options: []int{1, 3, 1}}},
		{"ranking Borda", PollConfig{Kind: PollRanking, Options: opts(3)}, vals([]int{0, 1, 2}, []int{2, 0, 1}, []int{0, 2, 1}),
			// A: 2+1+2, B: 1+0+0, C: 0+2+1
			Results{ModuleID: 9, Answers: 3, Options: []int{5, 1, 3}}},
		{"ranking with a broken stored answer", PollConfig{Kind: PollRanking, Options: opts(2)}, vals([]int{1, 1, 0, 5, -2}),
			Results{ModuleID: 9, Answers: 1, Options: []int{0, 1}}},
		{"budget", PollConfig{Kind: PollBudget, Options: opts(3), Budget: 10}, vals([]int{5, 0, 5}, []int{10, 0, 0}, []int{-3, 1, 1, 99}),
			Results{ModuleID: 9, Answers: 3, Options: []int{15, 1, 6}}},
		{"scale", PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5}, vals([]int{5}, []int{4}, []int{5}, []int{9}, []int{1, 2}),
			Results{ModuleID: 9, Answers: 5, Scale: map[int]int{1: 0, 2: 0, 3: 0, 4: 1, 5: 2}, Mean: 14.0 / 3}},
		{"scale, nobody", PollConfig{Kind: PollScale, ScaleMin: 0, ScaleMax: 10}, nil,
			Results{Scale: map[int]int{0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0}}},
		{"scale, broken config", PollConfig{Kind: PollScale, ScaleMin: math.MinInt, ScaleMax: math.MaxInt}, vals([]int{3}),
			Results{ModuleID: 9, Answers: 1, Scale: map[int]int{}}},
		{"words", PollConfig{Kind: PollWords}, []Answer{
			{Words: []string{"Bänke", "Licht"}}, {Words: []string{"bänke", "BÄNKE", "Grün"}}, {Words: []string{"bänke", "licht", " "}},
			{Words: []string{"Apfel"}}},
			Results{Answers: 4, Words: []WordCount{{"bänke", 3}, {"Licht", 2}, {"Apfel", 1}, {"Grün", 1}}}},
		{"text, oldest first", PollConfig{Kind: PollText}, []Answer{
			{Text: "zweite", UpdatedAt: at(2)}, {Text: "erste", UpdatedAt: at(1)}, {Text: " ", UpdatedAt: at(0)}, {Text: "dritte", UpdatedAt: at(3)}},
			Results{Answers: 4, Texts: []string{"erste", "zweite", "dritte"}}},
		{"text, nobody", PollConfig{Kind: PollText}, nil, Results{Texts: []string{}}},
		{"unknown kind", PollConfig{Kind: "x"}, vals([]int{1}), Results{ModuleID: 9, Answers: 1}},
	} {
		if got := Tally(tc.c, tc.answers); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestTallyWordsTop(t *testing.T) {
	var answers []Answer
	for i := range 80 {
		w := "wort" + string(rune('A'+i%26)) + string(rune('a'+i/26))
		for range i%3 + 1 {
			answers = append(answers, Answer{Words: []string{w}})
		}
	}
	r := Tally(PollConfig{Kind: PollWords}, answers)
	if len(r.Words) != MaxCloudWords {
		t.Fatalf("%d words, want the top %d", len(r.Words), MaxCloudWords)
	}
	for i := 1; i < len(r.Words); i++ {
		a, b := r.Words[i-1], r.Words[i]
		if a.Count < b.Count || a.Count == b.Count && strings.ToLower(a.Word) > strings.ToLower(b.Word) {
			t.Errorf("out of order: %v before %v", a, b)
		}
	}
	if r.Words[0].Count != 3 || r.Words[len(r.Words)-1].Count != 2 {
		t.Errorf("top words: %v … %v", r.Words[0], r.Words[len(r.Words)-1])
	}
}
