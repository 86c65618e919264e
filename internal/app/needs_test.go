package app_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/blob"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// TestNeedsAtlas: evidence is read as the atlas shows it, an unknown reference is an error,
// actuals are the public series by year, and a citation appears on the value's page.
func TestNeedsAtlas(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
			t.Fatal(err)
		}
		at := app.Atlas(db, blob.Disk{Root: t.TempDir()}, 0, nil)
		if err := refdata.LoadAtlas(ctx, at); err != nil {
			t.Fatal(err)
		}
		ad := app.NeedsAtlas{Service: at, Store: store.NewAtlas(db), Now: time.Now}
		anon := identity.Principal{}
		want, err := at.Value(ctx, anon, "arbeitslose", "16051", 2021)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ad.Evidence(ctx, anon, "arbeitslose", "16051", 2021)
		switch {
		case err != nil:
			t.Fatal(err)
		case e.Title != want.Indicator.NameDE || e.Unit != want.Indicator.Unit || e.AreaName != want.Cell.Name || e.AreaName == "":
			t.Errorf("evidence = %+v, the atlas has %+v", e, want)
		case (e.Value == nil) != (want.Cell.Value == nil) || e.Value != nil && *e.Value != *want.Cell.Value:
			t.Errorf("evidence value = %v, the atlas's %v", e.Value, want.Cell.Value)
		}
		for _, bad := range []struct {
			indicator, area string
			year            int
		}{{"gibt_es_nicht", "16051", 2021}, {"arbeitslose", "16999", 2021}, {"arbeitslose", "16051", 1991}, {"arbeitslose", "x", 2021}} {
			if _, err := ad.Evidence(ctx, anon, bad.indicator, bad.area, bad.year); err == nil {
				t.Errorf("evidence %v: no error", bad)
			}
		}

		actuals, err := ad.Actuals(ctx, "arbeitslose", "16051")
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(actuals, func(y needs.YearValue) bool { return y.Year == 2021 })
		if i < 0 || !slices.IsSortedFunc(actuals, func(a, b needs.YearValue) int { return a.Year - b.Year }) ||
			(actuals[i].Value == nil) != (want.Cell.Value == nil) || actuals[i].Value != nil && *actuals[i].Value != *want.Cell.Value {
			t.Errorf("actuals = %+v", actuals)
		}

		if err := ad.Cite(ctx, e, "needs_assessment", "7", "Treffpunkt"); err != nil {
			t.Fatal(err)
		}
		after, err := at.Value(ctx, anon, "arbeitslose", "16051", 2021)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(after.Citations, func(c atlas.Citation) bool {
			return c.Kind == "needs_assessment" && c.SubjectID == "7" && c.Title == "Treffpunkt"
		}) {
			t.Errorf("citations = %+v", after.Citations)
		}
	})
}

// TestNeedsComments: only a published comment of a consultation of the given process can be
// weighed; for any other the comment does not exist.
func TestNeedsComments(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := refdata.Load(ctx, store.NewDistricts(db)); err != nil {
			t.Fatal(err)
		}
		plan, cons := store.NewPlanning(db), store.NewConsultations(db)
		p1, err1 := plan.InsertProcess(ctx, planning.Process{DistrictKey: "16051", Title: "Eins", Status: planning.StatusPublished})
		p2, err2 := plan.InsertProcess(ctx, planning.Process{DistrictKey: "16051", Title: "Zwei", Status: planning.StatusPublished})
		now := time.Now().UTC()
		c, err3 := cons.InsertConsultation(ctx, consultation.Consultation{ProcessID: p1.ID, Title: "B", Audience: consultation.AudienceEveryone,
			Moderation: consultation.PostModeration, OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(time.Hour), Sections: []consultation.Section{{Heading: "S"}}})
		author, _, err4 := store.NewIdentity(db).SaveLoginUser(ctx, identity.User{Issuer: "https://idp.invalid", Subject: "einwohnerin", Name: "Rita"})
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatal(err)
		}
		comment := func(st consultation.Status) int64 {
			cm, err := cons.InsertComment(ctx, consultation.Comment{ConsultationID: c.ID, AuthorID: author.ID, Body: "Mehr Bänke", HTML: "<p>Mehr Bänke</p>", Status: st, CreatedAt: now}, nil)
			if err != nil {
				t.Fatal(err)
			}
			return cm.ID
		}
		cm := app.NeedsComments{Store: cons}
		published := comment(consultation.StatusPublished)
		if text, _, err := cm.ForWeighing(ctx, p1.ID, published); err != nil || text != "Mehr Bänke" {
			t.Errorf("published comment: %q, %v", text, err)
		}
		for name, id := range map[string]int64{"pending": comment(consultation.StatusPending), "hidden": comment(consultation.StatusHidden), "missing": published + 100} {
			if _, _, err := cm.ForWeighing(ctx, p1.ID, id); !notFound(err) {
				t.Errorf("%s comment: %v", name, err)
			}
		}
		if _, _, err := cm.ForWeighing(ctx, p2.ID, published); !notFound(err) {
			t.Errorf("another process's comment: %v", err)
		}
	})
}

func notFound(err error) bool {
	e, ok := kernel.As(err)
	return ok && e.Kind() == kernel.KindNotFound
}
