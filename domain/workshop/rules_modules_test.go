package workshop

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestModuleValidate(t *testing.T) {
	poll := PollConfig{Kind: PollSingle, Options: opts(2)}
	for _, tc := range []struct {
		name string
		m    Module
		ok   bool
	}{
		{"questions", Module{Kind: KindQuestions, Title: "Fragen"}, true},
		{"questions without title", Module{Kind: KindQuestions}, true},
		{"poll", Module{Kind: KindPoll, Poll: poll}, true},
		{"board", Module{Kind: KindBoard, Board: BoardConfig{Columns: []string{"Stärken", "Schwächen"}, Dots: 5, Voting: true}}, true},
		{"board at most", Module{Kind: KindBoard, Board: BoardConfig{Columns: opts(MaxOptions), Dots: MaxDots}}, true},
		{"closed", Module{Kind: KindQuestions, State: ModuleClosed}, true},

		{"no kind", Module{}, false},
		{"unknown kind", Module{Kind: "chat"}, false},
		{"unknown state", Module{Kind: KindQuestions, State: "paused"}, false},
		{"negative position", Module{Kind: KindQuestions, Position: -1}, false},
		{"negative agenda item", Module{Kind: KindQuestions, AgendaItemID: -1}, false},
		{"title 10k", Module{Kind: KindQuestions, Title: huge}, false},
		{"title one over in characters", Module{Kind: KindQuestions, Title: strings.Repeat("ß", MaxTitle+1)}, false},
		{"title NUL", Module{Kind: KindQuestions, Title: "a\x00"}, false},
		{"title invalid UTF-8", Module{Kind: KindQuestions, Title: "\xc0"}, false},
		{"poll invalid", Module{Kind: KindPoll, Poll: PollConfig{Kind: PollSingle}}, false},
		{"poll without config", Module{Kind: KindPoll}, false},
		{"board too many columns", Module{Kind: KindBoard, Board: BoardConfig{Columns: opts(MaxOptions + 1)}}, false},
		{"board empty column", Module{Kind: KindBoard, Board: BoardConfig{Columns: []string{"Ideen", "\u200b"}}}, false},
		{"board column twice", Module{Kind: KindBoard, Board: BoardConfig{Columns: []string{"Ideen", "IDEEN"}}}, false},
		{"board column 10k", Module{Kind: KindBoard, Board: BoardConfig{Columns: []string{huge}}}, false},
		{"board negative dots", Module{Kind: KindBoard, Board: BoardConfig{Dots: -1}}, false},
		{"board too many dots", Module{Kind: KindBoard, Board: BoardConfig{Dots: MaxDots + 1}}, false},
		{"board huge dots", Module{Kind: KindBoard, Board: BoardConfig{Dots: math.MaxInt}}, false},
		{"board voting without dots", Module{Kind: KindBoard, Board: BoardConfig{Voting: true}}, false},
	} {
		m := tc.m
		err := m.Validate()
		if tc.ok != (err == nil) || err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}

	m := Module{Kind: KindBoard, Poll: poll, Title: " Ideen\u202e "}
	if err := m.Validate(); err != nil || m.State != ModuleReady || len(m.Board.Columns) != 1 || m.Board.Columns[0] != DefaultColumn || m.Poll.Kind != "" || m.Title != "Ideen" {
		t.Errorf("a new board: %v %+v", err, m)
	}
	q := Module{Kind: KindQuestions, Poll: poll, Board: BoardConfig{Dots: 3}}
	if err := q.Validate(); err != nil || q.Poll.Kind != "" || q.Board.Dots != 0 {
		t.Errorf("a questions module keeps other configs: %v %+v", err, q)
	}
}

func TestModuleState(t *testing.T) {
	t1, t2, t3 := t0.Add(time.Minute), t0.Add(2*time.Minute), t0.Add(3*time.Minute)
	m := Module{Kind: KindPoll, State: ModuleReady}
	for _, tc := range []struct {
		name string
		do   func() error
		ok   bool
		want ModuleState
	}{
		{"close a ready one", func() error { return m.Close(t0) }, false, ModuleReady},
		{"open", func() error { return m.Open(t1) }, true, ModuleOpen},
		{"open twice", func() error { return m.Open(t1) }, false, ModuleOpen},
		{"close", func() error { return m.Close(t2) }, true, ModuleClosed},
		{"close twice", func() error { return m.Close(t2) }, false, ModuleClosed},
		{"reopen", func() error { return m.Open(t3) }, true, ModuleOpen},
	} {
		err := tc.do()
		if tc.ok != (err == nil) || err != nil && !errors.Is(err, ErrModuleState) || m.State != tc.want {
			t.Errorf("%s: %v, now %s", tc.name, err, m.State)
		}
	}
	if !m.OpenedAt.Equal(t3) || !m.ClosedAt.IsZero() {
		t.Errorf("reopened: opened %v, closed %v", m.OpenedAt, m.ClosedAt)
	}
}

