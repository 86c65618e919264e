package httpapi

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// postLimiter limits how fast one person posts comments, per instance: a burst, then one every
// interval. Idle entries are dropped so the map stays small.
type postLimiter struct {
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

func newPostLimiter(every time.Duration, burst int) *postLimiter {
	return &postLimiter{every: every, burst: burst, limiters: map[int64]*limiterEntry{}, now: time.Now}
}

// allow takes a token for the person, or says how many whole seconds to wait.
func (p *postLimiter) allow(userID int64) (int, bool) {
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
		return int(math.Ceil(d.Seconds())), false
	}
	return 0, true
}
