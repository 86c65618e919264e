package store_test

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// wsWorld is the workshop use cases on a real database: a published process of Erfurt that the
// coordinator karl runs, a resident rita, and the clock.
type wsWorld struct {
	svc       *workshop.Service
	clock     *clock
	processID int64
	karl      identity.Principal
	rita      identity.Principal
	jana      identity.Principal // coordinates another district
}

func newWSWorld(t *testing.T, db *store.DB) wsWorld {
	t.Helper()
	ctx := context.Background()
	if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	ck := &clock{t: time.Date(2027, 3, 1, 17, 0, 0, 0, time.UTC)}
	ids := app.Identity(db)
	w := wsWorld{clock: ck, karl: login(t, ids, "karl", "coordinator:16051"), rita: login(t, ids, "rita", "resident"),
		jana: login(t, ids, "jana", "coordinator:16053")}
	blobs := blob.Disk{Root: t.TempDir()}
	plan := app.Planning(db, blobs, ck.now)
	p := must(plan.CreateProcess(ctx, w.karl, planning.Process{DistrictKey: "16051", Title: "Sozialplanung 2027",
		Fields: []planning.Field{"familie"}, Phases: []planning.Phase{{Kind: planning.PhaseBeteiligung,
			StartsOn: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)}}}))(t)
	if _, err := plan.ChangeStatus(ctx, w.karl, p.ID, planning.StatusPublished); err != nil {
		t.Fatal(err)
	}
	w.processID = p.ID
	out := store.NewOutbox(db, slog.New(slog.DiscardHandler), nil)
	needsSvc := app.Needs(db, out, blobs, plan, ids, app.Atlas(db, blobs, 300, ck.now), ck.now)
	w.svc = app.Workshops(db, out, plan, app.Consultations(db, out, app.Limits{}, ck.now), needsSvc, ck.now)
	return w
}

func (w wsWorld) setup(t *testing.T, premoderate bool) workshop.Workshop {
	t.Helper()
	return must(w.svc.Create(context.Background(), w.karl, w.processID, workshop.Setup{Title: "Stadtteilabend", StartsAt: w.clock.now().Add(time.Hour),
		Guests: true, Premoderate: premoderate, Chat: true, SlowSeconds: 30,
		Agenda: []workshop.AgendaItem{{Title: "Fragen", Minutes: 20}, {Title: "Ideen", Minutes: 30}}}))(t)
}

func (w wsWorld) guest(t *testing.T, ws workshop.Workshop, name string) workshop.Caller {
	t.Helper()
	_, _, token, err := w.svc.JoinAsGuest(context.Background(), ws.JoinCode, name)
	if err != nil {
		t.Fatal(err)
	}
	return workshop.Caller{GuestHash: workshop.HashToken(token)}
}

func (w wsWorld) module(t *testing.T, ws workshop.Workshop, in workshop.ModuleInput) workshop.Module {
	t.Helper()
	ctx := context.Background()
	m := must(w.svc.CreateModule(ctx, w.karl, ws.ID, in))(t)
	return must(w.svc.SetModuleState(ctx, w.karl, m.ID, true))(t)
}

func questionsOf(t *testing.T, s workshop.Session, moduleID int64) []workshop.Question {
	t.Helper()
	for _, m := range s.Modules {
		if m.Module.ID == moduleID {
			return m.Questions
		}
	}
	return nil
}

