package store_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

var errInjected = errors.New("injected failure")

// TestOutboxNeverLosesOrDuplicates fails the database between a change and its event, and in
// the middle of a relay, and checks that every committed change has exactly one event, numbered
// without gaps.
func TestOutboxNeverLosesOrDuplicates(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db, consultation.PostModeration)
		rita := login(t, app.Identity(db), "rita")
		room := consultation.Room(f.c.ID)

		// A change whose event cannot be stored is not saved either: one transaction.
		err := db.InTx(ctx, func(ctx context.Context) error {
			if _, err := f.s.InsertComment(ctx, consultation.Comment{ConsultationID: f.c.ID, AuthorID: rita.User.ID, Body: "weg", HTML: "weg",
				Status: consultation.StatusPublished}, nil); err != nil {
				return err
			}
			return f.outbox.Emit(ctx, kernel.Event{Room: room, Type: consultation.EventCommentCreated, Data: func() {}})
		})
		if err == nil {
			t.Fatal("an event that cannot be encoded was stored")
		}
		if got, _, _ := f.s.Comments(ctx, consultation.CommentQuery{ConsultationID: f.c.ID, Limit: 10, Moderator: true}); len(got) != 0 {
			t.Fatalf("the change was saved without its event: %+v", got)
		}

		// Relays that fail after numbering or after inserting roll back whole; the next one moves
		// every event exactly once.
		for i := 0; i < 5; i++ {
			if _, err := f.svc.PostComment(ctx, rita, consultation.PostComment{ConsultationID: f.c.ID, Body: fmt.Sprintf("Beitrag %d", i)}); err != nil {
				t.Fatal(err)
			}
		}
		for _, step := range []string{"numbered", "inserted"} {
			f.outbox.FailRelayAt(func(s string) error {
				if s == step {
					return errInjected
				}
				return nil
			})
			if _, err := f.outbox.Relay(ctx); !errors.Is(err, errInjected) {
				t.Fatalf("relay failing at %s: %v", step, err)
			}
		}
		f.outbox.FailRelayAt(nil)
		f.relay(t)
		events, err := store.NewEvents(db).Since(ctx, room, 0, 100)
		if err != nil || len(events) != 5 {
			t.Fatalf("events = %d, %v; want 5", len(events), err)
		}
		for i, e := range events {
			if e.Seq != int64(i+1) || e.Type != consultation.EventCommentCreated {
				t.Errorf("event %d = %+v", i, e)
			}
		}
		if n, err := f.outbox.Relay(ctx); err != nil || n != 0 {
			t.Errorf("a second relay moved %d, %v", n, err)
		}
	})
}

// TestConcurrentRelays runs several relays (as several instances would) while people post: every
// event arrives once, numbered 1..n in the room.
func TestConcurrentRelays(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db, consultation.PostModeration)
		ids := app.Identity(db)
		var people []identity.Principal
		for i := 0; i < 4; i++ {
			people = append(people, login(t, ids, fmt.Sprintf("p%d", i)))
		}
		other := store.NewOutbox(db, slog.New(slog.DiscardHandler), nil)
		const each = 10
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for _, p := range people {
			wg.Go(func() {
				for i := 0; i < each; i++ {
					if _, err := f.svc.PostComment(ctx, p, consultation.PostComment{ConsultationID: f.c.ID, Body: "parallel"}); err != nil && !errors.Is(err, consultation.ErrPostingTooFast) {
						errs <- err
						return
					}
				}
			})
		}
		for _, o := range []*store.Outbox{f.outbox, other} {
			wg.Go(func() {
				for i := 0; i < 20; i++ {
					if _, err := o.Relay(ctx); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		f.relay(t)
		events, err := store.NewEvents(db).Since(ctx, consultation.Room(f.c.ID), 0, 1000)
		if err != nil || len(events) != len(people)*each {
			t.Fatalf("events = %d, %v; want %d", len(events), err, len(people)*each)
		}
		seen := map[string]bool{}
		for i, e := range events {
			if e.Seq != int64(i+1) {
				t.Fatalf("event %d has seq %d", i, e.Seq)
			}
			if seen[string(e.Data)] {
				t.Fatalf("event %s relayed twice", e.Data)
			}
			seen[string(e.Data)] = true
		}
	})
}

// TestConcurrentSupportsAndFlags: 20 requests of one person to support (and to flag) the same
// comment end in exactly one row; the others get already_done, never an internal error.
func TestConcurrentSupportsAndFlags(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db, consultation.PostModeration)
		ids := app.Identity(db)
		rita, otto := login(t, ids, "rita"), login(t, ids, "otto")
		cm, err := f.svc.PostComment(ctx, rita, consultation.PostComment{ConsultationID: f.c.ID, Body: "Mehr Bänke"})
		if err != nil {
			t.Fatal(err)
		}
		for name, op := range map[string]func() error{
			"support": func() error { _, err := f.svc.Support(ctx, otto, cm.ID, true); return err },
			"flag":    func() error { return f.svc.Flag(ctx, otto, cm.ID, "Werbung") },
		} {
			var wg sync.WaitGroup
			var mu sync.Mutex
			ok, done := 0, 0
			for i := 0; i < 20; i++ {
				wg.Go(func() {
					err := op()
					mu.Lock()
					defer mu.Unlock()
					switch {
					case err == nil:
						ok++
					case errors.Is(err, consultation.ErrAlreadyDone):
						done++
					default:
						t.Errorf("%s: %v", name, err)
					}
				})
			}
			wg.Wait()
			if ok != 1 || done != 19 {
				t.Errorf("%s: %d succeeded and %d already done, want 1 and 19", name, ok, done)
			}
		}
		got, _ := f.s.Comment(ctx, cm.ID)
		if got.Supports != 1 || got.Flags != 1 {
			t.Errorf("supports = %d, flags = %d", got.Supports, got.Flags)
		}
	})
}
