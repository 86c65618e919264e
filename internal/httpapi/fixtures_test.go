package httpapi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/refdata"

	"github.com/paulmach/orb"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/store"
)

// erfurtSquare lies in the middle of Erfurt (16051).
const erfurtSquare = `{"type":"Polygon","coordinates":[[[11.02,50.97],[11.04,50.97],[11.04,50.99],[11.02,50.99],[11.02,50.97]]]}`

const phasesJSON = `{"phases":[{"kind":"bestandsaufnahme","title":"","starts_on":"2026-01-01","ends_on":"2026-06-30"},` +
	`{"kind":"beteiligung","title":"","starts_on":"2026-07-01","ends_on":"2027-12-31"}]}`

// minimalPDF is a tiny but real PDF document.
const minimalPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
	"3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

const uploadBoundary = "teilhabe-test-boundary"

func multipartBody(fields map[string]string, fileName, content string) string {
	var b strings.Builder
	for k, v := range fields {
		b.WriteString("--" + uploadBoundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
	}
	if fileName != "" {
		b.WriteString("--" + uploadBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName +
			"\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n")
	}
	b.WriteString("--" + uploadBoundary + "--\r\n")
	return b.String()
}

var pdfUpload = multipartBody(map[string]string{"title": "Planentwurf"}, "entwurf.pdf", minimalPDF)

func erfurtArea(name string) planning.SocialArea {
	return planning.SocialArea{DistrictKey: "16051", Name: name, Level: planning.LevelSozialraum,
		Geometry: orb.Polygon{{{11.02, 50.97}, {11.04, 50.97}, {11.04, 50.99}, {11.02, 50.99}, {11.02, 50.97}}}}
}

// fixtureAdmin grants roles and memberships the matrix needs to exist before a request; it is an
// admin without an account, so its audit lines have no actor, like the system's.
var fixtureAdmin = identity.Principal{Grants: []identity.Grant{{Role: identity.RoleAdmin}}}

func newMatrixEnv(t *testing.T, a *app, residentID int64, residentEmail string) *matrixEnv {
	t.Helper()
	// The fixtures' own identity service has no invitation limit: the matrix invites for every row and role.
	ids := identity.NewService(identity.Deps{Store: store.NewIdentity(a.DB), Tx: a.DB, Audit: store.NewAudit(a.DB), Policy: access.Identity{}})
	e := &matrixEnv{ids: ids, plan: store.NewPlanning(a.DB), residentID: residentID, residentEmail: residentEmail, blobs: a.Blobs, db: a.DB}
	area, err := e.plan.InsertArea(context.Background(), erfurtArea("Matrix"))
	if err != nil {
		t.Fatal(err)
	}
	e.areaID = area.ID
	if _, err := ids.CreateOrganisation(context.Background(), fixtureAdmin, identity.Organisation{Slug: matrixUmbrella, Name: "Dachverband", Kind: identity.OrgUmbrella}); err != nil {
		t.Fatal(err)
	}
	e.publishedID = e.newProcess(planning.StatusPublished, true)
	e.draftID = e.newDraft(false)
	e.publishedDoc, e.draftDoc = e.newDocument(e.publishedID), e.newDocument(e.draftID)
	e.cons = store.NewConsultations(a.DB)
	e.openID = e.newConsultation(e.publishedID, consultation.AudienceEveryone)
	e.providersID = e.newConsultation(e.publishedID, consultation.AudienceProviders)
	e.draftConsultationID = e.newConsultation(e.draftID, consultation.AudienceEveryone)
	if err := refdata.LoadAtlas(context.Background(), a.Atlas); err != nil {
		t.Fatal(err)
	}
	e.atlas = a.Atlas
	return e
}

// consultationJSON is a valid consultation open from yesterday to next month.
func consultationJSON(audience string) string {
	from, to := time.Now().UTC().Add(-24*time.Hour), time.Now().UTC().Add(30*24*time.Hour)
	return `{"title":"Entwurf Sozialplan","intro":"Bitte **kommentieren**","audience":"` + audience + `","moderation":"post",` +
		`"opens_at":"` + from.Format(time.RFC3339) + `","closes_at":"` + to.Format(time.RFC3339) + `",` +
		`"sections":[{"heading":"Ziele","body":"Mehr Teilhabe"},{"heading":"Maßnahmen","body":"Spielplätze"}]}`
}

func (e *matrixEnv) newConsultation(processID int64, audience consultation.Audience) int64 {
	now := time.Now().UTC()
	c, err := e.cons.InsertConsultation(context.Background(), consultation.Consultation{ProcessID: processID, Title: "Beteiligung", Audience: audience,
		Moderation: consultation.PostModeration, OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(30 * 24 * time.Hour),
		Sections: []consultation.Section{{Heading: "Ziele", Body: "Text"}}})
	if err != nil {
		panic(err)
	}
	return c.ID
}

// newComment is a published comment of the resident on the open consultation.
func (e *matrixEnv) newComment() int64 {
	cm, err := e.cons.InsertComment(context.Background(), consultation.Comment{ConsultationID: e.openID, AuthorID: e.residentID,
		Body: "Mehr Bänke", HTML: "<p>Mehr Bänke</p>", Status: consultation.StatusPublished, CreatedAt: time.Now().UTC()}, nil)
	if err != nil {
		panic(err)
	}
	return cm.ID
}

func (e *matrixEnv) newArea() int64 {
	a, err := e.plan.InsertArea(context.Background(), erfurtArea("Zum Löschen"))
	if err != nil {
		panic(err)
	}
	return a.ID
}

// newDraft stores a draft, with one phase (so that it may be published) or none.
func (e *matrixEnv) newDraft(withPhase bool) int64 {
	return e.newProcess(planning.StatusDraft, withPhase)
}

// newProcess stores a process in the status, with one phase or none.
func (e *matrixEnv) newProcess(status planning.Status, withPhase bool) int64 {
	p := planning.Process{DistrictKey: "16051", Title: "Entwurf", Status: status}
	if withPhase {
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		p.Phases = []planning.Phase{{Kind: planning.PhaseBeteiligung, StartsOn: from, EndsOn: from.AddDate(2, 0, 0)}}
	}
	p, err := e.plan.InsertProcess(context.Background(), p)
	if err != nil {
		panic(err)
	}
	return p.ID
}

// newDocument stores a document the way an upload does: blob first, then the row.
func (e *matrixEnv) newDocument(processID int64) int64 {
	ctx := context.Background()
	key := "documents/fixture/" + strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", "")
	size, sum, err := e.blobs.Put(ctx, key, strings.NewReader(minimalPDF))
	if err != nil {
		panic(err)
	}
	d, err := e.plan.InsertDocument(ctx, planning.Document{ProcessID: processID, Title: "Bericht", FileName: "bericht.pdf",
		ContentType: "application/pdf", Size: size, StorageKey: key, SHA256: sum})
	if err != nil {
		panic(err)
	}
	return d.ID
}

// matrixUmbrella is an umbrella association that invites the resident: joining it changes none
// of the resident's other rows (a Träger's membership would).
const matrixUmbrella = "matrix-dachverband"

// invitation invites the address into the organisation and returns the invitation's id.
func (e *matrixEnv) invitation(slug, email string) int64 {
	ctx := context.Background()
	if err := e.ids.Invite(ctx, fixtureAdmin, slug, email, identity.MemberRoleMember); err != nil {
		panic(err)
	}
	invs, err := e.ids.Invitations(ctx, fixtureAdmin, slug)
	if err != nil {
		panic(err)
	}
	want, _ := identity.NormaliseEmail(email)
	for _, inv := range invs {
		if inv.Email == want {
			return inv.ID
		}
	}
	panic("no invitation for " + email)
}

// residentJoins makes the resident a member of the organisation the only way there is: invited,
// and accepting.
func (e *matrixEnv) residentJoins(slug string) {
	ctx := context.Background()
	id := e.invitation(slug, e.residentEmail)
	p, err := e.ids.Principal(ctx, e.residentID)
	if err != nil {
		panic(err)
	}
	if _, err := e.ids.AcceptInvitation(ctx, p, id); err != nil {
		panic(err)
	}
}
