package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestWorkshopPollAndBoard: a poll's configuration and answers, a board's cards, themes and dots.
func TestWorkshopPollAndBoard(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newWorkshopFixture(t, db)
		anna, bert := f.guest(t, "Anna"), f.guest(t, "Bert")

		poll := f.module(t, workshop.Module{Kind: workshop.KindPoll, Title: "Was zuerst?", Poll: workshop.PollConfig{Kind: workshop.PollBudget,
			Options: []string{"Treff", "Spielplatz"}, Budget: 100, Anonymous: true, ResultsLive: true}})
		if got, err := f.s.Module(ctx, poll.ID); err != nil || !reflect.DeepEqual(got, poll) || got.Poll.Options[1] != "Spielplatz" || !got.Poll.ResultsLive {
			t.Fatalf("poll %+v %v", got, err)
		}
		if _, found, err := f.s.AnswerOf(ctx, poll.ID, anna.ID); found || err != nil {
			t.Errorf("an answer before answering: %v %v", found, err)
		}
		noErr(t, f.s.SaveAnswer(ctx, workshop.Answer{ModuleID: poll.ID, ParticipantID: anna.ID, Values: []int{70, 30}, UpdatedAt: f.now}))
		want := workshop.Answer{ModuleID: poll.ID, ParticipantID: anna.ID, Values: []int{40, 60}, Words: []string{}, Text: "lieber beides", UpdatedAt: f.now.Add(time.Minute)}
		noErr(t, f.s.SaveAnswer(ctx, want))
		noErr(t, f.s.SaveAnswer(ctx, workshop.Answer{ModuleID: poll.ID, ParticipantID: bert.ID, Words: []string{"Treff"}}))
		if got, found, err := f.s.AnswerOf(ctx, poll.ID, anna.ID); !found || err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("the replaced answer %+v %v %v, want %+v", got, found, err, want)
		}
		if all, err := f.s.Answers(ctx, poll.ID); err != nil || len(all) != 2 || all[1].Words[0] != "Treff" || len(all[1].Values) != 0 || all[1].Values == nil {
			t.Errorf("answers %+v %v", all, err)
		}
		if n, err := f.s.CountAnswers(ctx, poll.ID); n != 2 || err != nil {
			t.Errorf("%d answers, %v", n, err)
		}

		board := f.module(t, workshop.Module{Kind: workshop.KindBoard, Title: "Ideen", Board: workshop.BoardConfig{Columns: []string{"Gut", "Fehlt"}, Dots: 5,
			Voting: true, Until: f.now.Add(5 * time.Minute)}})
		if got, err := f.s.Module(ctx, board.ID); err != nil || !reflect.DeepEqual(got, board) || !got.Board.Until.Equal(f.now.Add(5*time.Minute)) {
			t.Fatalf("board %+v %v", got, err)
		}
		card := func(col int, text string) workshop.Card {
			return must(f.s.InsertCard(ctx, workshop.Card{ModuleID: board.ID, ParticipantID: anna.ID, AuthorName: "Anna", Column: col, Text: text,
				State: workshop.CardVisible, Position: col, CreatedAt: f.now}))(t)
		}
		c1, c2, c3 := card(0, "Der Park"), card(1, "Ein Treff"), card(1, "Treffpunkt")
		if c1.WorkshopID != f.w.ID || c2.Column != 1 || c1.Dots != 0 {
			t.Fatalf("card %+v", c1)
		}
		_, err := f.s.InsertCard(ctx, workshop.Card{ModuleID: 99999, AuthorName: "x", Text: "x", State: workshop.CardVisible})
		wantErr(t, "a card on an unknown board", err, workshop.ErrModuleNotFound)
		theme := must(f.s.InsertTheme(ctx, workshop.Theme{ModuleID: board.ID, Title: "Treffpunkte", Position: 1}))(t)
		theme.Title = "Orte zum Treffen"
		noErr(t, f.s.SaveTheme(ctx, theme))
		if got, err := f.s.Theme(ctx, theme.ID); err != nil || got != theme {
			t.Errorf("theme %+v %v", got, err)
		}
		wantErr(t, "saving an unknown theme", f.s.SaveTheme(ctx, workshop.Theme{ID: 99999, Title: "x"}), workshop.ErrThemeNotFound)
		c2.ThemeID, c3.ThemeID = theme.ID, theme.ID
		noErr(t, f.s.SaveCard(ctx, c2))
		noErr(t, f.s.SaveCard(ctx, c3))

		// Dots: Anna's second SetDots replaces her first.
		noErr(t, f.s.SetDots(ctx, board.ID, anna.ID, map[int64]int{c1.ID: 5}))
		noErr(t, f.s.SetDots(ctx, board.ID, anna.ID, map[int64]int{c2.ID: 2, c3.ID: 3, c1.ID: 0}))
		noErr(t, f.s.SetDots(ctx, board.ID, bert.ID, map[int64]int{c1.ID: 1, c2.ID: 1, c3.ID: 3}))
		if d, err := f.s.DotsOf(ctx, board.ID, anna.ID); err != nil || !reflect.DeepEqual(d, map[int64]int{c2.ID: 2, c3.ID: 3}) {
			t.Errorf("Anna's dots %v %v", d, err)
		}
		wantErr(t, "dots on a card of another board", f.s.SetDots(ctx, poll.ID, anna.ID, map[int64]int{c1.ID: 1}), workshop.ErrCardNotFound)
		// Merge c3 into c2: each person's dots on both add up.
		noErr(t, f.s.MoveDots(ctx, c3.ID, c2.ID))
		if d, err := f.s.DotCounts(ctx, board.ID); err != nil || !reflect.DeepEqual(d, map[int64]int{c1.ID: 1, c2.ID: 9}) {
			t.Errorf("dot counts after the merge %v %v", d, err)
		}
		if d, _ := f.s.DotsOf(ctx, board.ID, bert.ID); !reflect.DeepEqual(d, map[int64]int{c1.ID: 1, c2.ID: 4}) {
			t.Errorf("Bert's dots after the merge %v", d)
		}
		c3.State, c3.MergedInto, c3.Reason, c3.Column, c3.Position = workshop.CardMerged, c2.ID, "doppelt", 0, 7
		noErr(t, f.s.SaveCard(ctx, c3))
		if got, err := f.s.Card(ctx, c3.ID); err != nil || !reflect.DeepEqual(got, c3) {
			t.Errorf("saved card %+v %v, want %+v", got, err, c3)
		}
		wantErr(t, "saving an unknown card", f.s.SaveCard(ctx, workshop.Card{ID: 99999, State: workshop.CardHidden}), workshop.ErrCardNotFound)

		noErr(t, f.s.DeleteTheme(ctx, theme.ID))
		wantErr(t, "deleting it again", f.s.DeleteTheme(ctx, theme.ID), workshop.ErrThemeNotFound)
		_, err = f.s.Theme(ctx, theme.ID)
		wantErr(t, "a deleted theme", err, workshop.ErrThemeNotFound)
		if ts, err := f.s.Themes(ctx, board.ID); err != nil || len(ts) != 0 {
			t.Errorf("themes %+v %v", ts, err)
		}
		cs, err := f.s.Cards(ctx, board.ID)
		if err != nil || len(cs) != 3 || cs[0].ID != c1.ID || cs[1].ID != c2.ID || cs[1].Dots != 9 || cs[1].ThemeID != 0 || cs[2].ID != c3.ID {
			t.Errorf("cards %+v %v", cs, err)
		}
		_, err = f.s.Card(ctx, 99999)
		wantErr(t, "an unknown card", err, workshop.ErrCardNotFound)
	})
}

