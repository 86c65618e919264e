package workshopreport

import (
	"cmp"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/csvcell"
)

// CSVHeader are the raw data's columns.
var CSVHeader = []string{"kind", "module", "id", "text", "state", "votes_or_dots", "answer", "theme", "column", "created_at"}

// DataRow is one line of a workshop's raw data: a public question (kind "question", with its
// votes and answer), a visible card ("card", with its dots, theme and column), one poll answer
// ("answer", with what was chosen, given or written, and nothing that tells who or when) or a
// decision ("decision"; Module is its agenda item).
type DataRow struct {
	Kind      string
	Module    string
	ID        int64 // 0 for a poll answer
	Text      string
	State     string
	Count     int // a question's votes, a card's dots
	Answer    string
	Theme     string
	Column    string
	CreatedAt time.Time // zero for a poll answer
}

// Rows are the record's raw data: per module in position order its questions, cards or answers,
// then the decisions. What the minutes leave out stays out: pending, hidden and merged questions,
// hidden and merged cards, anyone's name.
func Rows(r workshop.Record) []DataRow {
	var rows []DataRow
	mods := slices.Clone(r.Modules)
	slices.SortStableFunc(mods, func(a, b workshop.Module) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	for _, m := range mods {
		switch m.Kind {
		case workshop.KindQuestions:
			for _, q := range r.Questions[m.ID] {
				if q.State == workshop.QuestionVisible || q.State == workshop.QuestionAnswered {
					rows = append(rows, DataRow{Kind: "question", Module: m.Title, ID: q.ID, Text: q.Text, State: string(q.State),
						Count: q.Votes, Answer: q.Answer, CreatedAt: q.CreatedAt})
				}
			}
		case workshop.KindBoard:
			themes := map[int64]string{}
			for _, t := range r.Themes[m.ID] {
				themes[t.ID] = t.Title
			}
			for _, c := range r.Cards[m.ID] {
				if c.State != workshop.CardVisible {
					continue
				}
				col := "" // a column the board no longer has
				if c.Column >= 0 && c.Column < len(m.Board.Columns) {
					col = m.Board.Columns[c.Column]
				}
				rows = append(rows, DataRow{Kind: "card", Module: m.Title, ID: c.ID, Text: c.Text, State: string(c.State),
					Count: c.Dots, Theme: themes[c.ThemeID], Column: col, CreatedAt: c.CreatedAt})
			}
		case workshop.KindPoll:
			var texts []string
			for _, a := range r.Answers[m.ID] {
				texts = append(texts, answerText(m.Poll, a))
			}
			slices.Sort(texts) // the order people answered in would tell who gave which answer
			for _, t := range texts {
				rows = append(rows, DataRow{Kind: "answer", Module: m.Title, Text: t})
			}
		}
	}
	for _, d := range r.Decisions {
		item := ""
		for _, it := range r.Workshop.Agenda {
			if it.ID == d.AgendaItemID && d.AgendaItemID != 0 {
				item = it.Title
			}
		}
		rows = append(rows, DataRow{Kind: "decision", Module: item, ID: d.ID, Text: d.Text, CreatedAt: d.CreatedAt})
	}
	return rows
}

// answerText is one answer as a reader understands it: the options chosen ("Park; Schule"), the
// ranking ("B > A"), the points ("A: 60; B: 40"), the number, the words or the text.
func answerText(c workshop.PollConfig, a workshop.Answer) string {
	option := func(i int) string {
		if i >= 0 && i < len(c.Options) {
			return c.Options[i]
		}
		return "#" + strconv.Itoa(i+1)
	}
	var parts []string
	switch c.Kind {
	case workshop.PollSingle, workshop.PollMultiple:
		for _, v := range a.Values {
			parts = append(parts, option(v))
		}
		return strings.Join(parts, "; ")
	case workshop.PollRanking:
		for _, v := range a.Values {
			parts = append(parts, option(v))
		}
		return strings.Join(parts, " > ")
	case workshop.PollBudget:
		for i, v := range a.Values {
			if v != 0 {
				parts = append(parts, option(i)+": "+strconv.Itoa(v))
			}
		}
		return strings.Join(parts, "; ")
	case workshop.PollScale:
		if len(a.Values) > 0 {
			return strconv.Itoa(a.Values[0])
		}
		return ""
	case workshop.PollWords:
		return strings.Join(a.Words, "; ")
	default:
		return a.Text
	}
}

// CSV writes the raw data as CSV in UTF-8 with a byte order mark (without it, Excel reads the
// umlauts as Latin-1); a text a spreadsheet would take for a formula is made text (csvcell).
func CSV(w io.Writer, r workshop.Record) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, row := range Rows(r) {
		if err := cw.Write(row.cells()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func (d DataRow) cells() []string {
	id, count, at := "", "", ""
	if d.ID != 0 {
		id = strconv.FormatInt(d.ID, 10)
	}
	if d.Kind == "question" || d.Kind == "card" {
		count = strconv.Itoa(d.Count)
	}
	if !d.CreatedAt.IsZero() {
		at = d.CreatedAt.UTC().Format(time.RFC3339)
	}
	text := func(s string) string { return csvcell.Safe(cleanText(s)) }
	return []string{d.Kind, text(d.Module), id, text(d.Text), d.State, count, text(d.Answer), text(d.Theme), text(d.Column), at}
}
