package kernel

import "context"

// Transactor runs a use case's writes in one transaction. Stores called with the context that fn
// receives take part in that transaction, so one use case can span several stores (a weighing
// that writes a decision, a measure and the audit log commits all of them or none). A nested
// call joins the outer transaction.
type Transactor interface {
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
}
