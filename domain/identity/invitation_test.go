package identity_test

import (
	"errors"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

func TestNormaliseEmail(t *testing.T) {
	for in, want := range map[string]string{" Rita.Rathaus@Example.ORG ": "rita.rathaus@example.org", "a@b": "a@b"} {
		if got, err := identity.NormaliseEmail(in); err != nil || got != want {
			t.Errorf("NormaliseEmail(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "@", "a@", "@b", "a@b@c", "a b@c", "a@b\x00", "a@" + string(make([]byte, 320))} {
		if _, err := identity.NormaliseEmail(bad); !errors.Is(err, identity.ErrInvalid) {
			t.Errorf("NormaliseEmail(%q) = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestInvitationExpires(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	inv := identity.Invitation{ExpiresAt: now.Add(identity.InvitationTTL)}
	if inv.Expired(now) || !inv.Expired(now.Add(identity.InvitationTTL)) {
		t.Error("an invitation lasts InvitationTTL, not longer")
	}
}
