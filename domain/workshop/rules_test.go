package workshop

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

var t0 = time.Date(2027, 5, 4, 18, 0, 0, 0, time.UTC)

var huge = strings.Repeat("x", 10_000)

func validWorkshop() Workshop {
	return Workshop{ID: 1, ProcessID: 2, DistrictKey: "16051", Title: "Werkstatt Nord", StartsAt: t0,
		EndsAt: t0.Add(2 * time.Hour), Status: StatusPlanned, JoinCode: "ABCD2345",
		Agenda: []AgendaItem{{ID: 11, Title: "Begrüßung", Minutes: 10}, {ID: 12, Title: "Fragen", Minutes: 45}, {ID: 13, Title: "Abschluss"}}}
}

func TestCheckContribution(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		max            int
		ok             bool
	}{
		{"plain", "Wann kommt der Bus?", "Wann kommt der Bus?", MaxQuestion, true},
		{"trimmed", "  \t Frage \n ", "Frage", MaxQuestion, true},
		{"inner lines and tabs kept", "a\n\tb", "a\n\tb", MaxQuestion, true},
		{"CR LF normalised", "a\r\nb\rc", "a\nb\nc", MaxQuestion, true},
		{"bidi override removed", "\u202eabc", "abc", MaxQuestion, true},
		{"exactly max in umlauts", strings.Repeat("ä", MaxCard), strings.Repeat("ä", MaxCard), MaxCard, true},
		{"empty", "", "", MaxQuestion, false},
		{"white space only", " \t\n\u00a0\u3000", "", MaxQuestion, false},
		{"zero-width only", "\u200b\ufeff\u200d", "", MaxQuestion, false},
		{"one char over in umlauts", strings.Repeat("ä", MaxCard+1), "", MaxCard, false},
		{"10k", huge, "", MaxChat, false},
		{"invalid UTF-8", "Frage \xff\xfe", "", MaxQuestion, false},
		{"NUL inside", "a\x00b", "", MaxQuestion, false},
		{"bell inside", "a\x07b", "", MaxQuestion, false},
		{"escape inside", "a\x1b[31mb", "", MaxQuestion, false},
		{"C1 control", "a\u0085b\u009bc", "", MaxQuestion, false},
		{"NUL only", "\x00", "", MaxQuestion, false},
	} {
		got, err := CheckContribution("text", tc.in, tc.max)
		if tc.ok != (err == nil) || tc.ok && got != tc.want {
			t.Errorf("%s: got %q, %v", tc.name, got, err)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: error %v is not ErrInvalid", tc.name, err)
		}
	}
}

func TestCheckGuestName(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		ok             bool
	}{
		{"plain", "Anna", "Anna", true},
		{"collapsed", "  Anna \t  Maria\n ", "Anna Maria", true},
		{"non-breaking and ideographic space", "Anna\u00a0\u3000Maria", "Anna Maria", true},
		{"umlauts at the limit", strings.Repeat("ö", MaxGuestName), strings.Repeat("ö", MaxGuestName), true},
		{"Arabic", "فاطمة", "فاطمة", true},
		{"combining accent", "Rene\u0301", "Rene\u0301", true},
		{"emoji sequence with joiner", "Familie 👨\u200d👩\u200d👧", "Familie 👨\u200d👩\u200d👧", true},
		{"empty", "", "", false},
		{"white space only", " \t\n ", "", false},
		{"zero-width space only", "\u200b", "", false},
		{"Hangul filler only", "\u3164\u3164", "", false},
		{"Braille blank only", "\u2800", "", false},
		{"combining marks only", "\u0301\u0301", "", false},
		{"one over in umlauts", strings.Repeat("ö", MaxGuestName+1), "", false},
		{"10k", huge, "", false},
		{"invalid UTF-8", "Anna\xc3", "", false},
		{"NUL", "An\x00na", "", false},
		{"escape", "\x1b[2JAnna", "", false},
		{"RTL override", "\u202eannA", "", false},
		{"RTL isolate", "Anna\u2067x\u2069", "", false},
		{"zero-width space inside", "An\u200bna", "", false},
		{"joiner between letters", "An\u200dna", "", false},
		{"soft hyphen", "An\u00adna", "", false},
		{"BOM", "\ufeffAnna", "", false},
	} {
		got, err := CheckGuestName(tc.in)
		if tc.ok != (err == nil) || tc.ok && got != tc.want {
			t.Errorf("%s: got %q, %v", tc.name, got, err)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: error %v is not ErrInvalid", tc.name, err)
		}
	}
}

func TestJoinCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		c := NewJoinCode()
		if !validJoinCode(c) || strings.ContainsAny(c, "0O1IL") {
			t.Fatalf("code %q", c)
		}
		seen[c] = true
	}
	if len(seen) < 1990 {
		t.Errorf("only %d distinct codes in 2000", len(seen))
	}
	for in, want := range map[string]string{
		"abcd-2345":         "ABCD2345",
		" ab cd – 23 45 ":   "ABCD2345",
		"ABCD\u00a02345":    "ABCD2345",
		"ab\u200bcd\u22122": "ABCD2",
		"":                  "",
		"---":               "",
	} {
		if got := NormaliseJoinCode(in); got != want {
			t.Errorf("NormaliseJoinCode(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range []string{"", "ABCD234", "ABCD23456", "ABCD2340", "ABCDO234", "abcd2345", "ÄBCD234"} {
		if validJoinCode(c) {
			t.Errorf("%q passes as a join code", c)
		}
	}
}

func TestWorkshopValidate(t *testing.T) {
	w := validWorkshop()
	w.Title, w.Facilitators, w.AreaIDs = "  Werkstatt Nord\u200b ", []int64{5, 5, 0, -3, 6}, []int64{7, 7}
	w.StartsAt = t0.In(time.FixedZone("CEST", 2*3600))
	w.Agenda[0].Position, w.Agenda[2].Position = 9, 4
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	if w.Title != "Werkstatt Nord" || len(w.Facilitators) != 2 || len(w.AreaIDs) != 1 || w.StartsAt.Location() != time.UTC {
		t.Errorf("not normalised: %q %v %v %v", w.Title, w.Facilitators, w.AreaIDs, w.StartsAt)
	}
	for i, it := range w.Agenda {
		if it.Position != i+1 {
			t.Errorf("agenda item %d has position %d", i, it.Position)
		}
	}
	tooMany := make([]int64, MaxFacilitators+1)
	for i := range tooMany {
		tooMany[i] = int64(i + 1)
	}
	for _, tc := range []struct {
		name string
		edit func(*Workshop)
	}{
		{"empty title", func(w *Workshop) { w.Title = "" }},
		{"white space title", func(w *Workshop) { w.Title = " \u200b\t" }},
		{"10k title", func(w *Workshop) { w.Title = huge }},
		{"title one over in characters", func(w *Workshop) { w.Title = strings.Repeat("ß", MaxTitle+1) }},
		{"title invalid UTF-8", func(w *Workshop) { w.Title = "Werk\xffstatt" }},
		{"title with NUL", func(w *Workshop) { w.Title = "Werk\x00statt" }},
		{"long description", func(w *Workshop) { w.Description = strings.Repeat("é", kernel.MaxDescription+1) }},
		{"long place", func(w *Workshop) { w.Place = strings.Repeat("p", MaxPlace+1) }},
		{"no start", func(w *Workshop) { w.StartsAt = time.Time{} }},
		{"end before start", func(w *Workshop) { w.EndsAt = t0.Add(-time.Minute) }},
		{"end at start", func(w *Workshop) { w.EndsAt = t0 }},
		{"negative slow mode", func(w *Workshop) { w.SlowSeconds = -1 }},
		{"slow mode over", func(w *Workshop) { w.SlowSeconds = MaxSlowSeconds + 1 }},
		{"huge slow mode", func(w *Workshop) { w.SlowSeconds = math.MaxInt }},
		{"unknown status", func(w *Workshop) { w.Status = "paused" }},
		{"bad join code", func(w *Workshop) { w.JoinCode = "ABCD0000" }},
		{"too many items", func(w *Workshop) { w.Agenda = make([]AgendaItem, MaxAgenda+1) }},
		{"item without title", func(w *Workshop) { w.Agenda[1].Title = " " }},
		{"item title too long", func(w *Workshop) { w.Agenda[1].Title = huge }},
		{"item negative minutes", func(w *Workshop) { w.Agenda[1].Minutes = -5 }},
		{"item huge minutes", func(w *Workshop) { w.Agenda[1].Minutes = math.MaxInt }},
		{"item id twice", func(w *Workshop) { w.Agenda[1].ID = w.Agenda[0].ID }},
		{"item id negative", func(w *Workshop) { w.Agenda[1].ID = -1 }},
		{"too many facilitators", func(w *Workshop) { w.Facilitators = tooMany }},
	} {
		w := validWorkshop()
		tc.edit(&w)
		if err := w.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	open := validWorkshop()
	open.EndsAt, open.Status, open.JoinCode, open.Agenda = time.Time{}, "", "", nil
	if err := open.Validate(); err != nil {
		t.Errorf("open end, no agenda, no code yet: %v", err)
	}
}

func TestOnlineURL(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"", true},
		{"   ", true},
		{"https://bbb.erfurt.de/b/abc-123", true},
		{"http://meet.jit.si/WerkstattNord?x=1#y", true},
		{"HTTPS://meet.jit.si/Raum", true},
		{" https://meet.jit.si/Raum ", true},
		{"https://[2001:db8::1]:8443/raum", true},
		{"https://" + strings.Repeat("a", MaxURL), false},
		{"javascript:alert(1)", false},
		{"ftp://example.org/x", false},
		{"//meet.jit.si/Raum", false},
		{"meet.jit.si/Raum", false},
		{"https://", false},
		{"https:///pfad", false},
		{"https://erfurt.de@evil.example/", false},
		{"https://a b.de/", false},
		{"https://meet.jit.si/Ra um", false},
		{"https://meet.jit.si/\x00", false},
		{"https://meet.jit.si/\u202e", false},
		{"https://meet.jit.si/\xff", false},
		{"https://%zz/", false},
	} {
		w := validWorkshop()
		w.OnlineURL = tc.in
		err := w.Validate()
		if tc.ok != (err == nil) || err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: %v", tc.in, err)
		}
	}
}

