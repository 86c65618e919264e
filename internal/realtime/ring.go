package realtime

// ring is a room's newest frames as the hub fanned them out, for replaying a connection that is
// only a little behind without reading the database. It covers every stored event of the room
// with after < seq <= the room's delivered: frames leave at the old end (after moves up to the
// seq of the one leaving) and a superseding event empties it, because the events it rewrote or
// deleted are in the ring as they were, and a replay must show the present.
type ring struct {
	after  int64
	frames []*frame // oldest first, at most size
	size   int
}

func newRing(size int, after int64) *ring {
	return &ring{after: after, size: size}
}

// push records f, the room's newest delivered frame.
func (g *ring) push(f *frame) {
	if f.supersedes {
		g.frames, g.after = g.frames[:0], f.seq
		return
	}
	if len(g.frames) == g.size {
		g.after = g.frames[0].seq
		// Shifting a few hundred pointers per event is cheaper than it sounds and keeps the
		// frames in one ordered slice that replays simply copy from.
		copy(g.frames, g.frames[1:])
		g.frames = g.frames[:len(g.frames)-1]
	}
	g.frames = append(g.frames, f)
}

// since returns the frames after seq (a new slice: the ring changes under the hub meanwhile)
// and whether the ring covers everything after seq.
func (g *ring) since(seq int64) ([]*frame, bool) {
	if seq < g.after {
		return nil, false
	}
	i := len(g.frames)
	for i > 0 && g.frames[i-1].seq > seq {
		i--
	}
	if i == len(g.frames) {
		return nil, true
	}
	return append([]*frame(nil), g.frames[i:]...), true
}
