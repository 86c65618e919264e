package atlas

import (
	"context"
	"time"
)

// ImportStore keeps imports: their files' facts, mappings and progress, and the values they
// replaced, so that they can be undone. Rows and queries, no rule: the service decides which
// state follows which and what a scope covers.
type ImportStore interface {
	// InsertImport stores a new import and returns it with its id.
	InsertImport(ctx context.Context, im Import) (Import, error)
	// Import reads one import (ErrImportNotFound), with the progress of a running one.
	Import(ctx context.Context, id int64) (Import, error)
	// Imports lists the imports of a scope, newest first, at most limit.
	Imports(ctx context.Context, scope string, limit int) ([]Import, error)
	// UpdateImport saves an import's state, mapping, facts, counts and error if it is still in
	// the state from; otherwise (someone else moved it) ErrImportState.
	UpdateImport(ctx context.Context, im Import, from ImportStatus) error
	// InImportTx runs fn in one transaction, as kernel.Transactor.InTx does, in which
	// ApplyValues can bulk load.
	InImportTx(ctx context.Context, fn func(ctx context.Context) error) error
	// ApplyValues replaces every value of the scope with vs (written with import id), keeping
	// each value it replaced or removed for an undo, and counts what changed. It records its
	// progress outside the transaction, so that Import shows it to others while it runs.
	ApplyValues(ctx context.Context, id int64, scope ImportScope, vs []Value) (ImportCounts, error)
	// TouchedLater reports whether a value the import wrote, replaced or removed has been
	// written since by another import or removed by one.
	TouchedLater(ctx context.Context, id int64) (bool, error)
	// UndoValues deletes the values the import wrote and restores those it replaced or
	// removed; it returns the periods it touched.
	UndoValues(ctx context.Context, id int64) ([]Period, error)
	// FailRunning marks every running import failed with the reason and returns how many.
	FailRunning(ctx context.Context, reason string, at time.Time) (int64, error)
}

// ImportTable is an import file read into cells, with what reading it found out.
type ImportTable struct {
	Header []string
	Rows   [][]string
	Facts  FileFacts // Problems is left 0 by the reader
}

// ImportReader reads a CSV or XLSX file into a table (internal/atlasimport, composed in
// internal/app): the domain holds no file format.
type ImportReader func(fileName string, data []byte) (ImportTable, error)