// TestWorkshopQuestionsThroughTheService: guests join with the code, a pre-moderated question
// is seen by its author and the facilitators only until approved, an up-vote counts once per
// person, a merge keeps the votes, hiding needs a reason and is logged without the text.
func TestWorkshopQuestionsThroughTheService(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWSWorld(t, db)
		ws := w.setup(t, true)
		anna, bert := w.guest(t, ws, "Anna"), w.guest(t, ws, "Bert")
		karl := workshop.Caller{Who: w.karl}
		qs := must(w.svc.CreateModule(ctx, w.karl, ws.ID, workshop.ModuleInput{Kind: workshop.KindQuestions, Title: "Fragen"}))(t)

		_, err := w.svc.Ask(ctx, anna, qs.ID, "Wann kommt der Spielplatz?")
		wantErr(t, "asking before the workshop runs", err, workshop.ErrWorkshopState)
		must(w.svc.Transition(ctx, w.karl, ws.ID, "start"))(t)
		_, err = w.svc.Ask(ctx, anna, qs.ID, "Wann kommt der Spielplatz?")
		wantErr(t, "asking in a module that is not open", err, workshop.ErrModuleClosed)
		must(w.svc.SetModuleState(ctx, w.karl, qs.ID, true))(t)
		_, err = w.svc.Ask(ctx, workshop.Caller{}, qs.ID, "Anonym?")
		wantErr(t, "asking without joining", err, workshop.ErrNotParticipant)

		q1 := must(w.svc.Ask(ctx, anna, qs.ID, "Wann kommt der Spielplatz?"))(t)
		if q1.State != workshop.QuestionPending {
			t.Fatalf("pre-moderated question is %s", q1.State)
		}
		seen := func(c workshop.Caller) int {
			return len(questionsOf(t, must(w.svc.Session(ctx, c, ws.ID))(t), qs.ID))
		}
		if seen(anna) != 1 || seen(karl) != 1 || seen(bert) != 0 || seen(workshop.Caller{}) != 0 {
			t.Fatalf("pending question seen by anna %d, karl %d, bert %d, anonymous %d", seen(anna), seen(karl), seen(bert), seen(workshop.Caller{}))
		}
		_, _, err = w.svc.Vote(ctx, bert, q1.ID, true)
		wantErr(t, "voting for a pending question", err, workshop.ErrQuestionNotFound)
		_, err = w.svc.ModerateQuestion(ctx, w.rita, q1.ID, workshop.Moderation{Action: "approve"})
		if err == nil {
			t.Fatal("a resident approved a question")
		}
		must(w.svc.ModerateQuestion(ctx, w.karl, q1.ID, workshop.Moderation{Action: "approve"}))(t)
		if seen(bert) != 1 || seen(workshop.Caller{}) != 1 {
			t.Fatal("an approved question is not public")
		}

		for range 3 {
			must3b(w.svc.Vote(ctx, bert, q1.ID, true))(t)
		}
		n := must3b(w.svc.Vote(ctx, anna, q1.ID, true))(t)
		if n != 2 {
			t.Fatalf("votes after bert thrice and anna once = %d, want 2", n)
		}
		// A facilitator's own question is never pending; a merge keeps the votes, one per person.
		q2 := must(w.svc.Ask(ctx, karl, qs.ID, "Spielplatz: wann?"))(t)
		if q2.State != workshop.QuestionVisible {
			t.Fatalf("facilitator's question is %s", q2.State)
		}
		must3b(w.svc.Vote(ctx, bert, q2.ID, true))(t)
		must3b(w.svc.Vote(ctx, karl, q2.ID, true))(t)
		must(w.svc.ModerateQuestion(ctx, w.karl, q2.ID, workshop.Moderation{Action: "merge", Into: q1.ID}))(t)
		merged := questionsOf(t, must(w.svc.Session(ctx, bert, ws.ID))(t), qs.ID)
		if len(merged) != 1 || merged[0].ID != q1.ID || merged[0].Votes != 3 {
			t.Fatalf("after the merge bert sees %+v, want q1 with 3 votes (anna, bert, karl)", merged)
		}

		_, err = w.svc.ModerateQuestion(ctx, w.karl, q1.ID, workshop.Moderation{Action: "hide"})
		wantErr(t, "hiding without a reason", err, workshop.ErrReasonRequired)
		must(w.svc.ModerateQuestion(ctx, w.karl, q1.ID, workshop.Moderation{Action: "hide", Reason: "Off-topic"}))(t)
		if seen(bert) != 0 {
			t.Fatal("a hidden question is still shown")
		}
		log := must(w.svc.ModerationLog(ctx, workshop.Caller{}, ws.ID))(t)
		if len(log) != 2 || log[1].Action != "hide" || log[1].Reason != "Off-topic" || log[1].Subject != "question:"+strconv.FormatInt(q1.ID, 10) {
			t.Fatalf("moderation log %+v", log)
		}
	})
}

