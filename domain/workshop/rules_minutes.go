package workshop

import (
	"strings"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// The minutes' life: a facilitator builds a draft from the session's data (Redraft), edits it
// (Edit) and publishes it (Publish). A draft may be rebuilt as often as wanted; published minutes
// are never rebuilt, because the rebuild would throw away what the facilitator wrote and what
// the public has read, but they may still be corrected by an edit: they stay published (from
// their first publication on) and their version rises, so a reader sees the correction at once.

// Redraft replaces an unpublished draft (or no minutes: found false) with text built from the
// session's data. Published minutes are ErrMinutesState.
func (m *Minutes) Redraft(found bool, workshopID int64, text string, now time.Time) (prev int, err error) {
	if found && m.Status == MinutesPublished {
		return 0, ErrMinutesState
	}
	if found {
		prev = m.Version
	}
	*m = Minutes{WorkshopID: workshopID, Status: MinutesDraft, Text: text, Version: prev + 1, UpdatedAt: now}
	return prev, nil
}

// Edit replaces the text of the draft or of the published minutes, provided base is the version
// the facilitator edited (else ErrStaleMinutes). The text must not be empty nor longer than
// MaxMinutes characters.
func (m *Minutes) Edit(found bool, text string, base int, now time.Time) error {
	if !found {
		return ErrMinutesState
	}
	if strings.TrimSpace(text) == "" {
		return invalid("text: the minutes are empty")
	}
	if kernel.Chars(text) > MaxMinutes {
		return invalid("text: at most %d characters", MaxMinutes)
	}
	if base != m.Version {
		return ErrStaleMinutes
	}
	m.Text, m.Version, m.UpdatedAt = text, m.Version+1, now
	return nil
}

// Publish makes the draft public on the process page; published minutes are ErrMinutesState.
func (m *Minutes) Publish(found bool, now time.Time) error {
	if !found || m.Status != MinutesDraft {
		return ErrMinutesState
	}
	m.Status, m.Version, m.UpdatedAt, m.PublishedAt = MinutesPublished, m.Version+1, now, now
	return nil
}

// ReadableBy reports whether the minutes may be read by someone who does (facilitator) or does
// not facilitate the workshop: facilitators read the draft, everyone else only what is published.
func (m *Minutes) ReadableBy(facilitator bool) bool {
	return facilitator || m.Status == MinutesPublished
}

// LinkBack is the line a handed-on text starts with, naming the workshop it comes from.
func LinkBack(w Workshop) string {
	line := "Aus der Werkstatt „" + strings.TrimSpace(w.Title) + "“"
	if !w.StartsAt.IsZero() {
		line += " (" + w.StartsAt.In(berlin).Format("02.01.2006") + ")"
	}
	return line
}

// ThemeText is a theme as handed on: its title, then its visible cards as a list.
func ThemeText(t Theme, cards []Card) string {
	var b strings.Builder
	b.WriteString(t.Title)
	for _, c := range cards {
		if c.ThemeID == t.ID && c.State == CardVisible {
			b.WriteString("\n- " + strings.Join(strings.Fields(c.Text), " "))
		}
	}
	return b.String()
}

// HandoffTitle is the title of the draft an accepted offer makes: the first line after the
// link-back line, cut to MaxTitle characters.
func HandoffTitle(summary string) string {
	_, rest, _ := strings.Cut(summary, "\n\n")
	line, _, _ := strings.Cut(strings.TrimSpace(rest), "\n")
	line = strings.TrimSpace(line)
	if r := []rune(line); len(r) > MaxTitle {
		line = strings.TrimSpace(string(r[:MaxTitle-1])) + "…"
	}
	if line == "" {
		return "Ergebnis einer Werkstatt"
	}
	return line
}
