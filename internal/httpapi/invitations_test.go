package httpapi_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

type invitationBody struct {
	ID               int64    `json:"id"`
	Email            string   `json:"email"`
	Role             string   `json:"role"`
	OrganisationSlug string   `json:"organisation_slug"`
	OrganisationName string   `json:"organisation_name"`
	InvitedByName    string   `json:"invited_by_name"`
	Actions          []string `json:"actions"`
}

type invitationList struct{ Items []invitationBody }

func memberIDs(t *testing.T, b *browser, slug string) []int64 {
	t.Helper()
	r := b.do("GET", "/api/v1/organisations/"+slug+"/members", "")
	if r.Status != http.StatusOK {
		t.Fatalf("members = %d %s", r.Status, r.Body)
	}
	var ids []int64
	for _, m := range decode[struct {
		Items []struct {
			UserID int64 `json:"user_id"`
		}
	}](t, r).Items {
		ids = append(ids, m.UserID)
	}
	return ids
}

// TestInvitationTellsNothingAndNeedsConsent is issue #9: a lead learned whether an address had an
// account and added its person without asking.
func TestInvitationTellsNothingAndNeedsConsent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		dora := a.browser(t).login("traeger", "demo-traeger-diakonie")
		rita := a.browser(t).login("buerger", "demo-buergerin")
		arne := a.browser(t).login("traeger", "demo-traeger-awo")
		ritaMe := rita.me()
		const path = "/api/v1/organisations/diakonie-erfurt/invitations"

		// An address with an account (in other letters) and one without: the same bytes.
		existing := dora.do("POST", path, `{"email":"`+strings.ToUpper(ritaMe.Email)+`","role":"member"}`)
		missing := dora.do("POST", path, `{"email":"niemand@demo.teilhabe.invalid","role":"member"}`)
		if existing.Status != http.StatusAccepted || existing.Body != `{"status":"invited"}`+"\n" {
			t.Fatalf("invite = %d %q", existing.Status, existing.Body)
		}
		if missing.Status != existing.Status || missing.Body != existing.Body {
			t.Errorf("answers differ: %d %q and %d %q", existing.Status, existing.Body, missing.Status, missing.Body)
		}
		for _, h := range []string{"Content-Type", "Content-Length", "Location"} {
			if existing.Header.Get(h) != missing.Header.Get(h) {
				t.Errorf("header %s differs: %q and %q", h, existing.Header.Get(h), missing.Header.Get(h))
			}
		}
		if slices.Contains(memberIDs(t, dora, "diakonie-erfurt"), ritaMe.ID) {
			t.Fatal("rita is a member before accepting")
		}

		// The lead sees both pending, by address only, and may withdraw each.
		pending := decode[invitationList](t, dora.do("GET", path, ""))
		if len(pending.Items) != 2 || !slices.Equal(pending.Items[0].Actions, []string{"withdraw"}) || pending.Items[0].InvitedByName != "Dora Diakonie" {
			t.Fatalf("pending = %+v", pending)
		}
		var ritasID, nobodysID int64
		for _, inv := range pending.Items {
			switch inv.Email {
			case strings.ToLower(ritaMe.Email):
				ritasID = inv.ID
			case "niemand@demo.teilhabe.invalid":
				nobodysID = inv.ID
			}
		}

		// Rita sees hers, on /me too; Arne sees none and cannot answer hers.
		if n := decode[struct{ Invitations int }](t, rita.do("GET", "/api/v1/me", "")).Invitations; n != 1 {
			t.Errorf("/me invitations = %d, want 1", n)
		}
		mine := decode[invitationList](t, rita.do("GET", "/api/v1/me/invitations", ""))
		if len(mine.Items) != 1 || mine.Items[0].ID != ritasID || mine.Items[0].OrganisationName != "Diakonie Erfurt (Beispiel)" ||
			!slices.Equal(mine.Items[0].Actions, []string{"accept", "decline"}) {
			t.Fatalf("rita's invitations = %+v", mine)
		}
		if others := decode[invitationList](t, arne.do("GET", "/api/v1/me/invitations", "")); len(others.Items) != 0 {
			t.Errorf("arne sees %+v", others)
		}
		for _, action := range []string{"accept", "decline"} {
			r := arne.do("POST", fmt.Sprintf("/api/v1/me/invitations/%d/%s", ritasID, action), "")
			if r.Status != http.StatusNotFound || problemCode(t, r) != "invitation_not_found" {
				t.Errorf("arne's %s of rita's invitation = %d %s", action, r.Status, r.Body)
			}
		}

		// Accepting makes the membership, at once in rita's session.
		r := rita.do("POST", fmt.Sprintf("/api/v1/me/invitations/%d/accept", ritasID), "")
		if r.Status != http.StatusOK || !strings.Contains(r.Body, `"slug":"diakonie-erfurt"`) || !strings.Contains(r.Body, `"role":"member"`) {
			t.Fatalf("accept = %d %s", r.Status, r.Body)
		}
		if me := rita.me(); len(me.Organisations) != 1 || me.Organisations[0].Slug != "diakonie-erfurt" {
			t.Errorf("rita's organisations after accepting = %+v", me.Organisations)
		}
		if !slices.Contains(memberIDs(t, dora, "diakonie-erfurt"), ritaMe.ID) {
			t.Error("no membership after accepting")
		}
		if r := rita.do("POST", fmt.Sprintf("/api/v1/me/invitations/%d/decline", ritasID), ""); r.Status != http.StatusNotFound {
			t.Errorf("declining an accepted invitation = %d", r.Status)
		}

		// The lead withdraws the other; then it is gone.
		if r := dora.do("DELETE", fmt.Sprintf("%s/%d", path, nobodysID), ""); r.Status != http.StatusNoContent {
			t.Errorf("withdraw = %d %s", r.Status, r.Body)
		}
		if r := dora.do("DELETE", fmt.Sprintf("%s/%d", path, nobodysID), ""); r.Status != http.StatusNotFound || problemCode(t, r) != "invitation_not_found" {
			t.Errorf("withdrawing twice = %d %s", r.Status, r.Body)
		}
		if left := decode[invitationList](t, dora.do("GET", path, "")); len(left.Items) != 0 {
			t.Errorf("left = %+v", left)
		}
	})
}

