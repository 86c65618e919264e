package store

import (
	"context"
	"sync"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// txKey carries the transaction of kernel.Transactor.InTx in a context.
type txKey struct{}

// txState is the running transaction and what happens after its commit.
type txState struct {
	tx          *gorm.DB
	mu          sync.Mutex
	afterCommit []func()
}

// conn returns the transaction carried by ctx, or db for ctx when there is none: every store
// method works inside a use case's transaction and outside one alike.
func conn(ctx context.Context, db *gorm.DB) *gorm.DB {
	if st, ok := ctx.Value(txKey{}).(*txState); ok {
		return st.tx
	}
	return db.WithContext(ctx)
}

// inTx reports whether ctx carries a transaction of InTx.
func inTx(ctx context.Context) bool {
	_, ok := ctx.Value(txKey{}).(*txState)
	return ok
}

// afterCommit runs fn once the transaction of ctx has committed, or at once outside one.
func afterCommit(ctx context.Context, fn func()) {
	st, ok := ctx.Value(txKey{}).(*txState)
	if !ok {
		fn()
		return
	}
	st.mu.Lock()
	st.afterCommit = append(st.afterCommit, fn)
	st.mu.Unlock()
}

// InTx implements kernel.Transactor: fn's context carries one transaction that every store of
// this package joins. A nested call joins the outer transaction instead of opening another.
func (db *DB) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*txState); ok {
		return fn(ctx)
	}
	st := &txState{}
	err := db.Gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		st.tx = tx
		st.afterCommit = st.afterCommit[:0]
		return fn(context.WithValue(ctx, txKey{}, st))
	})
	if err != nil {
		return err
	}
	for _, f := range st.afterCommit {
		f()
	}
	return nil
}

var _ kernel.Transactor = (*DB)(nil)
