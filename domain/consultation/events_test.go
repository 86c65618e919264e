package consultation_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
)

// TestPublicViewJSON pins the wire form of comment.created and comment.updated as it was before
// the payload became a generated type: the same names, optional ids and edited_at left out when
// empty, times in UTC with nanoseconds, no text of a withdrawn comment.
func TestPublicViewJSON(t *testing.T) {
	at := time.Date(2026, 11, 21, 11, 0, 0, 5, time.FixedZone("CET", 3600))
	cases := []struct {
		cm   consultation.Comment
		want string
	}{
		{consultation.Comment{ID: 4, ConsultationID: 7, AuthorName: "Rita", Body: "geheim", HTML: "<p>x</p>", Status: consultation.StatusPublished,
			Reason: "intern", Flags: 3, CreatedAt: at},
			`{"id":4,"consultation_id":7,"author_name":"Rita","status":"published","html":"<p>x</p>","pinned":false,"supports":0,
			"created_at":"2026-11-21T10:00:00.000000005Z"}`},
		{consultation.Comment{ID: 4, ConsultationID: 7, SectionID: 2, ParentID: 3, AuthorName: "Rita", HTML: "<p>x</p>",
			Status: consultation.StatusWithdrawn, Pinned: true, Supports: 2, CreatedAt: at, EditedAt: at.Add(time.Second)},
			`{"id":4,"consultation_id":7,"section_id":2,"parent_id":3,"author_name":"Rita","status":"withdrawn","html":"","pinned":true,
			"supports":2,"created_at":"2026-11-21T10:00:00.000000005Z","edited_at":"2026-11-21T10:00:01.000000005Z"}`},
	}
	for _, c := range cases {
		b, err := json.Marshal(c.cm.PublicView())
		if err != nil {
			t.Fatal(err)
		}
		var got, want map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(c.want), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("PublicView = %s\nwant        %s", b, c.want)
		}
	}
}

// TestQueuedView: moderators get the text, the flags and a reason only when there is one.
func TestQueuedView(t *testing.T) {
	cm := consultation.Comment{ID: 4, ConsultationID: 7, AuthorName: "Rita", Body: "Text", HTML: "<p>Text</p>", Status: consultation.StatusPending,
		Flags: 1, CreatedAt: time.Now()}
	b, _ := json.Marshal(cm.QueuedView())
	var got map[string]any
	_ = json.Unmarshal(b, &got)
	if got["body"] != "Text" || got["flags"] != 1.0 || got["status"] != "pending" || got["html"] != "<p>Text</p>" {
		t.Errorf("QueuedView = %s", b)
	}
	if _, ok := got["reason"]; ok {
		t.Errorf("an empty reason is sent: %s", b)
	}
	cm.Reason = "Werbung"
	if v := cm.QueuedView(); v.Reason == nil || *v.Reason != "Werbung" {
		t.Errorf("reason = %v", v.Reason)
	}
}
