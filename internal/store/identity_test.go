package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func claimed(t testing.TB, roles ...string) []identity.ClaimedRole {
	t.Helper()
	var out []identity.ClaimedRole
	for _, r := range roles {
		c, err := identity.ParseRole(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

func login(t testing.TB, s *identity.Service, subject string, roles ...string) identity.Principal {
	t.Helper()
	l, err := identity.NewLogin("https://idp.invalid", subject, "Name "+subject, subject+"@example.invalid", "test", claimed(t, roles...))
	if err != nil {
		t.Fatal(err)
	}
	l.EmailVerified = true
	p, err := s.Login(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// platformAdmin manages roles and organisations in these tests: an admin without an account, so
// its audit lines have no actor, like the system's.
var platformAdmin = identity.Principal{Grants: []identity.Grant{{Role: identity.RoleAdmin}}}

func ptr[T any](v T) *T { return &v }

func grantNames(p identity.Principal) []string {
	var out []string
	for _, g := range p.Grants {
		out = append(out, string(g.Role)+":"+g.DistrictKey+":"+string(g.Source))
	}
	for _, m := range p.Memberships {
		out = append(out, m.Organisation.Slug+":"+string(m.Role)+":"+string(m.Source))
	}
	slices.Sort(out)
	return out
}

func TestIdentityStoreContract(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
			t.Fatal(err)
		}
		s := app.Identity(db)

		// First login creates the user, their roles and the organisation a claim names.
		p := login(t, s, "k", "coordinator:16051", "provider_member:neue-initiative", "coordinator:99999")
		if p.Anonymous() || p.User.Name != "Name k" {
			t.Fatalf("principal = %+v", p)
		}
		if got := grantNames(p); !slices.Equal(got, []string{"coordinator:16051:claim", "neue-initiative:member:claim"}) {
			t.Fatalf("roles after first login = %v (a coordinator of an unknown district must grant nothing)", got)
		}
		org, err := s.Organisation(ctx, "neue-initiative")
		if err != nil || org.Kind != identity.OrgProvider || org.Name != "Neue Initiative" {
			t.Fatalf("organisation from claim = %+v, %v", org, err)
		}

		// A platform grant survives the next login; claim roles follow the claims.
		if _, err := s.GrantRole(ctx, platformAdmin, p.User.ID, identity.RoleCoordinator, "16053"); err != nil {
			t.Fatal(err)
		}
		p = login(t, s, "k", "resident")
		want := []string{"coordinator:16053:platform", "resident::claim"}
		if got := grantNames(p); !slices.Equal(got, want) {
			t.Fatalf("roles after second login = %v, want %v", got, want)
		}
		again := login(t, s, "k", "resident")
		if again.User.ID != p.User.ID {
			t.Fatal("a second login created a second user")
		}

		// Claim-sourced roles cannot be revoked in the platform; platform ones can.
		for _, g := range p.Grants {
			err := s.RevokeRole(ctx, platformAdmin, p.User.ID, g.ID)
			if g.Source == identity.SourceClaim && !errors.Is(err, identity.ErrRoleFromClaims) {
				t.Errorf("revoking a claim role: %v", err)
			}
			if g.Source == identity.SourcePlatform && err != nil {
				t.Errorf("revoking a platform role: %v", err)
			}
		}
		if err := s.RevokeRole(ctx, platformAdmin, p.User.ID, 999999); !errors.Is(err, identity.ErrRoleNotFound) {
			t.Errorf("revoking an unknown role: %v", err)
		}
		if _, err := s.GrantRole(ctx, platformAdmin, p.User.ID, identity.RoleCoordinator, "99999"); err == nil {
			t.Error("granted a coordinator role for an unknown district")
		}
		if _, err := s.GrantRole(ctx, platformAdmin, 424242, identity.RoleAdmin, ""); !errors.Is(err, identity.ErrUserNotFound) {
			t.Errorf("grant to unknown user: %v", err)
		}

		// Organisations and members.
		created, err := s.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: "awo-test", Name: "AWO Test", Kind: identity.OrgProvider, DistrictKey: "16051"})
		if err != nil || created.ID == 0 {
			t.Fatalf("create organisation: %+v %v", created, err)
		}
		if _, err := s.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: "awo-test", Name: "x", Kind: identity.OrgProvider}); !errors.Is(err, identity.ErrOrganisationExists) {
			t.Errorf("duplicate slug: %v", err)
		}
		if _, err := s.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: "BAD SLUG", Name: "x", Kind: identity.OrgProvider}); !errors.Is(err, identity.ErrInvalid) {
			t.Errorf("bad slug: %v", err)
		}
		updated, err := s.UpdateOrganisation(ctx, platformAdmin, "awo-test", identity.OrganisationChange{Description: ptr("neu"), DistrictKey: ptr("")})
		if err != nil || updated.Description != "neu" || updated.DistrictKey != "" {
			t.Errorf("update: %+v %v", updated, err)
		}
		if _, err := s.UpdateOrganisation(ctx, platformAdmin, "awo-test", identity.OrganisationChange{Name: ptr("")}); !errors.Is(err, identity.ErrInvalid) {
			t.Errorf("update to empty name: %v", err)
		}
		if o, _ := s.Organisation(ctx, "awo-test"); o.Name != "AWO Test" {
			t.Errorf("a rejected update changed the organisation: %+v", o)
		}

		other := login(t, s, "m")
		if err := s.Invite(ctx, platformAdmin, "awo-test", "M@EXAMPLE.invalid", identity.MemberRoleAdmin); err != nil {
			t.Fatal(err)
		}
		invs, err := s.MyInvitations(ctx, other)
		if err != nil || len(invs) != 1 {
			t.Fatalf("invitations of m = %+v, %v", invs, err)
		}
		if _, err := s.AcceptInvitation(ctx, other, invs[0].ID); err != nil {
			t.Fatal(err)
		}
		ms, err := s.Members(ctx, platformAdmin, "awo-test")
		if err != nil || len(ms) != 1 || ms[0].User.ID != other.User.ID || ms[0].Role != identity.MemberRoleAdmin || ms[0].Source != identity.SourcePlatform {
			t.Fatalf("members = %+v, %v", ms, err)
		}
		// A platform membership survives a login whose claims do not name the organisation.
		other = login(t, s, "m")
		if r, ok := other.MemberRole("awo-test"); !ok || r != identity.MemberRoleAdmin {
			t.Errorf("platform membership lost at login: %v", grantNames(other))
		}
		if err := s.RemoveMember(ctx, platformAdmin, "awo-test", other.User.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.RemoveMember(ctx, platformAdmin, "awo-test", other.User.ID); !errors.Is(err, identity.ErrMemberNotFound) {
			t.Errorf("removing twice: %v", err)
		}
		if _, err := s.Members(ctx, platformAdmin, "nope"); !errors.Is(err, identity.ErrOrganisationNotFound) {
			t.Errorf("members of unknown organisation: %v", err)
		}

		users, err := s.Users(ctx, platformAdmin, "name k", 10)
		if err != nil || len(users) != 1 || users[0].User.ID != p.User.ID {
			t.Errorf("Users search = %d, %v", len(users), err)
		}
		if users, _ := s.Users(ctx, platformAdmin, "%", 10); len(users) != 0 {
			t.Errorf("a %% in the query matched %d users", len(users))
		}

		// Everything above is in the audit log, newest first.
		entries, err := store.NewAudit(db).List(ctx, 0, 200)
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]int{}
		for i, e := range entries {
			actions[e.Action]++
			if i > 0 && e.ID >= entries[i-1].ID {
				t.Fatal("audit log not newest first")
			}
		}
		for _, a := range []string{"login", "user.create", "role.grant", "role.revoke", "organisation.create", "organisation.update", "membership.put", "membership.remove"} {
			if actions[a] == 0 {
				t.Errorf("no %s in the audit log (%v)", a, actions)
			}
		}
		page, _ := store.NewAudit(db).List(ctx, entries[2].ID, 2)
		if len(page) != 2 || page[0].ID != entries[3].ID {
			t.Errorf("cursor page = %+v", page)
		}
	})
}

