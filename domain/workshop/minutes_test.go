package workshop

import (
	"strings"
	"testing"
	"time"
)

// minutesRecord is a workshop with a module of every kind, hostile texts and items that must not
// reach the public minutes.
func minutesRecord() Record {
	start := time.Date(2025, 5, 12, 16, 0, 0, 0, time.UTC) // 18:00 in Berlin
	return Record{
		Workshop: Workshop{
			ID: 1, Title: "Quartier # Nord", StartsAt: start, EndsAt: start.Add(2 * time.Hour),
			Place: "Rathaus, Saal 2", OnlineURL: "https://meet.example/ab_c",
			Agenda: []AgendaItem{
				{ID: 11, Position: 1, Title: "Ideen", Minutes: 45},
				{ID: 10, Position: 0, Title: "Begrüßung", Minutes: 10, StartedAt: start.Add(2 * time.Minute), EndedAt: start.Add(14 * time.Minute)},
			},
		},
		ProcessTitle: "Sozialplanung 2025",
		Attendance:   Attendance{Total: 12, Guests: 5, LoggedIn: 7, ByOrg: map[string]int{"diakonie": 2, "awo": 3}},
		Modules: []Module{
			{ID: 5, Kind: KindBoard, Title: "Ideenwand", Position: 9, AgendaItemID: 11,
				Board: BoardConfig{Columns: []string{"Wünsche", "Sorgen"}, Dots: 3}},
			{ID: 1, Kind: KindQuestions, Title: "Fragen an das Amt", Position: 0},
			{ID: 2, Kind: KindPoll, Title: "Wie zufrieden?", Position: 1, Poll: PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5}},
			{ID: 3, Kind: KindPoll, Title: "Welcher Ort?", Position: 2, Poll: PollConfig{Kind: PollSingle, Options: []string{"Park", "Schule | Hof"}}},
			{ID: 4, Kind: KindPoll, Title: "Reihenfolge", Position: 3, Poll: PollConfig{Kind: PollRanking, Options: []string{"A", "B"}}},
			{ID: 6, Kind: KindPoll, Title: "Budget", Position: 4, Poll: PollConfig{Kind: PollBudget, Options: []string{"Spielplatz", "Bank"}, Budget: 100}},
			{ID: 7, Kind: KindPoll, Title: "Ein Wort", Position: 5, Poll: PollConfig{Kind: PollWords, Anonymous: true}},
			{ID: 8, Kind: KindPoll, Title: "Anmerkungen", Position: 6, Poll: PollConfig{Kind: PollText}},
			{ID: 9, Kind: KindPoll, Title: "Leer", Position: 7, Poll: PollConfig{Kind: PollMultiple, Options: []string{"x"}}},
		},
		Questions: map[int64][]Question{1: {
			{ID: 1, Text: "Wann kommt der Bus?", State: QuestionVisible, Votes: 2, AuthorName: "Erika Mustermann"},
			{ID: 2, Text: "# Überschrift *fett* <b>x</b> & | [link](http://x)", State: QuestionAnswered, Votes: 5, Answer: "Ab Juni.\nVersprochen."},
			{ID: 3, Text: "GEHEIM-wartend", State: QuestionPending, Votes: 9},
			{ID: 4, Text: "GEHEIM-versteckt", State: QuestionHidden, Votes: 9, Reason: "beleidigend"},
			{ID: 5, Text: "GEHEIM-zusammengelegt", State: QuestionMerged, MergedInto: 1},
			{ID: 6, Text: "1. Punkt", State: QuestionAnswered},
		}},
		Results: map[int64]Results{
			2: {Answers: 4, Scale: map[int]int{1: 1, 4: 2, 5: 1}, Mean: 3.5},
			3: {Answers: 5, Options: []int{3, 2}},
			4: {Answers: 2, Options: []int{3, 5}},
			6: {Answers: 2, Options: []int{150, 50}},
			7: {Answers: 3, Words: []WordCount{{"Grün", 1}, {"Ruhe", 3}}},
			8: {Answers: 1, Texts: []string{"- kein Listenpunkt"}},
		},
		Cards: map[int64][]Card{5: {
			{ID: 1, Text: "Mehr Bänke", State: CardVisible, ThemeID: 40, Dots: 4, AuthorName: "Max Muster"},
			{ID: 2, Text: "Schatten", State: CardVisible, ThemeID: 40, Dots: 1},
			{ID: 3, Text: "Lärm nachts", State: CardVisible, Column: 1, Dots: 2},
			{ID: 4, Text: "GEHEIM-karte", State: CardHidden, ThemeID: 40, Dots: 7},
			{ID: 5, Text: "GEHEIM-doppelt", State: CardMerged, Dots: 1},
		}},
		Themes:    map[int64][]Theme{5: {{ID: 40, Title: "Sitzen"}, {ID: 41, Title: "Leeres Thema", Position: 1}}},
		Decisions: []Decision{{ID: 1, AgendaItemID: 11, Text: "Bänke aufstellen"}, {ID: 2, Text: "Nächster Termin im Herbst"}},
	}
}