func TestInvitationsAreLimitedAndCheckedWithProblems(t *testing.T) {
	a := newApp(t, testdb.SQLite(t))
	dora := a.browser(t).login("traeger", "demo-traeger-diakonie")
	const path = "/api/v1/organisations/diakonie-erfurt/invitations"
	for _, c := range []struct{ body, code string }{
		{`{"email":"kein at","role":"member"}`, "validation_failed"},
		{`{"email":"a@b.de","role":"owner"}`, "validation_failed"},
		{`{"email":"a@b.de"}`, "validation_failed"},
	} {
		r := dora.do("POST", path, c.body)
		if r.Status != http.StatusUnprocessableEntity && r.Status != http.StatusBadRequest || problemCode(t, r) == "" ||
			!strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
			t.Errorf("%s = %d %s", c.body, r.Status, r.Body)
		}
	}
	limited := false
	for i := range 30 {
		r := dora.do("POST", path, fmt.Sprintf(`{"email":"p%d@example.invalid","role":"member"}`, i))
		if r.Status == http.StatusTooManyRequests {
			if i < 20 || problemCode(t, r) != "invitations_rate_limited" || r.Header.Get("Retry-After") == "" {
				t.Fatalf("invitation %d: %d %s %v", i, r.Status, r.Body, r.Header)
			}
			limited = true
			break
		}
		if r.Status != http.StatusAccepted {
			t.Fatalf("invitation %d: %d %s", i, r.Status, r.Body)
		}
	}
	if !limited {
		t.Error("30 invitations in a row were not limited")
	}
}
