package auth

import (
	"fmt"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func principalOf(id int64) identity.Principal {
	return identity.Principal{User: identity.User{ID: id}, Grants: []identity.Grant{{Role: identity.RoleResident}}}
}

func fill(c *cache, hash string, user int64, at time.Time) {
	c.put(hash, Session{UserID: user, LastSeenAt: at, ExpiresAt: at.Add(time.Hour)}, principalOf(user), at, c.generation())
}

func cached(c *cache, hash string, at time.Time) bool {
	_, _, ok := c.get(hash, at)
	return ok
}

func TestCacheServesUntilItsMaximumAge(t *testing.T) {
	c := newCache(10, 30*time.Second)
	fill(c, "a", 1, t0)
	se, p, ok := c.get("a", t0.Add(29*time.Second))
	if !ok || se.UserID != 1 || p.User.ID != 1 || len(p.Grants) != 1 {
		t.Fatalf("get within the maximum age = %+v %+v %v", se, p, ok)
	}
	if cached(c, "a", t0.Add(30*time.Second)) {
		t.Error("served at its maximum age")
	}
	if c.len() != 0 {
		t.Errorf("an aged entry stays: %d entries", c.len())
	}
	// A clock that went backwards says nothing about the entry's age: read it again.
	fill(c, "b", 2, t0)
	if cached(c, "b", t0.Add(-time.Second)) {
		t.Error("served before it was loaded")
	}
}

func TestCacheEvictsTheLeastRecentlyUsed(t *testing.T) {
	c := newCache(3, time.Minute)
	for i := range 3 {
		fill(c, fmt.Sprint(i), int64(i+1), t0)
	}
	cached(c, "0", t0) // now "1" is the least recently used
	fill(c, "3", 4, t0)
	if c.len() != 3 {
		t.Fatalf("%d entries, want the bound 3", c.len())
	}
	for hash, want := range map[string]bool{"0": true, "1": false, "2": true, "3": true} {
		if got := cached(c, hash, t0); got != want {
			t.Errorf("%s cached = %v, want %v", hash, got, want)
		}
	}
	// The evicted entry left no trace in the index by user.
	if _, ok := c.byUser[2]; ok {
		t.Error("the evicted session is still indexed under its user")
	}
}

func TestCacheForgetsByUserSessionAndAll(t *testing.T) {
	c := newCache(10, time.Minute)
	fill(c, "anna-1", 1, t0)
	fill(c, "anna-2", 1, t0)
	fill(c, "karl", 2, t0)
	fill(c, "rita", 3, t0)
	c.forgetUser(1)
	if cached(c, "anna-1", t0) || cached(c, "anna-2", t0) || !cached(c, "karl", t0) {
		t.Error("forgetUser(1) did not drop exactly Anna's sessions")
	}
	c.forgetSession("karl")
	if cached(c, "karl", t0) || !cached(c, "rita", t0) {
		t.Error("forgetSession did not drop exactly Karl's session")
	}
	c.forgetAll()
	if c.len() != 0 || cached(c, "rita", t0) {
		t.Error("forgetAll left entries")
	}
}

// A request that read the session before an invalidation arrived must not put what it read into
// the cache afterwards: it may be the session that was just logged out.
func TestCacheRefusesAFillOlderThanAnInvalidation(t *testing.T) {
	c := newCache(10, time.Minute)
	for name, forget := range map[string]func(){
		"user":    func() { c.forgetUser(1) },
		"session": func() { c.forgetSession("a") },
		"all":     c.forgetAll,
	} {
		gen := c.generation()
		forget()
		c.put("a", Session{UserID: 1}, principalOf(1), t0, gen)
		if cached(c, "a", t0) {
			t.Errorf("%s: a fill begun before the invalidation was kept", name)
		}
	}
}

func TestCacheHandsOutCopiesOfThePrincipal(t *testing.T) {
	c := newCache(10, time.Minute)
	fill(c, "a", 1, t0)
	_, p, _ := c.get("a", t0)
	p.Grants[0].Role = identity.RoleAdmin
	if _, q, _ := c.get("a", t0); q.Grants[0].Role != identity.RoleResident {
		t.Error("a request's change to its principal reached the cache")
	}
}

func TestCacheClaimsATouchOnlyOncePerInterval(t *testing.T) {
	c := newCache(10, time.Hour)
	fill(c, "a", 1, t0)
	if c.claimTouch("a", t0.Add(time.Minute), time.Minute) {
		t.Error("touch claimed after exactly the interval")
	}
	if !c.claimTouch("a", t0.Add(61*time.Second), time.Minute) {
		t.Fatal("no touch claimed after more than the interval")
	}
	if c.claimTouch("a", t0.Add(62*time.Second), time.Minute) {
		t.Error("a second request claimed the same touch")
	}
	if se, _, _ := c.get("a", t0.Add(62*time.Second)); !se.LastSeenAt.Equal(t0.Add(61 * time.Second)) {
		t.Errorf("last seen = %v after the touch", se.LastSeenAt)
	}
}

func TestNegativeSizeOrAgeSwitchesTheCacheOff(t *testing.T) {
	for _, c := range []*cache{newCache(-1, time.Minute), newCache(10, -1)} {
		fill(c, "a", 1, t0)
		if cached(c, "a", t0) {
			t.Error("a switched-off cache served")
		}
	}
}
