package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// SeedNeeds runs the first demo process through the needs context once, through its use cases
// (so the demo obeys the same rules as people do): an open call, Diakonie's needs assessment
// with atlas evidence, co-signed by AWO and submitted, weighed and published with a measure; and
// a draft of AWO's that only AWO sees. It does nothing when the process has a call.
func SeedNeeds(ctx context.Context, svc *needs.Service, ids *identity.Service, plan planning.Store, issuer string, now time.Time) error {
	p, err := firstProcess(ctx, plan)
	if err != nil || p.ID == 0 {
		return err
	}
	// Every start comes here: look before logging anyone in (a login writes the user and an audit line).
	if calls, err := svc.Calls(ctx, identity.Principal{}, p.ID); err != nil || len(calls) > 0 {
		return err
	}
	people := map[string]identity.Principal{}
	for _, u := range []struct{ sub, name, provider, role string }{
		{"demo-koordination-erfurt", "Karl Koordinator", "verwaltung", "coordinator:16051"},
		{"demo-traeger-diakonie", "Dora Diakonie", "traeger", "provider_admin:diakonie-erfurt"},
		{"demo-traeger-awo-leitung", "Agnes Awo", "traeger", "provider_admin:awo-erfurt"},
	} {
		role, err := identity.ParseRole(u.role)
		if err != nil {
			return err
		}
		l, err := identity.NewLogin(issuer, u.sub, u.name, u.sub+"@demo.teilhabe.invalid", u.provider, []identity.ClaimedRole{role})
		if err != nil {
			return err
		}
		if people[u.sub], err = ids.Login(ctx, l); err != nil {
			return err
		}
	}
	karl, dora, agnes := people["demo-koordination-erfurt"], people["demo-traeger-diakonie"], people["demo-traeger-awo-leitung"]
	call, err := svc.CreateCall(ctx, karl, needs.Call{ProcessID: p.ID, Title: "Bedarfsanzeigen 2027 (Beispiel)",
		Guidance: "Beispieldaten: Beschreiben Sie Bedarfe in den Erfurter Sozialräumen, die Ihnen in Ihrer Arbeit begegnen. " +
			"Belegen Sie sie möglichst mit Werten aus dem Sozialstrukturatlas.",
		AreaIDs: p.SocialAreaIDs, Fields: []string{"familie", "jugendhilfe", "armut"},
		Deadline: now.AddDate(0, 0, 42).Truncate(time.Hour), Audience: needs.AudienceProviders})
	if err != nil {
		return fmt.Errorf("demo call: %w", err)
	}
	// The third of the demo's social areas is Nord-Ost, SR-O1, whose made-up counts the evidence cites.
	content := needs.Content{Title: "Familienzentrum im Sozialraum Nord-Ost (Beispiel)", AreaIDs: p.SocialAreaIDs[2:3],
		Field: "familie", Groups: []needs.TargetCount{{Group: "familien", People: 400}, {Group: "alleinerziehende", People: 120}},
		Situation: "Beispieldaten: Viele Familien im Sozialraum beziehen Leistungen nach dem SGB II; Beratung gibt es nur in der Innenstadt.",
		Evidence:  []needs.Evidence{{Indicator: "demo_kinder_bedarfsgemeinschaften", Area: "16051:SR-O1", Year: 2023}},
		Offers:    "Eine Kita, ein Jugendclub; keine Familienberatung vor Ort.",
		Gap:       "Niedrigschwellige Beratung und offene Treffpunkte für Eltern fehlen.",
		Proposal: needs.Proposal{Measure: "Ein Familienzentrum an der Kita, zwei Fachkräfte.", FTE: 2, CostsPerYear: 140000,
			Funding: []string{"Stadt Erfurt", "ESF Plus"}, TimeFrame: "2027–2029", Indicator: "demo_kinder_bedarfsgemeinschaften"},
		Priority: needs.PriorityHigh}
	v, err := svc.Draft(ctx, dora, call.ID, "diakonie-erfurt", content)
	if err != nil {
		return fmt.Errorf("demo assessment: %w", err)
	}
	steps := []func() (needs.View, error){
		func() (needs.View, error) { return svc.InviteCoSigner(ctx, dora, v.ID, "awo-erfurt") },
		func() (needs.View, error) { return svc.CoSign(ctx, agnes, v.ID) },
		func() (needs.View, error) { return svc.Release(ctx, dora, v.ID) },
		func() (needs.View, error) { return svc.Submit(ctx, dora, v.ID) },
	}
	for _, step := range steps {
		if _, err := step(); err != nil {
			return fmt.Errorf("demo assessment: %w", err)
		}
	}
	m, err := svc.CreateMeasure(ctx, karl, needs.Measure{ProcessID: p.ID, Title: "Familienzentrum Nord-Ost (Beispiel)",
		Description: "Beispieldaten: Aufbau eines Familienzentrums mit Beratung und offenem Treff.", AreaIDs: content.AreaIDs,
		Fields: []string{"familie"}, Responsible: "Jugendamt Erfurt (Beispiel)", Budget: 120000,
		Milestones: []needs.Milestone{{Title: "Räume gefunden", Due: now.AddDate(0, 3, 0).Truncate(24 * time.Hour), Done: true},
			{Title: "Fachkräfte eingestellt", Due: now.AddDate(0, 6, 0).Truncate(24 * time.Hour)}},
		Target: &needs.Target{Indicator: "demo_kinder_bedarfsgemeinschaften", Area: "16051:SR-O1", BaselineYear: 2023, TargetYear: 2029, Value: 950}})
	if err != nil {
		return fmt.Errorf("demo measure: %w", err)
	}
	items, _, _, err := svc.Table(ctx, karl, p.ID, needs.ItemQuery{})
	if err != nil || len(items) == 0 {
		return fmt.Errorf("demo weighing: %d rows, %w", len(items), err)
	}
	if _, err := svc.Decide(ctx, karl, items[0].ID, needs.Decision{Value: needs.Partly, MeasureIDs: []int64{m.ID},
		Reason: "Beispieldaten: Der Bedarf ist belegt; ein Familienzentrum wird aufgebaut, zunächst mit einer statt zwei Stellen."}, false); err != nil {
		return fmt.Errorf("demo weighing: %w", err)
	}
	if _, err := svc.Publish(ctx, karl, p.ID); err != nil {
		return fmt.Errorf("demo weighing: %w", err)
	}
	_, err = svc.Draft(ctx, agnes, call.ID, "awo-erfurt", needs.Content{Title: "Seniorentreff Nord-West (Entwurf, Beispiel)",
		Situation: "Beispieldaten: ein Entwurf, den nur die AWO sieht."})
	return err
}

// firstProcess finds the first demo process with its areas (zero when there is none).
func firstProcess(ctx context.Context, plan planning.Store) (planning.Process, error) {
	ps, _, err := plan.Processes(ctx, planning.ProcessQuery{DistrictKey: "16051", Limit: 10})
	if err != nil {
		return planning.Process{}, err
	}
	for _, p := range ps {
		if p.Title == firstProcessTitle {
			return plan.Process(ctx, p.ID)
		}
	}
	return planning.Process{}, nil
}
