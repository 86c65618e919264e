package workshop

import (
	"crypto/rand"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Errors of the rules on questions and cards (declared here, beside the state machines they
// guard; their codes are part of the API like the others).
var (
	ErrQuestionState = kernel.New(kernel.KindConflict, "question_state", "The question is not in a state that allows this.")
	ErrCardState     = kernel.New(kernel.KindConflict, "card_state", "The card is not in a state that allows this.")
)

// Bounds of the numbers a workshop's set-up holds.
const (
	MaxSlowSeconds   = 600 // chat slow mode
	MaxItemMinutes   = 600 // one agenda item's planned duration
	MaxDots          = 20  // dots per person on a board
	DefaultBudget    = 100 // a budget poll's points unless set
	MaxBudget        = 1000
	MaxCloudWords    = 50 // words a word cloud's results show
	JoinCodeLength   = 8
	MaxJoinCodeInput = 20                                // a join code as typed, with the spaces and dashes NormaliseJoinCode drops
	joinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789" // no 0/O, 1/I/L
)

// DefaultColumn is the one column of a board set up without columns.
const DefaultColumn = "Ideen"

func invalid(format string, a ...any) error {
	return fmt.Errorf("%w "+format, append([]any{ErrInvalid}, a...)...)
}

// checkText cleans a name-like field (kernel.CleanName: bidirectional controls removed, invisible
// characters trimmed from both ends), normalises line breaks and checks its length; required
// refuses an empty one. Invalid UTF-8 and control characters other than tab and line feed are
// refused rather than repaired: the database would refuse a NUL, and a silent repair would store
// something the person did not write.
func checkText(field string, s *string, max int, required bool) error {
	if !utf8.ValidString(*s) {
		return invalid("%s: not valid UTF-8", field)
	}
	if err := noControl(field, *s, func(r rune) bool { return !unicode.IsSpace(r) }); err != nil {
		return err // a NUL or an escape is refused even at the ends, where CleanName would drop it
	}
	*s = kernel.CleanName(normaliseBreaks(*s))
	if required && *s == "" {
		return invalid("%s: required", field)
	}
	if kernel.Chars(*s) > max {
		return invalid("%s: at most %d characters", field, max)
	}
	return noControl(field, *s, func(r rune) bool { return r != '\n' && r != '\t' })
}

// noControl refuses the control characters (C0, C1) for which also holds.
func noControl(field, s string, also func(rune) bool) error {
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && also(r) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return invalid("%s: control character %U not allowed", field, r)
	}
	return nil
}

// normaliseBreaks turns CR LF and lone CR into LF, as browsers' text areas vary.
func normaliseBreaks(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// CheckContribution cleans and checks what a participant writes: a question, a card, a chat
// message, an open poll answer, a facilitator's answer or decision. It is required, at most max
// characters once trimmed, and holds no control character but line feeds and tabs.
func CheckContribution(field string, s string, max int) (string, error) {
	if err := checkText(field, &s, max, true); err != nil {
		return "", err
	}
	return s, nil
}

// CheckGuestName cleans and checks a guest's display name: trimmed, inner white space collapsed
// to single spaces, 1 to MaxGuestName characters, and no control or format character anywhere
// (no bidirectional override to make "Anna" read as another name, no zero-width space to make a
// second "Anna" look like the first). A zero-width joiner is kept between emoji, where it forms
// one picture, and refused between letters or digits, where it only hides.
func CheckGuestName(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", invalid("name: not valid UTF-8")
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", invalid("name: required")
	}
	if kernel.Chars(s) > MaxGuestName {
		return "", invalid("name: at most %d characters", MaxGuestName)
	}
	rs := []rune(s)
	visible := false
	for i, r := range rs {
		switch {
		case r == 0x200D && i > 0 && i < len(rs)-1 && !alnum(rs[i-1]) && !alnum(rs[i+1]):
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return "", invalid("name: character %U not allowed", r)
		case r != ' ' && !blankFiller(r) && !unicode.Is(unicode.Mn, r):
			visible = true
		}
	}
	if !visible {
		return "", invalid("name: required")
	}
	return s, nil
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// blankFiller: letters that render as nothing (Hangul fillers, the blank Braille pattern), the
// usual way to an "empty" name past a required check.
func blankFiller(r rune) bool {
	return r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0 || r == 0x2800
}

// NewJoinCode draws a join code: JoinCodeLength characters from an alphabet without the
// look-alikes 0/O and 1/I/L, from crypto/rand (31^8 ≈ 8.5·10^11 codes; the join itself is rate
// limited).
func NewJoinCode() string {
	const n = byte(len(joinCodeAlphabet))
	const limit = 256 / int(n) * int(n) // reject bytes above the last full cycle: no bias
	out := make([]byte, 0, JoinCodeLength)
	buf := make([]byte, 2*JoinCodeLength)
	for len(out) < JoinCodeLength {
		rand.Read(buf) // never fails (crypto/rand panics on a broken source)
		for _, b := range buf {
			if int(b) < limit && len(out) < JoinCodeLength {
				out = append(out, joinCodeAlphabet[b%n])
			}
		}
	}
	return string(out)
}

// NormaliseJoinCode reads a join code as people type it: upper-cased, with spaces and dashes
// (also the typographic ones phones put in) removed.
func NormaliseJoinCode(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || r == 0x2212 || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, s)
}

// validJoinCode reports whether s could be a code NewJoinCode drew.
func validJoinCode(s string) bool {
	if len(s) != JoinCodeLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(joinCodeAlphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}

// Validate cleans and checks a workshop's set-up: its texts, times, chat slow mode, agenda and
// facilitators. The agenda's order is the list's: positions come back numbered 1, 2, ... in it.
// Facilitator and area ids are de-duplicated.
func (w *Workshop) Validate() error {
	for _, f := range []struct {
		name     string
		s        *string
		max      int
		required bool
	}{{"title", &w.Title, MaxTitle, true}, {"description", &w.Description, kernel.MaxDescription, false},
		{"place", &w.Place, MaxPlace, false}} {
		if err := checkText(f.name, f.s, f.max, f.required); err != nil {
			return err
		}
	}
	if err := checkURL(&w.OnlineURL); err != nil {
		return err
	}
	switch {
	case w.StartsAt.IsZero():
		return invalid("starts_at: required")
	case !w.EndsAt.IsZero() && !w.EndsAt.After(w.StartsAt):
		return invalid("ends_at: after starts_at")
	case w.SlowSeconds < 0 || w.SlowSeconds > MaxSlowSeconds:
		return invalid("slow_seconds: 0 to %d", MaxSlowSeconds)
	case w.Status != "" && w.Status != StatusPlanned && w.Status != StatusRehearsal && w.Status != StatusLive && w.Status != StatusEnded:
		return invalid("status: unknown %q", w.Status)
	case w.JoinCode != "" && !validJoinCode(w.JoinCode):
		return invalid("join_code: %d characters of the join alphabet", JoinCodeLength)
	case len(w.Agenda) > MaxAgenda:
		return invalid("agenda: at most %d items", MaxAgenda)
	}
	w.StartsAt = w.StartsAt.UTC()
	if !w.EndsAt.IsZero() {
		w.EndsAt = w.EndsAt.UTC()
	}
	w.Facilitators = uniqueIDs(w.Facilitators)
	if len(w.Facilitators) > MaxFacilitators {
		return invalid("facilitators: at most %d", MaxFacilitators)
	}
	w.AreaIDs = uniqueIDs(w.AreaIDs)
	seen := map[int64]bool{}
	for i := range w.Agenda {
		it := &w.Agenda[i]
		if it.ID < 0 || it.ID > 0 && seen[it.ID] {
			return invalid("agenda: item %d twice or unknown", it.ID)
		}
		seen[it.ID] = true
		if err := checkText("agenda.title", &it.Title, MaxTitle, true); err != nil {
			return err
		}
		if it.Minutes < 0 || it.Minutes > MaxItemMinutes {
			return invalid("agenda.minutes: 0 to %d", MaxItemMinutes)
		}
		it.Position = i + 1
	}
	return nil
}

// checkURL: empty, or an absolute http(s) address with a host, no credentials and no white
// space, at most MaxURL characters.
func checkURL(s *string) error {
	if !utf8.ValidString(*s) {
		return invalid("online_url: not valid UTF-8")
	}
	*s = strings.TrimSpace(*s)
	if *s == "" {
		return nil
	}
	if kernel.Chars(*s) > MaxURL {
		return invalid("online_url: at most %d characters", MaxURL)
	}
	if strings.IndexFunc(*s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) >= 0 {
		return invalid("online_url: no white space or invisible characters")
	}
	u, err := url.Parse(*s)
	switch {
	case err != nil:
		return invalid("online_url: not an address")
	case u.Scheme != "http" && u.Scheme != "https":
		return invalid("online_url: an http or https address")
	case u.Host == "" || u.Hostname() == "":
		return invalid("online_url: an absolute address with a host")
	case u.User != nil:
		return invalid("online_url: no user name or password in the address")
	}
	return nil
}

// uniqueIDs drops duplicates and ids that cannot exist (≤ 0), keeping the order.
func uniqueIDs(in []int64) []int64 {
	out := make([]int64, 0, len(in))
	for _, id := range in {
		if id > 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// CheckSlowMode refuses a chat message sooner than slowSeconds after the participant's last one
// (zero: never wrote), with ErrSlowMode saying how long to wait (whole seconds, rounded up).
func CheckSlowMode(last, now time.Time, slowSeconds int) error {
	if slowSeconds <= 0 || last.IsZero() {
		return nil
	}
	slow := time.Duration(slowSeconds) * time.Second
	wait := last.Add(slow).Sub(now)
	if wait <= 0 {
		return nil
	}
	wait = min(wait, slow) // a clock that went back does not make anyone wait longer than slow
	return kernel.Limited(ErrSlowMode, (wait + time.Second - 1).Truncate(time.Second))
}
