package kernel

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter limits how fast one person (or address) does something, per instance: a burst, then one every
// interval. Idle entries are dropped so the map stays small.
type Limiter[K comparable] struct {
	mu       sync.Mutex
	every    time.Duration
	burst    int
	limiters map[K]*limiterEntry
	now      func() time.Time
}

type limiterEntry struct {
	l    *rate.Limiter
	seen time.Time
}

// NewLimiter returns a limiter allowing burst actions in a row, then one every interval.
func NewLimiter[K comparable](every time.Duration, burst int, now func() time.Time) *Limiter[K] {
	if now == nil {
		now = time.Now
	}
	return &Limiter[K]{every: every, burst: burst, limiters: map[K]*limiterEntry{}, now: now}
}

// Allow takes a token for key (a person, an address), or says how long to wait.
func (p *Limiter[K]) Allow(key K) (time.Duration, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	e, ok := p.limiters[key]
	if !ok {
		if len(p.limiters) > 10000 {
			for id, old := range p.limiters {
				if now.Sub(old.seen) > time.Duration(p.burst)*p.every {
					delete(p.limiters, id)
				}
			}
		}
		e = &limiterEntry{l: rate.NewLimiter(rate.Every(p.every), p.burst)}
		p.limiters[key] = e
	}
	e.seen = now
	r := e.l.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, false
	}
	return 0, true
}
