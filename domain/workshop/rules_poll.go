package workshop

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Validate cleans and checks how a poll asks. Options are required for the kinds that choose
// among them and refused for the others (a facilitator's typed options must not vanish
// silently); numbers that belong to another kind are reset to zero, as a form switching kinds
// leaves them behind.
func (c *PollConfig) Validate() error {
	switch c.Kind {
	case PollSingle, PollMultiple, PollRanking, PollBudget:
		if err := c.validateOptions(); err != nil {
			return err
		}
	case PollScale, PollWords, PollText:
		if len(c.Options) > 0 {
			return invalid("options: a %s poll has none", c.Kind)
		}
		c.Options = nil
	default:
		return invalid("poll.kind: single, multiple, scale, ranking, budget, words or text")
	}
	if c.Kind != PollMultiple {
		c.MaxChoices = 0
	}
	if c.Kind != PollScale {
		c.ScaleMin, c.ScaleMax = 0, 0
	}
	if c.Kind != PollBudget {
		c.Budget = 0
	}
	switch c.Kind {
	case PollMultiple:
		if c.MaxChoices < 0 || c.MaxChoices > len(c.Options) {
			return invalid("max_choices: 0 (all) to %d", len(c.Options))
		}
	case PollScale:
		if !validScale(c.ScaleMin, c.ScaleMax) {
			return invalid("scale: 1 to 5 or 0 to 10")
		}
	case PollBudget:
		if c.Budget == 0 {
			c.Budget = DefaultBudget
		}
		if c.Budget < 1 || c.Budget > MaxBudget {
			return invalid("budget: 1 to %d points", MaxBudget)
		}
	}
	return nil
}

func (c *PollConfig) validateOptions() error {
	if len(c.Options) < 2 || len(c.Options) > MaxOptions {
		return invalid("options: 2 to %d", MaxOptions)
	}
	seen := make(map[string]bool, len(c.Options))
	for i := range c.Options {
		if err := checkText("options", &c.Options[i], MaxOption, true); err != nil {
			return err
		}
		key := strings.ToLower(c.Options[i])
		if seen[key] {
			return invalid("options: %q is there twice", c.Options[i])
		}
		seen[key] = true
	}
	return nil
}

func validScale(lo, hi int) bool { return lo == 1 && hi == 5 || lo == 0 && hi == 10 }

// maxChoices is how many options a multiple-choice answer may choose.
func (c *PollConfig) maxChoices() int {
	if c.MaxChoices <= 0 || c.MaxChoices > len(c.Options) {
		return len(c.Options)
	}
	return c.MaxChoices
}

func (c *PollConfig) budget() int {
	if c.Budget <= 0 {
		return DefaultBudget
	}
	return c.Budget
}

// CheckAnswer checks an answer against the poll and normalises it in place: the fields another
// kind uses are emptied, chosen options sorted, words trimmed, de-duplicated regardless of case
// and empty ones dropped, the text cleaned.
func (c *PollConfig) CheckAnswer(a *Answer) error {
	n := len(c.Options)
	switch c.Kind {
	case PollSingle:
		if len(a.Values) != 1 || !inRange(a.Values[0], n) {
			return invalid("answer: one of the %d options", n)
		}
	case PollMultiple:
		if len(a.Values) < 1 || len(a.Values) > c.maxChoices() {
			return invalid("answer: 1 to %d options", c.maxChoices())
		}
		if !distinctIndexes(a.Values, n) {
			return invalid("answer: each option once")
		}
		slices.Sort(a.Values)
	case PollRanking:
		if len(a.Values) != n || !distinctIndexes(a.Values, n) {
			return invalid("answer: every one of the %d options once, in your order", n)
		}
	case PollBudget:
		if err := c.checkBudget(a.Values); err != nil {
			return err
		}
	case PollScale:
		if len(a.Values) != 1 || a.Values[0] < c.ScaleMin || a.Values[0] > c.ScaleMax {
			return invalid("answer: one number from %d to %d", c.ScaleMin, c.ScaleMax)
		}
	case PollWords:
		words, err := cleanWords(a.Words)
		if err != nil {
			return err
		}
		a.Words, a.Values, a.Text = words, nil, ""
		return nil
	case PollText:
		t, err := CheckContribution("answer", a.Text, MaxPollText)
		if err != nil {
			return err
		}
		a.Text, a.Values, a.Words = t, nil, nil
		return nil
	default:
		return invalid("poll.kind: unknown %q", c.Kind)
	}
	a.Words, a.Text = nil, ""
	return nil
}

func (c *PollConfig) checkBudget(values []int) error {
	b := c.budget()
	if len(values) != len(c.Options) {
		return invalid("answer: points for each of the %d options", len(c.Options))
	}
	sum := 0
	for _, v := range values {
		if v < 0 || v > b {
			return invalid("answer: 0 to %d points per option", b)
		}
		sum += v // at most MaxOptions·MaxBudget: no overflow
	}
	if sum != b {
		return invalid("answer: distribute exactly %d points (not %d)", b, sum)
	}
	return nil
}

// stripFormat removes format characters (zero-width spaces, bidirectional controls, ...) but the
// zero-width joiner of emoji sequences, so that "Bänke" with a hidden space counts as "Bänke".
func stripFormat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) && r != 0x200D {
			return -1
		}
		return r
	}, s)
}

func inRange(i, n int) bool { return i >= 0 && i < n }

