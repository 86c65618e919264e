package store_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// workshopFixture is a process of Erfurt with a live workshop that a coordinator (karl) set up
// with a co-facilitator (rita) and a two-point agenda.
type workshopFixture struct {
	db         *store.DB
	s          *store.Workshops
	processID  int64
	karl, rita int64
	w          workshop.Workshop
	now        time.Time
}

func newWorkshopFixture(t *testing.T, db *store.DB) workshopFixture {
	t.Helper()
	f := newFixture(t, db, consultation.PostModeration)
	ids := app.Identity(db)
	wf := workshopFixture{db: db, s: store.NewWorkshops(db), processID: f.c.ProcessID, now: time.Now().UTC().Truncate(time.Second),
		karl: login(t, ids, "karl", "coordinator:16051").User.ID, rita: login(t, ids, "rita").User.ID}
	wf.w = must(wf.s.InsertWorkshop(context.Background(), workshop.Workshop{ProcessID: wf.processID, Title: "Werkstatt Erfurt-West",
		Description: "Wir planen gemeinsam.", StartsAt: wf.now.Add(time.Hour), Place: "Rathaus, Saal 2", AreaIDs: []int64{3, 1}, Guests: true,
		JoinCode: "ABCD2345", Chat: true, SlowSeconds: 10, Status: workshop.StatusLive, Facilitators: []int64{wf.rita},
		Agenda: []workshop.AgendaItem{{Title: "Begrüßung", Minutes: 10}, {Title: "Bedarfe", Minutes: 45}}, CreatedBy: wf.karl, CreatedAt: wf.now}))(t)
	return wf
}

// guest joins the fixture's workshop as a guest named name.
func (f workshopFixture) guest(t *testing.T, name string) workshop.Participant {
	t.Helper()
	return must(f.s.InsertParticipant(context.Background(), workshop.Participant{WorkshopID: f.w.ID, Name: name, TokenHash: "hash-" + name, JoinedAt: f.now}))(t)
}

func (f workshopFixture) module(t *testing.T, m workshop.Module) workshop.Module {
	t.Helper()
	m.WorkshopID = f.w.ID
	return must(f.s.InsertModule(context.Background(), m))(t)
}

