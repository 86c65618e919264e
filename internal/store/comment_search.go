package store

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"
)

// searchCandidates is how many matches of one consultation a search collects by id. A term with
// at most this many matches is rare: its page is read from those ids, whatever the thread's size.
// A term with more is frequent: walking the page index finds a page of matches after about
// limit × thread ÷ matches rows, at most a few thousand, so both ways stay cheap. Neither way
// alone is: the walk visits the whole thread for a term that hardly occurs, and reading every
// match of a term that occurs everywhere visits the whole thread too.
const searchCandidates = 1000

// matchSearch narrows a comment list of one consultation to the comments matching what a person
// typed (tx unchanged when search is blank). found is false when nothing can match, so that the
// caller answers an empty page without asking the database again.
func matchSearch(db, tx *gorm.DB, consultationID int64, search string) (_ *gorm.DB, found bool, _ error) {
	if strings.TrimSpace(search) == "" {
		return tx, true, nil
	}
	var candidates *gorm.DB // the consultation's matching ids, in no particular order
	var match string        // the same test, on one row of the page query
	var arg string
	if db.Dialector.Name() == "postgres" {
		arg = search
		match = "comments.search_vector @@ plainto_tsquery('german', ?)"
	} else {
		if arg = ftsQuery(search); arg == "" {
			return tx, false, nil
		}
		// Not a test per row: FTS5 merges the whole posting list of a prefix term for every MATCH,
		// about 10 ms each, so a frequent term still reads its list of matches once per page.
		match = "comments.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)"
		candidates = db.Table("comments_fts").Joins("JOIN comments ON comments.id = comments_fts.rowid").
			Where("comments_fts MATCH ? AND comments.consultation_id = ?", arg, consultationID)
	}
	var ids []int64
	var err error
	if candidates == nil {
		ids, err = pgCandidates(db, consultationID, search)
	} else {
		err = candidates.Limit(searchCandidates+1).Pluck("comments.id", &ids).Error
	}
	if err != nil {
		return tx, false, fmt.Errorf("search comments: %w", err)
	}
	switch {
	case len(ids) == 0:
		return tx, false, nil
	case len(ids) <= searchCandidates:
		return tx.Where("comments.id IN ?", ids), true, nil
	}
	return tx.Where(match, arg), true, nil
}

// pgCandidates collects up to searchCandidates+1 matching ids of one consultation on PostgreSQL.
// It runs as an unnamed statement (QueryExecModeExec), planned for the term it carries: pgx would
// otherwise prepare it once per connection, and after five runs PostgreSQL may switch to a generic
// plan that cannot tell a rare term (read the GIN index) from a frequent one (read the table until
// the limit); measured, the generic plan made every frequent-term search take 30 ms instead of 1.
func pgCandidates(db *gorm.DB, consultationID int64, search string) ([]int64, error) {
	rows, err := db.Statement.ConnPool.QueryContext(db.Statement.Context,
		"SELECT id FROM comments WHERE consultation_id = $1 AND search_vector @@ plainto_tsquery('german', $2) LIMIT $3",
		pgx.QueryExecModeExec, consultationID, search, searchCandidates+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ftsQuery turns what a person typed into an FTS5 query of prefix terms, so "Spielplatz"
// also finds "Spielplätze"; quoting each term keeps FTS5 operators out of people's hands.
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)
		if len(r) > 5 {
			r = r[:len(r)-2] // a crude stem: German inflections live in the last letters
		}
		terms = append(terms, `"`+string(r)+`"*`)
	}
	return strings.Join(terms, " ")
}