// TestWorkshopRecord: chat, decisions, the moderation log, the minutes and the hand-offs.
func TestWorkshopRecord(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newWorkshopFixture(t, db)
		anna, bert := f.guest(t, "Anna"), f.guest(t, "Bert")

		if at, err := f.s.LastMessageAt(ctx, f.w.ID, anna.ID); !at.IsZero() || err != nil {
			t.Errorf("Anna's last message before writing: %v %v", at, err)
		}
		var sent []workshop.Message
		for i := range 4 {
			p := []workshop.Participant{anna, bert}[i%2]
			sent = append(sent, must(f.s.InsertMessage(ctx, workshop.Message{WorkshopID: f.w.ID, ParticipantID: p.ID, AuthorName: p.Name,
				Text: fmt.Sprint("Nachricht ", i), CreatedAt: f.now.Add(time.Duration(i) * time.Second)}))(t))
		}
		sent[1].Hidden, sent[1].Reason = true, "beleidigend"
		noErr(t, f.s.SaveMessage(ctx, sent[1]))
		if got, err := f.s.Message(ctx, sent[1].ID); err != nil || got != sent[1] {
			t.Errorf("hidden message %+v %v", got, err)
		}
		wantErr(t, "saving an unknown message", f.s.SaveMessage(ctx, workshop.Message{ID: 99999}), workshop.ErrMessageNotFound)
		_, err := f.s.Message(ctx, 99999)
		wantErr(t, "an unknown message", err, workshop.ErrMessageNotFound)
		if ms, err := f.s.Messages(ctx, f.w.ID, 2); err != nil || !reflect.DeepEqual(ms, sent[2:]) {
			t.Errorf("the newest two %+v %v", ms, err)
		}
		if ms, err := f.s.Messages(ctx, f.w.ID, 0); err != nil || !reflect.DeepEqual(ms, sent) {
			t.Errorf("all messages %+v %v", ms, err)
		}
		if at, err := f.s.LastMessageAt(ctx, f.w.ID, anna.ID); !at.Equal(f.now.Add(2*time.Second)) || err != nil {
			t.Errorf("Anna's last message %v %v", at, err)
		}

		d := must(f.s.InsertDecision(ctx, workshop.Decision{WorkshopID: f.w.ID, AgendaItemID: f.w.Agenda[1].ID, Text: "Der Treff kommt.", CreatedBy: f.karl, CreatedAt: f.now}))(t)
		d2 := must(f.s.InsertDecision(ctx, workshop.Decision{WorkshopID: f.w.ID, Text: "Nächstes Treffen im Mai.", CreatedAt: f.now}))(t)
		if got, err := f.s.Decision(ctx, d.ID); err != nil || got != d || d.AgendaItemID != f.w.Agenda[1].ID || d.CreatedBy != f.karl {
			t.Errorf("decision %+v %v", got, err)
		}
		noErr(t, f.s.DeleteDecision(ctx, d.ID))
		wantErr(t, "deleting it again", f.s.DeleteDecision(ctx, d.ID), workshop.ErrDecisionNotFound)
		_, err = f.s.Decision(ctx, d.ID)
		wantErr(t, "a deleted decision", err, workshop.ErrDecisionNotFound)
		if ds, err := f.s.Decisions(ctx, f.w.ID); err != nil || len(ds) != 1 || ds[0] != d2 {
			t.Errorf("decisions %+v %v", ds, err)
		}

		noErr(t, f.s.AppendLog(ctx, workshop.LogEntry{WorkshopID: f.w.ID, Subject: fmt.Sprint("message:", sent[1].ID), Action: "hide", Reason: "beleidigend", At: f.now}))
		noErr(t, f.s.AppendLog(ctx, workshop.LogEntry{WorkshopID: f.w.ID, Subject: "question:1", Action: "merge"}))
		if log, err := f.s.Log(ctx, f.w.ID); err != nil || len(log) != 2 || log[0].Action != "hide" || !log[0].At.Equal(f.now) || log[1].Subject != "question:1" {
			t.Errorf("log %+v %v", log, err)
		}

		// The minutes: of two saves from the same version, the second is stale.
		if _, found, err := f.s.MinutesOf(ctx, f.w.ID); found || err != nil {
			t.Errorf("minutes before any: %v %v", found, err)
		}
		draft := workshop.Minutes{WorkshopID: f.w.ID, Status: workshop.MinutesDraft, Text: "# Protokoll", Version: 1, UpdatedAt: f.now}
		noErr(t, f.s.SaveMinutes(ctx, draft, 0))
		wantErr(t, "a second first draft", f.s.SaveMinutes(ctx, draft, 0), workshop.ErrStaleMinutes)
		published := workshop.Minutes{WorkshopID: f.w.ID, Status: workshop.MinutesPublished, Text: "# Protokoll\n\nFertig.", Version: 2,
			UpdatedAt: f.now.Add(time.Minute), PublishedAt: f.now.Add(time.Minute)}
		noErr(t, f.s.SaveMinutes(ctx, published, 1))
		wantErr(t, "a save from version 1 again", f.s.SaveMinutes(ctx, workshop.Minutes{WorkshopID: f.w.ID, Status: workshop.MinutesDraft, Text: "x", Version: 2}, 1),
			workshop.ErrStaleMinutes)
		if got, found, err := f.s.MinutesOf(ctx, f.w.ID); !found || err != nil || got != published {
			t.Errorf("minutes %+v %v %v, want %+v", got, found, err, published)
		}

		// Hand-offs: a second one of the subject to the target is refused and leaves the
		// transaction usable.
		h := must(f.s.InsertHandoff(ctx, workshop.Handoff{WorkshopID: f.w.ID, Subject: "card:3", Target: workshop.ToNeeds, Org: "awo", Status: "offered",
			CreatedBy: f.karl, CreatedAt: f.now}))(t)
		err = db.InTx(ctx, func(ctx context.Context) error {
			_, err := f.s.InsertHandoff(ctx, workshop.Handoff{WorkshopID: f.w.ID, Subject: "card:3", Target: workshop.ToNeeds, Org: "awo", Status: "offered"})
			wantErr(t, "the same hand-off again", err, workshop.ErrAlreadyHandedOff)
			_, err = f.s.InsertHandoff(ctx, workshop.Handoff{WorkshopID: f.w.ID, Subject: "card:3", Target: workshop.ToWeighing, TargetID: 12, Status: "done"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := f.s.Handoff(ctx, h.ID); err != nil || got != h || h.CreatedBy != f.karl || !h.CreatedAt.Equal(f.now) {
			t.Errorf("hand-off %+v %v", got, err)
		}
		_, err = f.s.Handoff(ctx, 99999)
		wantErr(t, "an unknown hand-off", err, workshop.ErrHandoffNotFound)
		if offered, err := f.s.OfferedTo(ctx, "awo"); err != nil || len(offered) != 1 || offered[0] != h {
			t.Errorf("offered to awo %+v %v", offered, err)
		}
		h.Status, h.TargetID = "done", 44
		noErr(t, f.s.SaveHandoff(ctx, h))
		wantErr(t, "saving an unknown hand-off", f.s.SaveHandoff(ctx, workshop.Handoff{ID: 99999, Status: "done"}), workshop.ErrHandoffNotFound)
		if offered, err := f.s.OfferedTo(ctx, "awo"); err != nil || len(offered) != 0 {
			t.Errorf("offered to awo once accepted %+v %v", offered, err)
		}
		if hs, err := f.s.Handoffs(ctx, f.w.ID); err != nil || len(hs) != 2 || hs[0] != h || hs[1].Target != workshop.ToWeighing || hs[1].TargetID != 12 {
			t.Errorf("hand-offs %+v %v", hs, err)
		}
	})
}

// TestWorkshopDiscard: the end of a rehearsal deletes what was contributed and makes the
// modules ready again; the workshop, its agenda, modules, themes and hand-offs stay.
func TestWorkshopDiscard(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newWorkshopFixture(t, db)
		other := must(f.s.InsertWorkshop(ctx, workshop.Workshop{ProcessID: f.processID, Title: "Andere", StartsAt: f.now, JoinCode: "OTHER234", Status: workshop.StatusLive}))(t)
		kept := must(f.s.InsertParticipant(ctx, workshop.Participant{WorkshopID: other.ID, Name: "Bleibt", TokenHash: "hash-bleibt", JoinedAt: f.now}))(t)
		anna := f.guest(t, "Anna")
		must(f.s.InsertParticipant(ctx, workshop.Participant{WorkshopID: f.w.ID, UserID: f.rita, Name: "Rita", JoinedAt: f.now}))(t)
		qs := f.module(t, workshop.Module{Kind: workshop.KindQuestions, State: workshop.ModuleOpen, OpenedAt: f.now})
		poll := f.module(t, workshop.Module{Kind: workshop.KindPoll, State: workshop.ModuleClosed, OpenedAt: f.now, ClosedAt: f.now,
			Poll: workshop.PollConfig{Kind: workshop.PollScale, ScaleMin: 1, ScaleMax: 5}})
		board := f.module(t, workshop.Module{Kind: workshop.KindBoard, State: workshop.ModuleOpen, OpenedAt: f.now,
			Board: workshop.BoardConfig{Columns: []string{"A"}, Dots: 3, Voting: true, Until: f.now}})
		q := must(f.s.InsertQuestion(ctx, workshop.Question{ModuleID: qs.ID, ParticipantID: anna.ID, AuthorName: "Anna", Text: "?", State: workshop.QuestionVisible, CreatedAt: f.now}))(t)
		must(f.s.Vote(ctx, q.ID, anna.ID))(t)
		noErr(t, f.s.SaveAnswer(ctx, workshop.Answer{ModuleID: poll.ID, ParticipantID: anna.ID, Values: []int{4}}))
		c := must(f.s.InsertCard(ctx, workshop.Card{ModuleID: board.ID, ParticipantID: anna.ID, AuthorName: "Anna", Text: "Idee", State: workshop.CardVisible}))(t)
		noErr(t, f.s.SetDots(ctx, board.ID, anna.ID, map[int64]int{c.ID: 2}))
		theme := must(f.s.InsertTheme(ctx, workshop.Theme{ModuleID: board.ID, Title: "Vorbereitet"}))(t)
		must(f.s.InsertMessage(ctx, workshop.Message{WorkshopID: f.w.ID, ParticipantID: anna.ID, AuthorName: "Anna", Text: "Hallo"}))(t)
		must(f.s.InsertMessage(ctx, workshop.Message{WorkshopID: other.ID, ParticipantID: kept.ID, AuthorName: "Bleibt", Text: "Hallo"}))(t)
		must(f.s.InsertDecision(ctx, workshop.Decision{WorkshopID: f.w.ID, Text: "Probe"}))(t)
		noErr(t, f.s.AppendLog(ctx, workshop.LogEntry{WorkshopID: f.w.ID, Subject: "card:1", Action: "hide"}))
		noErr(t, f.s.SaveMinutes(ctx, workshop.Minutes{WorkshopID: f.w.ID, Status: workshop.MinutesDraft, Text: "Probe", Version: 1}, 0))
		h := must(f.s.InsertHandoff(ctx, workshop.Handoff{WorkshopID: f.w.ID, Subject: "card:1", Target: workshop.ToComment, TargetID: 1, Status: "done"}))(t)

		if err := db.InTx(ctx, func(ctx context.Context) error { return f.s.Discard(ctx, f.w.ID) }); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.Attendance(ctx, f.w.ID); a.Total != 0 {
			t.Errorf("participants after the rehearsal: %+v", a)
		}
		_, err := f.s.ParticipantByToken(ctx, anna.TokenHash)
		wantErr(t, "a rehearsal's guest", err, workshop.ErrNotParticipant)
		if got, err := f.s.Questions(ctx, qs.ID); err != nil || len(got) != 0 {
			t.Errorf("questions %+v %v", got, err)
		}
		if n, _ := f.s.CountAnswers(ctx, poll.ID); n != 0 {
			t.Errorf("%d answers", n)
		}
		if got, _ := f.s.Cards(ctx, board.ID); len(got) != 0 {
			t.Errorf("cards %+v", got)
		}
		if d, _ := f.s.DotCounts(ctx, board.ID); len(d) != 0 {
			t.Errorf("dots %v", d)
		}
		if ms, _ := f.s.Messages(ctx, f.w.ID, 0); len(ms) != 0 {
			t.Errorf("messages %+v", ms)
		}
		if ds, _ := f.s.Decisions(ctx, f.w.ID); len(ds) != 0 {
			t.Errorf("decisions %+v", ds)
		}
		if log, _ := f.s.Log(ctx, f.w.ID); len(log) != 0 {
			t.Errorf("log %+v", log)
		}
		if _, found, _ := f.s.MinutesOf(ctx, f.w.ID); found {
			t.Error("the rehearsal's minutes stayed")
		}
		ms, err := f.s.Modules(ctx, f.w.ID)
		if err != nil || len(ms) != 3 {
			t.Fatalf("modules %+v %v", ms, err)
		}
		for _, m := range ms {
			if m.State != workshop.ModuleReady || !m.OpenedAt.IsZero() || !m.ClosedAt.IsZero() || m.Board.Voting || !m.Board.Until.IsZero() {
				t.Errorf("module after the rehearsal %+v", m)
			}
		}
		if ms[1].Poll.ScaleMax != 5 || ms[2].Board.Dots != 3 || ms[2].Board.Columns[0] != "A" {
			t.Errorf("the modules' configuration changed: %+v", ms)
		}
		if got, err := f.s.Theme(ctx, theme.ID); err != nil || got != theme {
			t.Errorf("the prepared theme %+v %v", got, err)
		}
		if got, err := f.s.Handoff(ctx, h.ID); err != nil || got != h {
			t.Errorf("the hand-off %+v %v", got, err)
		}
		if w, err := f.s.Workshop(ctx, f.w.ID); err != nil || len(w.Agenda) != 2 || w.Status != workshop.StatusLive {
			t.Errorf("the workshop %+v %v", w, err)
		}
		// Another workshop is untouched.
		if got, err := f.s.ParticipantByToken(ctx, "hash-bleibt"); err != nil || got != kept {
			t.Errorf("the other workshop's guest %+v %v", got, err)
		}
		if ms, _ := f.s.Messages(ctx, other.ID, 0); len(ms) != 1 {
			t.Errorf("the other workshop's messages %+v", ms)
		}
	})
}

// noErr fails the test on err.
func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
