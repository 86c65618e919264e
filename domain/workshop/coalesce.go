package workshop

import (
	"context"
	"slices"
	"sync"
	"time"
)

// CoalesceEvery is how often at most the counts of one module (up-votes, dots, a poll's results)
// are sent: a vote storm of thousands becomes ten frames a second, each with the counts as the
// database has them, so the last frame is always exact and none is more than this behind.
const CoalesceEvery = 100 * time.Millisecond

// Coalescer gathers the modules whose counts changed and hands each to its publish function at
// most once per interval, on its own goroutine: a vote's request never waits for it.
type Coalescer struct {
	every   time.Duration
	publish func(ctx context.Context, moduleID int64) error

	mu      sync.Mutex
	pending map[int64]struct{}
	wake    chan struct{}
}

// NewCoalescer returns a coalescer calling publish.
func NewCoalescer(every time.Duration, publish func(ctx context.Context, moduleID int64) error) *Coalescer {
	return &Coalescer{every: every, publish: publish, pending: map[int64]struct{}{}, wake: make(chan struct{}, 1)}
}

// Touch records that the module's counts changed (after the change committed).
func (c *Coalescer) Touch(moduleID int64) {
	c.mu.Lock()
	c.pending[moduleID] = struct{}{}
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *Coalescer) take() []int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]int64, 0, len(c.pending))
	for id := range c.pending {
		out = append(out, id)
	}
	clear(c.pending)
	slices.Sort(out)
	return out
}

// Run publishes until ctx ends: at most once per interval, whatever is pending then. A failed
// publish is tried again in the next round.
func (c *Coalescer) Run(ctx context.Context) {
	last := time.Time{}
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.wake:
		}
		if wait := c.every - time.Since(last); wait > 0 {
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
		}
		last = time.Now()
		for _, id := range c.take() {
			if err := c.publish(ctx, id); err != nil && ctx.Err() == nil {
				c.Touch(id)
			}
		}
	}
}
