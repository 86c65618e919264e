package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// eventRow is one stored event of a room (see realtime.Event).
type eventRow struct {
	ID        int64 `gorm:"primaryKey"`
	Room      string
	Seq       int64
	Type      string
	Data      string
	Audience  string
	Subject   string
	Supersede string
	CreatedAt time.Time
}

func (eventRow) TableName() string { return "room_events" }

type sequenceRow struct {
	Room    string `gorm:"primaryKey"`
	LastSeq int64
}

func (sequenceRow) TableName() string { return "room_sequences" }

// nextSeq works on both databases (SQLite has had upsert and RETURNING since 3.35). On PostgreSQL
// the conflicting update row-locks the counter until the transaction ends, so a concurrent append
// to the same room waits and then reads the committed value: numbers are consecutive, and a room's
// events commit in sequence order, which is what lets readers treat "seq > last" as complete.
const nextSeq = `INSERT INTO room_sequences (room, last_seq) VALUES (?, 1)
ON CONFLICT (room) DO UPDATE SET last_seq = room_sequences.last_seq + 1
RETURNING room, last_seq`

// AppendEvent is for the real-time layer's own tests and benchmarks, which need events without a
// change behind them: use cases never call it, they emit through the Outbox, whose relay numbers
// events and applies their supersede rules.
//
// AppendEvent stores an event for audience (realtime.Everyone, realtime.Moderators,
// realtime.OrgAudience, realtime.UserAudience) in the caller's transaction tx, assigning the
// room's next sequence number. A rolled-back transaction takes its number back with it, so
// sequences stay gapless in storage (a person outside the audience sees a gap, which clients
// tolerate). The caller calls Broker.Published after its transaction commits. A transaction that
// appends to several rooms should visit them in a fixed order, because each room's counter stays
// locked until the transaction ends.
func AppendEvent(tx *gorm.DB, room, audience, typ string, data any) (realtime.Event, error) {
	if err := realtime.CheckEvent(room, audience, typ); err != nil {
		return realtime.Event{}, err
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return realtime.Event{}, fmt.Errorf("store: encode %s data: %w", typ, err)
	}
	var counter sequenceRow
	if err := tx.Raw(nextSeq, room).Scan(&counter).Error; err != nil {
		return realtime.Event{}, fmt.Errorf("store: next sequence of %s: %w", room, err)
	}
	if counter.LastSeq < 1 {
		return realtime.Event{}, fmt.Errorf("store: next sequence of %s: none returned", room)
	}
	row := eventRow{Room: room, Seq: counter.LastSeq, Type: typ, Data: string(raw), Audience: audience, Supersede: string(kernel.Standalone)}
	if err := tx.Create(&row).Error; err != nil {
		return realtime.Event{}, fmt.Errorf("store: store event of %s: %w", room, err)
	}
	return realtime.Event{Room: room, Seq: row.Seq, Type: typ, Data: raw, Audience: audience}, nil
}

// Events is the stored event log as the real-time broker reads it (realtime.Log).
type Events struct{ db *gorm.DB }

// NewEvents returns the event log of db.
func NewEvents(db *DB) *Events { return &Events{db: db.Gorm} }

var _ realtime.Log = (*Events)(nil)

// defaultEventPage is Since's page when the caller names none.
const defaultEventPage = 128

// Since returns the room's events with seq > after, in order, at most limit (below 1: 128), of
// every audience, each marked Supersedes when it rewrote or deleted earlier ones.
func (e *Events) Since(ctx context.Context, room string, after int64, limit int) ([]realtime.Event, error) {
	if limit < 1 {
		limit = defaultEventPage
	}
	var rows []eventRow
	err := e.db.WithContext(ctx).Where("room = ? AND seq > ?", room, after).Order("seq").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: events of %s since %d: %w", room, after, err)
	}
	out := make([]realtime.Event, len(rows))
	for i, r := range rows {
		out[i] = realtime.Event{Room: r.Room, Seq: r.Seq, Type: r.Type, Data: json.RawMessage(r.Data), Audience: r.Audience,
			Supersedes: supersedes(r.Supersede)}
	}
	return out, nil
}

// supersedes tells the broker that an event may have rewritten or deleted earlier stored events
// of its room (see supersede), so that it replays nothing it kept in memory from before it. That
// is every event with a subject: a Standalone event is never changed by a later one.
func supersedes(rule string) bool {
	return kernel.Supersede(rule) == kernel.Rewrite || kernel.Supersede(rule) == kernel.Replace
}

// LastSeq returns the room's newest committed sequence (0 for a room without events). The
// counter row commits with the events it numbered, so it is never ahead of what Since can read.
func (e *Events) LastSeq(ctx context.Context, room string) (int64, error) {
	var row sequenceRow
	err := e.db.WithContext(ctx).Where("room = ?", room).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: last sequence of %s: %w", room, err)
	}
	return row.LastSeq, nil
}
