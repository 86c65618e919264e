package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/realtime"
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

func newConsultation(t testing.TB, db *store.DB, mod consultation.Moderation) (*store.Consultations, consultation.Consultation, *publishedLog) {
	t.Helper()
	ctx := context.Background()
	if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	p, err := store.NewPlanning(db).CreateProcess(ctx, 0, planning.Process{DistrictKey: "16051", Title: "Plan"})
	if err != nil {
		t.Fatal(err)
	}
	log := &publishedLog{seq: map[string]int64{}}
	s := store.NewConsultations(db, log.note)
	now := time.Now().UTC()
	c, err := s.Create(ctx, 0, consultation.Consultation{ProcessID: p.ID, Title: "Entwurf Sozialplan", Audience: consultation.AudienceEveryone,
		Moderation: mod, OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(24 * time.Hour),
		Sections: []consultation.Section{{Heading: "Ziele", Body: "Mehr **Teilhabe**."}, {Heading: "Maßnahmen", Body: "Spielplätze"}}})
	if err != nil {
		t.Fatal(err)
	}
	return s, c, log
}

func addComment(t *testing.T, s *store.Consultations, c consultation.Consultation, author int64, section, parent int64, body string, status consultation.Status) consultation.Comment {
	t.Helper()
	cm, err := s.AddComment(context.Background(), consultation.Comment{ConsultationID: c.ID, SectionID: section, ParentID: parent, AuthorID: author,
		Body: body, HTML: "<p>" + body + "</p>", Status: status, CreatedAt: time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	return cm
}

func TestConsultationStoreContract(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, c, published := newConsultation(t, db, consultation.PostModeration)
		if c.DistrictKey != "16051" || len(c.Sections) != 2 || c.Sections[1].Heading != "Maßnahmen" || c.Sections[0].ID == 0 {
			t.Fatalf("consultation = %+v", c)
		}
		ids := store.NewIdentity(db)
		rita := login(t, ids, "rita")
		karl := login(t, ids, "karl")

		top := addComment(t, s, c, rita.User.ID, c.Sections[0].ID, 0, "Mehr Spielplätze in Nord", consultation.StatusPublished)
		reply := addComment(t, s, c, karl.User.ID, c.Sections[0].ID, top.ID, "Stimme zu", consultation.StatusPublished)
		hidden := addComment(t, s, c, karl.User.ID, 0, 0, "Wartet auf Freigabe", consultation.StatusPending)
		if top.AuthorName != "Name rita" {
			t.Errorf("author name = %q", top.AuthorName)
		}

		// Live events: stored with per-room sequence numbers, announced after commit, none for
		// the pending comment.
		room := consultation.Room(c.ID)
		events, err := realtime.Since(ctx, db.Gorm, room, 0, 100)
		if err != nil || len(events) != 2 || events[0].Seq != 1 || events[1].Type != consultation.EventCommentCreated {
			t.Fatalf("events = %+v, %v", events, err)
		}
		if published.seq[room] != 2 {
			t.Errorf("announced seq = %d, want 2", published.seq[room])
		}

		// Visibility: the pending comment only for its author and moderators.
		list := func(q consultation.CommentQuery) []consultation.Comment {
			q.ConsultationID, q.Limit = c.ID, 50
			out, _, err := s.Comments(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		if got := list(consultation.CommentQuery{}); len(got) != 1 || got[0].ID != top.ID {
			t.Errorf("anonymous top-level = %+v", got)
		}
		if got := list(consultation.CommentQuery{ViewerID: karl.User.ID}); len(got) != 2 {
			t.Errorf("author sees %d", len(got))
		}
		if got := list(consultation.CommentQuery{Moderator: true}); len(got) != 2 {
			t.Errorf("moderator sees %d", len(got))
		}
		if got := list(consultation.CommentQuery{ParentID: top.ID}); len(got) != 1 || got[0].ID != reply.ID {
			t.Errorf("replies = %+v", got)
		}
		whole := int64(0)
		if got := list(consultation.CommentQuery{SectionID: &whole, Moderator: true}); len(got) != 1 || got[0].ID != hidden.ID {
			t.Errorf("whole-plan filter = %+v", got)
		}

		// Supports: once per person, counted, announced.
		if _, err := s.Support(ctx, karl.User.ID, top.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Support(ctx, karl.User.ID, top.ID, true); !errors.Is(err, consultation.ErrAlreadyDone) {
			t.Errorf("second support: %v", err)
		}
		if got, _ := s.Comment(ctx, top.ID); got.Supports != 1 {
			t.Errorf("supports = %d", got.Supports)
		}

		// Flags put a comment in the queue; moderation clears it and is logged publicly.
		if _, err := s.Flag(ctx, karl.User.ID, top.ID, "Werbung"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Flag(ctx, karl.User.ID, top.ID, "nochmal"); !errors.Is(err, consultation.ErrAlreadyDone) {
			t.Errorf("second flag: %v", err)
		}
		queue, _ := s.Queue(ctx, c.ID, 50)
		if len(queue) != 2 || queue[0].ID != top.ID || queue[1].ID != hidden.ID {
			t.Errorf("queue = %+v", queue)
		}
		if _, err := s.ChangeComment(ctx, karl.User.ID, top.ID, consultation.ActionHide, func(cm *consultation.Comment) error {
			return cm.Moderate(consultation.ActionHide, "Werbung")
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ChangeComment(ctx, karl.User.ID, hidden.ID, consultation.ActionApprove, func(cm *consultation.Comment) error {
			return cm.Moderate(consultation.ActionApprove, "")
		}); err != nil {
			t.Fatal(err)
		}
		if queue, _ := s.Queue(ctx, c.ID, 50); len(queue) != 0 {
			t.Errorf("queue after moderation = %+v", queue)
		}
		decisions, _ := s.ModerationLog(ctx, c.ID, 0, 10)
		if len(decisions) != 2 || decisions[0].Action != consultation.ActionApprove || decisions[1].Reason != "Werbung" {
			t.Errorf("moderation log = %+v", decisions)
		}
		events, _ = realtime.Since(ctx, db.Gorm, room, 2, 100)
		var types []string
		for _, e := range events {
			types = append(types, e.Type)
		}
		want := fmt.Sprint([]string{"comment.supports", "moderation.decided", "comment.removed", "moderation.decided", "comment.created"})
		if fmt.Sprint(types) != want {
			t.Errorf("event types = %v, want %v", types, want)
		}

		// Responses: one per comment, replaced when answered again.
		if _, err := s.Respond(ctx, karl.User.ID, reply.ID, "Danke", "<p>Danke</p>"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Respond(ctx, karl.User.ID, reply.ID, "Danke, wird geprüft", "<p>Danke, wird geprüft</p>"); err != nil {
			t.Fatal(err)
		}
		rs, _ := s.Responses(ctx, []int64{reply.ID, top.ID})
		if len(rs) != 1 || rs[reply.ID].Body != "Danke, wird geprüft" {
			t.Errorf("responses = %+v", rs)
		}

		// Export walks every comment in order with section heading and response.
		var rows []consultation.ExportRow
		if err := s.Export(ctx, c.ID, func(r consultation.ExportRow) error { rows = append(rows, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[0].Section != "Ziele" || rows[1].Response != "Danke, wird geprüft" || rows[0].Comment.Status != consultation.StatusHidden {
			t.Errorf("export = %+v", rows)
		}

		// Moving sections keeps their ids and so their comments; a removed one's comments go to
		// the whole plan.
		swapped, err := s.Update(ctx, 0, c.ID, func(c *consultation.Consultation) error {
			c.Sections[0], c.Sections[1] = c.Sections[1], c.Sections[0]
			return nil
		})
		if err != nil || swapped.Sections[0].Heading != "Maßnahmen" || swapped.Sections[1].ID != c.Sections[0].ID {
			t.Fatalf("swap = %+v, %v", swapped.Sections, err)
		}
		if got, _ := s.Comment(ctx, top.ID); got.SectionID != c.Sections[0].ID {
			t.Errorf("the comment left its section: %d", got.SectionID)
		}
		if _, err := s.Update(ctx, 0, c.ID, func(c *consultation.Consultation) error {
			c.Sections = append(c.Sections, consultation.Section{ID: 424242, Heading: "Fremd"})
			return nil
		}); !errors.Is(err, consultation.ErrInvalid) {
			t.Errorf("a foreign section id: %v", err)
		}
		c, _ = s.Get(ctx, c.ID)

		// Updating the plan keeps section ids where positions stay.
		upd, err := s.Update(ctx, 0, c.ID, func(c *consultation.Consultation) error {
			c.Sections[0].Body = "Neu"
			c.Sections = c.Sections[:1]
			return nil
		})
		if err != nil || len(upd.Sections) != 1 || upd.Sections[0].ID != c.Sections[0].ID || upd.Sections[0].Body != "Neu" {
			t.Errorf("update = %+v, %v", upd.Sections, err)
		}
	})
}

func TestCommentPagesAndSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, c, _ := newConsultation(t, db, consultation.PostModeration)
		u := login(t, store.NewIdentity(db), "u")
		bodies := []string{"Wir brauchen mehr Spielplätze", "Der Spielplatz am Anger ist kaputt", "Busverbindung nach Nord", "Mehr Bänke im Park", "Pflegeplätze fehlen"}
		var ids []int64
		for i := 0; i < 25; i++ {
			ids = append(ids, addComment(t, s, c, u.User.ID, 0, 0, bodies[i%len(bodies)], consultation.StatusPublished).ID)
		}
		// Supports on some comments, so that "most supported" differs from "newest".
		fans := []int64{login(t, store.NewIdentity(db), "f1").User.ID, login(t, store.NewIdentity(db), "f2").User.ID}
		for i, id := range ids[:6] {
			for _, f := range fans[:1+i%2] {
				if _, err := s.Support(ctx, f, id, true); err != nil {
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