func TestModuleRevise(t *testing.T) {
	single := PollConfig{Kind: PollSingle, Options: []string{"Ja", "Nein"}, Anonymous: true}
	scale := PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5}
	with := func(c PollConfig, f func(*PollConfig)) PollConfig {
		c.Options = append([]string(nil), c.Options...)
		f(&c)
		return c
	}
	for _, tc := range []struct {
		name   string
		poll   PollConfig // as stored
		opened bool
		next   PollConfig
		ok     bool
	}{
		{"ready: anything", single, false, PollConfig{Kind: PollText}, true},
		{"ready: anonymous to named", single, false, with(single, func(c *PollConfig) { c.Anonymous = false }), true},
		{"opened: the same", single, true, single, true},
		{"opened: options trimmed alike", single, true, with(single, func(c *PollConfig) { c.Options[0] = " Ja " }), true},
		{"opened: results live", single, true, with(single, func(c *PollConfig) { c.ResultsLive = true }), true},
		{"opened: named to anonymous", scale, true, with(scale, func(c *PollConfig) { c.Anonymous = true }), true},

		{"opened: anonymous to named", single, true, with(single, func(c *PollConfig) { c.Anonymous = false }), false},
		{"opened: kind", single, true, with(single, func(c *PollConfig) { c.Kind = PollMultiple }), false},
		{"opened: an option renamed", single, true, with(single, func(c *PollConfig) { c.Options[1] = "Vielleicht" }), false},
		{"opened: an option added", single, true, with(single, func(c *PollConfig) { c.Options = append(c.Options, "Egal") }), false},
		{"opened: the scale", scale, true, with(scale, func(c *PollConfig) { c.ScaleMin, c.ScaleMax = 0, 10 }), false},
		{"opened: invalid", single, true, with(single, func(c *PollConfig) { c.Options = nil }), false},
	} {
		m := Module{Kind: KindPoll, State: ModuleReady, Poll: tc.poll}
		if err := m.Validate(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if tc.opened {
			_ = m.Open(t0)
			_ = m.Close(t0.Add(time.Minute))
		}
		before := m.Poll
		err := m.Revise(ModuleInput{Kind: KindPoll, Title: "Neu", Poll: tc.next})
		if tc.ok != (err == nil) {
			t.Errorf("%s: %v", tc.name, err)
		}
		if err != nil && m.Title != "" || err != nil && !errors.Is(err, ErrModuleState) && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: refused with %v, title now %q", tc.name, err, m.Title)
		}
		if err != nil && !slices.Equal(m.Poll.Options, before.Options) {
			t.Errorf("%s: refused but changed: %+v", tc.name, m.Poll)
		}
	}

	m := Module{Kind: KindBoard, Board: BoardConfig{Dots: 3, Voting: true, Until: t0}}
	if err := m.Revise(ModuleInput{Kind: KindBoard, Board: BoardConfig{Columns: []string{"A"}, Dots: 5}}); err != nil || !m.Board.Voting || !m.Board.Until.Equal(t0) || m.Board.Dots != 5 {
		t.Errorf("a board's round: %v %+v", err, m.Board)
	}
	if err := m.Revise(ModuleInput{Kind: KindPoll, Poll: single}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a board made a poll: %v", err)
	}
}

