package workshop

// minutesWords are the fixed words of the minutes in one language.
type minutesWords struct {
	minutes, date, place, online, process                            string
	attendance, total, loggedIn, guests, byOrg                       string
	agenda, planned, min, from, oclock, item                         string
	questions, noQuestions, vote, votes, answer, answeredOrally      string
	results, noAnswers, answerOne, answerMany, option, point, points string
	rankingNote, mean, scale                                         string
	noCards, dot, dots, theme, noTheme, column                       string
	decisions, noDecisions, general                                  string
}

var wordsDE = minutesWords{
	minutes: "Protokoll", date: "Datum", place: "Ort", online: "Online", process: "Planungsprozess",
	attendance: "Anwesenheit", total: "Teilnehmende insgesamt", loggedIn: "angemeldet", guests: "Gäste",
	byOrg:  "Nach Organisation",
	agenda: "Tagesordnung", planned: "geplant", min: "Min.", from: "ab", oclock: " Uhr", item: "Tagesordnungspunkt",
	questions: "Fragen", noQuestions: "Keine Fragen.", vote: "Stimme", votes: "Stimmen", answer: "Antwort",
	answeredOrally: "(mündlich beantwortet)",
	results:        "Ergebnis", noAnswers: "Keine Antworten.", answerOne: "Antwort", answerMany: "Antworten",
	option: "Option", point: "Punkt", points: "Punkte",
	rankingNote: "Punkte nach Rangfolge: der erste Platz zählt am meisten.", mean: "Mittelwert", scale: "Skala",
	noCards: "Keine Karten.", dot: "Punkt", dots: "Punkte", theme: "Thema", noTheme: "Ohne Thema", column: "Spalte",
	decisions: "Beschlüsse", noDecisions: "Keine Beschlüsse notiert.", general: "Allgemein",
}

var wordsEN = minutesWords{
	minutes: "Minutes", date: "Date", place: "Place", online: "Online", process: "Planning process",
	attendance: "Attendance", total: "Participants in total", loggedIn: "logged in", guests: "guests",
	byOrg:  "By organisation",
	agenda: "Agenda", planned: "planned", min: "min", from: "from", oclock: "", item: "Agenda item",
	questions: "Questions", noQuestions: "No questions.", vote: "vote", votes: "votes", answer: "Answer",
	answeredOrally: "(answered orally)",
	results:        "Results", noAnswers: "No answers.", answerOne: "answer", answerMany: "answers",
	option: "Option", point: "point", points: "points",
	rankingNote: "Points by rank: first place counts most.", mean: "Mean", scale: "scale",
	noCards: "No cards.", dot: "dot", dots: "dots", theme: "Theme", noTheme: "No theme", column: "Column",
	decisions: "Decisions", noDecisions: "No decisions noted.", general: "General",
}
