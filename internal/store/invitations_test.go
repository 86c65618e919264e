package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// clockedIdentity is the identity use cases on db with a clock the test moves, and a limit of
// three invitations in a row, then one an hour.
func clockedIdentity(t *testing.T, db *store.DB) (*identity.Service, *time.Time) {
	t.Helper()
	if err := refdata.Load(context.Background(), store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	clock := func() time.Time { return now }
	s := identity.NewService(identity.Deps{Store: store.NewIdentity(db), Tx: db, Audit: store.NewAudit(db), Policy: access.Identity{},
		Invites: kernel.NewLimiter[int64](time.Hour, 3, clock), Now: clock})
	return s, &now
}

func isMember(t *testing.T, s *identity.Service, slug string, userID int64) bool {
	t.Helper()
	ms, err := s.Members(context.Background(), platformAdmin, slug)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.User.ID == userID {
			return true
		}
	}
	return false
}

func TestInvitationsNeedConsent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := clockedIdentity(t, db)
		if _, err := s.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: "diakonie-erfurt", Name: "Diakonie", Kind: identity.OrgProvider}); err != nil {
			t.Fatal(err)
		}
		dora := login(t, s, "dora", "provider_admin:diakonie-erfurt")
		rita := login(t, s, "rita", "resident")
		mallory := login(t, s, "mallory", "resident")

		// Existing account (in other letters) and no account: both just succeed, nobody joins.
		for _, email := range []string{"  RITA@Example.Invalid ", "niemand@example.invalid"} {
			if err := s.Invite(ctx, dora, "diakonie-erfurt", email, identity.MemberRoleMember); err != nil {
				t.Fatalf("invite %q: %v", email, err)
			}
		}
		if isMember(t, s, "diakonie-erfurt", rita.User.ID) {
			t.Fatal("rita is a member before accepting")
		}
		pending, err := s.Invitations(ctx, dora, "diakonie-erfurt")
		if err != nil || len(pending) != 2 || pending[0].InvitedBy.Name != "Name dora" || len(pending[0].Actions) != 1 || pending[0].Actions[0] != identity.InvitationWithdraw {
			t.Fatalf("pending = %+v, %v", pending, err)
		}
		if _, err := s.Invitations(ctx, rita, "diakonie-erfurt"); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("a resident listed the invitations: %v", err)
		}

		mine, err := s.MyInvitations(ctx, rita)
		if err != nil || len(mine) != 1 || mine[0].Organisation.Name != "Diakonie" || mine[0].Email != "rita@example.invalid" {
			t.Fatalf("rita's invitations = %+v, %v", mine, err)
		}
		if n, err := s.PendingInvitations(ctx, rita); err != nil || n != 1 {
			t.Errorf("rita's count = %d, %v", n, err)
		}
		if others, _ := s.MyInvitations(ctx, mallory); len(others) != 0 {
			t.Errorf("mallory sees %+v", others)
		}
		// Somebody else can neither accept nor decline it, and it stays.
		if _, err := s.AcceptInvitation(ctx, mallory, mine[0].ID); !errors.Is(err, identity.ErrInvitationNotFound) {
			t.Errorf("mallory accepted rita's invitation: %v", err)
		}
		if err := s.DeclineInvitation(ctx, mallory, mine[0].ID); !errors.Is(err, identity.ErrInvitationNotFound) {
			t.Errorf("mallory declined rita's invitation: %v", err)
		}
		if _, err := s.AcceptInvitation(ctx, identity.Principal{}, mine[0].ID); !errors.Is(err, kernel.ErrLoginRequired) {
			t.Errorf("anonymous accept: %v", err)
		}
		// An address the provider did not verify receives nothing.
		unverified := rita
		unverified.User.EmailVerified = false
		if got, _ := s.MyInvitations(ctx, unverified); len(got) != 0 {
			t.Errorf("an unverified address sees %+v", got)
		}
		if _, err := s.AcceptInvitation(ctx, unverified, mine[0].ID); !errors.Is(err, identity.ErrInvitationNotFound) {
			t.Errorf("an unverified address accepted: %v", err)
		}

		m, err := s.AcceptInvitation(ctx, rita, mine[0].ID)
		if err != nil || m.Organisation.Slug != "diakonie-erfurt" || m.Role != identity.MemberRoleMember || m.Source != identity.SourcePlatform {
			t.Fatalf("accept = %+v, %v", m, err)
		}
		if !isMember(t, s, "diakonie-erfurt", rita.User.ID) {
			t.Fatal("accepting made no membership")
		}
		if _, err := s.AcceptInvitation(ctx, rita, mine[0].ID); !errors.Is(err, identity.ErrInvitationNotFound) {
			t.Errorf("accepting twice: %v", err)
		}
		if n := auditCount(t, db, "invitation.accept", "diakonie-erfurt"); n != 1 {
			t.Errorf("%d invitation.accept lines", n)
		}
		if n := auditCount(t, db, "invitation.create", "diakonie-erfurt"); n != 2 {
			t.Errorf("%d invitation.create lines", n)
		}

		// The lead changes the new member's role; nobody who is not a member is added that way.
		if got, err := s.ChangeMemberRole(ctx, dora, "diakonie-erfurt", rita.User.ID, identity.MemberRoleAdmin); err != nil || got.Role != identity.MemberRoleAdmin || got.User.Name != "Name rita" {
			t.Errorf("change role = %+v, %v", got, err)
		}
		if _, err := s.ChangeMemberRole(ctx, dora, "diakonie-erfurt", mallory.User.ID, identity.MemberRoleAdmin); !errors.Is(err, identity.ErrMemberNotFound) {
			t.Errorf("changing a non-member's role: %v", err)
		}
		if isMember(t, s, "diakonie-erfurt", mallory.User.ID) {
			t.Error("a role change added a member")
		}
	})
}