// TestWorkshopSetUp: a workshop keeps its set-up, agenda and facilitators; a taken join code is
// workshop.ErrWorkshopState and leaves the transaction usable; the agenda is replaced item by
// item.
func TestWorkshopSetUp(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newWorkshopFixture(t, db)
		w := f.w
		if w.ID == 0 || w.DistrictKey != "16051" || w.Projector.Kind != workshop.ShowJoin || !w.StartsAt.Equal(f.now.Add(time.Hour)) || !w.EndsAt.IsZero() ||
			!reflect.DeepEqual(w.AreaIDs, []int64{3, 1}) || !reflect.DeepEqual(w.Facilitators, []int64{f.rita}) || len(w.Agenda) != 2 ||
			w.Agenda[0].Title != "Begrüßung" || w.Agenda[1].Position != 2 || w.Agenda[1].Minutes != 45 || w.CreatedBy != f.karl || !w.CreatedAt.Equal(f.now) {
			t.Fatalf("inserted %+v", w)
		}
		if got, err := f.s.Workshop(ctx, w.ID); err != nil || !reflect.DeepEqual(got, w) {
			t.Fatalf("read back %+v %v, want %+v", got, err, w)
		}
		if got, err := f.s.ByJoinCode(ctx, "ABCD2345"); err != nil || got.ID != w.ID {
			t.Fatalf("by join code %+v %v", got, err)
		}
		_, err := f.s.ByJoinCode(ctx, "ZZZZ9999")
		wantErr(t, "unknown join code", err, workshop.ErrBadJoinCode)
		_, err = f.s.Workshop(ctx, 99999)
		wantErr(t, "unknown workshop", err, workshop.ErrNotFound)

		// A taken join code: the caller draws again in the same transaction.
		var second workshop.Workshop
		err = db.InTx(ctx, func(ctx context.Context) error {
			_, err := f.s.InsertWorkshop(ctx, workshop.Workshop{ProcessID: f.processID, Title: "Zweite", StartsAt: f.now, JoinCode: "ABCD2345", Status: workshop.StatusPlanned})
			wantErr(t, "a taken join code", err, workshop.ErrWorkshopState)
			second, err = f.s.InsertWorkshop(ctx, workshop.Workshop{ProcessID: f.processID, Title: "Zweite", StartsAt: f.now.Add(-time.Hour),
				JoinCode: "EFGH6789", Status: workshop.StatusPlanned, Facilitators: []int64{f.karl}})
			return err
		})
		if err != nil || second.ID == 0 || len(second.Agenda) != 0 || second.Agenda == nil || len(second.AreaIDs) != 0 || second.AreaIDs == nil {
			t.Fatalf("drew again in the transaction: %+v %v", second, err)
		}
		if all, err := f.s.Workshops(ctx, f.processID); err != nil || len(all) != 2 || all[0].ID != second.ID || all[1].ID != w.ID || len(all[1].Agenda) != 2 ||
			all[0].Facilitators[0] != f.karl {
			t.Fatalf("the process's workshops %+v %v", all, err)
		}
		if ids, err := f.s.FacilitatedBy(ctx, f.karl); err != nil || !reflect.DeepEqual(ids, []int64{second.ID}) {
			t.Errorf("facilitated by karl: %v %v", ids, err)
		}

		// The agenda: the first item is updated and moved to the end, the second deleted, one
		// inserted before it.
		first := w.Agenda[0]
		first.Title, first.StartedAt = "Begrüßung und Ablauf", f.now
		agenda, err := f.s.SaveAgenda(ctx, w.ID, []workshop.AgendaItem{{Title: "Ankommen", Minutes: 5}, first})
		if err != nil || len(agenda) != 2 || agenda[0].ID == 0 || agenda[0].Title != "Ankommen" || agenda[0].Position != 1 || agenda[1].ID != first.ID ||
			agenda[1].Position != 2 || agenda[1].Title != "Begrüßung und Ablauf" || !agenda[1].StartedAt.Equal(f.now) || !agenda[1].EndedAt.IsZero() {
			t.Fatalf("saved agenda %+v %v", agenda, err)
		}
		_, err = f.s.SaveAgenda(ctx, second.ID, []workshop.AgendaItem{first})
		wantErr(t, "another workshop's agenda item", err, workshop.ErrInvalid)

		// Set-up, status, current item, projection, projector key and facilitators.
		w, _ = f.s.Workshop(ctx, w.ID)
		w.Title, w.EndsAt, w.OnlineURL, w.AreaIDs, w.Premoderate, w.Chat, w.SlowSeconds = "Werkstatt West", f.now.Add(3*time.Hour), "https://jitsi.invalid/x", nil, true, false, 0
		w.Status, w.CurrentItemID, w.ItemStartedAt = workshop.StatusEnded, agenda[1].ID, f.now.Add(time.Minute)
		w.Projector, w.ProjectorKeyHash, w.Facilitators, w.JoinCode = workshop.Projection{Kind: workshop.ShowQuestion, ID: 7}, "keyhash", []int64{f.karl, f.rita, f.karl}, "JKLM2345"
		if err := f.s.SaveWorkshop(ctx, w); err != nil {
			t.Fatal(err)
		}
		w.Facilitators, w.AreaIDs = []int64{f.karl, f.rita}, []int64{}
		if f.rita < f.karl {
			w.Facilitators = []int64{f.rita, f.karl}
		}
		if got, err := f.s.Workshop(ctx, w.ID); err != nil || !reflect.DeepEqual(got, w) {
			t.Fatalf("saved %+v %v, want %+v", got, err, w)
		}
		w.JoinCode = "EFGH6789"
		wantErr(t, "saving a taken join code", f.s.SaveWorkshop(ctx, w), workshop.ErrWorkshopState)
		wantErr(t, "saving an unknown workshop", f.s.SaveWorkshop(ctx, workshop.Workshop{ID: 99999, Title: "x", JoinCode: "QQQQ2222", Status: workshop.StatusLive}), workshop.ErrNotFound)
	})
}

