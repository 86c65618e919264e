package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// identityService is the identity use cases on db, with the districts loaded.
func identityService(t *testing.T, db *store.DB) *identity.Service {
	t.Helper()
	if err := refdata.Load(context.Background(), store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	return app.Identity(db)
}

// auditCount counts the audit lines of an action on a target.
func auditCount(t *testing.T, db *store.DB, action, target string) int {
	t.Helper()
	entries, err := store.NewAudit(db).List(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == action && e.TargetID == target {
			n++
		}
	}
	return n
}

func TestIdentityServiceAuthorises(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx, s := context.Background(), identityService(t, db)
		for _, slug := range []string{"diakonie-erfurt", "awo-erfurt"} {
			if _, err := s.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: slug, Name: slug, Kind: identity.OrgProvider}); err != nil {
				t.Fatal(err)
			}
		}
		dora := login(t, s, "dora", "provider_admin:diakonie-erfurt")
		rita := login(t, s, "rita", "resident")
		ritaID := fmt.Sprint(rita.User.ID)

		// A provider admin cannot grant roles, not even to themselves, and nothing is written.
		if _, err := s.GrantRole(ctx, dora, rita.User.ID, identity.RoleCoordinator, "16051"); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("provider admin granted a role: %v", err)
		}
		if _, err := s.GrantRole(ctx, dora, dora.User.ID, identity.RoleAdmin, ""); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("provider admin made themselves admin: %v", err)
		}
		if _, err := s.GrantRole(ctx, identity.Principal{}, rita.User.ID, identity.RoleAdmin, ""); !errors.Is(err, kernel.ErrLoginRequired) {
			t.Errorf("anonymous grant: %v", err)
		}
		if n := auditCount(t, db, "role.grant", ritaID); n != 1 { // the resident claim at login
			t.Errorf("%d role.grant lines for rita, want the login's one", n)
		}
		if _, err := s.Users(ctx, dora, "", 10); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("provider admin listed users: %v", err)
		}

		// They manage their own organisation's members and profile, not another's, and not its kind.
		if err := s.Invite(ctx, dora, "diakonie-erfurt", rita.User.Email, identity.MemberRoleMember); err != nil {
			t.Errorf("provider admin inviting a member: %v", err)
		}
		if err := s.Invite(ctx, dora, "awo-erfurt", rita.User.Email, identity.MemberRoleMember); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("provider admin invited into another organisation: %v", err)
		}
		if _, err := s.UpdateOrganisation(ctx, dora, "diakonie-erfurt", identity.OrganisationChange{Description: ptr("Wir beraten.")}); err != nil {
			t.Errorf("provider admin editing the profile: %v", err)
		}
		umbrella := identity.OrgUmbrella
		if _, err := s.UpdateOrganisation(ctx, dora, "diakonie-erfurt", identity.OrganisationChange{Kind: &umbrella}); !errors.Is(err, identity.ErrKindOrDistrictForAdmins) {
			t.Errorf("provider admin changed the kind: %v", err)
		}
		if _, err := s.CreateOrganisation(ctx, dora, identity.Organisation{Slug: "eigene", Name: "Eigene", Kind: identity.OrgProvider}); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("provider admin created an organisation: %v", err)
		}
		if _, err := s.Members(ctx, rita, "diakonie-erfurt"); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("a member listed the members: %v", err)
		}
	})
}

func TestIdentityServiceKeepsClaimRoles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx, s := context.Background(), identityService(t, db)
		karl := login(t, s, "karl", "coordinator:16051")
		err := s.RevokeRole(ctx, platformAdmin, karl.User.ID, karl.Grants[0].ID)
		if e, ok := kernel.As(err); !ok || e.Code() != "role_from_identity_provider" || e.Kind() != kernel.KindConflict {
			t.Fatalf("revoking a claim role: %v", err)
		}
		if again := login(t, s, "karl", "coordinator:16051"); len(again.Grants) != 1 || again.Grants[0].ID != karl.Grants[0].ID {
			t.Errorf("the claim role changed: %+v", again.Grants)
		}
		// Granting a role twice is granting it once: the same grant, one audit line.
		g1, err := s.GrantRole(ctx, platformAdmin, karl.User.ID, identity.RoleCoordinator, "16053")
		if err != nil {
			t.Fatal(err)
		}
		g2, err := s.GrantRole(ctx, platformAdmin, karl.User.ID, identity.RoleCoordinator, "16053")
		if err != nil || g2.ID != g1.ID {
			t.Errorf("granting twice: %+v %+v %v", g1, g2, err)
		}
		if n := auditCount(t, db, "role.grant", fmt.Sprint(karl.User.ID)); n != 2 { // the claim's and the platform's
			t.Errorf("%d role.grant lines, want 2", n)
		}
	})
}

func TestClaimedOrganisationCreatedOnceUnderConcurrentLogins(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx, s := context.Background(), identityService(t, db)
		const people = 6
		start := make(chan struct{})
		errs := make(chan error, people)
		roles := claimed(t, "provider_member:brand-neu")
		var wg sync.WaitGroup
		for i := range people {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Two logins of each person at once, too: one account each.
				l, err := identity.NewLogin("https://idp.invalid", fmt.Sprintf("p%d", i/2), "P", "", "test", roles)
				if err != nil {
					errs <- err
					return
				}
				<-start
				_, err = s.Login(ctx, l)
				errs <- err
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent login: %v", err)
			}
		}
		if n := auditCount(t, db, "organisation.create", "brand-neu"); n != 1 {
			t.Errorf("organisation.create %d times, want once", n)
		}
		ms, err := s.Members(ctx, platformAdmin, "brand-neu")
		if err != nil || len(ms) != people/2 {
			t.Errorf("members = %+v, %v; want %d people", ms, err, people/2)
		}
		if users, err := s.Users(ctx, platformAdmin, "", 100); err != nil || len(users) != people/2 {
			t.Errorf("%d users, %v; want %d", len(users), err, people/2)
		}
	})
}
