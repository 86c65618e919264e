// Package audit records who did what to which resource, and when: every login, logout, role
// change and membership change, and every change later contexts make.
package audit

import (
	"context"
	"time"
)

// Entry is one line of the audit log.
type Entry struct {
	ID         int64
	At         time.Time
	ActorID    int64 // 0: the system or an anonymous request
	ActorName  string
	Action     string // e.g. login, logout, role.grant, membership.put
	TargetType string // e.g. user, organisation
	TargetID   string
	Details    map[string]any
}

// Store appends to and reads the audit log.
type Store interface {
	Append(ctx context.Context, e Entry) error
	// List returns up to limit entries older than the entry with id before (0: from the newest),
	// newest first.
	List(ctx context.Context, before int64, limit int) ([]Entry, error)
}
