package workshop

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
)

// poll writes a poll's results as its kind counts them.
func (m *minutesWriter) poll(c PollConfig, res Results, ok bool) {
	if !ok || res.Answers == 0 {
		m.para(m.w.noAnswers)
		return
	}
	m.para("**" + m.w.results + "** (" + m.count(res.Answers, m.w.answerOne, m.w.answerMany) + ")")
	option := func(i int) string {
		if i < len(c.Options) {
			return MarkdownText(c.Options[i])
		}
		return m.w.option + " " + strconv.Itoa(i+1)
	}
	var items []string
	switch c.Kind {
	case PollSingle, PollMultiple:
		for i, n := range res.Options {
			items = append(items, option(i)+": "+strconv.Itoa(n)+" ("+m.percent(n, res.Answers)+")")
		}
	case PollRanking, PollBudget:
		total := 0
		for _, n := range res.Options {
			total += n
		}
		order := make([]int, len(res.Options))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(res.Options[b], res.Options[a]) })
		for _, i := range order {
			s := option(i) + ": " + m.count(res.Options[i], m.w.point, m.w.points)
			if c.Kind == PollBudget {
				s += " (" + m.percent(res.Options[i], total) + ")"
			}
			items = append(items, s)
		}
		if c.Kind == PollRanking {
			m.para(m.w.rankingNote)
		}
	case PollScale:
		m.para("**" + m.w.mean + ":** " + m.decimal(res.Mean) + " (" + m.w.scale + " " +
			strconv.Itoa(c.ScaleMin) + "–" + strconv.Itoa(c.ScaleMax) + ")")
		for v := c.ScaleMin; v <= c.ScaleMax; v++ {
			n := res.Scale[v]
			items = append(items, strconv.Itoa(v)+": "+strconv.Itoa(n)+" ("+m.percent(n, res.Answers)+")")
		}
	case PollWords:
		words := slices.Clone(res.Words)
		slices.SortStableFunc(words, func(a, b WordCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Word, b.Word)) })
		for _, wc := range words {
			items = append(items, MarkdownText(wc.Word)+": "+strconv.Itoa(wc.Count))
		}
	case PollText:
		for _, t := range res.Texts {
			if t := MarkdownText(t); t != "" {
				items = append(items, t)
			}
		}
	}
	m.list(items)
}

// board writes the themes, the most dotted first, with their cards, then the cards in no theme
// by column. Only visible cards count, for the themes' dots too.
func (m *minutesWriter) board(c BoardConfig, cards []Card, themes []Theme) {
	var visible []Card
	dotted := c.Dots > 0
	for _, cd := range cards {
		if cd.State == CardVisible {
			visible = append(visible, cd)
			dotted = dotted || cd.Dots > 0
		}
	}
	if len(visible) == 0 {
		m.para(m.w.noCards)
		return
	}
	slices.SortStableFunc(visible, func(a, b Card) int {
		return cmp.Or(cmp.Compare(b.Dots, a.Dots), cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	card := func(cd Card) string {
		if !dotted {
			return MarkdownText(cd.Text)
		}
		return MarkdownText(cd.Text) + " (" + m.count(cd.Dots, m.w.dot, m.w.dots) + ")"
	}
	known := map[int64]bool{}
	for _, t := range themes {
		known[t.ID] = true
	}
	dotsOf := map[int64]int{}
	for _, cd := range visible {
		dotsOf[cd.ThemeID] += cd.Dots
	}
	ordered := slices.Clone(themes)
	slices.SortStableFunc(ordered, func(a, b Theme) int {
		return cmp.Or(cmp.Compare(dotsOf[b.ID], dotsOf[a.ID]), cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	for _, t := range ordered {
		title := MarkdownText(t.Title)
		if dotted {
			title += " (" + m.count(dotsOf[t.ID], m.w.dot, m.w.dots) + ")"
		}
		m.heading(3, m.w.theme+": "+title)
		var items []string
		for _, cd := range visible {
			if cd.ThemeID == t.ID {
				items = append(items, card(cd))
			}
		}
		if len(items) == 0 {
			m.para(m.w.noCards)
		}
		m.list(items)
	}
	byColumn := map[int][]string{}
	for _, cd := range visible {
		if cd.ThemeID == 0 || !known[cd.ThemeID] {
			byColumn[cd.Column] = append(byColumn[cd.Column], card(cd))
		}
	}
	for _, col := range slices.Sorted(maps.Keys(byColumn)) {
		name := m.w.column + " " + strconv.Itoa(col+1)
		if col >= 0 && col < len(c.Columns) {
			name = MarkdownText(c.Columns[col])
		}
		if len(themes) > 0 {
			name = m.w.noTheme + ": " + name
		}
		m.heading(3, name)
		m.list(byColumn[col])
	}
}

// decisions lists the decisions under their agenda items, in the agenda's order; those of no
// (or no longer existing) item come last.
func (m *minutesWriter) decisions(agenda []AgendaItem, ds []Decision) {
	m.heading(2, m.w.decisions)
	if len(ds) == 0 {
		m.para(m.w.noDecisions)
		return
	}
	ds = slices.Clone(ds)
	slices.SortStableFunc(ds, func(a, b Decision) int { return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID)) })
	placed := map[int64]bool{}
	for _, it := range sortedAgenda(agenda) {
		var items []string
		for _, d := range ds {
			if d.AgendaItemID == it.ID {
				items = append(items, MarkdownText(d.Text))
				placed[d.ID] = true
			}
		}
		if len(items) > 0 {
			m.heading(3, itemLabel(it))
			m.list(items)
		}
	}
	var rest []string
	for _, d := range ds {
		if !placed[d.ID] {
			rest = append(rest, MarkdownText(d.Text))
		}
	}
	if len(rest) > 0 {
		if len(placed) > 0 {
			m.heading(3, m.w.general)
		}
		m.list(rest)
	}
}
