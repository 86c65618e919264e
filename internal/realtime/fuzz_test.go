package realtime_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/teilhabe/teilhabe/internal/realtime"
)

// FuzzParseNotification: any session of the database may NOTIFY on the channel, so the payload is
// outside input. Whatever it is, parsing must not panic, and what it accepts is a valid room with
// a positive sequence that survives a round trip.
func FuzzParseNotification(f *testing.F) {
	for _, s := range []string{
		`{"r":"consultation:42","s":7}`, `{"s":1,"r":"workshop:1"}`, `{}`, `null`, `[]`, `"x"`,
		`{"r":"","s":1}`, `{"r":"a","s":0}`, `{"r":"a","s":-1}`, `{"r":"a","s":1.5}`, `{"r":"a","s":"1"}`,
		`{"r":"a","s":1}x`, `{"r":"a","s":1}{}`, `{"r":"a\u0000b","s":1}`, `{"r":"a","s":9223372036854775808}`,
		`{"r":"` + strings.Repeat("r", 300) + `","s":1}`, "{\"r\":\"\xff\",\"s\":1}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		room, seq, err := realtime.ParseNotification(payload)
		if err != nil {
			return
		}
		if room == "" || len(room) > realtime.MaxRoomLen || !utf8.ValidString(room) || seq < 1 {
			t.Fatalf("accepted %q: room %q seq %d", payload, room, seq)
		}
		again, err := realtime.EncodeNotification(room, seq)
		if err != nil {
			t.Fatalf("accepted %q but cannot encode it: %v", payload, err)
		}
		if r2, s2, err := realtime.ParseNotification(again); err != nil || r2 != room || s2 != seq {
			t.Fatalf("round trip of %q: %q %d %v", payload, r2, s2, err)
		}
	})
}

// FuzzNotificationRoundTrip: every valid room and sequence encodes under the 8,000-byte NOTIFY
// limit and parses back to itself.
func FuzzNotificationRoundTrip(f *testing.F) {
	f.Add("consultation:42", int64(7))
	f.Add("Werkstatt: Spielplätze \"Süd\" \\ <3", int64(1))
	f.Add(strings.Repeat("\u2028", realtime.MaxRoomLen/3), int64(1<<62))
	f.Add("", int64(1))
	f.Fuzz(func(t *testing.T, room string, seq int64) {
		payload, err := realtime.EncodeNotification(room, seq)
		if err != nil {
			return
		}
		if len(payload) > 8000 {
			t.Fatalf("payload of %d bytes", len(payload))
		}
		r2, s2, err := realtime.ParseNotification(payload)
		if err != nil || r2 != room || s2 != seq {
			t.Fatalf("round trip of %q %d: %q %d %v", room, seq, r2, s2, err)
		}
	})
}

// FuzzParseClientMessage: the only thing a client may send is a small JSON object with a type;
// nothing it sends may panic the reader.
func FuzzParseClientMessage(f *testing.F) {
	for _, s := range []string{`{"type":"ping"}`, `{"type":"hint","x":1}`, `{"type":""}`, `{}`, `null`, `ping`, `[`, `{"type":1}`, "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		typ, err := realtime.ParseClientMessage(msg)
		if err == nil && (typ == "" || len(typ) > 64) {
			t.Fatalf("accepted %q with type %q", msg, typ)
		}
	})
}

// FuzzParseChange: a Change's payload is outside input too; what parses is exactly one of a
// positive user and a short printable session, and it round-trips; no room payload parses as one.
func FuzzParseChange(f *testing.F) {
	for _, s := range []string{`{"c":{"u":42}}`, `{"c":{"x":"abc"}}`, `{"c":{"u":1,"x":"a"}}`, `{"c":{}}`, `{"c":null}`,
		`{"c":{"u":-1}}`, `{"c":{"x":"a b"}}`, `{"r":"consultation:1","s":1}`, `{}`, `null`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		ch, err := realtime.ParseChange(payload)
		if err != nil {
			return
		}
		if (ch.User > 0) == (ch.Session != "") || ch.User < 0 || len(ch.Session) > 128 {
			t.Fatalf("accepted %q as %+v", payload, ch)
		}
		if _, _, err := realtime.ParseNotification(payload); err == nil {
			t.Fatalf("%q parses both as a change and as a room notification", payload)
		}
		again, err := realtime.EncodeChange(ch)
		if err != nil {
			t.Fatal(err)
		}
		if ch2, err := realtime.ParseChange(again); err != nil || ch2 != ch {
			t.Fatalf("round trip of %+v: %+v %v", ch, ch2, err)
		}
	})
}
