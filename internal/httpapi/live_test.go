package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// emit stores one event of room for audience, as a write path does, and announces it.
func emit(t *testing.T, a *app, room, audience, text string) int64 {
	t.Helper()
	var ev realtime.Event
	err := a.DB.Gorm.Transaction(func(tx *gorm.DB) (err error) {
		ev, err = store.AppendEvent(tx, room, audience, "test.event", map[string]string{"text": text})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	a.Live.Published(room, ev.Seq)
	return ev.Seq
}

// follow opens the live room as b, failing the test when the handshake is refused.
func follow(b *browser, room string, since int64) *websocket.Conn {
	b.t.Helper()
	ws, resp, err := b.dial(fmt.Sprintf("/api/v1/live?room=%s&since=%d", room, since))
	if err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		b.t.Fatalf("follow %s: %v (%d)", room, err, status)
	}
	b.t.Cleanup(func() { ws.Close() })
	return ws
}

// expectSeqs reads exactly the events seqs, in order: a moderators' event that a resident must
// not see would arrive in between.
func expectSeqs(b *browser, ws *websocket.Conn, seqs ...int64) {
	b.t.Helper()
	for _, want := range seqs {
		if ev := next(b, ws); ev.Seq != want {
			b.t.Fatalf("got event #%d (%s), want #%d", ev.Seq, ev.Data, want)
		}
	}
}

// untilNoModeratorFrames emits pairs of a moderators' event and a public marker until a pair
// reaches ws as the marker alone: the connection no longer hears the moderators. The connection
// must keep receiving the public events; the test fails if the moderators' frames never stop.
func untilNoModeratorFrames(t *testing.T, a *app, b *browser, ws *websocket.Conn, room string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		mod := emit(t, a, room, realtime.Moderators, "intern")
		marker := emit(t, a, room, realtime.Everyone, "öffentlich")
		ev := next(b, ws)
		if ev.Seq == marker {
			return
		}
		if ev.Seq != mod {
			t.Fatalf("got #%d, want #%d or #%d", ev.Seq, mod, marker)
		}
		expectSeqs(b, ws, marker)
	}
	t.Fatal("the connection still receives the moderators' events")
}

// closeCode waits for the server to close ws and returns its close code.
func closeCode(t *testing.T, ws *websocket.Conn) (int, string) {
	t.Helper()
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := ws.ReadMessage()
		var ce *websocket.CloseError
		if errors.As(err, &ce) {
			return ce.Code, ce.Text
		}
		if err != nil {
			t.Fatalf("connection ended without a close frame: %v", err)
		}
	}
}

// draftConsultation is a consultation of a draft process of Erfurt: only the district's
// coordinators and the admins may read it.
func draftConsultation(t *testing.T, a *app) string {
	t.Helper()
	ctx := context.Background()
	p, err := store.NewPlanning(a.DB).InsertProcess(ctx, planning.Process{DistrictKey: "16051", Title: "Entwurf", Status: planning.StatusDraft})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	c, err := store.NewConsultations(a.DB).InsertConsultation(ctx, consultation.Consultation{ProcessID: p.ID, Title: "Vorab",
		Audience: consultation.AudienceEveryone, Moderation: consultation.PostModeration, OpensAt: now.Add(-time.Hour),
		ClosesAt: now.Add(time.Hour), Sections: []consultation.Section{{Heading: "Ziele"}}})
	if err != nil {
		t.Fatal(err)
	}
	return consultation.Room(c.ID)
}

