// Package migrations embeds the goose SQL migrations, one folder per dialect. Both folders carry
// the same version numbers (migrations_test.go checks it), so a schema version means the same on
// SQLite and on PostgreSQL.
package migrations

import (
	"embed"
	"io/fs"
)

//go:embed postgres/*.sql sqlite/*.sql
var files embed.FS

// Postgres holds the PostgreSQL migrations.
func Postgres() fs.FS { return sub("postgres") }

// SQLite holds the SQLite migrations.
func SQLite() fs.FS { return sub("sqlite") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the embedded folders exist at compile time
	}
	return f
}
