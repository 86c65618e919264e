package events_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/api/events"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/eventcontract"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// frame encodes an event as a websocket client receives it, through realtime.Event.
func frame(t *testing.T, typ string, data any) []byte {
	t.Helper()
	raw, err := json.Marshal(data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(realtime.Event{Room: consultation.Room(7), Seq: 3, Type: typ, Data: raw})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// comments are the shapes a comment takes in the thread: every optional field set, none set,
// withdrawn, pending in the queue, flagged after an earlier decision.
func comments() map[string]consultation.Comment {
	at := time.Date(2026, 11, 21, 10, 0, 0, 123456789, time.FixedZone("CET", 3600))
	full := consultation.Comment{ID: 12, ConsultationID: 7, SectionID: 3, ParentID: 9, AuthorID: 5, AuthorName: "Rita Rathaus",
		Body: "Mehr *Bänke*", HTML: "<p>Mehr <em>Bänke</em></p>", Status: consultation.StatusPublished, Pinned: true,
		Supports: 4, Flags: 2, FlagsOpen: true, CreatedAt: at, EditedAt: at.Add(time.Minute)}
	bare := consultation.Comment{ID: 1, ConsultationID: 7, AuthorName: "", HTML: "<p>x</p>", Status: consultation.StatusPublished, CreatedAt: at}
	withdrawn := full
	withdrawn.Status = consultation.StatusWithdrawn
	pending := bare
	pending.Status, pending.Body = consultation.StatusPending, "x"
	flagged := full
	flagged.Reason = "Bitte sachlich bleiben."
	return map[string]consultation.Comment{"full": full, "bare": bare, "withdrawn": withdrawn, "pending": pending, "flagged": flagged}
}

func TestDomainPayloadsMatchTheirSchemas(t *testing.T) {
	c, err := eventcontract.Load()
	if err != nil {
		t.Fatal(err)
	}
	cms := comments()
	type sample struct {
		name, typ string
		data      any
	}
	var samples []sample
	for _, name := range []string{"full", "bare", "withdrawn"} {
		cm := cms[name]
		samples = append(samples, sample{name, consultation.EventCommentCreated, cm.PublicView()},
			sample{name, consultation.EventCommentUpdated, cm.PublicView()})
	}
	for _, name := range []string{"pending", "flagged", "full"} {
		cm := cms[name]
		samples = append(samples, sample{name, consultation.EventCommentQueued, cm.QueuedView()})
	}
	// The other payloads are the generated types, filled as internal/store fills them.
	samples = append(samples,
		sample{"removed", consultation.EventCommentRemoved, events.CommentRef{Id: 12}},
		sample{"dequeued", consultation.EventCommentDequeued, events.CommentRef{Id: 12}},
		sample{"no supports", consultation.EventSupportsChanged, events.SupportsChanged{Id: 12, Supports: 0}},
		sample{"response", consultation.EventResponse, events.ResponseCreated{CommentId: 12, Html: "<p>Danke</p>", CreatedAt: time.Now().UTC()}})
	for _, a := range []consultation.Action{consultation.ActionApprove, consultation.ActionReject, consultation.ActionHide, consultation.ActionPin, consultation.ActionUnpin} {
		samples = append(samples, sample{string(a), consultation.EventModeration, events.ModerationDecided{CommentId: 12, Action: events.ModerationDecidedAction(a)}})
	}

	covered := map[string]bool{}
	for _, s := range samples {
		covered[s.typ] = true
		if err := c.Validate(frame(t, s.typ, s.data)); err != nil {
			t.Errorf("%s (%s) does not match events.yaml: %v", s.typ, s.name, err)
		}
	}
	for _, typ := range domainEventTypes(t) {
		if !covered[typ] {
			t.Errorf("no sample of %s: add one above", typ)
		}
	}
}

// TestContractRejects shows that the check above can fail: what the server must never send does
// not pass.
func TestContractRejects(t *testing.T) {
	c, err := eventcontract.Load()
	if err != nil {
		t.Fatal(err)
	}
	pending := comments()["pending"]
	cases := map[string][]byte{
		"a pending comment sent to everyone": frame(t, consultation.EventCommentCreated, pending.PublicView()),
		"moderator fields sent to everyone":  frame(t, consultation.EventCommentUpdated, pending.QueuedView()),
		"a field the contract lacks":         frame(t, consultation.EventCommentRemoved, map[string]any{"id": 1, "author_id": 5}),
		"a missing field":                    frame(t, consultation.EventSupportsChanged, map[string]any{"id": 1}),
		"an unknown type":                    frame(t, "comment.exploded", events.CommentRef{Id: 1}),
		"a room of another kind":             []byte(`{"room":"workshop:1","seq":1,"type":"comment.removed","data":{"id":1}}`),
		"no sequence":                        []byte(`{"room":"consultation:1","type":"comment.removed","data":{"id":1}}`),
		"a time that is not a date-time": frame(t, consultation.EventResponse,
			map[string]any{"comment_id": 1, "html": "", "created_at": "gestern"}),
	}
	for name, b := range cases {
		if err := c.Validate(b); err == nil {
			t.Errorf("%s passed: %s", name, b)
		} else if strings.TrimSpace(err.Error()) == "" {
			t.Errorf("%s: empty error", name)
		}
	}
}