// TestModeratorsHearWhatResidentsDoNot: an event for the moderators reaches the district's
// coordinator, live and in a replay, and never a resident or an anonymous reader of the room.
func TestModeratorsHearWhatResidentsDoNot(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		anon := a.browser(t)
		room := consultation.Room(openConsultation(t, a, coord, "post"))
		base := decode[struct {
			LiveSeq int64 `json:"live_seq"`
		}](t, anon.do("GET", "/api/v1/consultations/"+strings.TrimPrefix(room, "consultation:"), "")).LiveSeq

		live := map[*browser]*websocket.Conn{coord: follow(coord, room, base), rita: follow(rita, room, base), anon: follow(anon, room, base)}
		public := emit(t, a, room, realtime.Everyone, "für alle")
		internal := emit(t, a, room, realtime.Moderators, "nur Moderation")
		marker := emit(t, a, room, realtime.Everyone, "wieder für alle")
		expectSeqs(coord, live[coord], public, internal, marker)
		expectSeqs(rita, live[rita], public, marker)
		expectSeqs(anon, live[anon], public, marker)

		expectSeqs(coord, follow(coord, room, base), public, internal, marker)
		expectSeqs(rita, follow(rita, room, base), public, marker)
		expectSeqs(anon, follow(anon, room, base), public, marker)
	})
}

// TestRevokedCoordinatorStopsHearing: when an admin revokes a coordinator role, the person's
// socket stops receiving the moderators' events of a public consultation at once (well before
// the periodic check), and their socket on a draft consultation is closed with 4403.
func TestRevokedCoordinatorStopsHearing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		admin := a.browser(t).login("verwaltung", "demo-admin")
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		open := consultation.Room(openConsultation(t, a, coord, "post"))
		draft := draftConsultation(t, a)

		ritaID := rita.me().ID
		r := admin.do("POST", fmt.Sprintf("/api/v1/users/%d/roles", ritaID), `{"role":"coordinator","district_key":"16051"}`)
		if r.Status != 201 {
			t.Fatalf("grant = %d %s", r.Status, r.Body)
		}
		grant := decode[struct{ ID int64 }](t, r).ID
		onOpen := follow(rita, open, 0)
		onDraft := follow(rita, draft, 0)
		expectSeqs(rita, onOpen, emit(t, a, open, realtime.Moderators, "als Koordinatorin"))

		if r := admin.do("DELETE", fmt.Sprintf("/api/v1/users/%d/roles/%d", ritaID, grant), ""); r.Status != 204 {
			t.Fatalf("revoke = %d %s", r.Status, r.Body)
		}
		if code, reason := closeCode(t, onDraft); code != realtime.CloseAccessRevoked || reason != "access revoked" {
			t.Errorf("socket on the draft closed with %d %q, want 4403", code, reason)
		}
		untilNoModeratorFrames(t, a, rita, onOpen, open)
		if s := rita.dialStatus("/api/v1/live?room=" + draft); s != http.StatusForbidden {
			t.Errorf("following the draft again = %d, want 403", s)
		}
	})
}

// TestLogoutDowngradesOrClosesSockets: after logging out, a coordinator's socket on a public
// consultation goes on as an anonymous reader's, and the one on a draft is closed with 4403.
func TestLogoutDowngradesOrClosesSockets(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	open := consultation.Room(openConsultation(t, a, coord, "post"))
	draft := draftConsultation(t, a)
	onOpen, onDraft := follow(coord, open, 0), follow(coord, draft, 0)
	expectSeqs(coord, onOpen, emit(t, a, open, realtime.Moderators, "intern"))

	if r := coord.do("POST", "/auth/logout", ""); r.Status != 200 {
		t.Fatalf("logout = %d %s", r.Status, r.Body)
	}
	if code, _ := closeCode(t, onDraft); code != realtime.CloseAccessRevoked {
		t.Errorf("socket on the draft closed with %d, want 4403", code)
	}
	untilNoModeratorFrames(t, a, coord, onOpen, open)
}

