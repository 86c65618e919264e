package httpapi_test

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/store"
)

// workshopFixtures writes the workshop context's rows straight into the store, so that each test
// row starts from the state it tests, whoever asks.
type workshopFixtures struct {
	st                 *store.Workshops
	published, draftOf int64 // a published and a draft process of 16051
}

// projectorKeyOf is the projector key the fixtures give a workshop: its own, so that a device
// opened for one workshop shows no other.
func projectorKeyOf(w workshop.Workshop) string { return "projektor-" + w.JoinCode }

// newWorkshop is a workshop of the process in the status: open to guests, pre-moderated, the
// chat on without slow mode, with a two-item agenda.
func (f *workshopFixtures) newWorkshop(processID int64, st workshop.Status, guests bool) workshop.Workshop {
	now, code := time.Now().UTC(), workshop.NewJoinCode()
	return must(f.st.InsertWorkshop(context.Background(), workshop.Workshop{ProcessID: processID, Title: "Stadtteilabend", StartsAt: now.Add(-time.Hour),
		Guests: guests, Premoderate: true, Chat: true, Status: st, JoinCode: code, Projector: workshop.Projection{Kind: workshop.ShowJoin},
		Agenda:           []workshop.AgendaItem{{Title: "Begrüßung", Minutes: 10}, {Title: "Ideen", Minutes: 30}},
		ProjectorKeyHash: workshop.HashToken(projectorKeyOf(workshop.Workshop{JoinCode: code})), CreatedAt: now}))
}

// newModule is a module of the workshop in the state: a questions module, a poll with its
// results hidden until it closes (live: shown at once), or a board of two columns with three
// dots each and dot-voting open.
func (f *workshopFixtures) newModule(w workshop.Workshop, kind workshop.ModuleKind, state workshop.ModuleState, live bool) workshop.Module {
	m := workshop.Module{WorkshopID: w.ID, Kind: kind, Title: "Modul " + string(kind), State: state}
	switch kind {
	case workshop.KindPoll:
		m.Poll = workshop.PollConfig{Kind: workshop.PollSingle, Options: []string{"Treffpunkt", "Beratung"}, ResultsLive: live}
	case workshop.KindBoard:
		m.Board = workshop.BoardConfig{Columns: []string{"Treffpunkte", "Beratung"}, Dots: 3, Voting: true}
	}
	if state == workshop.ModuleOpen {
		m.OpenedAt = time.Now().UTC()
	}
	return must(f.st.InsertModule(context.Background(), m))
}

// newGuest is a guest of the workshop, with the token their cookie holds.
func (f *workshopFixtures) newGuest(w workshop.Workshop, name string) (workshop.Participant, string) {
	token := workshop.NewToken()
	return must(f.st.InsertParticipant(context.Background(), workshop.Participant{WorkshopID: w.ID, Name: name, TokenHash: workshop.HashToken(token),
		JoinedAt: time.Now().UTC()})), token
}

func (f *workshopFixtures) newQuestion(m workshop.Module, by workshop.Participant, st workshop.QuestionState) workshop.Question {
	return must(f.st.InsertQuestion(context.Background(), workshop.Question{ModuleID: m.ID, WorkshopID: m.WorkshopID, ParticipantID: by.ID,
		AuthorName: by.Name, Text: "Wann öffnet der Treff?", State: st, CreatedAt: time.Now().UTC()}))
}

func (f *workshopFixtures) newCard(m workshop.Module, by workshop.Participant) workshop.Card {
	return must(f.st.InsertCard(context.Background(), workshop.Card{ModuleID: m.ID, WorkshopID: m.WorkshopID, ParticipantID: by.ID,
		AuthorName: by.Name, Text: "Ein Jugendcafé", State: workshop.CardVisible, CreatedAt: time.Now().UTC()}))
}

func (f *workshopFixtures) newTheme(m workshop.Module) workshop.Theme {
	return must(f.st.InsertTheme(context.Background(), workshop.Theme{ModuleID: m.ID, Title: "Treffpunkte"}))
}

func (f *workshopFixtures) newMessage(w workshop.Workshop, by workshop.Participant) workshop.Message {
	return must(f.st.InsertMessage(context.Background(), workshop.Message{WorkshopID: w.ID, ParticipantID: by.ID, AuthorName: by.Name,
		Text: "Guten Abend!", CreatedAt: time.Now().UTC()}))
}

