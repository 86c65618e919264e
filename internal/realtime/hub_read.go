package realtime

import (
	"context"
	"time"
)

// fetch starts a read of r unless one is in flight or nothing new was announced: at most one read
// per room and announcement, however many connections. Announcements that arrive during a read
// and are covered by it cost nothing more, and a bogus one (any session may NOTIFY) costs one
// empty read, never a loop.
func (h *hub) fetch(ctx context.Context, r *room) {
	if r.fetching || (r.ready && !r.force && r.want <= r.delivered) {
		return
	}
	r.fetching, r.force, r.want = true, false, 0
	init, after := !r.ready, r.delivered
	go h.read(ctx, r, init, after)
}

// read runs outside the hub's goroutine and touches no room state; it retries database errors
// with backoff (the room stays "fetching" meanwhile, so announcements just accumulate in want).
func (h *hub) read(ctx context.Context, r *room, init bool, after int64) {
	res := fetchResult{room: r, init: init}
	for backoff := minBackoff; ; backoff = min(2*backoff, maxBackoff) {
		err := h.readOnce(ctx, r.name, after, &res)
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return
		}
		h.log.Warn("realtime: reading room failed, retrying", "room", r.name, "err", err, "in", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
	}
	select {
	case h.results <- res:
	case <-ctx.Done():
	}
}

func (h *hub) readOnce(ctx context.Context, name string, after int64, res *fetchResult) error {
	select {
	case h.reads <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-h.reads }()
	if res.init {
		last, err := h.events.LastSeq(ctx, name)
		res.last = last
		return err
	}
	events, err := h.events.Since(ctx, name, after, h.page)
	if err != nil {
		return err
	}
	res.frames = make([]*frame, 0, len(events))
	for _, ev := range events {
		res.frames = append(res.frames, h.frame(ev))
	}
	return nil
}

// snapshot asks the hub for its connections that match, for the access checker, which must not
// touch the index itself.
type snapshot struct {
	match func(*conn) bool
	reply chan []*conn // buffered, so the hub never waits for the asker
}

func (h *hub) matching(match func(*conn) bool) []*conn {
	var out []*conn
	for _, r := range h.rooms {
		for c := range r.conns {
			if match(c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// connections returns the registered connections that match (nil once the hub has stopped).
func (h *hub) connections(match func(*conn) bool) []*conn {
	s := snapshot{match: match, reply: make(chan []*conn, 1)}
	select {
	case h.snapshots <- s:
	case <-h.done:
		return nil
	}
	select {
	case cs := <-s.reply:
		return cs
	case <-h.done:
		return nil
	}
}
