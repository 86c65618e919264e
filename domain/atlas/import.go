package atlas

import (
	"fmt"
	"slices"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ImportStatus is where an import stands: previewed -> running -> done | failed, done -> undone.
type ImportStatus string

// The states of an import.
const (
	ImportPreviewed ImportStatus = "previewed" // read and mapped, nothing written
	ImportRunning   ImportStatus = "running"   // being applied in the background
	ImportDone      ImportStatus = "done"      // applied, all of it
	ImportFailed    ImportStatus = "failed"    // not applied, none of it (Error says why)
	ImportUndone    ImportStatus = "undone"    // applied, then undone
)

// InterruptedError is the Error of an import that was still running when the server started:
// its transaction died with the process, so nothing of it was written.
const InterruptedError = "interrupted"

// Errors of the import use cases beyond the model's.
var (
	ErrNoImportFile   = kernel.New(kernel.KindMalformed, "atlas_import_no_file", "a CSV or XLSX file is required")
	ErrImportBadScope = kernel.New(kernel.KindMalformed, "atlas_import_bad_scope", "the scope is 16 or a district key")
)

// PreviewRows is how many of the file's rows a preview shows.
const PreviewRows = 20

// FileFacts are what reading the file found out about it.
type FileFacts struct {
	Delimiter string // "," or ";" for CSV, "" for XLSX
	Encoding  string // "utf-8" or "windows-1252" for CSV, "" for XLSX
	Sheet     string // the XLSX sheet read
	German    bool   // decimal commas
	Rows      int    // data rows, without the header
	Problems  int    // problems of the last preview: one or more and it cannot be applied
}

// Import is one file's import of values into a scope, with its state and counts.
type Import struct {
	ID         int64
	Scope      string // LandKey or a district key
	FileName   string
	FileHash   string // SHA-256, hex
	BlobKey    string // where the file is kept
	Status     ImportStatus
	Mapping    Mapping
	Facts      FileFacts
	Total      int64 // values to write
	Processed  int64 // values written so far
	Added      int64
	Changed    int64 // replaced with a different figure
	Removed    int64 // in the scope, not in the file
	Error      string
	CreatedBy  int64
	CreatedAt  time.Time
	FinishedAt *time.Time
}

// Remap takes a new mapping and its preview's facts; only a previewed import can be remapped.
func (im *Import) Remap(m Mapping, f FileFacts) error {
	if im.Status != ImportPreviewed {
		return fmt.Errorf("%w: an import %s cannot be mapped again", ErrImportState, im.Status)
	}
	im.Mapping, im.Facts = m, f
	return nil
}

// Start moves a previewed import without problems to running.
func (im *Import) Start() error {
	if im.Status != ImportPreviewed {
		return fmt.Errorf("%w: an import %s cannot be applied", ErrImportState, im.Status)
	}
	if im.Facts.Problems > 0 {
		return fmt.Errorf("%w: %d problems", ErrImportProblems, im.Facts.Problems)
	}
	im.Status = ImportRunning
	return nil
}

// Finish records a running import as done with what it changed.
func (im *Import) Finish(c ImportCounts, at time.Time) {
	im.Status, im.Added, im.Changed, im.Removed = ImportDone, c.Added, c.Changed, c.Removed
	im.Processed, im.FinishedAt = im.Total, &at
}

// Fail records a running import as failed: nothing of it was written.
func (im *Import) Fail(reason string, at time.Time) {
	im.Status, im.Error, im.Processed, im.FinishedAt = ImportFailed, reason, 0, &at
}

// Undo moves a done import to undone; whether it is the newest of its values the store decides.
func (im *Import) Undo() error {
	if im.Status != ImportDone {
		return fmt.Errorf("%w: an import %s cannot be undone", ErrImportState, im.Status)
	}
	im.Status = ImportUndone
	return nil
}

// ImportCounts are what an apply changed.
type ImportCounts struct {
	Added, Changed, Removed int64
}

// Period is one indicator and year.
type Period struct {
	Indicator string
	Year      int
}

// ImportScope is what a re-import replaces: every value of its periods in its areas. The areas
// of the Land's scope are the Land and the districts; those of a district's scope are the
// district and its social areas, so two districts' imports never touch each other's values.
type ImportScope struct {
	District string   // "" for the Land's scope
	Levels   []Level  // the levels of the scope's areas
	Periods  []Period // sorted
}

// ScopeOf returns the scope of an import for scope key (LandKey or a district key) with the
// values of its file.
func ScopeOf(scope string, values []Value) ImportScope {
	s := ImportScope{Levels: []Level{LevelLand, LevelDistrict}}
	if scope != LandKey {
		s = ImportScope{District: scope, Levels: []Level{LevelDistrict, LevelArea}}
	}
	seen := map[Period]bool{}
	for _, v := range values {
		p := Period{v.Indicator, v.Year}
		if !seen[p] {
			seen[p] = true
			s.Periods = append(s.Periods, p)
		}
	}
	slices.SortFunc(s.Periods, func(a, b Period) int {
		if a.Indicator != b.Indicator {
			if a.Indicator < b.Indicator {
				return -1
			}
			return 1
		}
		return a.Year - b.Year
	})
	return s
}

// Covers reports whether the area lies in the scope's areas.
func (s ImportScope) Covers(k AreaKey) bool {
	if !slices.Contains(s.Levels, k.Level()) {
		return false
	}
	return s.District == "" || k.District() == s.District
}

// ValidScope checks a scope key: LandKey or a district's 5-digit key.
func ValidScope(scope string) error {
	if l := AreaKey(scope).Level(); l != LevelLand && l != LevelDistrict {
		return fmt.Errorf("%w: %q", ErrImportBadScope, scope)
	}
	return nil
}

// CanApply reports whether the import may be applied: previewed without problems.
func (im Import) CanApply() bool { return im.Status == ImportPreviewed && im.Facts.Problems == 0 }

// CanUndo reports whether the import may be undone as far as its state goes; whether a later
// import touched its values is found out when undoing.
func (im Import) CanUndo() bool { return im.Status == ImportDone }
