package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/eventcontract"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestStoredEventsMatchTheContract walks a comment through everything that emits a live event
// and checks every stored event, as a client receives it, against api/events.yaml.
func TestStoredEventsMatchTheContract(t *testing.T) {
	contract, err := eventcontract.Load()
	if err != nil {
		t.Fatal(err)
	}
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db, consultation.PreModeration)
		svc, c := f.svc, f.c
		ids := app.Identity(db)
		rita, karl, otto := login(t, ids, "rita"), login(t, ids, "karl", "coordinator:16051"), login(t, ids, "otto")
		must := func(_ any, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		post := func(who identity.Principal, parent int64, body string) consultation.View {
			t.Helper()
			v, err := svc.PostComment(ctx, who, consultation.PostComment{ConsultationID: c.ID, ParentID: parent, Body: body})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		top := post(rita, 0, "Mehr Bänke")
		must(svc.Moderate(ctx, karl, top.ID, consultation.ActionApprove, ""))
		reply := post(otto, top.ID, "Stimme zu")
		must(svc.Moderate(ctx, karl, reply.ID, consultation.ActionApprove, ""))
		pending := post(otto, 0, "Wartet")
		for _, on := range []bool{true, false} {
			must(svc.Support(ctx, otto, top.ID, on))
		}
		if err := svc.Flag(ctx, otto, top.ID, "Werbung"); err != nil {
			t.Fatal(err)
		}
		must(svc.EditComment(ctx, rita, top.ID, "Mehr Bänke, bitte"))
		must(svc.Moderate(ctx, karl, top.ID, consultation.ActionPin, ""))
		must(svc.Moderate(ctx, karl, reply.ID, consultation.ActionHide, "Werbung"))
		must(svc.Moderate(ctx, karl, pending.ID, consultation.ActionApprove, ""))
		must(svc.WithdrawComment(ctx, rita, top.ID))
		must(svc.Respond(ctx, karl, pending.ID, "Danke"))
		post(otto, 0, "Bleibt in der Warteschlange") // its comment.queued stays stored
		f.relay(t)

		stored, err := store.NewEvents(db).Since(ctx, consultation.Room(c.ID), 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range stored {
			seen[e.Type] = true
			b, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			if err := contract.Validate(b); err != nil {
				t.Errorf("event %d does not match events.yaml: %v\n%s", e.Seq, err, b)
			}
		}
		for _, typ := range []string{consultation.EventCommentCreated, consultation.EventCommentUpdated, consultation.EventCommentRemoved,
			consultation.EventSupportsChanged, consultation.EventResponse, consultation.EventModeration,
			consultation.EventCommentQueued, consultation.EventCommentDequeued} {
			if !seen[typ] {
				t.Errorf("the walk stored no %s event, so it checked none", typ)
			}
		}
	})
}