func TestQuestionStates(t *testing.T) {
	all := []QuestionState{QuestionPending, QuestionVisible, QuestionAnswered, QuestionHidden, QuestionMerged}
	for _, tc := range []struct {
		name    string
		do      func(*Question) error
		allowed []QuestionState // from which states it succeeds
		to      QuestionState
		err     error // the error from the other states
	}{
		{"approve", func(q *Question) error { return q.Approve() }, []QuestionState{QuestionPending}, QuestionVisible, ErrQuestionState},
		{"answer", func(q *Question) error { return q.MarkAnswered("Ja, ab Mai.") }, []QuestionState{QuestionVisible, QuestionAnswered}, QuestionAnswered, ErrQuestionState},
		{"answer orally", func(q *Question) error { return q.MarkAnswered("") }, []QuestionState{QuestionVisible, QuestionAnswered}, QuestionAnswered, ErrQuestionState},
		{"hide", func(q *Question) error { return q.Hide("Beleidigung") }, []QuestionState{QuestionPending, QuestionVisible, QuestionAnswered, QuestionHidden}, QuestionHidden, ErrQuestionState},
		{"highlight", func(q *Question) error { return q.Highlight(true) }, []QuestionState{QuestionVisible, QuestionAnswered}, "", ErrQuestionState},
		{"unhighlight", func(q *Question) error { return q.Highlight(false) }, all, "", nil},
	} {
		for _, from := range all {
			q := Question{ID: 1, ModuleID: 2, State: from, Highlighted: true}
			err := tc.do(&q)
			want := tc.to
			if want == "" {
				want = from
			}
			if ok := contains(tc.allowed, from); ok {
				if err != nil || q.State != want {
					t.Errorf("%s from %s: %v, now %s", tc.name, from, err, q.State)
				}
			} else if !errors.Is(err, tc.err) || q.State != from {
				t.Errorf("%s from %s: %v, now %s", tc.name, from, err, q.State)
			}
		}
	}

	q := Question{State: QuestionVisible, Highlighted: true}
	if err := q.MarkAnswered("  Ja\r\nab Mai "); err != nil || q.Answer != "Ja\nab Mai" {
		t.Errorf("answer: %v %q", err, q.Answer)
	}
	for _, bad := range []string{strings.Repeat("ä", MaxAnswer+1), "a\x00", "\xff"} {
		q := Question{State: QuestionVisible}
		if err := q.MarkAnswered(bad); !errors.Is(err, ErrInvalid) || q.State != QuestionVisible {
			t.Errorf("answer %.10q: %v", bad, err)
		}
	}
	if err := q.Hide(" Werbung "); err != nil || q.Highlighted || q.Reason != "Werbung" {
		t.Errorf("a hidden question stays highlighted or keeps no reason: %v %+v", err, q)
	}
	for _, tc := range []struct {
		reason string
		err    error
	}{{"", ErrReasonRequired}, {" \t\u200b", ErrReasonRequired}, {"\u202e", ErrReasonRequired},
		{strings.Repeat("ü", MaxReason+1), ErrInvalid}, {huge, ErrInvalid}, {"a\x00b", ErrInvalid}, {"\xff", ErrInvalid}} {
		q := Question{State: QuestionVisible}
		c := Card{State: CardVisible}
		if err := q.Hide(tc.reason); !errors.Is(err, tc.err) || q.State != QuestionVisible {
			t.Errorf("question, reason %.10q: %v", tc.reason, err)
		}
		if err := c.Hide(tc.reason); !errors.Is(err, tc.err) || c.State != CardVisible {
			t.Errorf("card, reason %.10q: %v", tc.reason, err)
		}
	}
	if !(Question{State: QuestionVisible}).Public() || !(Question{State: QuestionAnswered}).Public() ||
		(Question{State: QuestionPending}).Public() || (Question{State: QuestionHidden}).Public() || (Question{State: QuestionMerged}).Public() {
		t.Error("Public: visible and answered only")
	}
}

