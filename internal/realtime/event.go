package realtime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// MaxRoomLen bounds a room name in bytes. It keeps a notification (room and sequence as JSON, even
// with every byte escaped) far below PostgreSQL's 8,000-byte NOTIFY payload limit.
const MaxRoomLen = 256

// maxTypeLen bounds an event type; types are short dotted names such as "comment.created".
const maxTypeLen = 128

// ErrInvalidRoom reports an empty, overlong or non-printable room name.
var ErrInvalidRoom = errors.New("realtime: invalid room name")

// ErrInvalidType reports an empty or overlong event type.
var ErrInvalidType = errors.New("realtime: invalid event type")

// Event is one stored event of a room. Its JSON is exactly what a websocket client receives.
type Event struct {
	Room string          `json:"room"` // e.g. "consultation:42"
	Seq  int64           `json:"seq"`  // per-room sequence, 1, 2, 3, ... without gaps
	Type string          `json:"type"` // e.g. "comment.created"
	Data json.RawMessage `json:"data"`
}

type eventRow struct {
	ID        int64 `gorm:"primaryKey"`
	Room      string
	Seq       int64
	Type      string
	Data      string
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

// Append stores an event in the caller's transaction tx, assigning the room's next sequence
// number. A rolled-back transaction takes its number back with it, so sequences stay gapless.
// The caller calls Broker.Published after its transaction commits. A transaction that appends to
// several rooms should visit them in a fixed order, because each room's counter stays locked
// until the transaction ends.
func Append(tx *gorm.DB, room, typ string, data any) (Event, error) {
	if !validRoom(room) {
		return Event{}, ErrInvalidRoom
	}
	if typ == "" || len(typ) > maxTypeLen || !utf8.ValidString(typ) {
		return Event{}, ErrInvalidType
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return Event{}, fmt.Errorf("realtime: encode %s data: %w", typ, err)
	}
	var counter sequenceRow
	if err := tx.Raw(nextSeq, room).Scan(&counter).Error; err != nil {
		return Event{}, fmt.Errorf("realtime: next sequence of %s: %w", room, err)
	}
	if counter.LastSeq < 1 {
		return Event{}, fmt.Errorf("realtime: next sequence of %s: none returned", room)
	}
	row := eventRow{Room: room, Seq: counter.LastSeq, Type: typ, Data: string(raw)}
	if err := tx.Create(&row).Error; err != nil {
		return Event{}, fmt.Errorf("realtime: store event of %s: %w", room, err)
	}
	return Event{Room: room, Seq: row.Seq, Type: typ, Data: raw}, nil
}

// Since returns the room's events with seq > after, in order, at most limit (below 1: 128).
func Since(ctx context.Context, db *gorm.DB, room string, after int64, limit int) ([]Event, error) {
	if limit < 1 {
		limit = defaultPage
	}
	var rows []eventRow
	err := db.WithContext(ctx).Where("room = ? AND seq > ?", room, after).Order("seq").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("realtime: events of %s since %d: %w", room, after, err)
	}
	out := make([]Event, len(rows))
	for i, r := range rows {
		out[i] = Event{Room: r.Room, Seq: r.Seq, Type: r.Type, Data: json.RawMessage(r.Data)}
	}
	return out, nil
}

// defaultPage is the page size of replays and hub reads; it stays below the default send queue,
// so one page of live events fits a healthy connection's queue.
const defaultPage = 128

// lastSeq returns the room's newest committed sequence (0 for a room without events).
func lastSeq(ctx context.Context, db *gorm.DB, room string) (int64, error) {
	var last int64
	err := db.WithContext(ctx).Model(&eventRow{}).Where("room = ?", room).Select("COALESCE(MAX(seq), 0)").Scan(&last).Error
	if err != nil {
		return 0, fmt.Errorf("realtime: last sequence of %s: %w", room, err)
	}
	return last, nil
}

// validRoom accepts 1..MaxRoomLen bytes of printable UTF-8, so a room name is safe in a NOTIFY
// payload and in logs.
func validRoom(room string) bool {
	if room == "" || len(room) > MaxRoomLen || !utf8.ValidString(room) {
		return false
	}
	for _, r := range room {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}
