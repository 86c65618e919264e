package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// subjectKey is one subject's events in one room and audience.
type subjectKey struct{ room, audience, subject string }

// supersede applies a relay batch's events to the earlier events of their subjects, in the batch
// and in the stored log, and returns the batch's rows still to be stored, in order. A Rewrite
// gives the subject's earlier Rewrite events its data; a Replace deletes the subject's earlier
// events. So the log never keeps a text that was withdrawn, hidden or replaced, and every replay,
// for every context, shows the present.
func supersede(tx *gorm.DB, rows []outboxRow) ([]outboxRow, error) {
	kept := make([]bool, len(rows))
	bySubject := map[subjectKey][]int{}
	// effect is what the batch does to a subject's stored events: a Replace anywhere deletes them;
	// otherwise the last Rewrite's data goes to them.
	type effect struct {
		replace, rewrite bool
		data             string
	}
	effects := map[subjectKey]*effect{}
	var order []subjectKey
	for i, r := range rows {
		kept[i] = true
		if r.Subject == "" {
			continue
		}
		k := subjectKey{r.Room, r.Audience, r.Subject}
		e := effects[k]
		if e == nil {
			e = &effect{}
			effects[k] = e
			order = append(order, k)
		}
		switch kernel.Supersede(r.Supersede) {
		case kernel.Rewrite:
			for _, j := range bySubject[k] {
				if kernel.Supersede(rows[j].Supersede) == kernel.Rewrite {
					rows[j].Data = r.Data
				}
			}
			if !e.replace {
				e.rewrite, e.data = true, r.Data
			}
		case kernel.Replace:
			for _, j := range bySubject[k] {
				kept[j] = false
			}
			bySubject[k] = nil
			e.replace = true
		}
		bySubject[k] = append(bySubject[k], i)
	}
	var deletes, rewrites []subjectKey
	for _, k := range order {
		switch e := effects[k]; {
		case e.replace:
			deletes = append(deletes, k)
		case e.rewrite:
			rewrites = append(rewrites, k)
		}
	}
	if err := deleteSubjects(tx, deletes); err != nil {
		return nil, err
	}
	if err := rewriteSubjects(tx, rewrites, func(k subjectKey) string { return effects[k].data }); err != nil {
		return nil, err
	}
	out := rows[:0:0]
	for i, r := range rows {
		if kept[i] {
			out = append(out, r)
		}
	}
	return out, nil
}

// keysSelect is a SELECT of the keys (and extra columns) as a derived table both dialects read.
func keysSelect(keys []subjectKey, extra func(subjectKey) []any, names ...string) (string, []any) {
	var b strings.Builder
	var args []any
	for i, k := range keys {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		b.WriteString("SELECT CAST(? AS TEXT) AS room, CAST(? AS TEXT) AS audience, CAST(? AS TEXT) AS subject")
		args = append(args, k.room, k.audience, k.subject)
		if extra != nil {
			for _, n := range names {
				b.WriteString(", CAST(? AS TEXT) AS " + n)
			}
			args = append(args, extra(k)...)
		}
	}
	return b.String(), args
}

func deleteSubjects(tx *gorm.DB, keys []subjectKey) error {
	if len(keys) == 0 {
		return nil
	}
	sel, args := keysSelect(keys, nil)
	err := tx.Exec("DELETE FROM room_events WHERE subject <> '' AND (room, audience, subject) IN (SELECT room, audience, subject FROM ("+sel+") AS k)", args...).Error
	if err != nil {
		return fmt.Errorf("supersede events: %w", err)
	}
	return nil
}

func rewriteSubjects(tx *gorm.DB, keys []subjectKey, data func(subjectKey) string) error {
	if len(keys) == 0 {
		return nil
	}
	sel, args := keysSelect(keys, func(k subjectKey) []any { return []any{data(k)} }, "data")
	err := tx.Exec(`UPDATE room_events SET data = k.data FROM (`+sel+`) AS k
WHERE room_events.subject <> '' AND room_events.room = k.room AND room_events.audience = k.audience
  AND room_events.subject = k.subject AND room_events.supersede = 'rewrite'`, args...).Error
	if err != nil {
		return fmt.Errorf("rewrite events: %w", err)
	}
	return nil
}