func (f *workshopFixtures) newDecision(w workshop.Workshop) workshop.Decision {
	return must(f.st.InsertDecision(context.Background(), workshop.Decision{WorkshopID: w.ID, Text: "Der Treff wird geprüft.", CreatedAt: time.Now().UTC()}))
}

// withMinutes is a workshop of the published process with minutes in the status, version 1.
func (f *workshopFixtures) withMinutes(st workshop.MinutesStatus) workshop.Workshop {
	w := f.newWorkshop(f.published, workshop.StatusEnded, false)
	m := workshop.Minutes{WorkshopID: w.ID, Status: st, Text: "# Protokoll\n\nBeispiel", Version: 1, UpdatedAt: time.Now().UTC()}
	if st == workshop.MinutesPublished {
		m.PublishedAt = m.UpdatedAt
	}
	if err := f.st.SaveMinutes(context.Background(), m, 0); err != nil {
		panic(err)
	}
	return w
}

// workshopEnv is one live workshop with one of everything, built at the first row that asks.
type workshopEnv struct {
	workshopFixtures
	w                workshop.Workshop // live, on the published process
	draftW           workshop.Workshop // live, on the draft process: only its readers know it
	author           workshop.Participant
	authorToken      string
	questions, board workshop.Module // open
	poll, livePoll   workshop.Module // open; results hidden, results live
	pending, visible workshop.Question
	card             workshop.Card
	theme            workshop.Theme
	message          workshop.Message
	decision         workshop.Decision
	publishedMinutes workshop.Workshop
	draftMinutesOf   workshop.Workshop
	closedToGuests   workshop.Workshop // live, logged-in people only
	// hall is another live workshop the matrix's roles join as guests and open the projector of:
	// the cookies that leaves them hold nothing for w.
	hall workshop.Workshop
}

func newWorkshopEnv(db *store.DB, published, draft int64) *workshopEnv {
	x := &workshopEnv{workshopFixtures: workshopFixtures{st: store.NewWorkshops(db), published: published, draftOf: draft}}
	x.w = x.newWorkshop(published, workshop.StatusLive, true)
	x.draftW = x.newWorkshop(draft, workshop.StatusLive, true)
	x.author, x.authorToken = x.newGuest(x.w, "Gast Anna")
	x.questions = x.newModule(x.w, workshop.KindQuestions, workshop.ModuleOpen, false)
	x.poll = x.newModule(x.w, workshop.KindPoll, workshop.ModuleOpen, false)
	x.livePoll = x.newModule(x.w, workshop.KindPoll, workshop.ModuleOpen, true)
	x.board = x.newModule(x.w, workshop.KindBoard, workshop.ModuleOpen, false)
	x.pending = x.newQuestion(x.questions, x.author, workshop.QuestionPending)
	x.visible = x.newQuestion(x.questions, x.author, workshop.QuestionVisible)
	x.card = x.newCard(x.board, x.author)
	x.theme = x.newTheme(x.board)
	x.message = x.newMessage(x.w, x.author)
	x.decision = x.newDecision(x.w)
	x.publishedMinutes = x.withMinutes(workshop.MinutesPublished)
	x.draftMinutesOf = x.withMinutes(workshop.MinutesDraft)
	x.closedToGuests = x.newWorkshop(published, workshop.StatusLive, false)
	x.hall = x.newWorkshop(published, workshop.StatusLive, true)
	return x
}

// A fresh handoff offered to Diakonie Erfurt, for each answer.
func (x *workshopEnv) newOffer() workshop.Handoff {
	c := x.newCard(x.board, x.author)
	return must(x.st.InsertHandoff(context.Background(), workshop.Handoff{WorkshopID: x.w.ID, Subject: fmt.Sprintf("card:%d", c.ID),
		Target: workshop.ToNeeds, Org: diakonie, Status: "offered", CreatedAt: time.Now().UTC()}))
}

var (
	workshopEnvsMu sync.Mutex
	workshopEnvs   = map[*matrixEnv]*workshopEnv{}
)

// workshops is the matrix run's workshop state.
func (e *matrixEnv) workshops() *workshopEnv {
	workshopEnvsMu.Lock()
	defer workshopEnvsMu.Unlock()
	if x, ok := workshopEnvs[e]; ok {
		return x
	}
	x := newWorkshopEnv(e.db, e.publishedID, e.draftID)
	workshopEnvs[e] = x
	return x
}
