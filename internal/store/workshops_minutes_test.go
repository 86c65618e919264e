package store_test

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// workshopWorld is the needs world with the workshop use cases wired as the server wires them,
// a live workshop of karl's with a question, a card in a theme, a hidden card, a poll answered
// once and a decision, and an open consultation of the process.
type workshopWorld struct {
	needsWorld
	ws                   *workshop.Service
	cons                 *consultation.Service
	w                    workshop.Workshop
	question, hiddenQ    workshop.Question
	card, hiddenCard     workshop.Card
	theme                workshop.Theme
	consultationID, call int64
}

func newWorkshopWorld(t *testing.T, db *store.DB) workshopWorld {
	t.Helper()
	ctx := context.Background()
	ww := workshopWorld{needsWorld: newNeedsWorld(t, db)}
	out := store.NewOutbox(db, slog.New(slog.DiscardHandler), nil)
	plan := app.Planning(db, blob.Disk{Root: t.TempDir()}, ww.clock.now)
	ww.cons = app.Consultations(db, out, app.Limits{}, ww.clock.now)
	ww.ws = app.Workshops(db, out, plan, ww.cons, ww.svc, ww.clock.now)
	now := ww.clock.now()
	c := must(ww.cons.Create(ctx, ww.karl, consultation.Consultation{ProcessID: ww.processID, Title: "Beteiligung", Audience: consultation.AudienceEveryone,
		Moderation: consultation.PostModeration, OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(30 * 24 * time.Hour),
		Sections: []consultation.Section{{Heading: "Ziele", Body: "Text"}}}))(t)
	ww.consultationID = c.ID
	ww.call = must(ww.svc.CreateCall(ctx, ww.karl, needs.Call{ProcessID: ww.processID, Title: "Bedarfe 2027", AreaIDs: ww.areas,
		Deadline: now.Add(14 * 24 * time.Hour), Audience: needs.AudienceProviders}))(t).ID
	ww.w = must(ww.ws.Create(ctx, ww.karl, ww.processID, workshop.Setup{Title: "Werkstatt Nord", StartsAt: time.Date(2027, 3, 4, 17, 0, 0, 0, time.UTC),
		Place: "Rathaus", AreaIDs: ww.areas[:1], Agenda: []workshop.AgendaItem{{Title: "Fragen", Minutes: 30}}}))(t)
	ww.w = must(ww.ws.Transition(ctx, ww.karl, ww.w.ID, "start"))(t)
	rita := workshop.Caller{Who: ww.rita}
	must(ww.ws.Join(ctx, ww.rita, ww.w.ID, ""))(t)
	qm := must(ww.ws.CreateModule(ctx, ww.karl, ww.w.ID, workshop.ModuleInput{Kind: workshop.KindQuestions, Title: "Ihre Fragen"}))(t)
	must(ww.ws.SetModuleState(ctx, ww.karl, qm.ID, true))(t)
	ww.question = must(ww.ws.Ask(ctx, rita, qm.ID, "Wann öffnet der Treff?"))(t)
	ww.question = must(ww.ws.ModerateQuestion(ctx, ww.karl, ww.question.ID, workshop.Moderation{Action: "answer", Answer: "Im Mai."}))(t)
	ww.hiddenQ = must(ww.ws.Ask(ctx, rita, qm.ID, "Geheime Frage"))(t)
	ww.hiddenQ = must(ww.ws.ModerateQuestion(ctx, ww.karl, ww.hiddenQ.ID, workshop.Moderation{Action: "hide", Reason: "Beleidigung"}))(t)
	bm := must(ww.ws.CreateModule(ctx, ww.karl, ww.w.ID, workshop.ModuleInput{Kind: workshop.KindBoard, Title: "Ideen",
		Board: workshop.BoardConfig{Columns: []string{"Ideen"}, Dots: 3}}))(t)
	must(ww.ws.SetModuleState(ctx, ww.karl, bm.ID, true))(t)
	ww.theme = must(ww.ws.AddTheme(ctx, ww.karl, bm.ID, "Treffpunkte"))(t)
	ww.card = must(ww.ws.AddCard(ctx, rita, bm.ID, "Ein Café für Ältere", 0))(t)
	ww.card = must(ww.ws.ModerateCard(ctx, ww.karl, ww.card.ID, workshop.CardModeration{Action: "move", ThemeID: &ww.theme.ID}))(t)
	ww.hiddenCard = must(ww.ws.AddCard(ctx, rita, bm.ID, "Versteckte Karte", 0))(t)
	ww.hiddenCard = must(ww.ws.ModerateCard(ctx, ww.karl, ww.hiddenCard.ID, workshop.CardModeration{Action: "move", ThemeID: &ww.theme.ID}))(t)
	ww.hiddenCard = must(ww.ws.ModerateCard(ctx, ww.karl, ww.hiddenCard.ID, workshop.CardModeration{Action: "hide", Reason: "Werbung"}))(t)
	pm := must(ww.ws.CreateModule(ctx, ww.karl, ww.w.ID, workshop.ModuleInput{Kind: workshop.KindPoll, Title: "Abstimmung",
		Poll: workshop.PollConfig{Kind: workshop.PollSingle, Options: []string{"Ja", "Nein"}}}))(t)
	must(ww.ws.SetModuleState(ctx, ww.karl, pm.ID, true))(t)
	must(ww.ws.AnswerPoll(ctx, rita, pm.ID, workshop.Answer{Values: []int{0}}))(t)
	must(ww.ws.NoteDecision(ctx, ww.karl, ww.w.ID, "Der Treff kommt.", 0))(t)
	return ww
}