// TestWorkshopParticipants: a logged-in person joins once, guests by their token; attendance
// counts them.
func TestWorkshopParticipants(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newWorkshopFixture(t, db)
		p := must(f.s.InsertParticipant(ctx, workshop.Participant{WorkshopID: f.w.ID, UserID: f.rita, Name: "Rita", Org: "awo", JoinedAt: f.now}))(t)
		again := must(f.s.InsertParticipant(ctx, workshop.Participant{WorkshopID: f.w.ID, UserID: f.rita, Name: "Rita R.", JoinedAt: f.now.Add(time.Minute)}))(t)
		if p.ID == 0 || p.Guest() || again != p || p.TokenHash != "" || !p.JoinedAt.Equal(f.now) {
			t.Fatalf("joined %+v, again %+v", p, again)
		}
		must(f.s.InsertParticipant(ctx, workshop.Participant{WorkshopID: f.w.ID, UserID: f.karl, Name: "Karl", Org: "awo", JoinedAt: f.now}))(t)
		g := f.guest(t, "Gisela")
		f.guest(t, "Gustav")
		if !g.Guest() || g.TokenHash != "hash-Gisela" {
			t.Fatalf("guest %+v", g)
		}
		if got, err := f.s.ParticipantByUser(ctx, f.w.ID, f.rita); err != nil || got != p {
			t.Errorf("by user %+v %v", got, err)
		}
		if got, err := f.s.ParticipantByToken(ctx, "hash-Gisela"); err != nil || got != g {
			t.Errorf("by token %+v %v", got, err)
		}
		_, err := f.s.ParticipantByUser(ctx, f.w.ID, 99999)
		wantErr(t, "a user who did not join", err, workshop.ErrNotParticipant)
		_, err = f.s.ParticipantByToken(ctx, "hash-nobody")
		wantErr(t, "an unknown token", err, workshop.ErrNotParticipant)
		_, err = f.s.ParticipantByToken(ctx, "")
		wantErr(t, "no token", err, workshop.ErrNotParticipant)
		_, err = f.s.InsertParticipant(ctx, workshop.Participant{WorkshopID: f.w.ID, Name: "Doppelt", TokenHash: "hash-Gisela", JoinedAt: f.now})
		wantErr(t, "a taken token", err, kernel.ErrConflict)
		a, err := f.s.Attendance(ctx, f.w.ID)
		if err != nil || !reflect.DeepEqual(a, workshop.Attendance{Total: 4, Guests: 2, LoggedIn: 2, ByOrg: map[string]int{"awo": 2}}) {
			t.Errorf("attendance %+v %v", a, err)
		}
		if a, err := f.s.Attendance(ctx, 99999); err != nil || a.Total != 0 || a.ByOrg == nil {
			t.Errorf("attendance of nothing %+v %v", a, err)
		}
	})
}