func TestInvitationsDeclineWithdrawExpire(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, now := clockedIdentity(t, db)
		for _, slug := range []string{"diakonie-erfurt", "awo-erfurt"} {
			if _, err := s.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: slug, Name: slug, Kind: identity.OrgProvider}); err != nil {
				t.Fatal(err)
			}
		}
		dora := login(t, s, "dora", "provider_admin:diakonie-erfurt")
		arne := login(t, s, "arne", "provider_admin:awo-erfurt")
		rita := login(t, s, "rita", "resident")
		invite := func(lead identity.Principal, slug string) identity.Invitation {
			t.Helper()
			if err := s.Invite(ctx, lead, slug, rita.User.Email, identity.MemberRoleMember); err != nil {
				t.Fatal(err)
			}
			list, err := s.Invitations(ctx, platformAdmin, slug)
			if err != nil || len(list) != 1 {
				t.Fatalf("invitations of %s = %+v, %v", slug, list, err)
			}
			return list[0]
		}

		// Declined: gone, no membership; the organisation may invite again.
		inv := invite(dora, "diakonie-erfurt")
		if err := s.DeclineInvitation(ctx, rita, inv.ID); err != nil {
			t.Fatal(err)
		}
		if isMember(t, s, "diakonie-erfurt", rita.User.ID) {
			t.Error("declining made a membership")
		}
		if mine, _ := s.MyInvitations(ctx, rita); len(mine) != 0 {
			t.Errorf("declined invitation still listed: %+v", mine)
		}

		// Withdrawn: only by its own organisation's leads.
		inv = invite(dora, "diakonie-erfurt")
		if err := s.WithdrawInvitation(ctx, arne, "diakonie-erfurt", inv.ID); !errors.Is(err, kernel.ErrForbidden) {
			t.Errorf("another organisation's lead withdrew: %v", err)
		}
		if err := s.WithdrawInvitation(ctx, arne, "awo-erfurt", inv.ID); !errors.Is(err, identity.ErrInvitationNotFound) {
			t.Errorf("withdrawn through another organisation: %v", err)
		}
		if err := s.WithdrawInvitation(ctx, dora, "diakonie-erfurt", inv.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AcceptInvitation(ctx, rita, inv.ID); !errors.Is(err, identity.ErrInvitationNotFound) {
			t.Errorf("accepted a withdrawn invitation: %v", err)
		}
		if n := auditCount(t, db, "invitation.withdraw", "diakonie-erfurt"); n != 1 {
			t.Errorf("%d invitation.withdraw lines", n)
		}

		// Expired after InvitationTTL: not listed, not accepted; inviting again renews it.
		inv = invite(arne, "awo-erfurt")
		*now = now.Add(identity.InvitationTTL)
		if mine, _ := s.MyInvitations(ctx, rita); len(mine) != 0 {
			t.Errorf("expired invitation listed: %+v", mine)
		}
		if list, _ := s.Invitations(ctx, arne, "awo-erfurt"); len(list) != 0 {
			t.Errorf("expired invitation listed for the lead: %+v", list)
		}
		if _, err := s.AcceptInvitation(ctx, rita, inv.ID); !errors.Is(err, identity.ErrInvitationExpired) {
			t.Errorf("accepting an expired invitation: %v", err)
		}
		if isMember(t, s, "awo-erfurt", rita.User.ID) {
			t.Error("an expired invitation made a membership")
		}
		renewed := invite(arne, "awo-erfurt")
		if !renewed.ExpiresAt.Equal(now.Add(identity.InvitationTTL)) {
			t.Errorf("renewed invitation expires at %v", renewed.ExpiresAt)
		}
		if _, err := s.AcceptInvitation(ctx, rita, renewed.ID); err != nil {
			t.Errorf("accepting the renewed invitation: %v", err)
		}
	})
}

