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
