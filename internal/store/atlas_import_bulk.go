package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// valueColumns are the columns an import writes; suppression keeps its default ” until
// disclosure control runs again in the same transaction.
var valueColumns = []string{"indicator", "year", "level", "area", "date", "district", "value", "numerator",
	"denominator", "flag", "boundary", "import_id"}

// Sizes of the pieces an apply works in.
const (
	periodChunk = 400 // periods per statement of the scope's move
	// rows per INSERT where there is no COPY: the SQLite driver binds each variable by a search
	// through all of them, so a statement's cost grows with the square of its variables.
	insertBatch    = 64
	progressStride = 50_000 // values between two progress writes
)

// keyJoin matches a change row c with a value row v.
const keyJoin = "v.indicator = c.indicator AND v.year = c.year AND v.level = c.level AND v.area = c.area AND v.date = c.date"

// ApplyValues implements atlas.ImportStore. It moves every value of the scope into the import's
// changes as "removed" and deletes it, writes the file's values (they lie in the scope and have
// distinct keys, as the domain checked, so nothing conflicts), then marks the moved values whose
// key the file has again as "changed". On an empty scope this is one COPY.
func (s *AtlasImports) ApplyValues(ctx context.Context, id int64, scope atlas.ImportScope, vs []atlas.Value) (atlas.ImportCounts, error) {
	tx := conn(ctx, s.db.Gorm)
	if err := s.lockImports(tx, id); err != nil {
		return atlas.ImportCounts{}, err
	}
	moved := int64(0)
	for start := 0; start < len(scope.Periods); start += periodChunk {
		where, args := scopeWhere(scope, scope.Periods[start:min(start+periodChunk, len(scope.Periods))])
		res := tx.Exec(`INSERT INTO atlas_value_changes (import_id, indicator, year, level, area, date, district, value,
			numerator, denominator, flag, boundary, old_import, change)
			SELECT ?, indicator, year, level, area, date, district, value, numerator, denominator, flag, boundary, import_id, 'removed'
			FROM atlas_values WHERE `+where, append([]any{id}, args...)...)
		if res.Error != nil {
			return atlas.ImportCounts{}, res.Error
		}
		moved += res.RowsAffected
		if res.RowsAffected > 0 {
			if err := tx.Exec("DELETE FROM atlas_values WHERE "+where, args...).Error; err != nil {
				return atlas.ImportCounts{}, err
			}
		}
	}
	if err := s.writeValues(ctx, tx, id, vs); err != nil {
		return atlas.ImportCounts{}, err
	}
	var c atlas.ImportCounts
	if moved > 0 {
		var n struct{ Replaced, Changed int64 }
		err := tx.Raw(`SELECT count(*) AS replaced, COALESCE(sum(CASE WHEN c.value IS DISTINCT FROM v.value OR
			c.numerator IS DISTINCT FROM v.numerator OR c.denominator IS DISTINCT FROM v.denominator OR
			c.flag <> v.flag OR c.boundary <> v.boundary THEN 1 ELSE 0 END), 0) AS changed
			FROM atlas_value_changes c JOIN atlas_values v ON `+keyJoin+` WHERE c.import_id = ?`, id).Scan(&n).Error
		if err != nil {
			return atlas.ImportCounts{}, err
		}
		if n.Replaced > 0 {
			err = tx.Exec(`UPDATE atlas_value_changes SET change = 'changed' WHERE import_id = ? AND EXISTS (
				SELECT 1 FROM atlas_values v WHERE v.indicator = atlas_value_changes.indicator AND v.year = atlas_value_changes.year
				AND v.level = atlas_value_changes.level AND v.area = atlas_value_changes.area AND v.date = atlas_value_changes.date)`, id).Error
			if err != nil {
				return atlas.ImportCounts{}, err
			}
		}
		c.Changed, c.Removed = n.Changed, moved-n.Replaced
		c.Added = int64(len(vs)) - n.Replaced
	} else {
		c.Added = int64(len(vs))
	}
	return c, nil
}

// lockImports serialises the writes of imports and undos on PostgreSQL (SQLite has one writer
// anyway): scopes overlap (the Land's and a district's share the district's values), and two
// moves of the same values at once would fail on the primary key. It also takes the import's
// own lock, by which FailRunning at another instance's start sees that it runs. Both are held
// until the transaction ends.
func (s *AtlasImports) lockImports(tx *gorm.DB, id int64) error {
	if s.db.Dialect != Postgres {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(?, 0), pg_advisory_xact_lock(?, ?)", importLockClass, importLockClass, int32(id)).Error
}

// scopeWhere is the condition of the scope's values for some of its periods.
func scopeWhere(scope atlas.ImportScope, periods []atlas.Period) (string, []any) {
	var b strings.Builder
	args := make([]any, 0, 2*len(periods)+len(scope.Levels)+1)
	b.WriteString("(indicator, year) IN (VALUES ")
	for i, p := range periods {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, CAST(? AS INTEGER))")
		args = append(args, p.Indicator, p.Year)
	}
	b.WriteString(") AND level IN ?")
	levels := make([]string, len(scope.Levels))
	for i, l := range scope.Levels {
		levels[i] = string(l)
	}
	args = append(args, levels)
	if scope.District != "" {
		b.WriteString(" AND district = ?")
		args = append(args, scope.District)
	}
	return b.String(), args
}

