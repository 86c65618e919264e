package store_test

import (
	"log/slog"
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
