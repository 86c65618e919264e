package workshopreport

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"

	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/markdown"
	"github.com/teilhabe/teilhabe/internal/testpdf"
)

var longWord = strings.Repeat("Donaudampfschifffahrtsgesellschaft", 8)

// record is a small workshop with hostile texts in every place people write.
func record() workshop.Record {
	at := time.Date(2025, 5, 12, 16, 0, 0, 0, time.UTC)
	return workshop.Record{
		Workshop:     workshop.Workshop{Title: "Werkstatt Südstadt", StartsAt: at, Place: "Bürgerhaus", Agenda: []workshop.AgendaItem{{ID: 7, Title: "Größe"}}},
		ProcessTitle: "Sozialplanung",
		Attendance:   workshop.Attendance{Total: 3, Guests: 1, LoggedIn: 2},
		Modules: []workshop.Module{
			{ID: 1, Kind: workshop.KindQuestions, Title: "Fragen"},
			{ID: 2, Kind: workshop.KindBoard, Title: "Wand", Position: 1, Board: workshop.BoardConfig{Columns: []string{"=Spalte"}}},
			{ID: 3, Kind: workshop.KindPoll, Title: "Ort", Position: 2, Poll: workshop.PollConfig{Kind: workshop.PollMultiple, Options: []string{"Park", "Schule"}, Anonymous: true}},
			{ID: 4, Kind: workshop.KindPoll, Title: "Rang", Position: 3, Poll: workshop.PollConfig{Kind: workshop.PollRanking, Options: []string{"A", "B"}}},
		},
		Questions: map[int64][]workshop.Question{1: {
			{ID: 1, Text: `# Überschrift *fett* <b>x</b> & "q" 'a' | ş`, State: workshop.QuestionVisible, Votes: 2, AuthorName: "Erika", CreatedAt: at},
			{ID: 2, Text: "=HYPERLINK(\"http://evil\")", State: workshop.QuestionAnswered, Answer: "-1+1", CreatedAt: at},
			{ID: 3, Text: "GEHEIM", State: workshop.QuestionPending},
			{ID: 4, Text: "GEHEIM", State: workshop.QuestionHidden},
		}},
		Results: map[int64]workshop.Results{3: {Answers: 2, Options: []int{2, 1}}},
		Answers: map[int64][]workshop.Answer{
			3: {{ParticipantID: 99, Values: []int{0, 1}, UpdatedAt: at}, {ParticipantID: 98, Values: []int{0}}},
			4: {{ParticipantID: 97, Values: []int{1, 0}}},
		},
		Cards: map[int64][]workshop.Card{2: {
			{ID: 5, Text: "Bänke " + longWord, State: workshop.CardVisible, Dots: 3, ThemeID: 9, AuthorName: "Max"},
			{ID: 6, Text: "GEHEIM", State: workshop.CardHidden},
		}},
		Themes:    map[int64][]workshop.Theme{2: {{ID: 9, Title: "@Sitzen"}}},
		Decisions: []workshop.Decision{{ID: 8, AgendaItemID: 7, Text: "Mehr Grün für alle"}},
	}
}

// minutes is the draft with what a facilitator adds: a table, a numbered item, nesting.
func minutes() string {
	return workshop.BuildMinutes(record()) + "\n## Nachtrag\n\n| Maßnahme | Kosten \\| Euro |\n|---|---:|\n| Bänke | 1.200 |\n| **Bäume** | 3.000 |\n\n" +
		"1. erstens\n  - eingerückt\n\nText mit **fett** und *Sternchen* ohne Ende **offen\n" +
		strings.Repeat("\nEin langer Absatz über Straßen, Höfe und Übergänge, der die Seite füllt.\n", 60)
}