func TestWorkshopStatus(t *testing.T) {
	type step struct {
		name string
		do   func(*Workshop) error
		ok   bool
		want Status
	}
	rehearse := func(w *Workshop) error { return w.Rehearse() }
	endRehearsal := func(w *Workshop) error { return w.EndRehearsal() }
	start := func(w *Workshop) error { return w.Start() }
	end := func(w *Workshop) error { return w.End(t0) }
	for _, tc := range []struct {
		from  Status
		steps []step
	}{
		{StatusPlanned, []step{{"rehearse", rehearse, true, StatusRehearsal}, {"rehearse twice", rehearse, false, StatusRehearsal},
			{"end rehearsal", endRehearsal, true, StatusPlanned}, {"end rehearsal twice", endRehearsal, false, StatusPlanned},
			{"end a planned one", end, false, StatusPlanned}, {"start", start, true, StatusLive}}},
		{StatusRehearsal, []step{{"start from rehearsal", start, true, StatusLive}}},
		{StatusLive, []step{{"start twice", start, false, StatusLive}, {"rehearse live", rehearse, false, StatusLive},
			{"end rehearsal live", endRehearsal, false, StatusLive}, {"end", end, true, StatusEnded}}},
		{StatusEnded, []step{{"start ended", start, false, StatusEnded}, {"rehearse ended", rehearse, false, StatusEnded},
			{"end ended", end, false, StatusEnded}}},
	} {
		w := validWorkshop()
		w.Status = tc.from
		for _, s := range tc.steps {
			err := s.do(&w)
			if s.ok != (err == nil) || err != nil && !errors.Is(err, ErrWorkshopState) || w.Status != s.want {
				t.Errorf("from %s, %s: %v, now %s", tc.from, s.name, err, w.Status)
			}
		}
	}
}

