package httpapi_test

import (
	"context"
	"sync"
	"time"

	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/internal/store"
)

// needsFixtures writes the needs context's rows straight into the store, so that each matrix
// row starts from the state it tests, whoever asks.
type needsFixtures struct {
	st        *store.Needs
	processID int64
	district  string
	newCmt    func() int64 // a published consultation comment of the process
}

const (
	diakonie     = "diakonie-erfurt"
	diakonieName = "Diakonie Erfurt (Beispiel)"
	awo          = "awo-erfurt"
	awoName      = "AWO Erfurt (Beispiel)"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// newCall is an open call of the process for every provider organisation.
func (f *needsFixtures) newCall() needs.Call {
	return must(f.st.InsertCall(context.Background(), needs.Call{ProcessID: f.processID, DistrictKey: f.district, Title: "Aufruf",
		Deadline: time.Now().UTC().Add(30 * 24 * time.Hour), Audience: needs.AudienceProviders, CreatedAt: time.Now().UTC()}))
}

// completeContent is what a submission needs.
func completeContent(title string) needs.Content {
	return needs.Content{Title: title, AreaIDs: []int64{}, Field: "pflege", Groups: []needs.TargetCount{{Group: "aeltere", People: 120}},
		Situation: "Viele Ältere leben allein.", Gap: "Kein Treffpunkt.", Priority: needs.PriorityHigh}
}

// newAssessment is Diakonie's assessment in the call, in the status; a submission has its row in
// the weighing table.
func (f *needsFixtures) newAssessment(c needs.Call, st needs.Status) (needs.Assessment, needs.Item) {
	ctx, now := context.Background(), time.Now().UTC()
	a := needs.Assessment{CallID: c.ID, ProcessID: c.ProcessID, DistrictKey: c.DistrictKey, Org: diakonie, OrgName: diakonieName,
		Status: st, Version: 1, Content: completeContent("Treffpunkt für Ältere"), CreatedAt: now, UpdatedAt: now}
	if st == needs.StatusSubmitted {
		a.SubmittedAt = now
	}
	a = must(f.st.InsertAssessment(ctx, a, 0))
	if st != needs.StatusSubmitted {
		return a, needs.Item{}
	}
	it := must(f.st.InsertItem(ctx, needs.Item{ProcessID: a.ProcessID, DistrictKey: a.DistrictKey, Kind: needs.ItemAssessment, AssessmentID: a.ID,
		Summary: a.Content.Title, Submitter: a.OrgName, Field: a.Content.Field, UpdatedAt: now}))
	return a, it
}

// invite asks AWO to co-sign.
func (f *needsFixtures) invite(a needs.Assessment) {
	if err := f.st.InviteCoSigner(context.Background(), needs.CoSignature{AssessmentID: a.ID, Org: awo, OrgName: awoName,
		Status: needs.CoSignInvited, InvitedAt: time.Now().UTC()}); err != nil {
		panic(err)
	}
}

// review assigns the person as a reviewer.
func (f *needsFixtures) review(a needs.Assessment, userID int64) {
	if err := f.st.SaveReview(context.Background(), needs.Review{AssessmentID: a.ID, ReviewerID: userID, UpdatedAt: time.Now().UTC()}); err != nil {
		panic(err)
	}
}

// newCommentItem is a row for a fresh resident's comment, with a prepared decision when decided.
func (f *needsFixtures) newCommentItem(decided bool) needs.Item {
	ctx := context.Background()
	it := must(f.st.InsertItem(ctx, needs.Item{ProcessID: f.processID, DistrictKey: f.district, Kind: needs.ItemComment, CommentID: f.newCmt(),
		Summary: "Mehr Bänke", UpdatedAt: time.Now().UTC()}))
	if decided {
		it.Working = &needs.Decision{Value: needs.Noted, Reason: "Wird geprüft", MeasureIDs: []int64{}, At: time.Now().UTC()}
		if err := f.st.SaveItem(ctx, it); err != nil {
			panic(err)
		}
	}
	return it
}

func (f *needsFixtures) newMeasure() needs.Measure {
	now := time.Now().UTC()
	return must(f.st.InsertMeasure(context.Background(), needs.Measure{ProcessID: f.processID, DistrictKey: f.district, Title: "Seniorentreff",
		Status: needs.MeasurePlanned, CreatedAt: now, UpdatedAt: now}))
}

func (f *needsFixtures) newModule() needs.TextModule {
	return must(f.st.InsertTextModule(context.Background(), needs.TextModule{DistrictKey: f.district, Title: "Standard", Body: "Bereits abgedeckt.",
		CreatedAt: time.Now().UTC()}))
}

func (f *needsFixtures) newQuery(a needs.Assessment) needs.Query {
	return must(f.st.InsertQuery(context.Background(), needs.Query{AssessmentID: a.ID, Question: "Wie viele?", AskedAt: time.Now().UTC()}))
}

// needsEnv is the needs rows' state of one matrix run, built at the first row that asks.
type needsEnv struct {
	needsFixtures
	call      needs.Call // open, on the published process
	draftCall needs.Call // on the draft process
	draft     needs.Assessment
	submitted needs.Assessment
	item      needs.Item // a comment's row
	measure   needs.Measure
}

var (
	needsEnvsMu sync.Mutex
	needsEnvs   = map[*matrixEnv]*needsEnv{}
)

func (e *matrixEnv) needs() *needsEnv {
	needsEnvsMu.Lock()
	defer needsEnvsMu.Unlock()
	if n, ok := needsEnvs[e]; ok {
		return n
	}
	n := &needsEnv{needsFixtures: needsFixtures{st: store.NewNeeds(e.db), processID: e.publishedID, district: "16051", newCmt: e.newComment}}
	n.call = n.newCall()
	draftFx := needsFixtures{st: n.st, processID: e.draftID, district: "16051"}
	n.draftCall = draftFx.newCall()
	n.draft, _ = n.newAssessment(n.call, needs.StatusDraft)
	n.submitted, _ = n.newAssessment(n.call, needs.StatusSubmitted)
	n.item = n.newCommentItem(false)
	n.measure = n.newMeasure()
	needsEnvs[e] = n
	return n
}