// distinctIndexes reports whether every value is an option index and none comes twice.
func distinctIndexes(values []int, n int) bool {
	seen := make([]bool, n)
	for _, v := range values {
		if !inRange(v, n) || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

// cleanWords trims the word-cloud answers, collapses their inner white space, drops empty ones
// and those given twice regardless of case, then checks 1 to MaxWords words of at most MaxWord
// characters.
func cleanWords(in []string) ([]string, error) {
	out := make([]string, 0, min(len(in), MaxWords))
	seen := map[string]bool{}
	for _, w := range in {
		if !utf8.ValidString(w) {
			return nil, invalid("words: not valid UTF-8")
		}
		w = strings.Join(strings.Fields(stripFormat(w)), " ")
		if w == "" || seen[strings.ToLower(w)] {
			continue
		}
		if err := checkText("words", &w, MaxWord, true); err != nil {
			return nil, err
		}
		seen[strings.ToLower(w)] = true
		out = append(out, w)
		if len(out) > MaxWords {
			return nil, invalid("words: at most %d", MaxWords)
		}
	}
	if len(out) == 0 {
		return nil, invalid("words: at least one")
	}
	return out, nil
}

// Tally counts a poll's answers (see Results). Stored answers were checked when given, but the
// tally does not rely on it: a value that does not fit the poll is skipped, never a panic.
func Tally(c PollConfig, answers []Answer) Results {
	groups := make([]AnswerGroup, len(answers))
	for i, a := range answers {
		groups[i] = AnswerGroup{Answer: a, N: 1}
	}
	r := TallyGroups(c, groups)
	if len(answers) > 0 {
		r.ModuleID = answers[0].ModuleID
	}
	return r
}

// AnswerGroup is one answer given by N participants alike (the store counts them grouped, so
// that a tally of thousands of answers reads a handful of rows).
type AnswerGroup struct {
	Answer Answer
	N      int
}

// TallyGroups is Tally of answers counted by group: each group counts as N equal answers. Open
// answers (text) come in the order of the groups' times.
func TallyGroups(c PollConfig, groups []AnswerGroup) Results {
	var r Results
	for _, g := range groups {
		r.Answers += g.N
	}
	n := len(c.Options)
	switch c.Kind {
	case PollSingle, PollMultiple, PollRanking, PollBudget:
		r.Options = make([]int, n)
		one := make([]int, n)
		for _, g := range groups {
			clear(one)
			tallyOptions(c.Kind, one, g.Answer.Values)
			for i, v := range one {
				r.Options[i] += v * g.N
			}
		}
	case PollScale:
		r.Scale = map[int]int{}
		for v := c.ScaleMin; validScale(c.ScaleMin, c.ScaleMax) && v <= c.ScaleMax; v++ {
			r.Scale[v] = 0
		}
		sum, count := 0, 0
		for _, g := range groups {
			if v := g.Answer.Values; len(v) == 1 {
				if _, ok := r.Scale[v[0]]; ok {
					r.Scale[v[0]] += g.N
					sum += v[0] * g.N
					count += g.N
				}
			}
		}
		if count > 0 {
			r.Mean = float64(sum) / float64(count)
		}
	case PollWords:
		r.Words = tallyWords(groups)
	case PollText:
		byTime := slices.Clone(groups)
		slices.SortStableFunc(byTime, func(a, b AnswerGroup) int { return a.Answer.UpdatedAt.Compare(b.Answer.UpdatedAt) })
		r.Texts = []string{}
		for _, g := range byTime {
			if t := strings.TrimSpace(g.Answer.Text); t != "" {
				for range g.N {
					r.Texts = append(r.Texts, t)
				}
			}
		}
	}
	return r
}

// tallyOptions adds one answer's values to the per-option counts: a vote per chosen option
// (single, multiple), Borda points (ranking: n-1 for the first, 0 for the last) or the points
// given (budget). Each option counts once per answer.
func tallyOptions(kind PollKind, counts []int, values []int) {
	n := len(counts)
	if kind == PollBudget {
		for i, v := range values {
			if i < n && v > 0 {
				counts[i] += v
			}
		}
		return
	}
	seen := make([]bool, n)
	for pos, v := range values {
		if !inRange(v, n) || seen[v] {
			continue
		}
		seen[v] = true
		switch kind {
		case PollRanking:
			counts[v] += max(n-1-pos, 0)
		case PollSingle:
			if pos == 0 {
				counts[v]++
			}
		default:
			counts[v]++
		}
	}
}

// tallyWords counts words regardless of case, each at most once per answer; a word shows in its
// most frequent spelling (the first in byte order when two are as frequent). The most frequent
// MaxCloudWords come first, then by word.
func tallyWords(groups []AnswerGroup) []WordCount {
	type entry struct {
		count     int
		spellings map[string]int
	}
	words := map[string]*entry{}
	for _, g := range groups {
		seen := map[string]bool{}
		for _, w := range g.Answer.Words {
			w = strings.Join(strings.Fields(w), " ")
			key := strings.ToLower(w)
			if w == "" || seen[key] {
				continue
			}
			seen[key] = true
			e := words[key]
			if e == nil {
				e = &entry{spellings: map[string]int{}}
				words[key] = e
			}
			e.count += g.N
			e.spellings[w] += g.N
		}
	}
	out := make([]WordCount, 0, len(words))
	for _, e := range words {
		best, bestN := "", 0
		for s, k := range e.spellings {
			if k > bestN || k == bestN && s < best {
				best, bestN = s, k
			}
		}
		out = append(out, WordCount{Word: best, Count: e.count})
	}
	slices.SortFunc(out, func(a, b WordCount) int {
		return cmp.Or(b.Count-a.Count, cmp.Compare(strings.ToLower(a.Word), strings.ToLower(b.Word)), cmp.Compare(a.Word, b.Word))
	})
	if len(out) > MaxCloudWords {
		out = out[:MaxCloudWords]
	}
	return out
}