// TestWorkshopPollBoardChatAndRehearsal: one answer per person, changeable until the poll
// closes; dots within the budget only while voting is open; slow mode; and a rehearsal's end
// discards what was contributed.
func TestWorkshopPollBoardChatAndRehearsal(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWSWorld(t, db)
		ws := w.setup(t, false)
		must(w.svc.Transition(ctx, w.karl, ws.ID, "rehearse"))(t)
		anna := w.guest(t, ws, "Anna")

		poll := w.module(t, ws, workshop.ModuleInput{Kind: workshop.KindPoll, Title: "Was fehlt?",
			Poll: workshop.PollConfig{Kind: workshop.PollSingle, Options: []string{"Spielplatz", "Treff"}}})
		_, err := w.svc.AnswerPoll(ctx, anna, poll.ID, workshop.Answer{Values: []int{5}})
		if kernel.KindOf(err) != kernel.KindInvalid {
			t.Fatalf("an option that does not exist: %v", err)
		}
		must(w.svc.AnswerPoll(ctx, anna, poll.ID, workshop.Answer{Values: []int{0}}))(t)
		must(w.svc.AnswerPoll(ctx, anna, poll.ID, workshop.Answer{Values: []int{1}}))(t)
		_, err = w.svc.Results(ctx, anna, poll.ID)
		wantErr(t, "hidden results for a participant", err, workshop.ErrFacilitatorsOnly)
		r := must(w.svc.Results(ctx, workshop.Caller{Who: w.karl}, poll.ID))(t)
		if r.Answers != 1 || r.Options[0] != 0 || r.Options[1] != 1 {
			t.Fatalf("results %+v, want one answer for option 1", r)
		}
		must(w.svc.SetModuleState(ctx, w.karl, poll.ID, false))(t)
		_, err = w.svc.AnswerPoll(ctx, anna, poll.ID, workshop.Answer{Values: []int{0}})
		wantErr(t, "answering a closed poll", err, workshop.ErrModuleClosed)
		if r := must(w.svc.Results(ctx, anna, poll.ID))(t); r.Answers != 1 {
			t.Fatalf("closed poll's results for anna %+v", r)
		}

		board := w.module(t, ws, workshop.ModuleInput{Kind: workshop.KindBoard, Title: "Ideen",
			Board: workshop.BoardConfig{Columns: []string{"Treffpunkte", "Beratung"}, Dots: 2}})
		c1 := must(w.svc.AddCard(ctx, anna, board.ID, "Ein Jugendtreff", 0))(t)
		c2 := must(w.svc.AddCard(ctx, anna, board.ID, "Familienberatung", 1))(t)
		_, err = w.svc.PlaceDots(ctx, anna, board.ID, map[int64]int{c1.ID: 1})
		wantErr(t, "dots before voting opens", err, workshop.ErrVotingClosed)
		must(w.svc.SetVoting(ctx, w.karl, board.ID, true, 60))(t)
		_, err = w.svc.PlaceDots(ctx, anna, board.ID, map[int64]int{c1.ID: 2, c2.ID: 1})
		wantErr(t, "three dots of two", err, workshop.ErrDotBudget)
		must(w.svc.PlaceDots(ctx, anna, board.ID, map[int64]int{c1.ID: 1, c2.ID: 1}))(t)
		w.clock.add(61 * time.Second)
		_, err = w.svc.PlaceDots(ctx, anna, board.ID, map[int64]int{c1.ID: 2})
		wantErr(t, "dots after the timer", err, workshop.ErrVotingClosed)

		must(w.svc.Chat(ctx, anna, ws.ID, "Hallo zusammen"))(t)
		_, err = w.svc.Chat(ctx, anna, ws.ID, "Noch was")
		var ke *kernel.Error
		if !errors.Is(err, workshop.ErrSlowMode) || !errors.As(err, &ke) || ke.RetryAfter() <= 0 {
			t.Fatalf("second message within the slow mode: %v", err)
		}
		w.clock.add(31 * time.Second)
		must(w.svc.Chat(ctx, anna, ws.ID, "Noch was"))(t)

		// The rehearsal ends: everything contributed is gone, the modules are ready again, the guest
		// must join anew.
		must(w.svc.Transition(ctx, w.karl, ws.ID, "end_rehearsal"))(t)
		s := must(w.svc.Session(ctx, workshop.Caller{Who: w.karl}, ws.ID))(t)
		if len(s.Chat) != 0 {
			t.Fatalf("chat after the rehearsal %+v", s.Chat)
		}
		for _, m := range s.Modules {
			if m.Module.State != workshop.ModuleReady || len(m.Cards) != 0 || len(m.Questions) != 0 {
				t.Fatalf("module after the rehearsal %+v", m)
			}
		}
		if a := must(w.svc.Attendance(ctx, w.karl, ws.ID))(t); a.Total != 0 {
			t.Fatalf("attendance after the rehearsal %+v", a)
		}
		if s := must(w.svc.Session(ctx, anna, ws.ID))(t); s.Me != nil {
			t.Fatal("the rehearsal's guest is still a participant")
		}
	})
}

