package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

type outboxRow struct {
	ID        int64 `gorm:"primaryKey"`
	Room      string
	Audience  string
	Type      string
	Data      string
	Subject   string
	Supersede string
	CreatedAt time.Time
}

func (outboxRow) TableName() string { return "outbox" }

type relayedRow struct {
	ID        int64 `gorm:"primaryKey"`
	Room      string
	Seq       int64
	Audience  string
	Type      string
	Data      string
	Subject   string
	Supersede string
	CreatedAt time.Time
}

func (relayedRow) TableName() string { return "room_events" }

// relayBatch bounds one relay transaction; a full batch is followed by the next at once.
const relayBatch = 500

// relayGather is how long the relay waits after a commit woke it.
const relayGather = 2 * time.Millisecond

// relayLock is the advisory lock that makes one relay at a time number the events on
// PostgreSQL, whichever instance runs it; numbering in outbox order keeps each room's order.
const relayLock = 0x7e11ab

// maxRoomLen bounds a room name: a notification carries it and must stay below PostgreSQL's
// 8,000-byte NOTIFY limit.
const maxRoomLen = 256

// ErrEvent reports an event that cannot be stored (no room, no type, data that is not JSON).
var ErrEvent = errors.New("store: invalid live event")

// Outbox is kernel.Outbox on the database, and the relay that numbers committed events per room
// and announces them. Why an outbox and a relay: a change and its events must commit together,
// but numbering inside the change's transaction would lock the room's counter through the
// commit's flush, so all writes to one room would commit one at a time. The outbox insert locks
// nothing others wait for; the relay numbers many events in one short transaction.
type Outbox struct {
	db        *DB
	log       *slog.Logger
	published func(room string, seq int64)
	deliver   func(events []realtime.Event) // nil: none; see DeliverTo
	wake      chan struct{}
	every     time.Duration
	// failAt, for tests, fails a relay at a named step ("numbered", "inserted").
	failAt func(step string) error
}

// NewOutbox returns the outbox; published is told of each room's newest relayed event (nil:
// nobody listens, as while seeding). Run relays.
func NewOutbox(db *DB, log *slog.Logger, published func(room string, seq int64)) *Outbox {
	if published == nil {
		published = func(string, int64) {}
	}
	o := &Outbox{db: db, log: log, published: published, wake: make(chan struct{}, 1), every: time.Second}
	kick := o.Kick
	db.relay.Store(&kick)
	return o
}

var _ kernel.Outbox = (*Outbox)(nil)

// DeliverTo hands every relayed batch, once committed and before published is told, to deliver
// (Broker.Deliver): the events as numbered and stored, so this instance's broker can fan them out
// without reading them back. deliver must not block; the announcements still follow, for other
// instances and for whatever deliver dropped. Call it before Run.
func (o *Outbox) DeliverTo(deliver func(events []realtime.Event)) { o.deliver = deliver }

// Emit implements kernel.Outbox: the events are inserted in the transaction of ctx, in one
// statement, and the relay is woken once it commits.
func (o *Outbox) Emit(ctx context.Context, events ...kernel.Event) error {
	if len(events) == 0 {
		return nil
	}
	rows, err := outboxRows(events)
	if err != nil {
		return err
	}
	// One INSERT is atomic: outside a transaction gorm's own around it would be two more trips.
	if err := conn(ctx, o.db.Gorm).Session(&gorm.Session{SkipDefaultTransaction: true}).Create(&rows).Error; err != nil {
		return fmt.Errorf("store events: %w", err)
	}
	afterCommit(ctx, o.Kick)
	return nil
}

// outboxRows encodes events as outbox rows.
func outboxRows(events []kernel.Event) ([]outboxRow, error) {
	rows := make([]outboxRow, len(events))
	now := time.Now().UTC()
	for i, e := range events {
		if e.Room == "" || len(e.Room) > maxRoomLen || !utf8.ValidString(e.Room) || e.Type == "" {
			return nil, fmt.Errorf("%w: room %q, type %q", ErrEvent, e.Room, e.Type)
		}
		switch {
		case e.Supersede == kernel.Standalone && e.Subject == "":
		case (e.Supersede == kernel.Rewrite || e.Supersede == kernel.Replace) && e.Subject != "":
		default:
			return nil, fmt.Errorf("%w: %s must name its subject and how it supersedes (%q, %q)", ErrEvent, e.Type, e.Subject, e.Supersede)
		}
		data, err := json.Marshal(e.Data)
		if err != nil {
			return nil, fmt.Errorf("%w: %s data: %v", ErrEvent, e.Type, err)
		}
		rows[i] = outboxRow{Room: e.Room, Audience: e.Audience, Type: e.Type, Data: string(data), Subject: e.Subject, Supersede: string(e.Supersede), CreatedAt: now}
		if rows[i].Audience == "" {
			rows[i].Audience = kernel.AudienceEveryone
		}
	}
	return rows, nil
}