func TestAgendaRun(t *testing.T) {
	w := validWorkshop()
	if err := w.NextItem(t0); !errors.Is(err, ErrWorkshopState) {
		t.Errorf("an item in a planned workshop: %v", err)
	}
	if err := w.Rehearse(); err != nil {
		t.Fatal(err)
	}
	if err := w.NextItem(t0); err != nil || w.CurrentItemID != 11 || !w.ItemStartedAt.Equal(t0) || !w.Agenda[0].StartedAt.Equal(t0) {
		t.Fatalf("first item: %v %+v", err, w)
	}
	w.Projector = Projection{Kind: ShowModule, ID: 4}
	if err := w.EndRehearsal(); err != nil || w.CurrentItemID != 0 || !w.Agenda[0].StartedAt.IsZero() || w.Projector.Kind != ShowJoin {
		t.Fatalf("the rehearsal's traces stay: %v %+v", err, w)
	}
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t1, t2, t3 := t0.Add(10*time.Minute), t0.Add(50*time.Minute), t0.Add(55*time.Minute)
	for _, tc := range []struct {
		name string
		do   func() error
		cur  int64
		err  error
	}{
		{"unknown item", func() error { return w.StartItem(99, t0) }, 0, ErrInvalid},
		{"item 0", func() error { return w.StartItem(0, t0) }, 0, ErrInvalid},
		{"first by next", func() error { return w.NextItem(t0) }, 11, nil},
		{"next", func() error { return w.NextItem(t1) }, 12, nil},
		{"current again changes nothing", func() error { return w.StartItem(12, t2) }, 12, nil},
		{"jump to the last", func() error { return w.StartItem(13, t2) }, 13, nil},
		{"none after the last", func() error { return w.NextItem(t3) }, 13, ErrWorkshopState},
		{"back to the second", func() error { return w.StartItem(12, t3) }, 12, nil},
	} {
		err := tc.do()
		if tc.err == nil && err != nil || tc.err != nil && !errors.Is(err, tc.err) || w.CurrentItemID != tc.cur {
			t.Errorf("%s: %v, current %d", tc.name, err, w.CurrentItemID)
		}
	}
	if a := w.Agenda; !a[0].EndedAt.Equal(t1) || !a[1].StartedAt.Equal(t1) || !a[1].EndedAt.IsZero() || !a[2].EndedAt.Equal(t3) || !w.ItemStartedAt.Equal(t3) {
		t.Errorf("times: %+v, item started %v", a, w.ItemStartedAt)
	}
	if err := w.End(t3.Add(time.Hour)); err != nil || w.CurrentItemID != 0 || !w.Agenda[1].EndedAt.Equal(t3.Add(time.Hour)) {
		t.Errorf("end: %v %+v", err, w.Agenda[1])
	}

	// Positions decide, not the order of the list.
	w = validWorkshop()
	w.Status = StatusLive
	w.Agenda[0].Position, w.Agenda[1].Position, w.Agenda[2].Position = 3, 1, 2
	for _, want := range []int64{12, 13, 11} {
		if err := w.NextItem(t0); err != nil || w.CurrentItemID != want {
			t.Errorf("next: %v, current %d, want %d", err, w.CurrentItemID, want)
		}
	}
	w.Agenda = nil
	w.CurrentItemID = 0
	if err := w.NextItem(t0); !errors.Is(err, ErrWorkshopState) {
		t.Errorf("next on no agenda: %v", err)
	}
}