func TestPDF(t *testing.T) {
	var buf bytes.Buffer
	if err := PDF(&buf, "Protokoll: Werkstatt Südstadt", minutes()); err != nil {
		t.Fatal(err)
	}
	pages := testpdf.Pages(t, buf.Bytes())
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the long text to turn the page", len(pages))
	}
	all := strings.Join(pages, "")
	for _, want := range []string{
		"Protokoll:WerkstattSüdstadt", "Anwesenheit", "Tagesordnung", "Größe", "Bürgerhaus",
		// The escapes undone, the text as it was written. (The reader decodes fpdf's identity
		// ToUnicode map for code points up to U+00FF only: it reads ş and the bullet • as their
		// low byte, "_" and `"`, so those two are not checked here; a viewer shows them.)
		`#Überschrift*fett*<b>x</b>&"q"'a'|`, "(2Stimmen)", "Maßnahme", "Kosten|Euro", "1.200", "Bäume", "1.erstens", "eingerückt",
		"*Sternchen*ohneEnde**offen", "Bänke" + longWord, "Thema:@Sitzen(3Punkte)", "MehrGrünfüralle",
		"1/" + strconv.Itoa(len(pages)),
	} {
		if !strings.Contains(all, testpdf.Squeeze(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, never := range []string{"GEHEIM", "Erika", `\#`, `\*`} {
		if strings.Contains(all, never) {
			t.Errorf("the PDF shows %q", never)
		}
	}
	// The long word is broken, not run off the page: no text passes the right margin.
	r, err := pdf.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	const right = (pageW - margin + 1) / 25.4 * 72
	for i := 1; i <= r.NumPage(); i++ {
		for _, tx := range r.Page(i).Content().Text {
			if tx.X+tx.W > right {
				t.Fatalf("page %d: %q ends at %.0fpt, past the margin at %.0fpt", i, tx.S, tx.X+tx.W, right)
			}
		}
	}
}

func TestDOCX(t *testing.T) {
	var buf bytes.Buffer
	if err := DOCX(&buf, `Protokoll <&> "Süd"`, minutes()); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		_ = rc.Close()
		parts[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			wellFormed(t, f.Name, b)
		}
	}
	doc := parts["word/document.xml"]
	text := docText(t, doc)
	for _, want := range []string{
		"Protokoll: Werkstatt Südstadt", "Größe", `# Überschrift *fett* <b>x</b> & "q" 'a' | ş`,
		"Maßnahme", "Kosten | Euro", "1.200", "Bänke " + longWord, "Mehr Grün für alle", "*Sternchen* ohne Ende **offen",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	for _, want := range []string{
		`<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Heading2"/>`, `<w:pStyle w:val="Heading3"/>`,
		`<w:numId w:val="1"/>`, `<w:ilvl w:val="1"/>`, `<w:tblHeader/>`, "&lt;b&gt;x&lt;/b&gt; &amp;",
		`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bäume</w:t></w:r>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(text, "GEHEIM") || strings.Contains(text, `\#`) {
		t.Error("the document shows hidden text or Markdown escapes")
	}
	if !strings.Contains(parts["word/footer1.xml"], `w:instr="PAGE"`) || !strings.Contains(parts["docProps/core.xml"], "Protokoll &lt;&amp;&gt;") {
		t.Error("footer or title missing")
	}
}

func wellFormed(t *testing.T, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

// docText is the text of every w:t, paragraphs on their own lines.
func docText(t *testing.T, doc string) string {
	d := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if e.Name.Local == "p" {
				b.WriteString("\n")
			}
		case xml.CharData:
			if inText {
				b.Write(e)
			}
		}
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, record()); err != nil {
		t.Fatal(err)
	}
	data, ok := bytes.CutPrefix(buf.Bytes(), []byte("\uFEFF"))
	if !ok {
		t.Fatal("no byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		CSVHeader,
		{"question", "Fragen", "1", `# Überschrift *fett* <b>x</b> & "q" 'a' | ş`, "visible", "2", "", "", "", "2025-05-12T16:00:00Z"},
		{"question", "Fragen", "2", `'=HYPERLINK("http://evil")`, "answered", "0", "'-1+1", "", "", "2025-05-12T16:00:00Z"},
		{"card", "Wand", "5", "Bänke " + longWord, "visible", "3", "", "'@Sitzen", "'=Spalte", ""},
		{"answer", "Ort", "", "Park", "", "", "", "", "", ""},
		{"answer", "Ort", "", "Park; Schule", "", "", "", "", "", ""},
		{"answer", "Rang", "", "B > A", "", "", "", "", "", ""},
		{"decision", "Größe", "8", "Mehr Grün für alle", "", "", "", "", "", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "\x00") != strings.Join(want[i], "\x00") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	if bytes.Contains(data, []byte("GEHEIM")) || bytes.Contains(data, []byte("Erika")) || bytes.Contains(data, []byte("99")) {
		t.Error("the CSV carries hidden text, a name or a participant")
	}
}

// The draft shows hostile text literally on the process page too, where internal/markdown renders
// it: no heading, emphasis, HTML or link comes of what a participant wrote.
func TestMinutesOnTheWeb(t *testing.T) {
	html := markdown.Document(workshop.BuildMinutes(record()))
	for _, never := range []string{"<em>", "<b>", `href="http://evil`, "<h1>Überschrift"} {
		if strings.Contains(html, never) {
			t.Errorf("the page renders %q:\n%s", never, html)
		}
	}
	if !strings.Contains(html, "# Überschrift *fett* &lt;b&gt;x&lt;/b&gt; &amp;") {
		t.Errorf("the question is not shown literally:\n%s", html)
	}
}
