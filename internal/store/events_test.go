package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestAppendNumbersWithoutGaps: concurrent appends to one room, each in its own transaction, get
// 1..n exactly once, on both databases.
func TestAppendNumbersWithoutGaps(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const room, workers, each = "consultation:42", 8, 25
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := range workers {
			wg.Go(func() {
				for i := range each {
					err := db.Gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
						if _, err := store.AppendEvent(tx, room, realtime.Everyone, "comment.created", map[string]int{"w": w, "i": i}); err != nil {
							return err
						}
						// Another room in the same transaction must not disturb either sequence.
						_, err := store.AppendEvent(tx, "workshop:7", realtime.Everyone, "vote.cast", nil)
						return err
					})
					if err != nil {
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
		for _, r := range []string{room, "workshop:7"} {
			evs, err := store.NewEvents(db).Since(ctx, r, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != workers*each {
				t.Fatalf("%s: %d events, want %d", r, len(evs), workers*each)
			}
			for i, ev := range evs {
				if ev.Seq != int64(i+1) || ev.Room != r || !json.Valid(ev.Data) {
					t.Fatalf("%s: event %d = %+v", r, i, ev)
				}
			}
		}
	})
}

func TestSinceAndRollback(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for i := range 10 {
			appendEvent(t, db, "consultation:1", map[string]any{"text": "Beitrag", "i": i})
		}
		appendEvent(t, db, "consultation:2", "other room")

		page, err := store.NewEvents(db).Since(ctx, "consultation:1", 4, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) != 3 || page[0].Seq != 5 || page[2].Seq != 7 {
			t.Fatalf("page after 4, limit 3: %+v", page)
		}
		if string(page[0].Data) != `{"i":4,"text":"Beitrag"}` || page[0].Type != "comment.created" {
			t.Errorf("stored event = %s %s", page[0].Type, page[0].Data)
		}
		if rest, _ := store.NewEvents(db).Since(ctx, "consultation:1", 10, 5); len(rest) != 0 {
			t.Errorf("after the last: %+v", rest)
		}
		if other, _ := store.NewEvents(db).Since(ctx, "consultation:2", 0, 0); len(other) != 1 || other[0].Seq != 1 {
			t.Errorf("other room: %+v", other)
		}

		// A rolled-back transaction gives its number back.
		boom := errors.New("boom")
		err = db.Gorm.Transaction(func(tx *gorm.DB) error {
			if _, err := store.AppendEvent(tx, "consultation:1", realtime.Everyone, "comment.created", 1); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if ev := appendEvent(t, db, "consultation:1", 2); ev.Seq != 11 {
			t.Errorf("after rollback: seq %d, want 11", ev.Seq)
		}
	})
}

func TestAppendRefusesBadInput(t *testing.T) {
	db := testdb.SQLite(t)
	cases := []struct {
		room, aud, typ string
		data           any
		want           error
	}{
		{"", realtime.Everyone, "comment.created", 1, realtime.ErrInvalidRoom},
		{strings.Repeat("r", realtime.MaxRoomLen+1), realtime.Everyone, "comment.created", 1, realtime.ErrInvalidRoom},
		{"room\nwith newline", realtime.Everyone, "comment.created", 1, realtime.ErrInvalidRoom},
		{"consultation:1", realtime.Everyone, "", 1, realtime.ErrInvalidType},
		{"consultation:1", "", "comment.created", 1, realtime.ErrInvalidAudience},
		{"consultation:1", "admins", "comment.created", 1, realtime.ErrInvalidAudience},
		{"consultation:1", "user:0", "comment.created", 1, realtime.ErrInvalidAudience},
		{"consultation:1", "user:007", "comment.created", 1, realtime.ErrInvalidAudience},
		{"consultation:1", "org:", "comment.created", 1, realtime.ErrInvalidAudience},
		{"consultation:1", realtime.Everyone, "comment.created", make(chan int), nil}, // not JSON-encodable
	}
	for _, c := range cases {
		err := db.Gorm.Transaction(func(tx *gorm.DB) error {
			_, err := store.AppendEvent(tx, c.room, c.aud, c.typ, c.data)
			return err
		})
		if err == nil || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("AppendEvent(%.20q, %q, %q): %v, want %v", c.room, c.aud, c.typ, err, c.want)
		}
	}
	if evs, _ := store.NewEvents(db).Since(context.Background(), "consultation:1", 0, 10); len(evs) != 0 {
		t.Errorf("refused appends stored %d events", len(evs))
	}
}

// TestAudienceAndLastSeq: each event comes back with the audience it was stored for, all of them
// in one numbering, and LastSeq is the newest number of the room.
func TestAudienceAndLastSeq(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		log := store.NewEvents(db)
		if last, err := log.LastSeq(ctx, "consultation:3"); err != nil || last != 0 {
			t.Fatalf("LastSeq of an empty room = %d, %v", last, err)
		}
		auds := []string{realtime.Everyone, realtime.Moderators, realtime.OrgAudience("jugendhilfe-erfurt"), realtime.UserAudience(7)}
		for _, a := range auds {
			err := db.Gorm.Transaction(func(tx *gorm.DB) error {
				_, err := store.AppendEvent(tx, "consultation:3", a, "comment.created", a)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		evs, err := log.Since(ctx, "consultation:3", 0, 0)
		if err != nil || len(evs) != len(auds) {
			t.Fatalf("Since: %d events, %v", len(evs), err)
		}
		for i, ev := range evs {
			if ev.Audience != auds[i] || ev.Seq != int64(i+1) {
				t.Errorf("event %d: seq %d audience %q, want %d %q", i, ev.Seq, ev.Audience, i+1, auds[i])
			}
		}
		if last, err := log.LastSeq(ctx, "consultation:3"); err != nil || last != int64(len(auds)) {
			t.Errorf("LastSeq = %d, %v; want %d", last, err, len(auds))
		}
	})
}

func appendEvent(t *testing.T, db *store.DB, room string, data any) realtime.Event {
	t.Helper()
	var ev realtime.Event
	err := db.Gorm.Transaction(func(tx *gorm.DB) (err error) {
		ev, err = store.AppendEvent(tx, room, realtime.Everyone, "comment.created", data)
		return err
	})
	if err != nil {
		t.Fatalf("append to %s: %v", room, err)
	}
	return ev
}