func TestSlowMode(t *testing.T) {
	for _, tc := range []struct {
		name      string
		last, now time.Time
		slow      int
		wait      time.Duration // 0: allowed
	}{
		{"off", t0, t0, 0, 0},
		{"negative is off", t0, t0, -10, 0},
		{"never wrote", time.Time{}, t0, 30, 0},
		{"long ago", t0, t0.Add(31 * time.Second), 30, 0},
		{"exactly after", t0, t0.Add(30 * time.Second), 30, 0},
		{"right away", t0, t0, 30, 30 * time.Second},
		{"rounded up", t0, t0.Add(10*time.Second + time.Millisecond), 30, 20 * time.Second},
		{"clock went back", t0, t0.Add(-time.Hour), 30, 30 * time.Second},
		{"huge slow mode is capped by time arithmetic", t0, t0, math.MaxInt32, time.Duration(math.MaxInt32) * time.Second},
	} {
		err := CheckSlowMode(tc.last, tc.now, tc.slow)
		if tc.wait == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		e, ok := kernel.As(err)
		if !errors.Is(err, ErrSlowMode) || !ok || e.RetryAfter() != tc.wait || e.Code() != "slow_mode" {
			t.Errorf("%s: %v (retry after %v)", tc.name, err, e)
		}
	}
}

func TestShow(t *testing.T) {
	yes := func(int64) bool { return true }
	only := func(id int64) func(int64) bool { return func(x int64) bool { return x == id } }
	for _, tc := range []struct {
		name   string
		p      Projection
		q, m   func(int64) bool
		err    error
		wantID int64
	}{
		{"join", Projection{Kind: ShowJoin, ID: 5}, nil, nil, nil, 0},
		{"agenda", Projection{Kind: ShowAgenda}, nil, nil, nil, 0},
		{"question", Projection{Kind: ShowQuestion, ID: 7}, only(7), nil, nil, 7},
		{"other question", Projection{Kind: ShowQuestion, ID: 8}, only(7), yes, ErrQuestionNotFound, 0},
		{"question without check", Projection{Kind: ShowQuestion, ID: 7}, nil, yes, ErrQuestionNotFound, 0},
		{"question 0", Projection{Kind: ShowQuestion}, yes, yes, ErrQuestionNotFound, 0},
		{"module", Projection{Kind: ShowModule, ID: 3}, nil, only(3), nil, 3},
		{"other module", Projection{Kind: ShowModule, ID: 4}, yes, only(3), ErrModuleNotFound, 0},
		{"negative module", Projection{Kind: ShowModule, ID: -3}, yes, yes, ErrModuleNotFound, 0},
		{"unknown kind", Projection{Kind: "video", ID: 1}, yes, yes, ErrInvalid, 0},
		{"empty kind", Projection{}, yes, yes, ErrInvalid, 0},
	} {
		w := validWorkshop()
		w.Projector = Projection{Kind: ShowAgenda}
		err := w.Show(tc.p, tc.q, tc.m)
		switch {
		case tc.err != nil && (!errors.Is(err, tc.err) || w.Projector.Kind != ShowAgenda):
			t.Errorf("%s: %v, shows %+v", tc.name, err, w.Projector)
		case tc.err == nil && (err != nil || w.Projector.Kind != tc.p.Kind || w.Projector.ID != tc.wantID):
			t.Errorf("%s: %v, shows %+v", tc.name, err, w.Projector)
		}
	}
}

func TestActionsFollowTheStatus(t *testing.T) {
	for status, want := range map[Status]string{
		StatusPlanned: "rehearse start", StatusRehearsal: "end_rehearsal start", StatusLive: "end", StatusEnded: "",
	} {
		w := Workshop{Status: status, Agenda: []AgendaItem{{ID: 1, Title: "A", StartedAt: time.Unix(1, 0)}}}
		if got := strings.Join(w.Actions(), " "); got != want {
			t.Errorf("%s: actions %q, want %q", status, got, want)
		}
		if w.Status != status || w.Agenda[0].StartedAt.IsZero() {
			t.Errorf("%s: Actions changed the workshop: %+v", status, w)
		}
		var live []string // the live state carries them, so every facilitator's console follows
		for _, a := range StateOut(w).Actions {
			live = append(live, string(a))
		}
		if got := strings.Join(live, " "); got != want {
			t.Errorf("%s: live state's actions %q, want %q", status, got, want)
		}
	}
}