// TestLiveRefusalsAreProblems: refusals of /api/v1/live answer application/problem+json with a
// stable code, like every other error of the API.
func TestLiveRefusalsAreProblems(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
	open := openConsultation(t, a, coord, "post")
	draft := draftConsultation(t, a)
	anon := a.browser(t)
	cases := []struct {
		name, path, origin string
		status             int
		code               string
	}{
		{"unknown kind", "/api/v1/live?room=poll:1", a.URL, 400, "invalid_request"},
		{"malformed id", "/api/v1/live?room=consultation:x1", a.URL, 400, "invalid_request"},
		{"no kind", "/api/v1/live?room=lobby", a.URL, 400, "invalid_request"},
		{"forbidden", "/api/v1/live?room=" + draft, a.URL, 403, "forbidden"},
		{"foreign origin", fmt.Sprintf("/api/v1/live?room=consultation:%d", open), "https://evil.example", 403, "origin_not_allowed"},
	}
	for _, c := range cases {
		u := strings.Replace(a.URL, "http", "ws", 1) + c.path
		d := websocket.Dialer{Jar: anon.http.Jar, HandshakeTimeout: 5 * time.Second}
		ws, resp, err := d.Dial(u, http.Header{"Origin": {c.origin}})
		if err == nil {
			ws.Close()
			t.Errorf("%s: upgraded", c.name)
			continue
		}
		if resp == nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		body := readAll(t, resp)
		if resp.StatusCode != c.status || resp.Header.Get("Content-Type") != "application/problem+json" || !strings.Contains(body, `"code":"`+c.code+`"`) {
			t.Errorf("%s = %d %s %s, want %d problem %s", c.name, resp.StatusCode, resp.Header.Get("Content-Type"), body, c.status, c.code)
		}
	}
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestModeratorsSeePendingCommentsLive: on a pre-moderated consultation a resident's new comment
// appears live in the moderators' queue (comment.queued) and leaves it on approval
// (comment.dequeued), while the resident's and an anonymous reader's sockets in the same room
// receive nothing until it is approved and then only the public events.
func TestModeratorsSeePendingCommentsLive(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := a.browser(t).login("verwaltung", "demo-koordination-erfurt")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		anon := a.browser(t)
		id := openConsultation(t, a, coord, "pre")
		room := consultation.Room(id)
		sockets := map[*browser]*websocket.Conn{coord: follow(coord, room, 0), rita: follow(rita, room, 0), anon: follow(anon, room, 0)}

		r := rita.do("POST", fmt.Sprintf("/api/v1/consultations/%d/comments", id), `{"body":"Bitte mehr Bänke"}`)
		if r.Status != http.StatusCreated {
			t.Fatalf("post = %d %s", r.Status, r.Body)
		}
		posted := decode[struct{ ID int64 }](t, r).ID
		if ev := next(coord, sockets[coord]); ev.Type != consultation.EventCommentQueued || !strings.Contains(string(ev.Data), "Bitte mehr Bänke") {
			t.Fatalf("the moderator's first frame = %s %s, want comment.queued with the text", ev.Type, ev.Data)
		}
		if r := coord.do("POST", fmt.Sprintf("/api/v1/comments/%d/moderation", posted), `{"action":"approve"}`); r.Status != http.StatusOK {
			t.Fatalf("approve = %d %s", r.Status, r.Body)
		}
		for _, b := range []*browser{rita, anon} {
			var types []string
			for len(types) < 2 {
				ev := next(b, sockets[b])
				if ev.Type == consultation.EventCommentQueued || ev.Type == consultation.EventCommentDequeued {
					t.Fatalf("a reader without moderation received %s", ev.Type)
				}
				types = append(types, ev.Type)
			}
			if fmt.Sprint(types) != fmt.Sprint([]string{consultation.EventModeration, consultation.EventCommentCreated}) {
				t.Errorf("reader frames = %v", types)
			}
		}
		var types []string
		for len(types) < 3 {
			types = append(types, next(coord, sockets[coord]).Type)
		}
		if fmt.Sprint(types) != fmt.Sprint([]string{consultation.EventModeration, consultation.EventCommentCreated, consultation.EventCommentDequeued}) {
			t.Errorf("moderator frames after approval = %v", types)
		}
	})
}
