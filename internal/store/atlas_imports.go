package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

type atlasImportRow struct {
	ID          int64 `gorm:"primaryKey"`
	DistrictKey string
	FileName    string
	FileHash    string
	BlobKey     string
	Status      string
	Mapping     string
	Summary     string
	Total       int64
	Processed   int64
	Added       int64
	Changed     int64
	Removed     int64
	Error       string
	CreatedBy   *int64
	CreatedAt   time.Time
	FinishedAt  *time.Time
}

func (atlasImportRow) TableName() string { return "atlas_imports" }

func importRow(im atlas.Import) (atlasImportRow, error) {
	m, err := json.Marshal(im.Mapping)
	if err != nil {
		return atlasImportRow{}, err
	}
	f, err := json.Marshal(im.Facts)
	if err != nil {
		return atlasImportRow{}, err
	}
	r := atlasImportRow{ID: im.ID, DistrictKey: im.Scope, FileName: im.FileName, FileHash: im.FileHash, BlobKey: im.BlobKey,
		Status: string(im.Status), Mapping: string(m), Summary: string(f), Total: im.Total, Processed: im.Processed,
		Added: im.Added, Changed: im.Changed, Removed: im.Removed, Error: im.Error, CreatedAt: im.CreatedAt.UTC(), FinishedAt: im.FinishedAt}
	if im.CreatedBy != 0 {
		r.CreatedBy = &im.CreatedBy
	}
	return r, nil
}

func (r atlasImportRow) toDomain() (atlas.Import, error) {
	im := atlas.Import{ID: r.ID, Scope: r.DistrictKey, FileName: r.FileName, FileHash: r.FileHash, BlobKey: r.BlobKey,
		Status: atlas.ImportStatus(r.Status), Total: r.Total, Processed: r.Processed, Added: r.Added, Changed: r.Changed,
		Removed: r.Removed, Error: r.Error, CreatedAt: r.CreatedAt.UTC(), FinishedAt: r.FinishedAt}
	if r.CreatedBy != nil {
		im.CreatedBy = *r.CreatedBy
	}
	if err := json.Unmarshal([]byte(r.Mapping), &im.Mapping); err != nil {
		return atlas.Import{}, fmt.Errorf("import %d: stored mapping: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(r.Summary), &im.Facts); err != nil {
		return atlas.Import{}, fmt.Errorf("import %d: stored facts: %w", r.ID, err)
	}
	return im, nil
}

// AtlasImports is the gorm implementation of atlas.ImportStore. On PostgreSQL an import's values
// go in with COPY on the connection of its transaction; on SQLite in batched multi-row inserts.
type AtlasImports struct {
	db *DB
	// progress holds running imports' progress on SQLite, where nothing can be written outside
	// the import's transaction while it holds the only write lock; SQLite is one instance.
	progress sync.Map // int64 -> int64
}

// NewAtlasImports returns the import store on db.
func NewAtlasImports(db *DB) *AtlasImports { return &AtlasImports{db: db} }

var _ atlas.ImportStore = (*AtlasImports)(nil)

// InsertImport implements atlas.ImportStore.
func (s *AtlasImports) InsertImport(ctx context.Context, im atlas.Import) (atlas.Import, error) {
	r, err := importRow(im)
	if err != nil {
		return atlas.Import{}, err
	}
	r.ID = 0
	if err := conn(ctx, s.db.Gorm).Create(&r).Error; err != nil {
		return atlas.Import{}, translate(err, atlas.ErrInvalid)
	}
	im.ID = r.ID
	return im, nil
}

// Import implements atlas.ImportStore.
func (s *AtlasImports) Import(ctx context.Context, id int64) (atlas.Import, error) {
	var r atlasImportRow
	err := conn(ctx, s.db.Gorm).Take(&r, "id = ?", id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return atlas.Import{}, atlas.ErrImportNotFound
	}
	if err != nil {
		return atlas.Import{}, err
	}
	if p, ok := s.progress.Load(id); ok && r.Status == string(atlas.ImportRunning) {
		r.Processed = p.(int64)
	}
	return r.toDomain()
}

// Imports implements atlas.ImportStore.
func (s *AtlasImports) Imports(ctx context.Context, scope string, limit int) ([]atlas.Import, error) {
	var rows []atlasImportRow
	if err := conn(ctx, s.db.Gorm).Where("district_key = ?", scope).Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]atlas.Import, 0, len(rows))
	for _, r := range rows {
		if p, ok := s.progress.Load(r.ID); ok && r.Status == string(atlas.ImportRunning) {
			r.Processed = p.(int64)
		}
		im, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, nil
}

