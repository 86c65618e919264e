package auth

import (
	"container/list"
	"slices"
	"sync"
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Defaults of the session cache (Options.CacheSize, Options.CacheMaxAge).
const (
	DefaultCacheSize   = 10000
	DefaultCacheMaxAge = 30 * time.Second
)

// cache keeps sessions with their principals in memory, keyed by the token hash, so that an
// authenticated request sends no statement to learn who makes it. It is only an optimisation of
// the sessions table: an entry is dropped when a Change says the session or its person changed,
// and in any case after maxAge, which bounds how long an invalidation that never arrived (a lost
// notification, a row edited by hand) can go unnoticed. It holds at most size entries and drops
// the least recently used first.
//
// Whether a cached session is still within its idle and absolute timeouts is the Service's
// decision, made on every use; the cache knows nothing about them.
type cache struct {
	size   int
	maxAge time.Duration

	mu      sync.Mutex
	gen     uint64     // advances with every invalidation
	order   *list.List // of *cacheEntry, most recently used first
	entries map[string]*list.Element
	byUser  map[int64]map[string]struct{}
}

type cacheEntry struct {
	hash      string
	session   Session
	principal identity.Principal
	loadedAt  time.Time
}

// newCache returns a cache, or nil (which caches nothing) when size or maxAge is negative.
func newCache(size int, maxAge time.Duration) *cache {
	if size < 0 || maxAge < 0 {
		return nil
	}
	if size == 0 {
		size = DefaultCacheSize
	}
	if maxAge == 0 {
		maxAge = DefaultCacheMaxAge
	}
	return &cache{size: size, maxAge: maxAge, order: list.New(), entries: map[string]*list.Element{}, byUser: map[int64]map[string]struct{}{}}
}

// generation is taken before reading a session from the database and handed to put: if an
// invalidation arrived in between, what was read may already be stale and is not kept.
func (c *cache) generation() uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// get returns the cached session and a copy of its principal, unless absent or older than maxAge.
func (c *cache) get(hash string, now time.Time) (Session, identity.Principal, bool) {
	if c == nil {
		return Session{}, identity.Principal{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[hash]
	if !ok {
		return Session{}, identity.Principal{}, false
	}
	e := el.Value.(*cacheEntry)
	if now.Sub(e.loadedAt) >= c.maxAge || now.Before(e.loadedAt) {
		c.remove(el)
		return Session{}, identity.Principal{}, false
	}
	c.order.MoveToFront(el)
	p := e.principal
	// Requests run concurrently on one entry: none may see another's change to a slice.
	p.Grants, p.Memberships = slices.Clone(p.Grants), slices.Clone(p.Memberships)
	return e.session, p, true
}

// put keeps the session read at loadedAt, unless an invalidation happened since gen.
func (c *cache) put(hash string, se Session, p identity.Principal, loadedAt time.Time, gen uint64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if el, ok := c.entries[hash]; ok {
		c.remove(el)
	}
	p.Grants, p.Memberships = slices.Clone(p.Grants), slices.Clone(p.Memberships)
	c.entries[hash] = c.order.PushFront(&cacheEntry{hash: hash, session: se, principal: p, loadedAt: loadedAt})
	if c.byUser[se.UserID] == nil {
		c.byUser[se.UserID] = map[string]struct{}{}
	}
	c.byUser[se.UserID][hash] = struct{}{}
	for c.order.Len() > c.size {
		c.remove(c.order.Back())
	}
}

// claimTouch reports whether the session's last-seen time is older than every and, if so,
// records at as the new one, so that of concurrent requests only one writes the touch.
func (c *cache) claimTouch(hash string, at time.Time, every time.Duration) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[hash]
	if !ok {
		return false
	}
	e := el.Value.(*cacheEntry)
	if at.Sub(e.session.LastSeenAt) <= every {
		return false
	}
	e.session.LastSeenAt = at
	return true
}

// forgetSession drops the session with this token hash.
func (c *cache) forgetSession(hash string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	if el, ok := c.entries[hash]; ok {
		c.remove(el)
	}
}

// forgetUser drops every session of the user.
func (c *cache) forgetUser(id int64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for hash := range c.byUser[id] {
		c.remove(c.entries[hash])
	}
}

// forgetAll empties the cache.
func (c *cache) forgetAll() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.order.Init()
	c.entries = map[string]*list.Element{}
	c.byUser = map[int64]map[string]struct{}{}
}

// len is the number of entries, for tests.
func (c *cache) len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// remove drops one entry; the caller holds mu.
func (c *cache) remove(el *list.Element) {
	e := c.order.Remove(el).(*cacheEntry)
	delete(c.entries, e.hash)
	if hs := c.byUser[e.session.UserID]; hs != nil {
		delete(hs, e.hash)
		if len(hs) == 0 {
			delete(c.byUser, e.session.UserID)
		}
	}
}
