package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/config"
	"github.com/teilhabe/teilhabe/internal/server"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// instance starts a server on dbURL whose public URL is its own listener.
func instance(t *testing.T, dbURL string) string {
	t.Helper()
	return instanceWith(t, dbURL, nil)
}

// instanceWith is instance with more configuration (such as TEILHABE_DEMO).
func instanceWith(t *testing.T, dbURL string, env map[string]string) string {
	t.Helper()
	ln := mustListen(t)
	base := "http://" + ln.Addr().String()
	vars := map[string]string{"TEILHABE_DATA_DIR": t.TempDir(), "TEILHABE_DATABASE_URL": dbURL, "TEILHABE_BASE_URL": base}
	for k, v := range env {
		vars[k] = v
	}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Run(ctx, cfg, quiet, server.Options{Listener: ln}) }()
	t.Cleanup(func() { cancel(); <-done })
	waitFor(t, "ready", func() bool { s, _ := get(base + "/readyz"); return s == 200 })
	return base
}

// TestCommentReachesAClientOfAnotherInstance: two instances behind a load balancer share live
// events through PostgreSQL only.
func TestCommentReachesAClientOfAnotherInstance(t *testing.T) {
	dbURL := testdb.PostgresURL(t)
	a := instance(t, dbURL)
	b := instance(t, dbURL)

	// A coordinator of Erfurt with a session, a published process and an open consultation,
	// written with the stores (the login flow itself is tested in internal/httpapi).
	db, err := store.OpenPostgres(dbURL, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	role, _ := identity.ParseRole("coordinator:16051")
	login, _ := identity.NewLogin("https://idp.invalid", "karl", "Karl", "karl@example.invalid", "test", []identity.ClaimedRole{role})
	karl, err := app.Identity(db).Login(ctx, login)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	token, csrf := "session-token-for-the-test-0123456789", "csrf-token-for-the-test"
	if err := store.NewSessions(db).CreateSession(ctx, auth.HashToken(token), auth.Session{UserID: karl.User.ID, ProviderID: "test", CSRFToken: csrf,
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	plan := store.NewPlanning(db)
	p, err := plan.InsertProcess(ctx, planning.Process{DistrictKey: "16051", Title: "Plan", Status: planning.StatusPublished,
		Phases: []planning.Phase{{Kind: planning.PhaseBeteiligung, StartsOn: now.AddDate(0, 0, -1), EndsOn: now.AddDate(0, 1, 0)}}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := store.NewConsultations(db).InsertConsultation(ctx, consultation.Consultation{ProcessID: p.ID, Title: "Beteiligung",
		Audience: consultation.AudienceEveryone, Moderation: consultation.PostModeration, OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(time.Hour),
		Sections: []consultation.Section{{Heading: "Ziele"}}})
	if err != nil {
		t.Fatal(err)
	}

	// An anonymous reader follows the consultation on instance B.
	wsURL := strings.Replace(b, "http", "ws", 1) + "/api/v1/live?room=" + consultation.Room(c.ID)
	ws, _, err := websocket.DefaultDialer.Dial(wsURL, http.Header{"Origin": {b}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()

	// Karl comments through instance A.
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/consultations/%d/comments", a, c.ID), strings.NewReader(`{"body":"Von Instanz A"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", a)
	req.Header.Set("X-CSRF-Token", csrf)
	req.AddCookie(&http.Cookie{Name: "teilhabe_session", Value: token})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("comment on A = %d", resp.StatusCode)
	}
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	var ev struct {
		Room string          `json:"room"`
		Seq  int64           `json:"seq"`
		Type string          `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := ws.ReadJSON(&ev); err != nil {
		t.Fatalf("the client on B got nothing: %v", err)
	}
	if ev.Room != consultation.Room(c.ID) || ev.Seq != 1 || ev.Type != "comment.created" || !strings.Contains(string(ev.Data), "Von Instanz A") {
		t.Errorf("event on B = %+v %s", ev, ev.Data)
	}
}
