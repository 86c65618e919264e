package httpapi

import (
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// PageCache keeps the encoded first pages of comment threads as anonymous readers get them: the
// same bytes for everyone who is not logged in, so a consultation linked from the local paper
// costs one query a second instead of one per reader (Discourse's anonymous cache, in memory).
// Logged-in readers, searches and later pages (cursors) are never cached: their answers carry
// personal capabilities or are rare.
//
// An entry is dropped
//   - when its room announces a committed event, on any instance (the broker's OnRoom): every
//     change to a comment (new, edited, withdrawn, hidden, supported) emits one;
//   - when any write request passes this instance (a changed consultation, process or name);
//   - after its time to live (PageCacheTTL) at the latest: the bound for changes without a live event made on
//     another instance (a process unpublished there, a renamed author).
//
// A page read before a drop is never stored after it: an entry is stored only if no drop of
// its consultation happened since its read began.
type PageCache struct {
	mu      sync.Mutex
	all     uint64           // bumped by Clear
	gens    map[int64]uint64 // bumped by a drop of one consultation
	entries map[int64]map[string]pageEntry
	size    int
	ttl     time.Duration
	now     func() time.Time
}

type pageEntry struct {
	body    []byte
	expires time.Time
}

// PageCacheTTL is how long a cached page is served at most, without a drop.
const PageCacheTTL = time.Second

// pageCacheMax bounds the entries; a full cache starts over.
const pageCacheMax = 4096

// NewPageCache returns an empty cache whose pages live at most ttl (PageCacheTTL in production);
// OnRoom is the broker's option that keeps it fresh.
func NewPageCache(ttl time.Duration) *PageCache {
	return &PageCache{gens: map[int64]uint64{}, entries: map[int64]map[string]pageEntry{}, ttl: ttl, now: time.Now}
}

// OnRoom is realtime.Options.OnRoom: a consultation's announced event drops its pages, a
// possibly lost announcement drops all.
func (p *PageCache) OnRoom(room string, _ int64) {
	if room == realtime.AllRooms {
		p.Clear()
		return
	}
	if id, ok := consultation.RoomOf(room); ok {
		p.Drop(id)
	}
}

// Drop forgets the pages of one consultation.
func (p *PageCache) Drop(consultationID int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gens[consultationID]++
	p.size -= len(p.entries[consultationID])
	delete(p.entries, consultationID)
}

// Clear forgets every page.
func (p *PageCache) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

func (p *PageCache) clear() {
	p.all++
	clear(p.gens)
	clear(p.entries)
	p.size = 0
}

// pageStamp is the state of the cache when a read began.
type pageStamp struct{ all, gen uint64 }

// get returns a fresh entry, or the stamp with which to put the page read now.
func (p *PageCache) get(consultationID int64, key string) ([]byte, pageStamp, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e, ok := p.entries[consultationID][key]; ok && p.now().Before(e.expires) {
		return e.body, pageStamp{}, true
	}
	return nil, pageStamp{p.all, p.gens[consultationID]}, false
}

// put stores body unless the consultation's pages were dropped since the read of stamp began.
func (p *PageCache) put(consultationID int64, key string, st pageStamp, body []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if st.all != p.all || st.gen != p.gens[consultationID] {
		return
	}
	if p.size >= pageCacheMax {
		p.clear()
		return
	}
	m := p.entries[consultationID]
	if m == nil {
		m = map[string]pageEntry{}
		p.entries[consultationID] = m
	}
	if _, ok := m[key]; !ok {
		p.size++
	}
	m[key] = pageEntry{body: body, expires: p.now().Add(p.ttl)}
}

// clearOnWrite drops every page when a request that may have changed something answers: whatever
// it changed, no reader of this instance sees the page from before it afterwards.
func (p *PageCache) clearOnWrite(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if m := c.Request().Method; m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions {
			// Before the answer's first byte, so that a client that hears of its change and
			// reads at once never reads the page from before it.
			c.Response().Before(p.Clear)
		}
		return next(c)
	}
}

// cachedPage is a page's encoded answer, as ListComments200JSONResponse would write it.
type cachedPage []byte

func (b cachedPage) VisitListCommentsResponse(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(b)
	return err
}
