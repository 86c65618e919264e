package workshop

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Record is everything the minutes are made from: the workshop with its agenda, the process it
// belongs to, who came, its modules and what was said in them, and the facilitator's decisions.
type Record struct {
	Workshop     Workshop
	ProcessTitle string
	Attendance   Attendance
	Modules      []Module
	Questions    map[int64][]Question // by questions module, every state (the minutes pick the public ones)
	Results      map[int64]Results    // by poll module
	Answers      map[int64][]Answer   // by poll module: the single answers, for the raw-data export
	Cards        map[int64][]Card     // by board module, every state
	Themes       map[int64][]Theme    // by board module
	Decisions    []Decision
	Language     string // "de" (the default) or "en"
}

// BuildMinutes writes the draft of the minutes as Markdown: title, date, place and process; the
// attendance; the agenda with planned and actual times; per module in position order the public
// questions with their answers, a poll's results or a board's themes and cards with their dots;
// the decisions by agenda item.
//
// The minutes are public: they name no one (no author of a question or card, no one who answered
// a poll), and they carry only what participants could see: no pending, hidden or merged
// question, no hidden or merged card. Every text people wrote is escaped (see MarkdownText), so
// it stays literal text. The Markdown uses only headings (#, ##, ###), paragraphs, bullet lists
// and **bold**, which every renderer of the minutes handles: the process page, PDF and DOCX.
func BuildMinutes(r Record) string {
	m := minutesWriter{w: wordsDE, lang: "de"}
	if r.Language == "en" {
		m.w, m.lang = wordsEN, "en"
	}
	m.header(r)
	m.attendance(r.Attendance)
	m.agenda(r.Workshop.Agenda)
	mods := slices.Clone(r.Modules)
	slices.SortStableFunc(mods, func(a, b Module) int { return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID)) })
	for _, mod := range mods {
		m.heading(2, MarkdownText(mod.Title))
		if it, ok := agendaItem(r.Workshop.Agenda, mod.AgendaItemID); ok {
			m.para(m.w.item + ": " + itemLabel(it))
		}
		switch mod.Kind {
		case KindQuestions:
			m.questions(r.Questions[mod.ID])
		case KindPoll:
			res, ok := r.Results[mod.ID]
			m.poll(mod.Poll, res, ok)
		case KindBoard:
			m.board(mod.Board, r.Cards[mod.ID], r.Themes[mod.ID])
		}
	}
	m.decisions(r.Workshop.Agenda, r.Decisions)
	return strings.TrimRight(m.b.String(), "\n") + "\n"
}