func contains[T comparable](s []T, x T) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func TestQuestionMerge(t *testing.T) {
	for _, tc := range []struct {
		name   string
		q, tgt Question
		nilTgt bool
		err    error
	}{
		{"duplicate", Question{ID: 1, ModuleID: 2, State: QuestionVisible, Highlighted: true}, Question{ID: 3, ModuleID: 2, State: QuestionAnswered}, false, nil},
		{"pending into visible", Question{ID: 1, ModuleID: 2, State: QuestionPending}, Question{ID: 3, ModuleID: 2, State: QuestionVisible}, false, nil},
		{"itself", Question{ID: 1, ModuleID: 2, State: QuestionVisible}, Question{ID: 1, ModuleID: 2, State: QuestionVisible}, false, ErrInvalid},
		{"no target", Question{ID: 1, ModuleID: 2, State: QuestionVisible}, Question{}, true, ErrInvalid},
		{"other module", Question{ID: 1, ModuleID: 2, State: QuestionVisible}, Question{ID: 3, ModuleID: 4, State: QuestionVisible}, false, ErrInvalid},
		{"hidden one", Question{ID: 1, ModuleID: 2, State: QuestionHidden}, Question{ID: 3, ModuleID: 2, State: QuestionVisible}, false, ErrQuestionState},
		{"merged one", Question{ID: 1, ModuleID: 2, State: QuestionMerged}, Question{ID: 3, ModuleID: 2, State: QuestionVisible}, false, ErrQuestionState},
		{"into hidden", Question{ID: 1, ModuleID: 2, State: QuestionVisible}, Question{ID: 3, ModuleID: 2, State: QuestionHidden}, false, ErrQuestionState},
		{"into merged", Question{ID: 1, ModuleID: 2, State: QuestionVisible}, Question{ID: 3, ModuleID: 2, State: QuestionMerged}, false, ErrQuestionState},
	} {
		q, tgt := tc.q, &tc.tgt
		if tc.nilTgt {
			tgt = nil
		}
		err := q.MergeInto(tgt)
		switch {
		case tc.err == nil && (err != nil || q.State != QuestionMerged || q.MergedInto != tc.tgt.ID || q.Highlighted):
			t.Errorf("%s: %v %+v", tc.name, err, q)
		case tc.err != nil && (!errors.Is(err, tc.err) || q.State != tc.q.State || q.MergedInto != 0):
			t.Errorf("%s: %v %+v", tc.name, err, q)
		}
	}
}

