package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestWorkshopBallotAndAnswerGroups: the ballot reads the module, the workshop's status and the
// caller's participant row (a guest by token, a person by account, only in the module's
// workshop); answers are counted grouped by what was answered.
func TestWorkshopBallotAndAnswerGroups(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newWorkshopFixture(t, db)
		poll := f.module(t, workshop.Module{Kind: workshop.KindPoll, State: workshop.ModuleOpen,
			Poll: workshop.PollConfig{Kind: workshop.PollSingle, Options: []string{"a", "b", "c"}, ResultsLive: true}})
		gast := f.guest(t, "Gast")
		rita := must(f.s.InsertParticipant(ctx, workshop.Participant{WorkshopID: f.w.ID, UserID: f.rita, Name: "Rita", JoinedAt: f.now}))(t)

		b := must(f.s.Ballot(ctx, poll.ID, 0, gast.TokenHash))(t)
		if !reflect.DeepEqual(b, workshop.Ballot{Module: poll, Status: workshop.StatusLive, Participant: gast, Joined: true}) {
			t.Fatalf("guest's ballot %+v, want %+v", b, gast)
		}
		if b := must(f.s.Ballot(ctx, poll.ID, f.rita, gast.TokenHash))(t); !b.Joined || b.Participant != rita {
			t.Fatalf("person's ballot %+v", b)
		}
		for _, who := range []struct {
			user  int64
			token string
		}{{0, ""}, {0, "hash-unknown"}, {f.karl, ""}} {
			if b := must(f.s.Ballot(ctx, poll.ID, who.user, who.token))(t); b.Joined || b.Participant != (workshop.Participant{}) || b.Module.ID != poll.ID {
				t.Errorf("ballot of %v: %+v, want not joined", who, b)
			}
		}
		_, err := f.s.Ballot(ctx, 99999, 0, gast.TokenHash)
		wantErr(t, "unknown module", err, workshop.ErrModuleNotFound)

		for i, v := range []int{2, 0, 2} {
			p := f.guest(t, "G"+string(rune('a'+i)))
			if err := f.s.SaveAnswer(ctx, workshop.Answer{ModuleID: poll.ID, ParticipantID: p.ID, Values: []int{v}, UpdatedAt: f.now}); err != nil {
				t.Fatal(err)
			}
		}
		groups := must(f.s.AnswerGroups(ctx, poll.ID))(t)
		want := []workshop.AnswerGroup{{Answer: workshop.Answer{ModuleID: poll.ID, Values: []int{0}, Words: []string{}}, N: 1},
			{Answer: workshop.Answer{ModuleID: poll.ID, Values: []int{2}, Words: []string{}}, N: 2}}
		if !reflect.DeepEqual(groups, want) {
			t.Fatalf("groups %+v, want %+v", groups, want)
		}
	})
}
