package realtime_test

import (
	"slices"
	"sync"
	"testing"

	"gorm.io/gorm/schema"

	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestRowsMatchMigratedSchema keeps the gorm row types honest about the migrations, which own the
// schema: every field has a column and every column a field, on both databases (the same check
// as store.SchemaMismatches, for the row types of this package).
func TestRowsMatchMigratedSchema(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		for _, row := range realtime.RowTypes {
			s, err := schema.Parse(row, &sync.Map{}, db.Gorm.NamingStrategy)
			if err != nil {
				t.Fatal(err)
			}
			cols, err := db.Gorm.Migrator().ColumnTypes(row)
			if err != nil {
				t.Fatalf("%s: %v", s.Table, err)
			}
			var inDB []string
			for _, c := range cols {
				inDB = append(inDB, c.Name())
			}
			if len(inDB) == 0 {
				t.Errorf("table %s does not exist", s.Table)
			}
			for _, f := range s.Fields {
				if f.DBName != "" && !slices.Contains(inDB, f.DBName) {
					t.Errorf("%s.%s has no column in the migrated schema", s.Table, f.DBName)
				}
			}
			for _, c := range inDB {
				if s.LookUpField(c) == nil {
					t.Errorf("column %s.%s is not mapped by the gorm model", s.Table, c)
				}
			}
		}
	})
}