func TestSortQuestions(t *testing.T) {
	qs := []Question{
		{ID: 1, Votes: 5, CreatedAt: t0},
		{ID: 2, Votes: 9, CreatedAt: t0.Add(time.Minute)},
		{ID: 3, Votes: 5, CreatedAt: t0.Add(2 * time.Minute)},
		{ID: 4, Votes: 0, CreatedAt: t0.Add(2 * time.Minute)},
	}
	ids := func(qs []Question) []int64 {
		out := []int64{}
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	for _, tc := range []struct {
		by   string
		want []int64
	}{{"votes", []int64{2, 3, 1, 4}}, {"newest", []int64{4, 3, 2, 1}}, {"", []int64{4, 3, 2, 1}}, {"bogus", []int64{4, 3, 2, 1}}} {
		SortQuestions(qs, tc.by)
		if got := ids(qs); !equal(got, tc.want) {
			t.Errorf("by %q: %v, want %v", tc.by, got, tc.want)
		}
	}
	SortQuestions(nil, "votes")
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCheckDots(t *testing.T) {
	cards := map[int64]Card{
		1: {ID: 1, ModuleID: 5, State: CardVisible},
		2: {ID: 2, ModuleID: 5, State: CardVisible},
		3: {ID: 3, ModuleID: 5, State: CardHidden},
		4: {ID: 4, ModuleID: 5, State: CardMerged},
		6: {ID: 7, ModuleID: 5, State: CardVisible}, // a key that is not the card's id
	}
	open := BoardConfig{Columns: []string{"Ideen"}, Dots: 3, Voting: true}
	timed := open
	timed.Until = t0.Add(time.Minute)
	for _, tc := range []struct {
		name string
		b    BoardConfig
		dots map[int64]int
		now  time.Time
		err  error
	}{
		{"within budget", open, map[int64]int{1: 2, 2: 1}, t0, nil},
		{"all on one", open, map[int64]int{1: 3}, t0, nil},
		{"none", open, map[int64]int{}, t0, nil},
		{"nil", open, nil, t0, nil},
		{"before the timer", timed, map[int64]int{1: 1}, t0.Add(59 * time.Second), nil},
		{"at the timer", timed, map[int64]int{1: 1}, t0.Add(time.Minute), ErrVotingClosed},
		{"after the timer", timed, map[int64]int{1: 1}, t0.Add(time.Hour), ErrVotingClosed},
		{"voting off", BoardConfig{Dots: 3}, map[int64]int{1: 1}, t0, ErrVotingClosed},
		{"no dots", BoardConfig{Voting: true}, map[int64]int{}, t0, ErrVotingClosed},
		{"over budget", open, map[int64]int{1: 2, 2: 2}, t0, ErrDotBudget},
		{"huge count", open, map[int64]int{1: math.MaxInt}, t0, ErrDotBudget},
		{"huge counts that overflow", open, map[int64]int{1: math.MaxInt, 2: math.MaxInt}, t0, ErrDotBudget},
		{"zero", open, map[int64]int{1: 0}, t0, ErrInvalid},
		{"negative", open, map[int64]int{1: 4, 2: -1}, t0, nil}, // one of the two errors; map order decides
		{"min int", open, map[int64]int{1: math.MinInt}, t0, ErrInvalid},
		{"unknown card", open, map[int64]int{99: 1}, t0, ErrCardNotFound},
		{"hidden card", open, map[int64]int{3: 1}, t0, ErrCardNotFound},
		{"merged card", open, map[int64]int{4: 1}, t0, ErrCardNotFound},
		{"mismatched key", open, map[int64]int{6: 1}, t0, ErrCardNotFound},
	} {
		err := tc.b.CheckDots(tc.dots, cards, tc.now)
		switch {
		case tc.name == "negative":
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrDotBudget) {
				t.Errorf("%s: %v", tc.name, err)
			}
		case tc.err == nil && err != nil, tc.err != nil && !errors.Is(err, tc.err):
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func TestCards(t *testing.T) {
	visible := func(id, module int64) Card { return Card{ID: id, ModuleID: module, State: CardVisible} }
	for _, tc := range []struct {
		name string
		c, t Card
		nilT bool
		err  error
	}{
		{"merge", visible(1, 5), visible(2, 5), false, nil},
		{"itself", visible(1, 5), visible(1, 5), false, ErrInvalid},
		{"nil", visible(1, 5), Card{}, true, ErrInvalid},
		{"other board", visible(1, 5), visible(2, 6), false, ErrInvalid},
		{"hidden one", Card{ID: 1, ModuleID: 5, State: CardHidden}, visible(2, 5), false, ErrCardState},
		{"into hidden", visible(1, 5), Card{ID: 2, ModuleID: 5, State: CardHidden}, false, ErrCardState},
		{"into merged", visible(1, 5), Card{ID: 2, ModuleID: 5, State: CardMerged}, false, ErrCardState},
	} {
		c, tgt := tc.c, &tc.t
		if tc.nilT {
			tgt = nil
		}
		err := c.MergeInto(tgt)
		switch {
		case tc.err == nil && (err != nil || c.State != CardMerged || c.MergedInto != tc.t.ID):
			t.Errorf("merge %s: %v %+v", tc.name, err, c)
		case tc.err != nil && (!errors.Is(err, tc.err) || c.State != tc.c.State):
			t.Errorf("merge %s: %v %+v", tc.name, err, c)
		}
	}

	for _, from := range []CardState{CardVisible, CardHidden, CardMerged} {
		c := Card{State: from}
		err := c.Hide("doppelt")
		if from == CardMerged && !errors.Is(err, ErrCardState) || from != CardMerged && (err != nil || c.State != CardHidden || c.Reason != "doppelt") {
			t.Errorf("hide from %s: %v %+v", from, err, c)
		}
	}

	b := &BoardConfig{Columns: []string{"Stärken", "Schwächen", "Ideen"}}
	for _, tc := range []struct {
		name   string
		state  CardState
		column int
		theme  int64
		err    error
	}{
		{"last column with theme", CardVisible, 2, 8, nil},
		{"first column, no theme", CardVisible, 0, 0, nil},
		{"past the last column", CardVisible, 3, 0, ErrInvalid},
		{"negative column", CardVisible, -1, 0, ErrInvalid},
		{"huge column", CardVisible, math.MaxInt, 0, ErrInvalid},
		{"min int column", CardVisible, math.MinInt, 0, ErrInvalid},
		{"negative theme", CardVisible, 0, -1, ErrInvalid},
		{"hidden card", CardHidden, 1, 0, ErrCardState},
		{"merged card", CardMerged, 1, 0, ErrCardState},
	} {
		c := Card{State: tc.state, Column: 1, ThemeID: 4}
		err := c.Move(tc.column, tc.theme, b)
		switch {
		case tc.err == nil && (err != nil || c.Column != tc.column || c.ThemeID != tc.theme):
			t.Errorf("move %s: %v %+v", tc.name, err, c)
		case tc.err != nil && (!errors.Is(err, tc.err) || c.Column != 1 || c.ThemeID != 4):
			t.Errorf("move %s: %v %+v", tc.name, err, c)
		}
	}
}