func TestMinutesGerman(t *testing.T) {
	md := BuildMinutes(minutesRecord())
	for _, want := range []string{
		"# Protokoll: Quartier \\# Nord\n",
		"- **Datum:** 12.05.2025, 18:00–20:00 Uhr\n",
		"- **Ort:** Rathaus, Saal 2\n",
		"- **Online:** https://meet.example/ab\\_c\n",
		"- **Planungsprozess:** Sozialplanung 2025\n",
		"## Anwesenheit\n\n- Teilnehmende insgesamt: 12\n- angemeldet: 7\n- Gäste: 5\n",
		"**Nach Organisation**\n\n- awo: 3\n- diakonie: 2\n",
		"## Tagesordnung\n\n- **1. Begrüßung** (geplant 10 Min., 18:02–18:14 Uhr)\n- **2. Ideen** (geplant 45 Min.)\n",
		// the most voted question first, with its answer on one line
		"- \\# Überschrift \\*fett\\* \\<b\\>x\\</b\\> \\& \\| \\[link\\](http://x) (5 Stimmen) **Antwort:** Ab Juni. Versprochen.\n- Wann kommt der Bus? (2 Stimmen)\n- 1\\. Punkt (0 Stimmen) (mündlich beantwortet)\n",
		"## Wie zufrieden?\n\n**Ergebnis** (4 Antworten)\n\n**Mittelwert:** 3,5 (Skala 1–5)\n\n- 1: 1 (25 %)\n- 2: 0 (0 %)\n- 3: 0 (0 %)\n- 4: 2 (50 %)\n- 5: 1 (25 %)\n",
		"- Park: 3 (60 %)\n- Schule \\| Hof: 2 (40 %)\n",
		"- B: 5 Punkte\n- A: 3 Punkte\n",
		"- Spielplatz: 150 Punkte (75 %)\n- Bank: 50 Punkte (25 %)\n",
		"- Ruhe: 3\n- Grün: 1\n",
		"- \\- kein Listenpunkt\n",
		"## Leer\n\nKeine Antworten.\n",
		"## Ideenwand\n\nTagesordnungspunkt: 2. Ideen\n",
		"### Thema: Sitzen (5 Punkte)\n\n- Mehr Bänke (4 Punkte)\n- Schatten (1 Punkt)\n",
		"### Thema: Leeres Thema (0 Punkte)\n\nKeine Karten.\n",
		"### Ohne Thema: Sorgen\n\n- Lärm nachts (2 Punkte)\n",
		"## Beschlüsse\n\n### 2. Ideen\n\n- Bänke aufstellen\n\n### Allgemein\n\n- Nächster Termin im Herbst\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes lack %q\n---\n%s", want, md)
		}
	}
	for _, never := range []string{"GEHEIM", "Erika", "Max Muster", "beleidigend"} {
		if strings.Contains(md, never) {
			t.Errorf("the minutes show %q", never)
		}
	}
	// Modules in position order: the questions before the polls before the board.
	if q, p, b := strings.Index(md, "## Fragen an das Amt"), strings.Index(md, "## Wie zufrieden?"), strings.Index(md, "## Ideenwand"); q < 0 || q > p || p > b {
		t.Errorf("modules out of order: %d %d %d", q, p, b)
	}
	// No line a participant wrote starts a block of its own.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "# ") && !strings.HasPrefix(line, "# Protokoll") {
			t.Errorf("a second title: %q", line)
		}
	}
}

func TestMinutesEnglish(t *testing.T) {
	r := minutesRecord()
	r.Language = "en"
	r.Workshop.EndsAt = time.Time{}
	r.Decisions = nil
	md := BuildMinutes(r)
	for _, want := range []string{
		"# Minutes: Quartier \\# Nord\n",
		"- **Date:** from 12 May 2025, 18:00\n",
		"- Participants in total: 12\n",
		"- Park: 3 (60%)\n",
		"**Mean:** 3.5 (scale 1–5)\n",
		"## Decisions\n\nNo decisions noted.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes lack %q\n---\n%s", want, md)
		}
	}
}

func TestMinutesMarkdownText(t *testing.T) {
	for in, want := range map[string]string{
		"# x":            "\\# x",
		"- a":            "\\- a",
		"+ a":            "\\+ a",
		"===":            "\\===",
		"12. Mai":        "12\\. Mai",
		"3) b":           "3\\) b",
		"am 12. Mai":     "am 12. Mai",
		"a-b c+d":        "a-b c+d",
		"a\\b":           "a\\\\b",
		"`code` ~x~ !":   "\\`code\\` \\~x\\~ \\!",
		"zwei\n\nzeilen": "zwei zeilen",
		"\u202eevil":     "evil",
	} {
		if got := MarkdownText(in); got != want {
			t.Errorf("MarkdownText(%q) = %q, want %q", in, got, want)
		}
	}
}