// TestWorkshopMinutesLife: the record holds the session; the draft is built from it and names
// nobody; an edit from an old version is stale; only facilitators read the draft; published
// minutes are readable by everyone, are not rebuilt, and are corrected in place.
func TestWorkshopMinutesLife(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ww := newWorkshopWorld(t, db)
		r := must(ww.ws.Record(ctx, ww.karl, ww.w.ID))(t)
		if r.ProcessTitle != "Sozialplanung 2027" || r.Language != "de" || r.Attendance.Total != 1 || len(r.Modules) != 3 || len(r.Decisions) != 1 {
			t.Errorf("record: %q %q %+v %d modules %d decisions", r.ProcessTitle, r.Language, r.Attendance, len(r.Modules), len(r.Decisions))
		}
		for _, m := range r.Modules {
			switch m.Kind {
			case workshop.KindQuestions:
				if len(r.Questions[m.ID]) != 2 {
					t.Errorf("questions: %+v", r.Questions[m.ID])
				}
			case workshop.KindPoll:
				if res := r.Results[m.ID]; res.ModuleID != m.ID || res.Answers != 1 || res.Options[0] != 1 || len(r.Answers[m.ID]) != 1 {
					t.Errorf("results: %+v", res)
				}
			case workshop.KindBoard:
				if len(r.Cards[m.ID]) != 2 || len(r.Themes[m.ID]) != 1 {
					t.Errorf("board: %d cards %d themes", len(r.Cards[m.ID]), len(r.Themes[m.ID]))
				}
			}
		}
		_, err := ww.ws.Record(ctx, ww.rita, ww.w.ID)
		wantErr(t, "a participant's record", err, workshop.ErrFacilitatorsOnly)
		_, _, err = ww.ws.Minutes(ctx, workshop.Caller{Who: ww.karl}, ww.w.ID)
		wantErr(t, "no minutes yet", err, workshop.ErrMinutesNotFound)
		_, err = ww.ws.SaveMinutes(ctx, ww.karl, ww.w.ID, "x", 1)
		wantErr(t, "an edit before a draft", err, workshop.ErrMinutesState)

		d := must(ww.ws.DraftMinutes(ctx, ww.karl, ww.w.ID))(t)
		if d.Status != workshop.MinutesDraft || d.Version != 1 || !strings.Contains(d.Text, "Wann öffnet der Treff?") || !strings.Contains(d.Text, "Der Treff kommt.") ||
			strings.Contains(d.Text, "Geheime Frage") || strings.Contains(d.Text, "Versteckte Karte") || strings.Contains(d.Text, "Name rita") {
			t.Errorf("draft: %+v", d)
		}
		d = must(ww.ws.DraftMinutes(ctx, ww.karl, ww.w.ID))(t)
		if d.Version != 2 {
			t.Errorf("a rebuilt draft has version %d", d.Version)
		}
		_, _, err = ww.ws.Minutes(ctx, workshop.Caller{Who: ww.rita}, ww.w.ID)
		wantErr(t, "a participant reads the draft", err, workshop.ErrMinutesNotFound)
		_, _, err = ww.ws.Minutes(ctx, workshop.Caller{}, ww.w.ID)
		wantErr(t, "anyone reads the draft", err, workshop.ErrMinutesNotFound)
		_, err = ww.ws.SaveMinutes(ctx, ww.rita, ww.w.ID, "x", 2)
		wantErr(t, "a participant edits", err, workshop.ErrFacilitatorsOnly)
		e := must(ww.ws.SaveMinutes(ctx, ww.karl, ww.w.ID, d.Text+"\nErgänzt.\n", 2))(t)
		_, err = ww.ws.SaveMinutes(ctx, ww.karl, ww.w.ID, "Anders.", 2)
		wantErr(t, "an edit from version 2 again", err, workshop.ErrStaleMinutes)
		_, err = ww.ws.SaveMinutes(ctx, ww.karl, ww.w.ID, strings.Repeat("x", workshop.MaxMinutes+1), e.Version)
		wantErr(t, "too long", err, workshop.ErrInvalid)

		p := must(ww.ws.PublishMinutes(ctx, ww.karl, ww.w.ID))(t)
		if p.Status != workshop.MinutesPublished || p.PublishedAt.IsZero() || p.Version != e.Version+1 {
			t.Errorf("published: %+v", p)
		}
		_, err = ww.ws.PublishMinutes(ctx, ww.karl, ww.w.ID)
		wantErr(t, "publishing twice", err, workshop.ErrMinutesState)
		_, err = ww.ws.DraftMinutes(ctx, ww.karl, ww.w.ID)
		wantErr(t, "rebuilding published minutes", err, workshop.ErrMinutesState)
		for who, c := range map[string]workshop.Caller{"participant": {Who: ww.rita}, "anonymous": {}} {
			m, _, err := ww.ws.Minutes(ctx, c, ww.w.ID)
			if err != nil || !strings.Contains(m.Text, "Ergänzt.") {
				t.Errorf("%s reads the published minutes: %v", who, err)
			}
		}
		c := must(ww.ws.SaveMinutes(ctx, ww.karl, ww.w.ID, p.Text+"Korrigiert.\n", p.Version))(t)
		if c.Status != workshop.MinutesPublished || !c.PublishedAt.Equal(p.PublishedAt) || c.Version != p.Version+1 {
			t.Errorf("a correction: %+v", c)
		}
		if v := must(ww.ws.Get(ctx, workshop.Caller{}, ww.w.ID))(t); !v.Minutes {
			t.Error("the workshop does not say its minutes are published")
		}
	})
}