// TestWorkshopQuestionVotes: modules and questions are kept; a vote counts once however many
// requests race for it; merging moves the votes, one per person.
func TestWorkshopQuestionVotes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newWorkshopFixture(t, db)
		m := f.module(t, workshop.Module{AgendaItemID: f.w.Agenda[1].ID, Kind: workshop.KindQuestions, Title: "Fragen", Position: 1})
		if m.ID == 0 || m.State != workshop.ModuleReady || m.AgendaItemID != f.w.Agenda[1].ID {
			t.Fatalf("module %+v", m)
		}
		m.State, m.OpenedAt = workshop.ModuleOpen, f.now
		if err := f.s.SaveModule(ctx, m); err != nil {
			t.Fatal(err)
		}
		if got, err := f.s.Module(ctx, m.ID); err != nil || !reflect.DeepEqual(got, m) {
			t.Fatalf("module %+v %v, want %+v", got, err, m)
		}
		wantErr(t, "saving an unknown module", f.s.SaveModule(ctx, workshop.Module{ID: 99999, Kind: workshop.KindQuestions, State: workshop.ModuleOpen}), workshop.ErrModuleNotFound)

		var people []workshop.Participant
		for i := range 50 {
			people = append(people, f.guest(t, fmt.Sprint("Gast", i)))
		}
		ask := func(text string) workshop.Question {
			return must(f.s.InsertQuestion(ctx, workshop.Question{ModuleID: m.ID, ParticipantID: people[0].ID, AuthorName: "Gast0", Text: text,
				State: workshop.QuestionVisible, Votes: 99, CreatedAt: f.now}))(t)
		}
		q1, q2, q3 := ask("Wann?"), ask("Wo?"), ask("Wer?")
		if q1.WorkshopID != f.w.ID || q1.Votes != 0 || q1.ParticipantID != people[0].ID {
			t.Fatalf("question %+v", q1)
		}
		_, err := f.s.InsertQuestion(ctx, workshop.Question{ModuleID: 99999, AuthorName: "x", Text: "x", State: workshop.QuestionVisible})
		wantErr(t, "a question in an unknown module", err, workshop.ErrModuleNotFound)

		// 20 requests of one person at once: one vote.
		vote := func(q, p int64) {
			t.Helper()
			var wg sync.WaitGroup
			for range 20 {
				wg.Go(func() {
					if err := db.InTx(ctx, func(ctx context.Context) error { _, err := f.s.Vote(ctx, q, p); return err }); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
		}
		vote(q1.ID, people[0].ID)
		if got, _ := f.s.Question(ctx, q1.ID); got.Votes != 1 {
			t.Fatalf("20 concurrent votes of one person counted %d", got.Votes)
		}
		// 50 people at once: 50 votes.
		var wg sync.WaitGroup
		for _, p := range people {
			wg.Go(func() {
				if err := db.InTx(ctx, func(ctx context.Context) error { _, err := f.s.Vote(ctx, q2.ID, p.ID); return err }); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if got, _ := f.s.Question(ctx, q2.ID); got.Votes != 50 {
			t.Fatalf("50 people's concurrent votes counted %d", got.Votes)
		}
		if ok, err := f.s.Vote(ctx, q2.ID, people[3].ID); ok || err != nil {
			t.Errorf("a second vote: %v %v", ok, err)
		}
		if ok, err := f.s.Unvote(ctx, q2.ID, people[3].ID); !ok || err != nil {
			t.Errorf("unvote: %v %v", ok, err)
		}
		if ok, err := f.s.Unvote(ctx, q2.ID, people[3].ID); ok || err != nil {
			t.Errorf("a second unvote: %v %v", ok, err)
		}
		for _, p := range people[:3] {
			must(f.s.Vote(ctx, q3.ID, p.ID))(t)
		}
		if ids, err := f.s.VotedBy(ctx, m.ID, people[0].ID); err != nil || !reflect.DeepEqual(ids, []int64{q1.ID, q2.ID, q3.ID}) {
			t.Errorf("voted by the first: %v %v", ids, err)
		}
		if ids, err := f.s.VotedBy(ctx, m.ID, people[3].ID); err != nil || len(ids) != 0 || ids == nil {
			t.Errorf("voted by the fourth: %v %v", ids, err)
		}
		// Merge q3 (people 0, 1, 2) into q1 (person 0): q1 has 0, 1, 2.
		if err := db.InTx(ctx, func(ctx context.Context) error { return f.s.MoveVotes(ctx, q3.ID, q1.ID) }); err != nil {
			t.Fatal(err)
		}
		if counts, err := f.s.VoteCounts(ctx, m.ID); err != nil || !reflect.DeepEqual(counts, map[int64]int{q1.ID: 3, q2.ID: 49, q3.ID: 0}) {
			t.Errorf("counts after the merge %v %v", counts, err)
		}
		if ids, _ := f.s.VotedBy(ctx, m.ID, people[1].ID); !reflect.DeepEqual(ids, []int64{q1.ID, q2.ID}) {
			t.Errorf("the second's votes after the merge: %v", ids)
		}
		wantErr(t, "moving onto an unknown question", f.s.MoveVotes(ctx, q1.ID, 99999), workshop.ErrQuestionNotFound)

		q3.State, q3.MergedInto, q3.Answer, q3.Reason, q3.Highlighted = workshop.QuestionMerged, q1.ID, "Ab Mai.", "doppelt", true
		if err := f.s.SaveQuestion(ctx, q3); err != nil {
			t.Fatal(err)
		}
		if got, err := f.s.Question(ctx, q3.ID); err != nil || !reflect.DeepEqual(got, q3) {
			t.Errorf("saved question %+v %v, want %+v", got, err, q3)
		}
		wantErr(t, "saving an unknown question", f.s.SaveQuestion(ctx, workshop.Question{ID: 99999, State: workshop.QuestionHidden}), workshop.ErrQuestionNotFound)
		_, err = f.s.Question(ctx, 99999)
		wantErr(t, "an unknown question", err, workshop.ErrQuestionNotFound)
		if qs, err := f.s.Questions(ctx, m.ID); err != nil || len(qs) != 3 || qs[0].ID != q3.ID || qs[2].ID != q1.ID || qs[1].Votes != 49 {
			t.Errorf("questions %+v %v", qs, err)
		}

		other := f.module(t, workshop.Module{Kind: workshop.KindQuestions, Title: "Noch mehr", Position: 0})
		if ms, err := f.s.Modules(ctx, f.w.ID); err != nil || len(ms) != 2 || ms[0].ID != other.ID || ms[1].ID != m.ID {
			t.Errorf("modules %+v %v", ms, err)
		}
		if err := f.s.DeleteModule(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, "deleting it again", f.s.DeleteModule(ctx, m.ID), workshop.ErrModuleNotFound)
		_, err = f.s.Module(ctx, m.ID)
		wantErr(t, "a deleted module", err, workshop.ErrModuleNotFound)
		_, err = f.s.Question(ctx, q1.ID)
		wantErr(t, "a deleted module's question", err, workshop.ErrQuestionNotFound)
	})
}

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
