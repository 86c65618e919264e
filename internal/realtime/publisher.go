package realtime

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// publisher turns Broker.Published calls into bus announcements. Callers are HTTP requests that
// have just committed, so adding must never block; and a NOTIFY per event would serialise on
// PostgreSQL's notification queue, so only the newest sequence per room is kept until the single
// publishing goroutine gets to it.
type publisher struct {
	bus Bus
	log *slog.Logger

	mu      sync.Mutex
	pending map[string]int64
	wake    chan struct{} // capacity 1: "pending is not empty"
}

func newPublisher(bus Bus, log *slog.Logger) *publisher {
	return &publisher{bus: bus, log: log, pending: map[string]int64{}, wake: make(chan struct{}, 1)}
}

// add records that room is committed up to seq; a newer seq for the same room replaces an older
// one that was not sent yet.
func (p *publisher) add(room string, seq int64) {
	p.mu.Lock()
	if seq > p.pending[room] {
		p.pending[room] = seq
	}
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default: // already woken; the publisher will take this entry with the others
	}
}

func (p *publisher) take() map[string]int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.pending) == 0 {
		return nil
	}
	batch := p.pending
	p.pending = map[string]int64{}
	return batch
}

// putBack returns unsent entries after a failure, unless a newer seq arrived meanwhile.
func (p *publisher) putBack(batch map[string]int64) {
	p.mu.Lock()
	for room, seq := range batch {
		if seq > p.pending[room] {
			p.pending[room] = seq
		}
	}
	p.mu.Unlock()
}

// run publishes until ctx ends, then makes one last bounded attempt, so that events committed just
// before shutdown still reach the other instances.
func (p *publisher) run(ctx context.Context) {
	backoff := minBackoff
	for {
		select {
		case <-ctx.Done():
			final, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			defer cancel()
			if err := p.flush(final); err != nil {
				p.log.Warn("realtime: announcements lost at shutdown", "err", err)
			}
			return
		case <-p.wake:
		}
		if err := p.flush(ctx); err != nil {
			p.log.Warn("realtime: publish failed, retrying", "err", err, "in", backoff)
			select {
			case <-ctx.Done():
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, maxBackoff)
			p.signal()
			continue
		}
		backoff = minBackoff
	}
}

func (p *publisher) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// flush sends everything pending; on an error the unsent rest goes back to pending.
func (p *publisher) flush(ctx context.Context) error {
	for {
		batch := p.take()
		if batch == nil {
			return nil
		}
		for room, seq := range batch {
			if err := p.bus.Publish(ctx, room, seq); err != nil {
				p.putBack(batch)
				return err
			}
			delete(batch, room)
		}
	}
}

// Reconnect and retry delays of the bus listener, the publisher and hub reads.
const (
	minBackoff = 100 * time.Millisecond
	maxBackoff = 10 * time.Second
)
