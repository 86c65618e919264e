package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func itemIDs(items []needs.Item) []int64 {
	out := []int64{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func (f needsFixture) item(t *testing.T, it needs.Item) needs.Item {
	t.Helper()
	it.ProcessID = f.processID
	got, err := f.s.InsertItem(context.Background(), it)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestNeedsWeighingTable: one item per assessment and per comment, the filters and the search
// (its input taken literally), bundles together in the table order and pages that add up to it.
func TestNeedsWeighingTable(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		a := f.assess(t, "awo", needs.Content{Title: "Treff"})
		quote := f.item(t, needs.Item{Kind: needs.ItemAssessment, AssessmentID: a.ID, Summary: "Quote 100% erreicht", Submitter: "AWO Erfurt",
			AreaIDs: []int64{f.west}, Field: "jugendhilfe", UpdatedAt: f.now})
		if quote.DistrictKey != "16051" || quote.Working != nil || quote.Published != nil || quote.AreaIDs[0] != f.west || !quote.UpdatedAt.Equal(f.now) {
			t.Fatalf("inserted %+v", quote)
		}
		if _, err := f.s.InsertItem(ctx, needs.Item{ProcessID: f.processID, Kind: needs.ItemAssessment, AssessmentID: a.ID}); !errors.Is(err, kernel.ErrConflict) {
			t.Fatalf("a second item of the assessment: %v", err)
		}
		places := f.item(t, needs.Item{Kind: needs.ItemAspect, AssessmentID: a.ID, ParentID: quote.ID, Summary: "100 Plätze erreicht", Submitter: "AWO Erfurt",
			AreaIDs: []int64{f.mitte}, Field: "pflege"})
		elders := f.item(t, needs.Item{Kind: needs.ItemComment, CommentID: f.commentID, Summary: "Mehr Treffs für Ältere", Submitter: "Einwohnerin", AreaIDs: []int64{f.west, f.mitte}})
		if _, err := f.s.InsertItem(ctx, needs.Item{ProcessID: f.processID, Kind: needs.ItemComment, CommentID: f.commentID}); !errors.Is(err, kernel.ErrConflict) {
			t.Fatalf("a comment selected twice: %v", err)
		}
		kita := f.item(t, needs.Item{Kind: needs.ItemAspect, AssessmentID: a.ID, ParentID: quote.ID, Summary: "Kita_Nord", Submitter: "AWO Erfurt"})
		if got, err := f.s.ItemOf(ctx, needs.ItemAssessment, a.ID); err != nil || got.ID != quote.ID {
			t.Errorf("the assessment's item %+v %v", got, err)
		}
		if got, err := f.s.ItemOf(ctx, needs.ItemComment, f.commentID); err != nil || got.ID != elders.ID || got.CommentID != f.commentID {
			t.Errorf("the comment's item %+v %v", got, err)
		}
		if _, err := f.s.ItemOf(ctx, needs.ItemComment, 99999); !errors.Is(err, needs.ErrItemNotFound) {
			t.Errorf("an unselected comment: %v", err)
		}

		bundle, err := f.s.InsertBundle(ctx, needs.Bundle{ProcessID: f.processID, Title: "Treffpunkte"})
		if err != nil || bundle.ID == 0 {
			t.Fatal(bundle, err)
		}
		for _, it := range []needs.Item{quote, elders} { // the first and third item go into the bundle
			it.BundleID = bundle.ID
			if err := f.s.SaveItem(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		if bs, err := f.s.Bundles(ctx, f.processID); err != nil || len(bs) != 1 || bs[0] != bundle {
			t.Errorf("bundles %+v %v", bs, err)
		}
		table := []int64{places.ID, kita.ID, quote.ID, elders.ID}
		all, next, err := f.s.Items(ctx, needs.ItemQuery{ProcessID: f.processID})
		if err != nil || !reflect.DeepEqual(itemIDs(all), table) || next != "" || all[2].BundleTitle != "Treffpunkte" || all[0].BundleTitle != "" {
			t.Fatalf("the table %v %q %v, want %v", itemIDs(all), next, err, table)
		}
		var paged []int64
		q := needs.ItemQuery{ProcessID: f.processID, Limit: 3}
		for i := 0; i < 3; i++ {
			page, next, err := f.s.Items(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, itemIDs(page)...)
			if next == "" {
				break
			}
			q.Cursor = next
		}
		if !reflect.DeepEqual(paged, table) {
			t.Errorf("pages %v, want %v", paged, table)
		}
		if _, _, err := f.s.Items(ctx, needs.ItemQuery{ProcessID: f.processID, Cursor: "1"}); !errors.Is(err, needs.ErrInvalid) {
			t.Errorf("a foreign cursor: %v", err)
		}
		for name, c := range map[string]struct {
			q    needs.ItemQuery
			want []int64
		}{
			"percent literally":    {needs.ItemQuery{Search: "100%"}, []int64{quote.ID}},
			"underscore literally": {needs.ItemQuery{Search: "_"}, []int64{kita.ID}},
			"umlaut in any case":   {needs.ItemQuery{Search: "ÄLTERE"}, []int64{elders.ID}},
			"submitter":            {needs.ItemQuery{Search: "awo erf"}, []int64{places.ID, kita.ID, quote.ID}},
			"area":                 {needs.ItemQuery{AreaID: f.mitte}, []int64{places.ID, elders.ID}},
			"field":                {needs.ItemQuery{Field: "pflege"}, []int64{places.ID}},
			"nothing published":    {needs.ItemQuery{Published: true}, []int64{}},
		} {
			c.q.ProcessID = f.processID
			got, _, err := f.s.Items(ctx, c.q)
			if err != nil || !reflect.DeepEqual(itemIDs(got), c.want) {
				t.Errorf("%s: %v %v, want %v", name, itemIDs(got), err, c.want)
			}
		}

		if err := f.s.DeleteItem(ctx, kita.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Item(ctx, kita.ID); !errors.Is(err, needs.ErrItemNotFound) {
			t.Errorf("a deleted item: %v", err)
		}
		if err := f.s.DeleteItem(ctx, kita.ID); !errors.Is(err, needs.ErrItemNotFound) {
			t.Errorf("deleting it again: %v", err)
		}
		if err := f.s.SaveItem(ctx, kita); !errors.Is(err, needs.ErrItemNotFound) {
			t.Errorf("saving it: %v", err)
		}
		// The aspects go with the item they were split from.
		if err := f.s.DeleteItem(ctx, quote.ID); err != nil {
			t.Fatal(err)
		}
		if left, _, _ := f.s.Items(ctx, needs.ItemQuery{ProcessID: f.processID}); !reflect.DeepEqual(itemIDs(left), []int64{elders.ID}) {
			t.Errorf("after deleting the split item %v", itemIDs(left))
		}
	})
}

// TestNeedsPublish: publishing copies only the decisions that differ from the published ones and
// returns those; the public filter and the value filter read the published decision then.
func TestNeedsPublish(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		a := f.assess(t, "awo", needs.Content{Title: "Treff"})
		m1, err := f.s.InsertMeasure(ctx, needs.Measure{ProcessID: f.processID, Title: "Treff eröffnen", Status: needs.MeasurePlanned})
		if err != nil {
			t.Fatal(err)
		}
		var others []needs.Measure // ids whose digits contain m1's, so that a loose match would show
		for len(others) < 10 {
			m, err := f.s.InsertMeasure(ctx, needs.Measure{ProcessID: f.processID, Title: "Weitere", Status: needs.MeasurePlanned})
			if err != nil {
				t.Fatal(err)
			}
			others = append(others, m)
		}
		it1 := f.item(t, needs.Item{Kind: needs.ItemAssessment, AssessmentID: a.ID, Summary: "Treff"})
		it2 := f.item(t, needs.Item{Kind: needs.ItemComment, CommentID: f.commentID, Summary: "Ältere"})
		it3 := f.item(t, needs.Item{Kind: needs.ItemAspect, AssessmentID: a.ID, ParentID: it1.ID, Summary: "Ohne Entscheidung"})
		it1.Working = &needs.Decision{Value: needs.Considered, Reason: "Passt zum Bedarf", MeasureIDs: []int64{m1.ID, others[0].ID}, At: f.now}
		it2.Working = &needs.Decision{Value: needs.Noted, Reason: "Zur Kenntnis", MeasureIDs: []int64{others[9].ID}, At: f.now}
		for _, it := range []needs.Item{it1, it2} {
			if err := f.s.SaveItem(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		at := f.now.Add(time.Hour)
		pub, err := f.s.Publish(ctx, f.processID, at)
		if err != nil || !reflect.DeepEqual(itemIDs(pub), []int64{it1.ID, it2.ID}) {
			t.Fatalf("published %v %v", itemIDs(pub), err)
		}
		if p := pub[0].Published; p == nil || p.Value != needs.Considered || p.Reason != "Passt zum Bedarf" || !reflect.DeepEqual(p.MeasureIDs, it1.Working.MeasureIDs) ||
			!p.At.Equal(at) || pub[0].Pending() || !pub[0].Working.At.Equal(f.now) {
			t.Fatalf("published decision %+v, working %+v", p, pub[0].Working)
		}
		if again, err := f.s.Publish(ctx, f.processID, at); err != nil || len(again) != 0 {
			t.Fatalf("publishing again %v %v", itemIDs(again), err)
		}
		it2.Working.Reason = "Zur Kenntnis genommen, siehe Maßnahme"
		if err := f.s.SaveItem(ctx, it2); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.s.Item(ctx, it2.ID); !got.Pending() || got.Published.Reason != "Zur Kenntnis" {
			t.Fatalf("a changed working decision %+v", got)
		}
		if pub, err = f.s.Publish(ctx, f.processID, at.Add(time.Hour)); err != nil || !reflect.DeepEqual(itemIDs(pub), []int64{it2.ID}) ||
			pub[0].Published.Reason != it2.Working.Reason || !pub[0].Published.At.Equal(at.Add(time.Hour)) {
			t.Fatalf("the second publication %+v %v", pub, err)
		}
		public, _, err := f.s.Items(ctx, needs.ItemQuery{ProcessID: f.processID, Published: true})
		if err != nil || !reflect.DeepEqual(itemIDs(public), []int64{it1.ID, it2.ID}) {
			t.Errorf("the public table %v %v", itemIDs(public), err)
		}
		// The working value changes; the public filter still reads the published one.
		it1.Working.Value = needs.Partly
		if err := f.s.SaveItem(ctx, it1); err != nil {
			t.Fatal(err)
		}
		for name, c := range map[string]struct {
			q    needs.ItemQuery
			want []int64
		}{
			"published value": {needs.ItemQuery{Published: true, Value: needs.Considered}, []int64{it1.ID}},
			"working value":   {needs.ItemQuery{Value: needs.Partly}, []int64{it1.ID}},
			"no working one":  {needs.ItemQuery{Value: needs.Considered}, []int64{}},
		} {
			c.q.ProcessID = f.processID
			got, _, err := f.s.Items(ctx, c.q)
			if err != nil || !reflect.DeepEqual(itemIDs(got), c.want) {
				t.Errorf("%s: %v %v, want %v", name, itemIDs(got), err, c.want)
			}
		}
		if got, err := f.s.ItemsOfMeasure(ctx, m1.ID); err != nil || !reflect.DeepEqual(itemIDs(got), []int64{it1.ID}) {
			t.Errorf("items of the measure %v %v", itemIDs(got), err)
		}
		if got, err := f.s.ItemsOfMeasure(ctx, others[9].ID); err != nil || !reflect.DeepEqual(itemIDs(got), []int64{it2.ID}) {
			t.Errorf("items of another measure %v %v", itemIDs(got), err)
		}
		if got, err := f.s.ItemsOfMeasure(ctx, others[1].ID); err != nil || len(got) != 0 {
			t.Errorf("items of a measure no decision names %v %v", itemIDs(got), err)
		}
		if got, _ := f.s.Item(ctx, it3.ID); got.Working != nil || got.Published != nil {
			t.Errorf("the undecided item %+v", got)
		}
	})
}

// TestNeedsModulesMeasuresNotices: text modules by district, measures keep milestones and target,
// notices come newest first up to the limit.
func TestNeedsModulesMeasuresNotices(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		b, err := f.s.InsertTextModule(ctx, needs.TextModule{DistrictKey: "16051", Title: "Zuständigkeit", Body: "Nicht zuständig.", CreatedAt: f.now})
		if err != nil || b.ID == 0 || !b.CreatedAt.Equal(f.now) {
			t.Fatal(b, err)
		}
		a, err := f.s.InsertTextModule(ctx, needs.TextModule{DistrictKey: "16051", Title: "Haushalt", Body: "Keine Mittel."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.InsertTextModule(ctx, needs.TextModule{DistrictKey: "16053", Title: "Jena"}); err != nil {
			t.Fatal(err)
		}
		if ms, err := f.s.TextModules(ctx, "16051"); err != nil || len(ms) != 2 || ms[0] != a || ms[1] != b {
			t.Fatalf("modules %+v %v", ms, err)
		}
		if err := f.s.DeleteTextModule(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.TextModule(ctx, a.ID); !errors.Is(err, needs.ErrModuleNotFound) {
			t.Errorf("a deleted module: %v", err)
		}
		if err := f.s.DeleteTextModule(ctx, a.ID); !errors.Is(err, needs.ErrModuleNotFound) {
			t.Errorf("deleting it again: %v", err)
		}
		if got, err := f.s.TextModule(ctx, b.ID); err != nil || got != b {
			t.Errorf("module %+v %v", got, err)
		}
		if _, err := f.s.InsertTextModule(ctx, needs.TextModule{DistrictKey: "99999", Title: "x"}); !errors.Is(err, needs.ErrInvalid) {
			t.Errorf("a module of an unknown district: %v", err)
		}

		due := time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)
		in := needs.Measure{ProcessID: f.processID, Title: "Jugendtreff", Description: "Ein **Treff**", AreaIDs: []int64{f.west}, Fields: []string{"jugendhilfe"},
			Responsible: "Jugendamt", Budget: 120000, Status: needs.MeasureAdopted, CreatedAt: f.now, UpdatedAt: f.now,
			Milestones: []needs.Milestone{{Title: "Räume", Due: due, Done: true}, {Title: "Personal", Due: due.AddDate(0, 3, 0)}},
			Target:     &needs.Target{Indicator: "arbeitslose", Area: "16051", BaselineYear: 2023, Baseline: fp(7.5), TargetYear: 2028, Value: 6}}
		m, err := f.s.InsertMeasure(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		in.ID, in.DistrictKey = m.ID, "16051"
		if got, err := f.s.Measure(ctx, m.ID); err != nil || !reflect.DeepEqual(got, in) || !got.Milestones[1].Due.Equal(due.AddDate(0, 3, 0)) || *got.Target.Baseline != 7.5 {
			t.Fatalf("measure %+v %v, want %+v", got, err, in)
		}
		m.Status, m.Target, m.Milestones = needs.MeasureInProgress, nil, m.Milestones[:1]
		if err := f.s.SaveMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		ms, next, err := f.s.Measures(ctx, f.processID, "", 0)
		if err != nil || next != "" || len(ms) != 1 || ms[0].Status != needs.MeasureInProgress || ms[0].Target != nil || len(ms[0].Milestones) != 1 || !ms[0].CreatedAt.Equal(f.now) {
			t.Fatalf("measures %+v %q %v", ms, next, err)
		}
		for _, title := range []string{"Zweite", "Dritte"} {
			if _, err := f.s.InsertMeasure(ctx, needs.Measure{ProcessID: f.processID, Title: title, Status: needs.MeasurePlanned}); err != nil {
				t.Fatal(err)
			}
		}
		var titles []string
		for cursor, pages := "", 0; ; pages++ {
			page, next, err := f.s.Measures(ctx, f.processID, cursor, 2)
			if err != nil || pages > 2 {
				t.Fatalf("page %d: %v", pages, err)
			}
			for _, m := range page {
				titles = append(titles, m.Title)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if strings.Join(titles, ",") != "Jugendtreff,Zweite,Dritte" {
			t.Errorf("paged measures: %v", titles)
		}
		if _, _, err := f.s.Measures(ctx, f.processID, "x'; --", 2); !errors.Is(err, needs.ErrInvalid) {
			t.Errorf("a cursor the API never gave: %v", err)
		}
		if _, err := f.s.Measure(ctx, 99999); !errors.Is(err, needs.ErrMeasureNotFound) {
			t.Errorf("unknown measure: %v", err)
		}
		if err := f.s.SaveMeasure(ctx, needs.Measure{ID: 99999, Title: "x", Status: needs.MeasurePlanned}); !errors.Is(err, needs.ErrMeasureNotFound) {
			t.Errorf("saving an unknown measure: %v", err)
		}

		for i, n := range []needs.Notice{
			{Org: "awo", Kind: "decision", ProcessID: f.processID, Text: "erste"},
			{Org: "diakonie", Kind: "cosign_invitation", Text: "andere"},
			{Org: "awo", Kind: "query", Text: "zweite"},
			{Org: "awo", Kind: "sent_back", Text: "dritte"},
		} {
			n.At = f.now.Add(time.Duration(i) * time.Minute)
			if err := f.s.AddNotice(ctx, n); err != nil {
				t.Fatal(err)
			}
		}
		texts := func(ns []needs.Notice) []string {
			out := []string{}
			for _, n := range ns {
				out = append(out, n.Text)
			}
			return out
		}
		if ns, err := f.s.Notices(ctx, []string{"awo"}, 2); err != nil || !reflect.DeepEqual(texts(ns), []string{"dritte", "zweite"}) || !ns[0].At.Equal(f.now.Add(3*time.Minute)) {
			t.Errorf("awo's newest %v %v", texts(ns), err)
		}
		if ns, err := f.s.Notices(ctx, []string{"awo", "diakonie"}, 10); err != nil || !reflect.DeepEqual(texts(ns), []string{"dritte", "zweite", "andere", "erste"}) || ns[3].ProcessID != f.processID {
			t.Errorf("both organisations' %v %v", texts(ns), err)
		}
		if err := f.s.AddNotice(ctx, needs.Notice{Org: "niemand", Kind: "decision"}); !errors.Is(err, needs.ErrInvalid) {
			t.Errorf("a notice to an unknown organisation: %v", err)
		}
	})
}