// TestWorkshopHandoffs: a question becomes a comment of the process's consultation, a card a
// row of the weighing table, a theme an offer to an organisation that one of its members
// accepts (a draft of theirs) and another declines; a second hand-off of a subject to the same
// target is refused; hidden things and things of other workshops cannot be handed on.
func TestWorkshopHandoffs(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ww := newWorkshopWorld(t, db)
		id := ww.w.ID
		sub := func(kind string, n int64) string { return kind + ":" + itoa(n) }
		back := "Aus der Werkstatt „Werkstatt Nord“ (04.03.2027)"

		h := must(ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("question", ww.question.ID), Target: workshop.ToComment,
			ConsultationID: ww.consultationID}))(t)
		if h.Status != workshop.HandoffDone || h.TargetID == 0 || !strings.HasPrefix(h.Summary, back) {
			t.Errorf("comment hand-off: %+v", h)
		}
		_, err := ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("question", ww.question.ID), Target: workshop.ToComment,
			ConsultationID: ww.consultationID})
		wantErr(t, "the same question again", err, workshop.ErrAlreadyHandedOff)
		_, err = ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("question", ww.hiddenQ.ID), Target: workshop.ToWeighing})
		wantErr(t, "a hidden question", err, workshop.ErrQuestionNotFound)
		_, err = ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("card", ww.hiddenCard.ID), Target: workshop.ToWeighing})
		wantErr(t, "a hidden card", err, workshop.ErrCardNotFound)
		_, err = ww.ws.HandOff(ctx, ww.rita, id, workshop.HandoffRequest{Subject: sub("card", ww.card.ID), Target: workshop.ToWeighing})
		wantErr(t, "a participant hands off", err, workshop.ErrFacilitatorsOnly)

		h = must(ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("card", ww.card.ID), Target: workshop.ToWeighing}))(t)
		items, _ := must4(ww.svc.Table(ctx, ww.karl, ww.processID, needs.ItemQuery{}))(t)
		var found bool
		for _, it := range items {
			if it.ID == h.TargetID {
				found = it.Kind == needs.ItemWorkshop && it.Submitter == "Werkstatt „Werkstatt Nord“" && strings.Contains(it.Summary, "Ein Café für Ältere") &&
					strings.HasPrefix(it.Summary, back) && len(it.AreaIDs) == 1
			}
		}
		if !found {
			t.Errorf("the card's row is not in the table as a workshop's: %+v", items)
		}
		_, err = ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("card", ww.card.ID), Target: workshop.ToWeighing})
		wantErr(t, "the same card again", err, workshop.ErrAlreadyHandedOff)

		offer := func(org string) workshop.Handoff {
			return must(ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("theme", ww.theme.ID), Target: workshop.ToNeeds, Org: org, CallID: ww.call}))(t)
		}
		dia, awo := offer("diakonie-erfurt"), offer("awo-erfurt")
		if dia.Status != workshop.HandoffOffered || dia.TargetID != 0 || !strings.Contains(dia.Summary, "Treffpunkte\n- Ein Café für Ältere") ||
			strings.Contains(dia.Summary, "Versteckte Karte") {
			t.Errorf("offer: %+v", dia)
		}
		_, err = ww.ws.HandOff(ctx, ww.karl, id, workshop.HandoffRequest{Subject: sub("theme", ww.theme.ID), Target: workshop.ToNeeds, Org: "nowhere", CallID: ww.call})
		wantErr(t, "an offer to no organisation", err, needs.ErrNotInvited)
		if offers := must(ww.ws.Offers(ctx, ww.dirk))(t); len(offers) != 1 || offers[0].ID != dia.ID {
			t.Errorf("Diakonie's offers: %+v", offers)
		}
		_, err = ww.ws.AnswerOffer(ctx, ww.arne, dia.ID, true)
		wantErr(t, "AWO answers Diakonie's offer", err, workshop.ErrHandoffNotFound)
		_, err = ww.ws.AnswerOffer(ctx, ww.karl, dia.ID, true)
		wantErr(t, "the coordinator answers", err, workshop.ErrHandoffNotFound)
		acc := must(ww.ws.AnswerOffer(ctx, ww.dirk, dia.ID, true))(t)
		if acc.Status != workshop.HandoffDone || acc.TargetID == 0 {
			t.Fatalf("accepted: %+v", acc)
		}
		a := must(ww.svc.Assessment(ctx, ww.dirk, acc.TargetID))(t)
		if a.Org != "diakonie-erfurt" || a.Status != needs.StatusDraft || a.Content.Title != "Treffpunkte" || !strings.HasPrefix(a.Content.Situation, back) {
			t.Errorf("the draft: %+v", a.Assessment)
		}
		_, err = ww.ws.AnswerOffer(ctx, ww.dirk, dia.ID, false)
		wantErr(t, "answering twice", err, workshop.ErrHandoffAnswered)
		dec := must(ww.ws.AnswerOffer(ctx, ww.arne, awo.ID, false))(t)
		if dec.Status != workshop.HandoffDeclined || dec.TargetID != 0 {
			t.Errorf("declined: %+v", dec)
		}
		if offers := must(ww.ws.Offers(ctx, ww.arne))(t); len(offers) != 0 {
			t.Errorf("AWO still has offers: %+v", offers)
		}
		if all := must(ww.ws.Handoffs(ctx, ww.karl, id))(t); len(all) != 4 {
			t.Errorf("%d hand-offs", len(all))
		}
		_, err = ww.ws.Handoffs(ctx, ww.rita, id)
		wantErr(t, "a participant lists hand-offs", err, workshop.ErrFacilitatorsOnly)
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestMigrationWorkshopItems: migration 00020 rebuilds needs_items on SQLite (and changes its
// CHECKs on PostgreSQL) keeping the rows there: a comment's row, with its areas, and a split
// submission's aspects still read back after rolling it back and applying it again, and a
// workshop's row can be written only with it.
func TestMigrationWorkshopItems(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ww := newWorkshopWorld(t, db)
		v := must(ww.cons.PostComment(ctx, ww.rita, consultation.PostComment{ConsultationID: ww.consultationID, Body: "Mehr Bänke im Park."}))(t)
		before := must(ww.svc.AddComment(ctx, ww.karl, ww.processID, v.ID))(t)
		before = must(ww.svc.Decide(ctx, ww.karl, before.ID, needs.Decision{Value: needs.Partly, Reason: "Zum Teil."}, false))(t)
		must(ww.ws.HandOff(ctx, ww.karl, ww.w.ID, workshop.HandoffRequest{Subject: "card:" + itoa(ww.card.ID), Target: workshop.ToWeighing}))(t)
		if _, err := db.MigrateDown(ctx); err != nil {
			t.Fatal(err)
		}
		_, err := ww.svc.AddWorkshopResult(ctx, ww.karl, ww.processID, "Ein Ergebnis", nil, "Werkstatt Nord")
		if err == nil {
			t.Error("a workshop's row was written before migration 00020")
		}
		if _, err := db.MigrateUp(ctx, nil); err != nil {
			t.Fatal(err)
		}
		var after needs.Item
		items, _ := must4(ww.svc.Table(ctx, ww.karl, ww.processID, needs.ItemQuery{}))(t)
		for _, it := range items {
			if it.ID == before.ID {
				after = it
			}
		}
		if after.Kind != needs.ItemComment || after.CommentID != v.ID || after.Summary != before.Summary || len(after.AreaIDs) != len(before.AreaIDs) ||
			after.Working == nil || after.Working.Value != needs.Partly {
			t.Errorf("the comment's row after the migration: %+v, before %+v", after, before)
		}
		it := must(ww.svc.AddWorkshopResult(ctx, ww.karl, ww.processID, "Ein Ergebnis", ww.areas[:1], "Werkstatt Nord"))(t)
		if it.Kind != needs.ItemWorkshop || it.Submitter != "Werkstatt „Werkstatt Nord“" || len(it.AreaIDs) != 1 {
			t.Errorf("the workshop's row: %+v", it)
		}
		_, err = ww.svc.AddWorkshopResult(ctx, ww.rita, ww.processID, "Ein Ergebnis", nil, "Werkstatt Nord")
		if err == nil {
			t.Error("a resident wrote a row of the weighing table")
		}
	})
}
