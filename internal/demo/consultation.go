package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/markdown"
)

var planSections = []consultation.Section{
	{Heading: "Ausgangslage", Body: "Beispieldaten: In den Erfurter Sozialräumen leben rund 215.000 Menschen. Die **Bestandsaufnahme** zeigt große Unterschiede bei Familien mit Kindern, Alleinerziehenden und älteren Menschen."},
	{Heading: "Ziele", Body: "- Wohnortnahe Beratung in jedem Sozialraum\n- Mehr Begegnungsorte für Jung und Alt\n- Bessere Erreichbarkeit mit Bus und Bahn"},
	{Heading: "Maßnahmen", Body: "1. Stadtteilbüros in Nord-Ost und Süd-West\n2. Offene Treffs in zwei Schulen am Nachmittag\n3. Mobile Beratung für Seniorinnen und Senioren"},
	{Heading: "Umsetzung und Finanzierung", Body: "Die Maßnahmen sollen ab dem kommenden Haushaltsjahr schrittweise umgesetzt werden. Träger können sich an der Umsetzung beteiligen."},
}

var demoComments = []string{
	"Ein Stadtteilbüro in Nord-Ost wäre super, der Weg in die Innenstadt ist für viele zu weit.",
	"Bitte auch an barrierefreie Zugänge denken!",
	"Die offenen Treffs sollten auch in den Ferien geöffnet sein.",
	"Wir als Träger haben schon Räume im Quartier und könnten uns beteiligen.",
	"Mehr Sitzbänke auf dem Weg zum Einkaufen würden älteren Menschen sehr helfen.",
	"Der Bus am Abend fährt viel zu selten.",
	"Gibt es Zahlen zu Alleinerziehenden pro Sozialraum?",
	"Spielplätze in Süd-West sind in schlechtem Zustand.",
	"Mobile Beratung ist eine gute Idee, gerne auch auf Russisch und Arabisch.",
	"Wie werden die Maßnahmen finanziert, wenn der Haushalt knapp ist?",
	"Schulsozialarbeit sollte Teil des Plans sein.",
	"Ein Begegnungsort ohne Konsumzwang fehlt bei uns völlig.",
}

// seedConsultation opens a consultation on the first demo process, with comments by the demo
// users (created as they will log in, so their later logins continue these accounts).
func seedConsultation(ctx context.Context, ids *identity.Service, cons consultation.Store, process planning.Process, issuer string, now time.Time) error {
	existing, err := cons.ByProcess(ctx, process.ID)
	if err != nil || len(existing) > 0 {
		return err
	}
	var people []identity.Principal
	for _, u := range []struct{ sub, name string }{
		{"demo-buergerin", "Rita Rathaus"}, {"demo-traeger-diakonie", "Dora Diakonie"}, {"demo-traeger-awo", "Arne Awo"},
		{"demo-koordination-erfurt", "Karl Koordinator"},
	} {
		l, err := identity.NewLogin(issuer, u.sub, u.name, u.sub+"@demo.teilhabe.invalid", "demo", nil)
		if err != nil {
			return err
		}
		p, err := ids.Login(ctx, l)
		if err != nil {
			return err
		}
		people = append(people, p)
	}
	c, err := cons.InsertConsultation(ctx, consultation.Consultation{ProcessID: process.ID, Title: "Entwurf des Sozialplans Erfurt (Beispiel)",
		Intro:    "Beispieldaten: Was halten Sie vom Entwurf? Kommentieren Sie den ganzen Plan oder einzelne Abschnitte.",
		Audience: consultation.AudienceEveryone, Moderation: consultation.PostModeration, AreaIDs: process.SocialAreaIDs,
		OpensAt: now.AddDate(0, 0, -14), ClosesAt: now.AddDate(0, 0, 42), Sections: planSections})
	if err != nil {
		return fmt.Errorf("demo consultation: %w", err)
	}
	authors := people[:3]
	var first []consultation.Comment
	for i := 0; i < 36; i++ {
		body := demoComments[i%len(demoComments)]
		var section int64
		if i%3 != 0 {
			section = c.Sections[i%len(c.Sections)].ID
		}
		cm, err := cons.InsertComment(ctx, consultation.Comment{ConsultationID: c.ID, SectionID: section, AuthorID: authors[i%3].User.ID,
			Body: body, HTML: markdown.Comment(body), Status: consultation.StatusPublished, CreatedAt: now.Add(time.Duration(i-40) * time.Hour)}, nil)
		if err != nil {
			return err
		}
		if i < 4 {
			first = append(first, cm)
		}
	}
	for i, cm := range first {
		reply := "Da stimme ich zu."
		_, err := cons.InsertComment(ctx, consultation.Comment{ConsultationID: c.ID, SectionID: cm.SectionID, ParentID: cm.ID,
			AuthorID: authors[(i+1)%3].User.ID, Body: reply, HTML: markdown.Comment(reply), Status: consultation.StatusPublished, CreatedAt: now.Add(-time.Hour)}, nil)
		if err != nil {
			return err
		}
		if _, err := cons.AddSupport(ctx, authors[(i+2)%3].User.ID, cm.ID); err != nil {
			return err
		}
	}
	answer := "Vielen Dank! Die Barrierefreiheit wird bei allen Standorten geprüft."
	_, err = cons.SaveResponse(ctx, consultation.Response{CommentID: first[1].ID, AuthorID: people[3].User.ID, Body: answer,
		HTML: markdown.Comment(answer), CreatedAt: now, UpdatedAt: now})
	return err
}
