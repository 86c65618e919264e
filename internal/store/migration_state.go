package store

import "time"

// MigrationState is one line of `teilhabe migrate status`.
type MigrationState struct {
	Version   int64
	File      string
	Applied   bool
	AppliedAt time.Time
}
