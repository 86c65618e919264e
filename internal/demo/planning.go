package demo

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// sampleNote marks every made-up record, as shared/data/README.md asks.
const sampleNote = "Beispieldaten: erfunden für die Demo, keine amtliche Gliederung."

// SeedPlanning gives Erfurt made-up social areas (its real outline cut into quarters) and two
// processes in different phases with documents. It does nothing when Erfurt already has areas.
func SeedPlanning(ctx context.Context, districts district.Store, plan planning.Store, blobs planning.Blobs, now time.Time) error {
	areas, err := plan.Areas(ctx, "16051")
	if err != nil || len(areas) > 0 {
		return err
	}
	return seedProcesses(ctx, districts, plan, blobs, now)
}

// SeedAll writes all demo data; it only adds what is missing, so restarts change nothing. issuer is
// the development provider's, so the demo users' comments belong to the accounts they log in to.
func SeedAll(ctx context.Context, districts district.Store, ids *identity.Service, plan planning.Store, cons consultation.Store, blobs planning.Blobs, issuer string, now time.Time) error {
	if err := Seed(ctx, ids); err != nil {
		return err
	}
	if err := SeedPlanning(ctx, districts, plan, blobs, now); err != nil {
		return err
	}
	p, err := firstProcess(ctx, plan)
	if err != nil || p.ID == 0 {
		return err
	}
	return seedConsultation(ctx, ids, cons, p, issuer, now)
}

const firstProcessTitle = "Integrierte Sozialplanung Erfurt (Beispiel)"

func seedProcesses(ctx context.Context, districts district.Store, plan planning.Store, blobs planning.Blobs, now time.Time) error {
	erfurt, err := districts.Get(ctx, "16051")
	if err != nil {
		return err
	}
	outline, ok := erfurt.Boundary.(orb.Polygon)
	if !ok {
		return fmt.Errorf("demo: Erfurt's boundary is a %T", erfurt.Boundary)
	}
	b := outline.Bound()
	midX, midY := (b.Min.X()+b.Max.X())/2, (b.Min.Y()+b.Max.Y())/2
	cut := func(minX, minY, maxX, maxY float64) orb.Polygon {
		return clip.Polygon(orb.Bound{Min: orb.Point{minX, minY}, Max: orb.Point{maxX, maxY}}, outline.Clone())
	}
	halves := map[string]orb.Polygon{
		"West": cut(b.Min.X(), b.Min.Y(), midX, b.Max.Y()),
		"Ost":  cut(midX, b.Min.Y(), b.Max.X(), b.Max.Y()),
	}
	var sozialraeume []int64
	for _, side := range []string{"West", "Ost"} {
		pop := int64(107000)
		pr, err := plan.InsertArea(ctx, planning.SocialArea{DistrictKey: "16051", Name: "Planungsraum " + side + " (Beispiel)",
			Level: planning.LevelPlanungsraum, Code: "PR-" + side[:1], Description: sampleNote, Population: &pop, Geometry: halves[side]})
		if err != nil {
			return fmt.Errorf("demo area: %w", err)
		}
		minX, maxX := b.Min.X(), midX
		if side == "Ost" {
			minX, maxX = midX, b.Max.X()
		}
		for i, part := range []struct {
			name       string
			minY, maxY float64
		}{{"Nord", midY, b.Max.Y()}, {"Süd", b.Min.Y(), midY}} {
			pop := int64(41000 + 12000*i)
			sr, err := plan.InsertArea(ctx, planning.SocialArea{DistrictKey: "16051", ParentID: pr.ID,
				Name: "Sozialraum " + part.name + "-" + side + " (Beispiel)", Level: planning.LevelSozialraum,
				Code: fmt.Sprintf("SR-%s%d", side[:1], i+1), Description: sampleNote, Population: &pop,
				Geometry: cut(minX, part.minY, maxX, part.maxY)})
			if err != nil {
				return fmt.Errorf("demo area: %w", err)
			}
			sozialraeume = append(sozialraeume, sr.ID)
		}
	}
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	span := func(fromMonths, toMonths int) (time.Time, time.Time) {
		return month.AddDate(0, fromMonths, 0), month.AddDate(0, toMonths, 0).AddDate(0, 0, -1)
	}
	phase := func(kind planning.PhaseKind, from, to int) planning.Phase {
		s, e := span(from, to)
		return planning.Phase{Kind: kind, StartsOn: s, EndsOn: e}
	}
	processes := []struct {
		p   planning.Process
		doc string
	}{
		{planning.Process{DistrictKey: "16051", Title: firstProcessTitle,
			Summary: "Beispieldaten: Wie lebt es sich in den Erfurter Sozialräumen, und was fehlt? Die Stadt sammelt Daten, " +
				"hört Träger und Bürgerinnen und Bürger an und beschließt daraus Maßnahmen.",
			Office: "Sozialplanung der Stadt Erfurt (Beispiel)", Fields: []planning.Field{"familie", "jugendhilfe", "armut"},
			SocialAreaIDs: sozialraeume, Phases: []planning.Phase{phase(planning.PhaseBestandsaufnahme, -8, -2),
				phase(planning.PhaseBeteiligung, -2, 3), phase(planning.PhaseMassnahmen, 3, 7), phase(planning.PhaseBeschluss, 7, 8)}},
			"Planentwurf Sozialplanung Erfurt (Beispiel)"},
		{planning.Process{DistrictKey: "16051", Title: "Altenhilfeplanung Erfurt-Nord (Beispiel)",
			Summary: "Beispieldaten: Pflege, Begegnung und Wohnen im Alter in den nördlichen Sozialräumen.",
			Office:  "Sozialplanung der Stadt Erfurt (Beispiel)", Fields: []planning.Field{"senioren", "pflege"},
			SocialAreaIDs: []int64{sozialraeume[0], sozialraeume[2]}, Phases: []planning.Phase{phase(planning.PhaseBestandsaufnahme, -20, -10),
				phase(planning.PhaseBedarfsermittlung, -10, -4), phase(planning.PhaseMassnahmen, -4, 2), phase(planning.PhaseUmsetzung, 2, 20)}},
			"Bestandsbericht Altenhilfe (Beispiel)"},
	}
	for _, x := range processes {
		// The store writes what it is given: the demo's processes start published, with phases.
		x.p.Status = planning.StatusPublished
		p, err := plan.InsertProcess(ctx, x.p)
		if err != nil {
			return fmt.Errorf("demo process: %w", err)
		}
		body := pdf(x.doc, "", sampleNote, "teilhabe - Beteiligung an der integrierten Sozialplanung")
		key := fmt.Sprintf("documents/%d/demo", p.ID)
		size, sum, err := blobs.Put(ctx, key, bytes.NewReader(body))
		if err != nil {
			return err
		}
		if _, err := plan.InsertDocument(ctx, planning.Document{ProcessID: p.ID, Title: x.doc, FileName: "beispiel.pdf",
			ContentType: "application/pdf", Size: size, StorageKey: key, SHA256: sum}); err != nil {
			return err
		}
	}
	return nil
}
