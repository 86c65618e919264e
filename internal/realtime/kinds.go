package realtime

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// ErrUnknownKind reports a room whose prefix no kind registered.
var ErrUnknownKind = errors.New("realtime: unknown room kind")

// ErrNoAccess is what an Authoriser returns (wrapped or not) when the person may not read the
// room. Any other error means the authoriser could not decide (say, the database is away): a new
// connection is then refused with 500, and an open one keeps its audiences until the next check.
var ErrNoAccess = errors.New("realtime: no access to the room")

// Authoriser decides who may follow a room of one kind: given the person and the room's id (the
// part after "<kind>:"), it returns the audiences they belong to there, or an error wrapping
// ErrNoAccess (or ErrInvalidRoom for an id of the wrong form). Audiences that someone may read
// the room at all include Everyone; the broker adds it when it is missing. It runs at the
// upgrade, every Options.RecheckEvery and whenever the person's roles or session change, so it
// must reflect the current rules, not a snapshot. A connection's Subscription.Credential (a
// guest's token) is in ctx for CredentialFrom.
type Authoriser func(ctx context.Context, who identity.Principal, id string) (audiences []string, err error)

type credentialKey struct{}

// CredentialFrom returns the Subscription's Credential of the connection an Authoriser is
// deciding about ("" when it has none): the authoriser's signature stays that of sessions and
// principals, and kinds with guests read their token from the context.
func CredentialFrom(ctx context.Context) string {
	s, _ := ctx.Value(credentialKey{}).(string)
	return s
}

func withCredential(ctx context.Context, credential string) context.Context {
	if credential == "" {
		return ctx
	}
	return context.WithValue(ctx, credentialKey{}, credential)
}

// kinds is the registry of room kinds: prefix → authoriser. Registration happens at start-up
// and lookups once per connection and check, so a read-write lock costs nothing that matters.
type kinds struct {
	mu sync.RWMutex
	m  map[string]Authoriser
}

// RegisterKind makes rooms "<prefix>:<id>" followable, guarded by auth. The kind's owner (the
// HTTP layer for consultations) registers it once at start-up; registering a prefix twice is a
// programming error and panics, so two kinds can never silently share rooms.
func (b *Broker) RegisterKind(prefix string, auth Authoriser) {
	if prefix == "" || strings.ContainsRune(prefix, ':') || auth == nil {
		panic(fmt.Sprintf("realtime: RegisterKind(%q): invalid prefix or nil authoriser", prefix))
	}
	b.kinds.mu.Lock()
	defer b.kinds.mu.Unlock()
	if b.kinds.m == nil {
		b.kinds.m = map[string]Authoriser{}
	}
	if _, dup := b.kinds.m[prefix]; dup {
		panic(fmt.Sprintf("realtime: room kind %q registered twice", prefix))
	}
	b.kinds.m[prefix] = auth
}

// authorise runs the room's kind's authoriser and returns the audience set of a connection.
func (k *kinds) authorise(ctx context.Context, who identity.Principal, room string) (audienceSet, error) {
	prefix, id, ok := strings.Cut(room, ":")
	if !ok || id == "" {
		return nil, ErrUnknownKind
	}
	k.mu.RLock()
	auth := k.m[prefix]
	k.mu.RUnlock()
	if auth == nil {
		return nil, ErrUnknownKind
	}
	auds, err := auth(ctx, who, id)
	if err != nil {
		return nil, err
	}
	set := audienceSet{Everyone}
	for _, a := range auds {
		if a != Everyone && validAudience(a) && !slices.Contains(set, a) {
			set = append(set, a)
		}
	}
	return set, nil
}

// PersonalAudiences are the audiences anyone who may read a room belongs to by being who they
// are: Everyone, plus for a logged-in person their own "user:<id>" and "org:<slug>" for each
// organisation they are a member of. Kinds add the roles of the room itself, such as Moderators.
func PersonalAudiences(who identity.Principal) []string {
	out := []string{Everyone}
	if who.Anonymous() {
		return out
	}
	out = append(out, UserAudience(who.User.ID))
	for _, m := range who.Memberships {
		out = append(out, OrgAudience(m.Organisation.Slug))
	}
	return out
}

// audienceSet is what one connection may receive. It is tiny (a handful of entries) and read on
// every fan-out, so a slice beats a map; it is replaced whole, never modified.
type audienceSet []string

// hears reports whether an event for audience a belongs on the connection. Everyone's events
// skip the search: every set contains Everyone.
func (s audienceSet) hears(a string) bool {
	return a == Everyone || slices.Contains(s, a)
}