// TestWorkshopAccess: guests only where guests are allowed, only facilitators run a workshop,
// a private process's workshop is not found by outsiders, an ended workshop takes nobody new.
func TestWorkshopAccess(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWSWorld(t, db)
		ws := w.setup(t, false)
		closed := must(w.svc.Create(ctx, w.karl, w.processID, workshop.Setup{Title: "Nur angemeldet", StartsAt: w.clock.now()}))(t)
		_, _, _, err := w.svc.JoinAsGuest(ctx, closed.JoinCode, "Anna")
		wantErr(t, "a guest where guests are not allowed", err, workshop.ErrGuestsClosed)
		_, _, _, err = w.svc.JoinAsGuest(ctx, "NOPE2345", "Anna")
		wantErr(t, "an unknown code", err, workshop.ErrBadJoinCode)
		_, _, _, err = w.svc.JoinAsGuest(ctx, ws.JoinCode, "  \u202e  ")
		if kernel.KindOf(err) != kernel.KindInvalid {
			t.Fatalf("a blank guest name: %v", err)
		}
		_, err = w.svc.Create(ctx, w.jana, w.processID, workshop.Setup{Title: "Fremd", StartsAt: w.clock.now()})
		if err == nil {
			t.Fatal("another district's coordinator set up a workshop")
		}
		for _, who := range []identity.Principal{w.rita, w.jana, {}} {
			_, err = w.svc.Transition(ctx, who, ws.ID, "start")
			if err == nil {
				t.Fatalf("%q started the workshop", who.User.Name)
			}
		}
		anna := w.guest(t, ws, "Anna")
		_, err = w.svc.Transition(ctx, identity.Principal{}, ws.ID, "start")
		if !errors.Is(err, kernel.ErrLoginRequired) {
			t.Fatalf("anonymous start: %v", err)
		}
		// A guest's token is for one workshop only.
		other := w.setup(t, false)
		if s := must(w.svc.Session(ctx, anna, other.ID))(t); s.Me != nil {
			t.Fatal("a guest of one workshop is a participant of another")
		}
		must(w.svc.Transition(ctx, w.karl, ws.ID, "start"))(t)
		must(w.svc.Transition(ctx, w.karl, ws.ID, "end"))(t)
		_, _, _, err = w.svc.JoinAsGuest(ctx, ws.JoinCode, "Bert")
		wantErr(t, "joining an ended workshop", err, workshop.ErrBadJoinCode)
		if s := must(w.svc.Session(ctx, anna, ws.ID))(t); s.Me == nil {
			t.Fatal("a guest no longer reads the workshop after it ended")
		}
	})
}

func must3b(n int, _ bool, err error) func(*testing.T) int { return must(n, err) }