// UpdateImport implements atlas.ImportStore.
func (s *AtlasImports) UpdateImport(ctx context.Context, im atlas.Import, from atlas.ImportStatus) error {
	r, err := importRow(im)
	if err != nil {
		return err
	}
	res := conn(ctx, s.db.Gorm).Model(&atlasImportRow{}).Where("id = ? AND status = ?", im.ID, string(from)).
		Select("status", "mapping", "summary", "total", "processed", "added", "changed", "removed", "error", "finished_at").
		Updates(&r)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%w: import %d is no longer %s", atlas.ErrImportState, im.ID, from)
	}
	if im.Status != atlas.ImportRunning {
		s.progress.Delete(im.ID)
	}
	return nil
}

// importLockClass is the first key of the advisory lock an import's transaction holds on
// PostgreSQL ("atls"); the second is the import's id.
const importLockClass = 0x61746c73

// FailRunning implements atlas.ImportStore. On PostgreSQL an import still applied by another
// instance holds its advisory lock, so only imports whose lock is free are marked.
func (s *AtlasImports) FailRunning(ctx context.Context, reason string, at time.Time) (int64, error) {
	q := conn(ctx, s.db.Gorm).Model(&atlasImportRow{}).Where("status = ?", string(atlas.ImportRunning))
	if s.db.Dialect == Postgres {
		q = q.Where("pg_try_advisory_xact_lock(?, id::int)", importLockClass)
	}
	res := q.Updates(map[string]any{"status": string(atlas.ImportFailed), "error": reason, "processed": 0, "finished_at": at.UTC()})
	return res.RowsAffected, res.Error
}

// setProgress records a running import's progress outside its transaction: on PostgreSQL in its
// row through the pool (so every instance's readers see it), on SQLite in memory.
func (s *AtlasImports) setProgress(ctx context.Context, id, processed int64) {
	if s.db.Dialect != Postgres {
		s.progress.Store(id, processed)
		return
	}
	// A failed progress write only makes the bar lag; the import goes on.
	_ = s.db.Gorm.WithContext(context.WithoutCancel(ctx)).Model(&atlasImportRow{}).
		Where("id = ? AND status = ?", id, string(atlas.ImportRunning)).Update("processed", processed).Error
}

// bulkKey carries the dedicated connection of InImportTx, through which COPY reaches pgx.
type bulkKey struct{}

// InImportTx implements atlas.ImportStore: on PostgreSQL the transaction runs on a connection of
// its own, so that ApplyValues can COPY on it through pgx; the context carries it as InTx's
// does, so every store of this package joins it and runs its after-commit hooks. Inside a
// transaction already (or on SQLite) it is InTx.
func (s *AtlasImports) InImportTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if inTx(ctx) || s.db.Dialect != Postgres {
		return s.db.InTx(ctx, fn)
	}
	c, err := s.db.SQL.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	g := s.db.Gorm.WithContext(ctx)
	g.Statement.ConnPool = c
	st := &txState{}
	err = g.Transaction(func(tx *gorm.DB) error {
		st.tx = tx
		return fn(context.WithValue(context.WithValue(ctx, txKey{}, st), bulkKey{}, c))
	})
	if err != nil {
		return err
	}
	for _, f := range st.afterCommit {
		f()
	}
	return nil
}

// bulkConn is the dedicated connection of InImportTx in ctx, or nil.
func bulkConn(ctx context.Context) *sql.Conn {
	c, _ := ctx.Value(bulkKey{}).(*sql.Conn)
	return c
}