func TestSessionStoreContract(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
			t.Fatal(err)
		}
		user := login(t, app.Identity(db), "s")
		s := store.NewSessions(db)
		now := time.Now().UTC().Truncate(time.Second)

		st := auth.LoginState{ProviderID: "p", State: "st", Nonce: "n", Verifier: "v", ReturnTo: "/x", CreatedAt: now, ExpiresAt: now.Add(time.Minute)}
		if err := s.SaveLoginState(ctx, "h1", st); err != nil {
			t.Fatal(err)
		}
		got, err := s.TakeLoginState(ctx, "h1")
		if err != nil || got.State != "st" || got.Verifier != "v" || got.ReturnTo != "/x" {
			t.Fatalf("take = %+v, %v", got, err)
		}
		if _, err := s.TakeLoginState(ctx, "h1"); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("a login state was taken twice: %v", err)
		}

		se := auth.Session{UserID: user.User.ID, ProviderID: "p", CSRFToken: "c", IDToken: "t", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
		if err := s.CreateSession(ctx, "s1", se); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Session(ctx, "s1"); err != nil || got.UserID != user.User.ID || !got.ExpiresAt.Equal(se.ExpiresAt) {
			t.Fatalf("session = %+v, %v", got, err)
		}
		if err := s.TouchSession(ctx, "s1", now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Session(ctx, "s1"); !got.LastSeenAt.Equal(now.Add(time.Minute)) {
			t.Errorf("touch: last seen %v", got.LastSeenAt)
		}
		if err := s.CreateSession(ctx, "s2", auth.Session{UserID: user.User.ID, CSRFToken: "c", CreatedAt: now, LastSeenAt: now.Add(-3 * time.Hour), ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteExpired(ctx, now, now.Add(-2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, "s2"); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("idle session survived the sweep: %v", err)
		}
		if _, err := s.Session(ctx, "s1"); err != nil {
			t.Errorf("live session swept: %v", err)
		}
		if err := s.DeleteSession(ctx, "s1"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, "s1"); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("deleted session still there: %v", err)
		}
	})
}
