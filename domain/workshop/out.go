package workshop

import (
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/api/events"
)

// CountsOut is a module's vote or dot counts as events carry them, by id.
func CountsOut(moduleID int64, counts map[int64]int) events.Counts {
	out := events.Counts{ModuleId: moduleID, Counts: make([]struct {
		Id int64 `json:"id"`
		N  int   `json:"n"`
	}, 0, len(counts))}
	for id, n := range counts {
		out.Counts = append(out.Counts, struct {
			Id int64 `json:"id"`
			N  int   `json:"n"`
		}{Id: id, N: n})
	}
	slices.SortFunc(out.Counts, func(a, b struct {
		Id int64 `json:"id"`
		N  int   `json:"n"`
	}) int {
		return int(a.Id - b.Id)
	})
	return out
}

func sortScale(s []struct {
	Count int `json:"count"`
	Value int `json:"value"`
}) {
	slices.SortFunc(s, func(a, b struct {
		Count int `json:"count"`
		Value int `json:"value"`
	}) int {
		return a.Value - b.Value
	})
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}