func TestInvitationsAreLimitedAndValidated(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, now := clockedIdentity(t, db)
		if _, err := s.CreateOrganisation(ctx, platformAdmin, identity.Organisation{Slug: "diakonie-erfurt", Name: "Diakonie", Kind: identity.OrgProvider}); err != nil {
			t.Fatal(err)
		}
		dora := login(t, s, "dora", "provider_admin:diakonie-erfurt")
		for _, bad := range []string{"", "kein-at", "a@b@c", "a b@c.de", "@c.de"} {
			if err := s.Invite(ctx, dora, "diakonie-erfurt", bad, identity.MemberRoleMember); !errors.Is(err, identity.ErrInvalid) {
				t.Errorf("invite %q: %v", bad, err)
			}
		}
		if err := s.Invite(ctx, dora, "diakonie-erfurt", "x@example.invalid", "owner"); !errors.Is(err, identity.ErrInvalid) {
			t.Errorf("invite with an unknown role: %v", err)
		}
		for i := range 3 {
			if err := s.Invite(ctx, dora, "diakonie-erfurt", "p"+string(rune('a'+i))+"@example.invalid", identity.MemberRoleMember); err != nil {
				t.Fatal(err)
			}
		}
		err := s.Invite(ctx, dora, "diakonie-erfurt", "pz@example.invalid", identity.MemberRoleMember)
		e, ok := kernel.As(err)
		if !errors.Is(err, identity.ErrInvitationsLimited) || !ok || e.RetryAfter() <= 0 {
			t.Fatalf("fourth invitation: %v", err)
		}
		if list, _ := s.Invitations(ctx, dora, "diakonie-erfurt"); len(list) != 3 {
			t.Errorf("%d invitations stored, want 3", len(list))
		}
		*now = now.Add(time.Hour)
		if err := s.Invite(ctx, dora, "diakonie-erfurt", "pz@example.invalid", identity.MemberRoleMember); err != nil {
			t.Errorf("after an hour: %v", err)
		}
	})
}