// writeValues inserts the values: by COPY on InImportTx's PostgreSQL connection, otherwise in
// batched multi-row inserts that replace a row with the same key.
func (s *AtlasImports) writeValues(ctx context.Context, tx *gorm.DB, id int64, vs []atlas.Value) error {
	if c := bulkConn(ctx); c != nil {
		return c.Raw(func(dc any) error {
			src := &valueSource{vs: vs, id: id, progress: func(n int64) { s.setProgress(ctx, id, n) }}
			_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{"atlas_values"}, valueColumns, src)
			return err
		})
	}
	pg := s.db.Dialect == Postgres
	full, _ := insertValues(make([]atlas.Value, insertBatch), id, pg)
	stmt, err := tx.Statement.ConnPool.PrepareContext(ctx, full)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for start := 0; start < len(vs); start += insertBatch {
		batch := vs[start:min(start+insertBatch, len(vs))]
		q, args := insertValues(batch, id, pg)
		if len(batch) == insertBatch {
			_, err = stmt.ExecContext(ctx, args...)
		} else {
			_, err = tx.Statement.ConnPool.ExecContext(ctx, q, args...)
		}
		if err != nil {
			return fmt.Errorf("write values %d-%d: %w", start+1, start+len(batch), err)
		}
		if end := start + len(batch); end%progressStride < insertBatch || end == len(vs) {
			s.setProgress(ctx, id, int64(end))
		}
	}
	return nil
}

// insertValues is one multi-row INSERT ... ON CONFLICT DO UPDATE of the batch, with the
// dialect's placeholders (it goes to the connection as it is, past gorm's parsing).
func insertValues(batch []atlas.Value, id int64, pg bool) (string, []any) {
	var b strings.Builder
	args := make([]any, 0, len(batch)*len(valueColumns))
	b.WriteString("INSERT INTO atlas_values (" + strings.Join(valueColumns, ", ") + ") VALUES ")
	for i, v := range batch {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for j := range valueColumns {
			if j > 0 {
				b.WriteByte(',')
			}
			if pg {
				b.WriteString("$" + strconv.Itoa(len(args)+j+1))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
		args = append(args, valueRow(v, id)...)
	}
	b.WriteString(` ON CONFLICT (indicator, year, level, area, date) DO UPDATE SET district = excluded.district,
		value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, flag = excluded.flag,
		boundary = excluded.boundary, suppression = '', import_id = excluded.import_id`)
	return b.String(), args
}

// valueRow is a value's cells in the order of valueColumns.
func valueRow(v atlas.Value, id int64) []any {
	return []any{v.Indicator, v.Year, string(v.Area.Level()), string(v.Area), v.Date, v.Area.District(),
		v.Value, v.Numerator, v.Denominator, string(v.Flag), v.Boundary, id}
}

// valueSource feeds COPY from the values and reports progress every progressStride rows.
type valueSource struct {
	vs       []atlas.Value
	id       int64
	i        int
	progress func(int64)
}

func (s *valueSource) Next() bool {
	s.i++
	if s.i%progressStride == 0 || s.i == len(s.vs) {
		s.progress(int64(s.i))
	}
	return s.i <= len(s.vs)
}

func (s *valueSource) Values() ([]any, error) { return valueRow(s.vs[s.i-1], s.id), nil }

func (s *valueSource) Err() error { return nil }

// TouchedLater implements atlas.ImportStore: a later done import replaced or removed a value
// this one wrote, or a value this one replaced or removed has been written again since.
func (s *AtlasImports) TouchedLater(ctx context.Context, id int64) (bool, error) {
	tx := conn(ctx, s.db.Gorm)
	if err := s.lockImports(tx, id); err != nil { // no import may write between the check and the undo
		return false, err
	}
	var n int64
	err := tx.Raw(`SELECT
		(SELECT count(*) FROM (SELECT 1 FROM atlas_value_changes c JOIN atlas_imports i ON i.id = c.import_id
			WHERE c.old_import = ? AND c.import_id <> ? AND i.status = 'done' LIMIT 1) a) +
		(SELECT count(*) FROM (SELECT 1 FROM atlas_value_changes c JOIN atlas_values v ON `+keyJoin+`
			WHERE c.import_id = ? AND (c.change = 'removed' OR v.import_id <> ?) LIMIT 1) b)`, id, id, id, id).Scan(&n).Error
	return n > 0, err
}

// UndoValues implements atlas.ImportStore.
func (s *AtlasImports) UndoValues(ctx context.Context, id int64) ([]atlas.Period, error) {
	tx := conn(ctx, s.db.Gorm)
	if err := s.lockImports(tx, id); err != nil {
		return nil, err
	}
	var ps []struct {
		Indicator string
		Year      int
	}
	err := tx.Raw(`SELECT indicator, year FROM atlas_values WHERE import_id = ?
		UNION SELECT indicator, year FROM atlas_value_changes WHERE import_id = ? ORDER BY indicator, year`, id, id).Scan(&ps).Error
	if err != nil {
		return nil, err
	}
	if err := tx.Exec("DELETE FROM atlas_values WHERE import_id = ?", id).Error; err != nil {
		return nil, err
	}
	err = tx.Exec(`INSERT INTO atlas_values (indicator, year, level, area, date, district, value, numerator, denominator,
		flag, boundary, import_id) SELECT indicator, year, level, area, date, district, value, numerator, denominator, flag,
		boundary, old_import FROM atlas_value_changes WHERE import_id = ?`, id).Error
	if err != nil {
		return nil, err
	}
	out := make([]atlas.Period, len(ps))
	for i, p := range ps {
		out[i] = atlas.Period{Indicator: p.Indicator, Year: p.Year}
	}
	return out, nil
}
