package realtime_test

import (
	"testing"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// TestValidAudience: the room roles and the per-person forms are accepted, near misses are not;
// the kernel's names for use cases are the same strings.
func TestValidAudience(t *testing.T) {
	for _, a := range []string{
		realtime.Everyone, realtime.Moderators, realtime.Facilitators, realtime.Projector,
		realtime.UserAudience(1), realtime.GuestAudience(7), realtime.GuestAudience(1 << 62), realtime.OrgAudience("jugendhilfe-erfurt"),
		kernel.AudienceFacilitators, kernel.AudienceProjector, kernel.AudienceGuest(9),
	} {
		if !realtime.ValidAudience(a) {
			t.Errorf("%q refused", a)
		}
	}
	for _, a := range []string{
		"", "facilitator", "Projector", "guest:", "guest:0", "guest:-1", "guest:07", "guest:+7", "guest:1a",
		"guest:99999999999999999999", "guests:1", "user:0", "org:", "org:a b", "anyone",
	} {
		if realtime.ValidAudience(a) {
			t.Errorf("%q accepted", a)
		}
	}
	if kernel.AudienceFacilitators != realtime.Facilitators || kernel.AudienceProjector != realtime.Projector ||
		kernel.AudienceGuest(3) != realtime.GuestAudience(3) {
		t.Error("kernel and realtime name the audiences differently")
	}
	if err := realtime.CheckEvent("workshop:1", realtime.GuestAudience(4), "vote.recorded"); err != nil {
		t.Errorf("CheckEvent for a guest: %v", err)
	}
}
