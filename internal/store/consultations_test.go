package store_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

type publishedLog struct {
	mu  sync.Mutex
	seq map[string]int64
}

func (p *publishedLog) note(room string, seq int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seq[room] = seq
}

// fixture is a consultation with its use cases on a real database; relay moves the outbox into
// the room's events, as the running server's relay does.
type fixture struct {
	s      *store.Consultations
	svc    *consultation.Service
	outbox *store.Outbox
	c      consultation.Consultation
	log    *publishedLog
}

func (f *fixture) relay(t *testing.T) {
	t.Helper()
	for {
		n, err := f.outbox.Relay(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

func newConsultation(t testing.TB, db *store.DB, mod consultation.Moderation) (*store.Consultations, consultation.Consultation, *publishedLog) {
	f := newFixture(t, db, mod)
	return f.s, f.c, f.log
}

func newFixture(t testing.TB, db *store.DB, mod consultation.Moderation) *fixture {
	t.Helper()
	ctx := context.Background()
	if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	plan := store.NewPlanning(db)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	p, err := plan.InsertProcess(ctx, planning.Process{DistrictKey: "16051", Title: "Plan", Status: planning.StatusPublished,
		Phases: []planning.Phase{{Kind: planning.PhaseBeteiligung, StartsOn: today.AddDate(0, 0, -1), EndsOn: today.AddDate(0, 1, 0)}}})
	if err != nil {
		t.Fatal(err)
	}
	log := &publishedLog{seq: map[string]int64{}}
	s := store.NewConsultations(db)
	out := store.NewOutbox(db, slog.New(slog.DiscardHandler), log.note)
	svc := consultation.NewService(consultation.Deps{Store: s, Tx: db, Outbox: out, Audit: store.NewAudit(db),
		Render: func(md string) string { return "<p>" + md + "</p>" }})
	now := time.Now().UTC()
	c, err := s.InsertConsultation(ctx, consultation.Consultation{ProcessID: p.ID, Title: "Entwurf Sozialplan", Audience: consultation.AudienceEveryone,
		Moderation: mod, OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(24 * time.Hour),
		Sections: []consultation.Section{{Heading: "Ziele", Body: "Mehr **Teilhabe**."}, {Heading: "Maßnahmen", Body: "Spielplätze"}}})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{s: s, svc: svc, outbox: out, c: c, log: log}
}

func addComment(t *testing.T, s *store.Consultations, c consultation.Consultation, author int64, section, parent int64, body string, status consultation.Status) consultation.Comment {
	t.Helper()
	cm, err := s.InsertComment(context.Background(), consultation.Comment{ConsultationID: c.ID, SectionID: section, ParentID: parent, AuthorID: author,
		Body: body, HTML: "<p>" + body + "</p>", Status: status, CreatedAt: time.Now().UTC()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cm
}

func TestConsultationUseCasesOnTheStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db, consultation.PostModeration)
		s, svc, c := f.s, f.svc, f.c
		if c.DistrictKey != "16051" || len(c.Sections) != 2 || c.Sections[1].Heading != "Maßnahmen" || c.Sections[0].ID == 0 {
			t.Fatalf("consultation = %+v", c)
		}
		ids := app.Identity(db)
		rita := login(t, ids, "rita")
		karl := login(t, ids, "karl", "coordinator:16051")
		otto := login(t, ids, "otto")

		post := func(who identity.Principal, section, parent int64, body string) consultation.View {
			t.Helper()
			v, err := svc.PostComment(ctx, who, consultation.PostComment{ConsultationID: c.ID, SectionID: section, ParentID: parent, Body: body})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		top := post(rita, c.Sections[0].ID, 0, "Mehr Spielplätze in Nord")
		reply := post(karl, c.Sections[0].ID, top.ID, "Stimme zu")
		if top.AuthorName != "Name rita" || !top.Own || top.EditableUntil.IsZero() || !top.Has(consultation.CanEdit) || top.Has(consultation.CanSupport) {
			t.Errorf("posted view = %+v", top)
		}
		hidden := addComment(t, s, c, otto.User.ID, 0, 0, "Wartet auf Freigabe", consultation.StatusPending)

		// Live events: committed with the change in the outbox, numbered per room by the relay
		// and announced after it commits.
		room := consultation.Room(c.ID)
		if events, _ := store.NewEvents(db).Since(ctx, room, 0, 100); len(events) != 0 {
			t.Fatalf("events before the relay = %+v", events)
		}
		f.relay(t)
		events, err := store.NewEvents(db).Since(ctx, room, 0, 100)
		if err != nil || len(events) != 2 || events[0].Seq != 1 || events[1].Type != consultation.EventCommentCreated {
			t.Fatalf("events = %+v, %v", events, err)
		}
		if f.log.seq[room] != 2 {
			t.Errorf("announced seq = %d, want 2", f.log.seq[room])
		}

		// Visibility: the pending comment only for its author and moderators.
		list := func(who identity.Principal, q consultation.CommentQuery) []consultation.View {
			t.Helper()
			q.ConsultationID, q.Limit = c.ID, 50
			out, _, err := svc.Comments(ctx, who, q)
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		if got := list(identity.Principal{}, consultation.CommentQuery{}); len(got) != 1 || got[0].ID != top.ID || got[0].Replies != 1 {
			t.Errorf("anonymous top-level = %+v", got)
		}
		if got := list(otto, consultation.CommentQuery{}); len(got) != 2 {
			t.Errorf("author sees %d", len(got))
		}
		if got := list(karl, consultation.CommentQuery{}); len(got) != 2 || !got[0].Has(consultation.CanApprove) {
			t.Errorf("moderator sees %+v", got)
		}
		if got := list(rita, consultation.CommentQuery{ParentID: top.ID}); len(got) != 1 || got[0].ID != reply.ID {
			t.Errorf("replies = %+v", got)
		}
		whole := int64(0)
		if got := list(karl, consultation.CommentQuery{SectionID: &whole}); len(got) != 1 || got[0].ID != hidden.ID {
			t.Errorf("whole-plan filter = %+v", got)
		}

		// Supports: once per person, never one's own, counted.
		if v, err := svc.Support(ctx, otto, top.ID, true); err != nil || v.Supports != 1 || !v.Supported {
			t.Fatalf("support = %+v, %v", v, err)
		}
		if _, err := svc.Support(ctx, otto, top.ID, true); !errors.Is(err, consultation.ErrAlreadyDone) {
			t.Errorf("second support: %v", err)
		}
		if _, err := svc.Support(ctx, rita, top.ID, true); !errors.Is(err, consultation.ErrOwnComment) {
			t.Errorf("own support: %v", err)
		}

		// Flags put a comment in the queue; moderation clears it and is logged publicly.
		if err := svc.Flag(ctx, otto, top.ID, "Werbung"); err != nil {
			t.Fatal(err)
		}
		if err := svc.Flag(ctx, otto, top.ID, "nochmal"); !errors.Is(err, consultation.ErrAlreadyDone) {
			t.Errorf("second flag: %v", err)
		}
		if _, err := svc.Queue(ctx, rita, c.ID); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("queue for a resident: %v", err)
		}
		queue, _ := svc.Queue(ctx, karl, c.ID)
		if len(queue) != 2 || queue[0].ID != top.ID || queue[1].ID != hidden.ID || queue[0].Flags != 1 {
			t.Errorf("queue = %+v", queue)
		}
		if _, err := svc.Moderate(ctx, rita, top.ID, consultation.ActionHide, "Werbung"); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("a resident moderates: %v", err)
		}
		if _, err := svc.Moderate(ctx, karl, top.ID, consultation.ActionHide, "Werbung"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Moderate(ctx, karl, hidden.ID, consultation.ActionApprove, ""); err != nil {
			t.Fatal(err)
		}
		if queue, _ := svc.Queue(ctx, karl, c.ID); len(queue) != 0 {
			t.Errorf("queue after moderation = %+v", queue)
		}
		decisions, _ := svc.ModerationLog(ctx, rita, c.ID, 0, 10)
		if len(decisions) != 2 || decisions[0].Action != consultation.ActionApprove || decisions[1].Reason != "Werbung" {
			t.Errorf("moderation log = %+v", decisions)
		}
		f.relay(t)
		events, _ = store.NewEvents(db).Since(ctx, room, 2, 100)
		var types []string
		for _, e := range events {
			types = append(types, e.Audience+" "+e.Type)
		}
		// The flag's comment.queued is gone: the comment.dequeued of the same comment replaced it.
		want := fmt.Sprint([]string{"everyone comment.supports", "everyone moderation.decided", "everyone comment.removed",
			"moderators comment.dequeued", "everyone moderation.decided", "everyone comment.created", "moderators comment.dequeued"})
		if fmt.Sprint(types) != want {
			t.Errorf("event types = %v, want %v", types, want)
		}

		// Responses: one per comment, replaced when answered again.
		if _, err := svc.Respond(ctx, karl, reply.ID, "Danke"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Respond(ctx, karl, reply.ID, "Danke, wird geprüft"); err != nil {
			t.Fatal(err)
		}
		rs, _ := s.Responses(ctx, []int64{reply.ID, top.ID})
		if len(rs) != 1 || rs[reply.ID].Body != "Danke, wird geprüft" {
			t.Errorf("responses = %+v", rs)
		}

		// Export walks every comment in order with section heading and response.
		var rows []consultation.ExportRow
		if _, err := svc.Export(ctx, karl, c.ID, func(r consultation.ExportRow) error { rows = append(rows, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[0].Section != "Ziele" || rows[1].Response != "Danke, wird geprüft" || rows[0].Comment.Status != consultation.StatusHidden {
			t.Errorf("export = %+v", rows)
		}

		// Moving sections keeps their ids and so their comments; a removed one's comments go to
		// the whole plan.
		in := c
		in.Sections = []consultation.Section{c.Sections[1], c.Sections[0]}
		swapped, err := svc.Update(ctx, karl, c.ID, in)
		if err != nil || swapped.Sections[0].Heading != "Maßnahmen" || swapped.Sections[1].ID != c.Sections[0].ID {
			t.Fatalf("swap = %+v, %v", swapped.Sections, err)
		}
		if got, _ := s.Comment(ctx, top.ID); got.SectionID != c.Sections[0].ID {
			t.Errorf("the comment left its section: %d", got.SectionID)
		}
		in.Sections = append(in.Sections, consultation.Section{ID: 424242, Heading: "Fremd"})
		if _, err := svc.Update(ctx, karl, c.ID, in); !errors.Is(err, consultation.ErrInvalid) {
			t.Errorf("a foreign section id: %v", err)
		}
		c, _ = s.Get(ctx, c.ID)

		// Updating the plan keeps section ids where positions stay.
		in = c
		in.Sections = []consultation.Section{{ID: c.Sections[0].ID, Heading: c.Sections[0].Heading, Body: "Neu"}}
		upd, err := svc.Update(ctx, karl, c.ID, in)
		if err != nil || len(upd.Sections) != 1 || upd.Sections[0].ID != c.Sections[0].ID || upd.Sections[0].Body != "Neu" {
			t.Errorf("update = %+v, %v", upd.Sections, err)
		}
	})
}

func TestCommentPagesAndSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, c, _ := newConsultation(t, db, consultation.PostModeration)
		u := login(t, app.Identity(db), "u")
		bodies := []string{"Wir brauchen mehr Spielplätze", "Der Spielplatz am Anger ist kaputt", "Busverbindung nach Nord", "Mehr Bänke im Park", "Pflegeplätze fehlen"}
		var ids []int64
		for i := 0; i < 25; i++ {
			ids = append(ids, addComment(t, s, c, u.User.ID, 0, 0, bodies[i%len(bodies)], consultation.StatusPublished).ID)
		}
		// Supports on some comments, so that "most supported" differs from "newest".
		fans := []int64{login(t, app.Identity(db), "f1").User.ID, login(t, app.Identity(db), "f2").User.ID}
		for i, id := range ids[:6] {
			for _, f := range fans[:1+i%2] {
				if _, err := s.AddSupport(ctx, f, id); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, sort := range []consultation.Sort{consultation.SortNewest, consultation.SortSupported} {
			var paged []consultation.Comment
			cursor := ""
			for {
				page, next, err := s.Comments(ctx, consultation.CommentQuery{ConsultationID: c.ID, Sort: sort, Limit: 7, Cursor: cursor})
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, page...)
				if next == "" {
					break
				}
				cursor = next
			}
			if len(paged) != 25 {
				t.Fatalf("%s: pages hold %d comments, want 25", sort, len(paged))
			}
			for i, cm := range paged {
				switch sort {
				case consultation.SortNewest:
					if cm.ID != ids[len(ids)-1-i] {
						t.Fatalf("newest: position %d holds %d, want %d", i, cm.ID, ids[len(ids)-1-i])
					}
				case consultation.SortSupported:
					if i > 0 && (cm.Supports > paged[i-1].Supports || cm.Supports == paged[i-1].Supports && cm.ID > paged[i-1].ID) {
						t.Fatalf("supported: %d (%d) after %d (%d)", cm.ID, cm.Supports, paged[i-1].ID, paged[i-1].Supports)
					}
				}
			}
			if sort == consultation.SortSupported && paged[0].Supports != 2 {
				t.Errorf("most supported first has %d supports", paged[0].Supports)
			}
		}
		found, _, err := s.Comments(ctx, consultation.CommentQuery{ConsultationID: c.ID, Search: "Spielplätze", Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		// German stemming (PostgreSQL) or prefix terms (SQLite) find both forms of Spielplatz.
		if len(found) != 10 {
			t.Errorf("search for Spielplätze found %d, want 10", len(found))
		}
		if none, _, _ := s.Comments(ctx, consultation.CommentQuery{ConsultationID: c.ID, Search: `" OR * NEAR(`, Limit: 50}); len(none) != 0 {
			t.Errorf("operator soup found %d", len(none))
		}
		if _, _, err := s.Comments(ctx, consultation.CommentQuery{ConsultationID: c.ID, Cursor: "x.y", Limit: 5}); !errors.Is(err, consultation.ErrInvalid) {
			t.Errorf("bad cursor: %v", err)
		}
	})
}
