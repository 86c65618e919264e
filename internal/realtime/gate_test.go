package realtime_test

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"sync"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// errUndecided is what the gate answers while it is told to be unable to decide, as a store
// that is away would.
var errUndecided = errors.New("gate: cannot decide")

// gate is the test's stand-in for the rules of the platform, which live outside realtime: a
// session "s<id>" belongs to user <id>; by default everyone may read every room, and the test
// changes who may read which room and who moderates, then announces it as a handler would.
type gate struct {
	mu         sync.Mutex
	ended      map[string]bool   // sessions that ended
	denied     map[string]bool   // "<room id>" refused to everyone, "<room id>/<user id>" to one person
	moderators map[string]bool   // "<room id>/<user id>"
	tokens     map[string]string // "<room id>" → the only credential admitted (a guests' room)
	undecided  bool
}

func newGate() *gate {
	return &gate{ended: map[string]bool{}, denied: map[string]bool{}, moderators: map[string]bool{}, tokens: map[string]string{}}
}

func (g *gate) resolve(_ context.Context, session string) (identity.Principal, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ended[session] {
		return identity.Principal{}, realtime.ErrSessionEnded
	}
	id, err := strconv.ParseInt(session[1:], 10, 64)
	if err != nil {
		return identity.Principal{}, realtime.ErrSessionEnded
	}
	return identity.Principal{User: identity.User{ID: id}}, nil
}

func (g *gate) authorise(ctx context.Context, who identity.Principal, id string) ([]string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.undecided {
		return nil, errUndecided
	}
	if token, ok := g.tokens[id]; ok {
		if realtime.CredentialFrom(ctx) != token {
			return nil, realtime.ErrNoAccess
		}
		return []string{realtime.Everyone, realtime.GuestAudience(1)}, nil
	}
	person := id + "/" + strconv.FormatInt(who.User.ID, 10)
	if g.denied[id] || g.denied[person] {
		return nil, realtime.ErrNoAccess
	}
	auds := realtime.PersonalAudiences(who)
	if g.moderators[person] {
		auds = append(auds, realtime.Moderators)
	}
	return auds, nil
}

func (g *gate) set(f func(g *gate)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f(g)
}

// credentialURL is the websocket URL of room for a guest holding credential.
func (in *instance) credentialURL(room string, since int64, credential string) string {
	return in.wsURL(room, since) + "&credential=" + url.QueryEscape(credential)
}

// sessionURL is the websocket URL of room for the person of session.
func (in *instance) sessionURL(room string, since int64, session string) string {
	return in.wsURL(room, since) + "&session=" + url.QueryEscape(session)
}
