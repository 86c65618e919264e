package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

// SeedWorkshop sets up a demo workshop in the first demo process once, through the use cases: a
// neighbourhood evening open to guests, with an agenda, a questions module, a poll and an ideas
// board with dot-voting, ready for the coordinator to rehearse or start. It does nothing when the
// process has a workshop.
func SeedWorkshop(ctx context.Context, svc *workshop.Service, ids *identity.Service, plan planning.Store, issuer string, now time.Time) error {
	p, err := firstProcess(ctx, plan)
	if err != nil || p.ID == 0 {
		return err
	}
	if ws, err := svc.Workshops(ctx, identity.Principal{}, p.ID); err != nil || len(ws) > 0 {
		return err
	}
	role, err := identity.ParseRole("coordinator:16051")
	if err != nil {
		return err
	}
	l, err := identity.NewLogin(issuer, "demo-koordination-erfurt", "Karl Koordinator", "demo-koordination-erfurt@demo.teilhabe.invalid", "verwaltung", []identity.ClaimedRole{role})
	if err != nil {
		return err
	}
	karl, err := ids.Login(ctx, l)
	if err != nil {
		return err
	}
	start := now.AddDate(0, 0, 7).Truncate(24 * time.Hour).Add(17 * time.Hour) // 18:00 in Erfurt (winter)
	w, err := svc.Create(ctx, karl, p.ID, workshop.Setup{
		Title:       "Stadtteilabend Nord-Ost (Beispiel)",
		Description: "Beispieldaten: Was braucht der Sozialraum Nord-Ost? Fragen, Abstimmungen und Ideen für den Sozialplan.",
		StartsAt:    start, EndsAt: start.Add(2 * time.Hour),
		Place:   "Gemeinschaftsschule am Roten Berg, Aula",
		AreaIDs: p.SocialAreaIDs[2:3], Guests: true, Premoderate: true, Chat: true, SlowSeconds: 10,
		Agenda: []workshop.AgendaItem{{Title: "Begrüßung und Zahlen aus dem Atlas", Minutes: 15}, {Title: "Fragen an die Verwaltung", Minutes: 30},
			{Title: "Ideen sammeln und punkten", Minutes: 45}, {Title: "Abschluss", Minutes: 10}},
	})
	if err != nil {
		return fmt.Errorf("demo workshop: %w", err)
	}
	modules := []workshop.ModuleInput{
		{Kind: workshop.KindQuestions, Title: "Ihre Fragen", AgendaItemID: w.Agenda[1].ID},
		{Kind: workshop.KindPoll, Title: "Was fehlt am meisten?", AgendaItemID: w.Agenda[0].ID, Poll: workshop.PollConfig{Kind: workshop.PollSingle,
			Options: []string{"Treffpunkte für Jugendliche", "Familienberatung", "Angebote für Ältere", "Spielplätze"}, Anonymous: true, ResultsLive: true}},
		{Kind: workshop.KindBoard, Title: "Ideen für Nord-Ost", AgendaItemID: w.Agenda[2].ID, Board: workshop.BoardConfig{
			Columns: []string{"Treffpunkte", "Beratung", "Sonstiges"}, Dots: 3}},
	}
	for _, m := range modules {
		if _, err := svc.CreateModule(ctx, karl, w.ID, m); err != nil {
			return fmt.Errorf("demo workshop module: %w", err)
		}
	}
	return nil
}
