package migrations_test

import (
	"io/fs"
	"regexp"
	"slices"
	"testing"

	"github.com/teilhabe/teilhabe/migrations"
)

var versioned = regexp.MustCompile(`^(\d{5})_[a-z0-9_]+\.sql$`)

func versions(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		m := versioned.FindStringSubmatch(e.Name())
		if m == nil {
			t.Errorf("%s: not NNNNN_name.sql", e.Name())
			continue
		}
		out = append(out, m[1])
	}
	return out
}

// TestBothDialectsCarryTheSameVersions: a version must mean the same schema on both databases.
func TestBothDialectsCarryTheSameVersions(t *testing.T) {
	pg, lite := versions(t, migrations.Postgres()), versions(t, migrations.SQLite())
	if len(pg) == 0 {
		t.Fatal("no migrations")
	}
	if !slices.Equal(pg, lite) {
		t.Errorf("postgres versions %v != sqlite versions %v", pg, lite)
	}
	for i, v := range pg {
		if i > 0 && v == pg[i-1] {
			t.Errorf("version %s twice", v)
		}
	}
}