// Kick wakes the relay without waiting.
func (o *Outbox) Kick() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// Run relays until ctx ends: at once when woken by a commit of this instance, and every second
// for events that another instance committed but did not relay (it stopped, or a relay failed).
func (o *Outbox) Run(ctx context.Context) {
	t := time.NewTicker(o.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-o.wake:
			// A moment's wait gathers the commits of concurrent writers into one relay batch:
			// one transaction instead of many, for a delay nobody watching notices.
			select {
			case <-ctx.Done():
				return
			case <-time.After(relayGather):
			}
		case <-t.C:
		}
		for {
			n, err := o.Relay(ctx)
			if err != nil {
				if ctx.Err() == nil {
					o.log.Warn("outbox: relay failed, retrying", "err", err)
				}
				break
			}
			if n < relayBatch {
				break
			}
		}
	}
}

// Relay moves up to one batch of committed events from the outbox into room_events, numbered per
// room in outbox order, in one transaction, and announces each room's newest number after it
// commits. It returns how many it moved; 0 also when another relay holds the lock.
func (o *Outbox) Relay(ctx context.Context) (int, error) {
	last := map[string]int64{}
	var moved int
	var relayed []relayedRow
	err := o.db.Gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if o.db.Dialect == Postgres {
			// The relay's commit need not wait for the disk: lost in a crash, it takes its delete
			// from the outbox with it, so the next relay moves the same rows again, in the same
			// order, to the same numbers (the counters rolled back too): nothing is lost, nothing
			// is doubled, and the changes themselves were committed durably before.
			if err := tx.Exec("SET LOCAL synchronous_commit TO OFF").Error; err != nil {
				return err
			}
			var locked bool
			if err := tx.Raw("SELECT pg_try_advisory_xact_lock(?)", relayLock).Scan(&locked).Error; err != nil {
				return err
			}
			if !locked {
				return nil
			}
		}
		var rows []outboxRow
		err := tx.Raw("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT ?) RETURNING id, room, audience, type, data, subject, supersede, created_at", relayBatch).
			Scan(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		slices.SortFunc(rows, func(a, b outboxRow) int { return int(a.ID - b.ID) })
		moved = len(rows)
		if rows, err = supersede(tx, rows); err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		count := map[string]int64{}
		for _, r := range rows {
			count[r.Room]++
		}
		// Counters are advanced in a fixed order, so two relays (on SQLite, or without the lock)
		// could never deadlock on them.
		rooms := make([]string, 0, len(count))
		for r := range count {
			rooms = append(rooms, r)
		}
		slices.Sort(rooms)
		next := map[string]int64{}
		for _, room := range rooms {
			var end int64
			if err := tx.Raw(`INSERT INTO room_sequences (room, last_seq) VALUES (?, ?)
ON CONFLICT (room) DO UPDATE SET last_seq = room_sequences.last_seq + excluded.last_seq RETURNING last_seq`, room, count[room]).
				Scan(&end).Error; err != nil {
				return fmt.Errorf("number events of %s: %w", room, err)
			}
			next[room], last[room] = end-count[room]+1, end
		}
		if err := o.fail("numbered"); err != nil {
			return err
		}
		events := make([]relayedRow, len(rows))
		for i, r := range rows {
			events[i] = relayedRow{Room: r.Room, Seq: next[r.Room], Audience: r.Audience, Type: r.Type, Data: r.Data,
				Subject: r.Subject, Supersede: r.Supersede, CreatedAt: r.CreatedAt}
			next[r.Room]++
		}
		if err := tx.CreateInBatches(&events, 200).Error; err != nil {
			return fmt.Errorf("store relayed events: %w", err)
		}
		relayed = events
		return o.fail("inserted")
	})
	if err != nil {
		return 0, err
	}
	if o.deliver != nil && len(relayed) > 0 {
		out := make([]realtime.Event, len(relayed))
		for i, r := range relayed {
			out[i] = realtime.Event{Room: r.Room, Seq: r.Seq, Type: r.Type, Data: json.RawMessage(r.Data), Audience: r.Audience,
				Supersedes: supersedes(r.Supersede)}
		}
		o.deliver(out)
	}
	for room, seq := range last {
		o.published(room, seq)
	}
	return moved, nil
}

func (o *Outbox) fail(step string) error {
	if o.failAt == nil {
		return nil
	}
	return o.failAt(step)
}
