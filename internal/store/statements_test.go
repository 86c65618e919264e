package store_test

import (
	"log/slog"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestStatementCounterCountsTransactionsHonestly: a transaction of one statement is three round
// trips, BEGIN and COMMIT included.
func TestStatementCounterCountsTransactionsHonestly(t *testing.T) {
	c := &store.StatementCounter{}
	db, err := store.OpenPostgresCounted(testdb.PostgresURL(t), slog.New(slog.DiscardHandler), c)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Gorm.Exec("SELECT 1").Error; err != nil {
		t.Fatal(err)
	}
	before := c.Count()
	if err := db.Gorm.Transaction(func(tx *gorm.DB) error { return tx.Exec("SELECT 1").Error }); err != nil {
		t.Fatal(err)
	}
	if n := c.Count() - before; n != 3 {
		t.Errorf("a one-statement transaction counted %d statements, want 3", n)
	}
}

// TestStatementCounterCountsOnlyWhatItIsToldTo: with Only, the statements it refuses go by
// uncounted.
func TestStatementCounterCountsOnlyWhatItIsToldTo(t *testing.T) {
	c := &store.StatementCounter{Only: func(sql string) bool { return strings.Contains(sql, "counted") }}
	db, err := store.OpenPostgresCounted(testdb.PostgresURL(t), slog.New(slog.DiscardHandler), c)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"SELECT 1 AS counted", "SELECT 2 AS other", "SELECT 3 AS counted"} {
		if err := db.Gorm.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if n := c.Count(); n != 2 {
		t.Errorf("counted %d statements, want the 2 it accepts", n)
	}
}
