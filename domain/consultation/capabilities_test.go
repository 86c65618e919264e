package consultation_test

import (
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// TestWeighIsForModeratorsOfPublicComments: only the consultation's moderators may put a
// comment into the weighing table, and only a public one (never a pending, hidden or withdrawn
// comment, whose text the public table could show).
func TestWeighIsForModeratorsOfPublicComments(t *testing.T) {
	c := consultation.Consultation{ID: 1, DistrictKey: "16051", Audience: consultation.AudienceEveryone,
		OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(time.Hour)}
	karl := identity.Principal{User: identity.User{ID: 9}, Grants: []identity.Grant{{Role: identity.RoleCoordinator, DistrictKey: "16051"}}}
	jana := identity.Principal{User: identity.User{ID: 8}, Grants: []identity.Grant{{Role: identity.RoleCoordinator, DistrictKey: "16053"}}}
	for st, want := range map[consultation.Status]bool{consultation.StatusPublished: true, consultation.StatusPending: false,
		consultation.StatusHidden: false, consultation.StatusWithdrawn: false, consultation.StatusRejected: false} {
		cm := consultation.Comment{ID: 2, ConsultationID: 1, AuthorID: 3, Status: st, CreatedAt: now}
		v := consultation.ViewFor(&c, cm, karl, now)
		if v.Has(consultation.CanWeigh) != want {
			t.Errorf("moderator, %s comment: weigh %v, want %v", st, !want, want)
		}
		for name, p := range map[string]identity.Principal{"resident": person(4), "other district": jana, "author": person(3)} {
			if v := consultation.ViewFor(&c, cm, p, now); v.Has(consultation.CanWeigh) {
				t.Errorf("%s may weigh a %s comment", name, st)
			}
		}
	}
}
