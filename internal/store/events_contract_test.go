package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/eventcontract"
	"github.com/teilhabe/teilhabe/internal/realtime"
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
		s, c, _ := newConsultation(t, db, consultation.PostModeration)
		ids := store.NewIdentity(db)
		rita, karl := login(t, ids, "rita"), login(t, ids, "karl")
		top := addComment(t, s, c, rita.User.ID, c.Sections[0].ID, 0, "Mehr Bänke", consultation.StatusPublished)
		reply := addComment(t, s, c, karl.User.ID, 0, top.ID, "Stimme zu", consultation.StatusPublished)
		pending := addComment(t, s, c, karl.User.ID, 0, 0, "Wartet", consultation.StatusPending)

		change := func(actor, id int64, action consultation.Action, f func(*consultation.Comment) error) {
			t.Helper()
			if _, err := s.ChangeComment(ctx, actor, id, action, f); err != nil {
				t.Fatal(err)
			}
		}
		for _, on := range []bool{true, false} {
			if _, err := s.Support(ctx, karl.User.ID, top.ID, on); err != nil {
				t.Fatal(err)
			}
		}
		change(rita.User.ID, top.ID, "", func(cm *consultation.Comment) error { return cm.Edit(rita, "Mehr Bänke, bitte", time.Now()) })
		change(karl.User.ID, top.ID, consultation.ActionPin, func(cm *consultation.Comment) error { return cm.Moderate(consultation.ActionPin, "") })
		change(karl.User.ID, reply.ID, consultation.ActionHide, func(cm *consultation.Comment) error {
			return cm.Moderate(consultation.ActionHide, "Werbung")
		})
		change(karl.User.ID, pending.ID, consultation.ActionApprove, func(cm *consultation.Comment) error {
			return cm.Moderate(consultation.ActionApprove, "")
		})
		change(rita.User.ID, top.ID, "", func(cm *consultation.Comment) error { return cm.Withdraw(rita) })
		if _, err := s.Respond(ctx, karl.User.ID, pending.ID, "Danke", "<p>Danke</p>"); err != nil {
			t.Fatal(err)
		}

		stored, err := realtime.Since(ctx, db.Gorm, consultation.Room(c.ID), 0, 100)
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
			consultation.EventSupportsChanged, consultation.EventResponse, consultation.EventModeration} {
			if !seen[typ] {
				t.Errorf("the walk stored no %s event, so it checked none", typ)
			}
		}
	})
}