// MarkdownText escapes what people wrote so that Markdown shows it as it was typed: a leading
// "# ", "- " or "1. " makes no heading or list, "*", "_" and "`" no emphasis or code, "[" no
// link, "<" and "&" no HTML or entity, "|" no table cell. Line breaks and runs of white space
// become one space (one contribution is one line of the minutes), and bidirectional controls go.
func MarkdownText(s string) string {
	s = strings.Join(strings.Fields(kernel.CleanName(s)), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#', '&', '!':
			b.WriteByte('\\')
		case '-', '+', '=':
			if i == 0 { // a list item, or a setext heading's underline
				b.WriteByte('\\')
			}
		case '.', ')':
			if leadingDigits(s[:i]) { // "1. " is an ordered list
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// leadingDigits reports whether s is a non-empty run of ASCII digits.
func leadingDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// minutesWriter collects the Markdown; blocks are separated by blank lines.
type minutesWriter struct {
	b    strings.Builder
	w    minutesWords
	lang string
}

func (m *minutesWriter) heading(level int, text string) {
	m.b.WriteString(strings.Repeat("#", level) + " " + text + "\n\n")
}

func (m *minutesWriter) para(text string) { m.b.WriteString(text + "\n\n") }

// list writes a bullet list; nothing when items is empty.
func (m *minutesWriter) list(items []string) {
	for _, it := range items {
		m.b.WriteString("- " + it + "\n")
	}
	if len(items) > 0 {
		m.b.WriteString("\n")
	}
}

func (m *minutesWriter) header(r Record) {
	w := r.Workshop
	m.heading(1, m.w.minutes+": "+MarkdownText(w.Title))
	var facts []string
	if !w.StartsAt.IsZero() {
		facts = append(facts, "**"+m.w.date+":** "+m.when(w.StartsAt, w.EndsAt))
	}
	if w.Place != "" {
		facts = append(facts, "**"+m.w.place+":** "+MarkdownText(w.Place))
	}
	if w.OnlineURL != "" {
		facts = append(facts, "**"+m.w.online+":** "+MarkdownText(w.OnlineURL))
	}
	if r.ProcessTitle != "" {
		facts = append(facts, "**"+m.w.process+":** "+MarkdownText(r.ProcessTitle))
	}
	m.list(facts)
	if d := MarkdownText(w.Description); d != "" {
		m.para(d)
	}
}

func (m *minutesWriter) attendance(a Attendance) {
	m.heading(2, m.w.attendance)
	m.list([]string{
		m.w.total + ": " + strconv.Itoa(a.Total),
		m.w.loggedIn + ": " + strconv.Itoa(a.LoggedIn),
		m.w.guests + ": " + strconv.Itoa(a.Guests),
	})
	if len(a.ByOrg) == 0 {
		return
	}
	orgs := slices.SortedFunc(maps.Keys(a.ByOrg), func(x, y string) int {
		return cmp.Or(cmp.Compare(a.ByOrg[y], a.ByOrg[x]), cmp.Compare(x, y))
	})
	items := make([]string, len(orgs))
	for i, o := range orgs {
		items[i] = MarkdownText(o) + ": " + strconv.Itoa(a.ByOrg[o])
	}
	m.para("**" + m.w.byOrg + "**")
	m.list(items)
}

func (m *minutesWriter) agenda(items []AgendaItem) {
	if len(items) == 0 {
		return
	}
	m.heading(2, m.w.agenda)
	var lines []string
	for _, it := range sortedAgenda(items) {
		line := "**" + itemLabel(it) + "**"
		var facts []string
		if it.Minutes > 0 {
			facts = append(facts, m.w.planned+" "+strconv.Itoa(it.Minutes)+" "+m.w.min)
		}
		switch {
		case !it.StartedAt.IsZero() && !it.EndedAt.IsZero():
			facts = append(facts, m.clock(it.StartedAt)+"–"+m.clock(it.EndedAt)+m.w.oclock)
		case !it.StartedAt.IsZero():
			facts = append(facts, m.w.from+" "+m.clock(it.StartedAt)+m.w.oclock)
		}
		if len(facts) > 0 {
			line += " (" + strings.Join(facts, ", ") + ")"
		}
		lines = append(lines, line)
	}
	m.list(lines)
}

// questions lists the public questions, the most voted first, each with its answer.
func (m *minutesWriter) questions(qs []Question) {
	var public []Question
	for _, q := range qs {
		if q.State == QuestionVisible || q.State == QuestionAnswered {
			public = append(public, q)
		}
	}
	if len(public) == 0 {
		m.para(m.w.noQuestions)
		return
	}
	slices.SortStableFunc(public, func(a, b Question) int {
		return cmp.Or(cmp.Compare(b.Votes, a.Votes), a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	items := make([]string, len(public))
	for i, q := range public {
		s := MarkdownText(q.Text) + " (" + m.count(q.Votes, m.w.vote, m.w.votes) + ")"
		switch {
		case strings.TrimSpace(q.Answer) != "":
			s += " **" + m.w.answer + ":** " + MarkdownText(q.Answer)
		case q.State == QuestionAnswered:
			s += " " + m.w.answeredOrally
		}
		items[i] = s
	}
	m.para("**" + m.w.questions + "**")
	m.list(items)
}

func sortedAgenda(items []AgendaItem) []AgendaItem {
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b AgendaItem) int { return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID)) })
	return items
}

func agendaItem(items []AgendaItem, id int64) (AgendaItem, bool) {
	if id == 0 {
		return AgendaItem{}, false
	}
	i := slices.IndexFunc(items, func(it AgendaItem) bool { return it.ID == id })
	if i < 0 {
		return AgendaItem{}, false
	}
	return items[i], true
}

// itemLabel is "2. Title", the agenda item's number counted from 1 by position.
func itemLabel(it AgendaItem) string {
	return strconv.Itoa(it.Position+1) + ". " + MarkdownText(it.Title)
}

// berlin is the time zone the minutes speak in; UTC where no zone data is to be had (the binary
// embeds time/tzdata, so only a test without it falls back).
var berlin = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return l
	}
	return time.UTC
}()

func (m *minutesWriter) day(t time.Time) string {
	if m.lang == "en" {
		return t.In(berlin).Format("2 January 2006")
	}
	return t.In(berlin).Format("02.01.2006")
}

func (m *minutesWriter) clock(t time.Time) string { return t.In(berlin).Format("15:04") }

// when is the workshop's date and time: "12.05.2025, 18:00–20:00 Uhr".
func (m *minutesWriter) when(start, end time.Time) string {
	s := m.day(start) + ", " + m.clock(start)
	switch {
	case end.IsZero():
		return m.w.from + " " + s + m.w.oclock
	case m.day(end) != m.day(start):
		return s + " – " + m.day(end) + ", " + m.clock(end) + m.w.oclock
	default:
		return s + "–" + m.clock(end) + m.w.oclock
	}
}

// count is "1 Stimme" or "3 Stimmen".
func (m *minutesWriter) count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// percent is n of total in whole percent: "40 %" in German, "40%" in English.
func (m *minutesWriter) percent(n, total int) string {
	p := 0
	if total > 0 {
		p = int(math.Round(float64(n) * 100 / float64(total)))
	}
	if m.lang == "en" {
		return strconv.Itoa(p) + "%"
	}
	return strconv.Itoa(p) + " %"
}

// decimal is x with one decimal, with a decimal comma in German.
func (m *minutesWriter) decimal(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if m.lang == "en" {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}
