package kernel

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter limits how fast one person does something, per instance: a burst, then one every
// interval. Idle entries are dropped so the map stays small.
type Limiter struct {
	mu       sync.Mutex
	every    time.Duration
	burst    int
	limiters map[int64]*limiterEntry
	now      func() time.Time
}

type limiterEntry struct {
	l    *rate.Limiter
	seen time.Time
}

// NewLimiter returns a limiter allowing burst actions in a row, then one every interval.
func NewLimiter(every time.Duration, burst int, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{every: every, burst: burst, limiters: map[int64]*limiterEntry{}, now: now}
}

// Allow takes a token for the person, or says how long to wait.
func (p *Limiter) Allow(userID int64) (time.Duration, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	e, ok := p.limiters[userID]
	if !ok {
		if len(p.limiters) > 10000 {
			for id, old := range p.limiters {
				if now.Sub(old.seen) > time.Duration(p.burst)*p.every {
					delete(p.limiters, id)
				}
			}
		}
		e = &limiterEntry{l: rate.NewLimiter(rate.Every(p.every), p.burst)}
		p.limiters[userID] = e
	}
	e.seen = now
	r := e.l.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, false
	}
	return 0, true
}
