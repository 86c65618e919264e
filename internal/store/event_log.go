package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// LoggedEvent is one relayed event of a room as stored: what a websocket client receives, plus
// the audience that may receive it.
type LoggedEvent struct {
	Room     string
	Seq      int64
	Audience string
	Type     string
	Data     string
}

// EventLog reads the relayed events of rooms.
type EventLog struct{ db *gorm.DB }

// NewEventLog returns the event log on db.
func NewEventLog(db *DB) *EventLog { return &EventLog{db: db.Gorm} }

// Since returns the room's events with seq > after, in order, at most limit.
func (l *EventLog) Since(ctx context.Context, room string, after int64, limit int) ([]LoggedEvent, error) {
	var rows []relayedRow
	if err := conn(ctx, l.db).Where("room = ? AND seq > ?", room, after).Order("seq").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("events of %s since %d: %w", room, after, err)
	}
	out := make([]LoggedEvent, len(rows))
	for i, r := range rows {
		out[i] = LoggedEvent{Room: r.Room, Seq: r.Seq, Audience: r.Audience, Type: r.Type, Data: r.Data}
	}
	return out, nil
}
