package httpapi

import (
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/realtime"
)

// TestPageCacheNeverStoresWhatADropOutdated: a page read before a drop (of its consultation, of
// all) is not stored after it; pages expire after their time to live.
func TestPageCacheNeverStoresWhatADropOutdated(t *testing.T) {
	now := time.Unix(1000, 0)
	p := NewPageCache(time.Second)
	p.now = func() time.Time { return now }

	_, st, ok := p.get(7, "k")
	if ok {
		t.Fatal("hit in an empty cache")
	}
	p.Drop(7) // a change committed while the page was read
	p.put(7, "k", st, []byte("old"))
	if _, _, ok := p.get(7, "k"); ok {
		t.Error("a page read before its consultation's drop was stored")
	}

	_, st, _ = p.get(7, "k")
	p.OnRoom(realtime.AllRooms, 0)
	p.put(7, "k", st, []byte("old"))
	if _, _, ok := p.get(7, "k"); ok {
		t.Error("a page read before a drop of all was stored")
	}

	_, st, _ = p.get(7, "k")
	p.Drop(8) // another consultation's change does not matter
	p.put(7, "k", st, []byte("new"))
	if b, _, ok := p.get(7, "k"); !ok || string(b) != "new" {
		t.Fatalf("get = %q %v, want the stored page", b, ok)
	}
	p.OnRoom("consultation:8", 3)
	p.OnRoom("workshop:7", 3)
	if _, _, ok := p.get(7, "k"); !ok {
		t.Error("another room's announcement dropped the page")
	}
	p.OnRoom("consultation:7", 4)
	if _, _, ok := p.get(7, "k"); ok {
		t.Error("the room's announcement did not drop the page")
	}

	_, st, _ = p.get(7, "k")
	p.put(7, "k", st, []byte("new"))
	now = now.Add(time.Second)
	if _, _, ok := p.get(7, "k"); ok {
		t.Error("a page outlived its time to live")
	}
}
