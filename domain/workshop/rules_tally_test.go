package workshop

import (
	"reflect"
	"testing"
	"time"
)

// TestTallyGroupsIsTally: answers counted grouped give the tally of the same answers one by one,
// for every kind of poll. Open answers are listed by time, so the service never groups them:
// here each is its own group.
func TestTallyGroupsIsTally(t *testing.T) {
	at := time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC)
	polls := []struct {
		c      PollConfig
		values [][]int
		words  [][]string
		texts  []string
	}{
		{c: PollConfig{Kind: PollSingle, Options: []string{"a", "b", "c"}}, values: [][]int{{2}, {0}, {2}, {7}}},
		{c: PollConfig{Kind: PollMultiple, Options: []string{"a", "b", "c"}, MaxChoices: 2}, values: [][]int{{0, 2}, {2}, {0, 2}}},
		{c: PollConfig{Kind: PollRanking, Options: []string{"a", "b", "c"}}, values: [][]int{{2, 0, 1}, {0, 1, 2}, {2, 0, 1}}},
		{c: PollConfig{Kind: PollBudget, Options: []string{"a", "b"}, Budget: 10}, values: [][]int{{3, 7}, {10, 0}, {3, 7}}},
		{c: PollConfig{Kind: PollScale, ScaleMin: 1, ScaleMax: 5}, values: [][]int{{5}, {1}, {5}, {9}}},
		{c: PollConfig{Kind: PollWords}, words: [][]string{{"Bänke", "Licht"}, {"bänke"}, {"Bänke", "Licht"}}},
		{c: PollConfig{Kind: PollText}, texts: []string{"Mehr Bänke", "Licht", "Mehr Bänke"}},
	}
	for _, p := range polls {
		var answers []Answer
		for i := range max(len(p.values), len(p.words), len(p.texts)) {
			a := Answer{ModuleID: 7, ParticipantID: int64(i + 1), UpdatedAt: at.Add(time.Duration(i) * time.Minute)}
			if i < len(p.values) {
				a.Values = p.values[i]
			}
			if i < len(p.words) {
				a.Words = p.words[i]
			}
			if i < len(p.texts) {
				a.Text = p.texts[i]
			}
			answers = append(answers, a)
		}
		var groups []AnswerGroup // equal answers together, as the store counts them
		for _, a := range answers {
			i := 0
			if p.c.Kind == PollText {
				i = len(groups)
			}
			for i < len(groups) && !(reflect.DeepEqual(groups[i].Answer.Values, a.Values) && reflect.DeepEqual(groups[i].Answer.Words, a.Words) && groups[i].Answer.Text == a.Text) {
				i++
			}
			if i == len(groups) {
				a.ParticipantID = 0
				groups = append(groups, AnswerGroup{Answer: a})
			}
			groups[i].N++
		}
		want := Tally(p.c, answers)
		got := TallyGroups(p.c, groups)
		got.ModuleID = want.ModuleID
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: grouped %+v, one by one %+v", p.c.Kind, got, want)
		}
	}
}
