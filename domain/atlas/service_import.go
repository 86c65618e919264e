package atlas

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// HistoryLimit is how many imports a scope's history lists.
const HistoryLimit = 100

// ImportFile is an uploaded file for a scope (LandKey or a district key).
type ImportFile struct {
	Scope    string
	FileName string
	Data     []byte // nil: no file was sent
}

// ImportPreview is what an import would write: the proposed (or chosen) mapping, the file's
// first rows and every problem. With problems it cannot be applied.
type ImportPreview struct {
	Import   Import
	Header   []string
	Sample   [][]string // the first PreviewRows rows
	Problems []Problem
	Values   int // values the file gives with this mapping
}

// PreviewImport reads a file for a scope the person may import for, proposes a mapping, keeps
// the file and returns the preview. Nothing is written to the atlas.
func (s *Service) PreviewImport(ctx context.Context, who identity.Principal, f ImportFile) (ImportPreview, error) {
	if err := kernel.Allow(who.Anonymous(), CanImport(who, f.Scope)); err != nil {
		return ImportPreview{}, err
	}
	if err := ValidScope(f.Scope); err != nil {
		return ImportPreview{}, err
	}
	if f.Data == nil {
		return ImportPreview{}, ErrNoImportFile
	}
	if len(f.Data) > MaxImportBytes {
		return ImportPreview{}, fmt.Errorf("%w: more than %d MiB", ErrFileTooLarge, MaxImportBytes>>20)
	}
	t, err := s.read(f.FileName, f.Data)
	if err != nil {
		return ImportPreview{}, err
	}
	k, err := s.known(ctx, f.Scope)
	if err != nil {
		return ImportPreview{}, err
	}
	sum := sha256.Sum256(f.Data)
	im := Import{Scope: f.Scope, FileName: f.FileName, FileHash: hex.EncodeToString(sum[:]), Status: ImportPreviewed,
		Mapping: ProposeMapping(t.Header, k), CreatedBy: who.User.ID, CreatedAt: s.now().UTC()}
	im.BlobKey = "atlas-imports/" + im.FileHash[:16] + "-" + randomSuffix()
	p := preview(t, im, k)
	if _, _, err := s.blobs.Put(ctx, im.BlobKey, bytes.NewReader(f.Data)); err != nil {
		return ImportPreview{}, err
	}
	p.Import, err = s.imports.InsertImport(ctx, p.Import)
	return p, err
}

// RemapImport reads a previewed import's file again with a new mapping and returns the new
// preview; the import keeps that mapping.
func (s *Service) RemapImport(ctx context.Context, who identity.Principal, id int64, m Mapping) (ImportPreview, error) {
	im, err := s.ownImport(ctx, who, id)
	if err != nil {
		return ImportPreview{}, err
	}
	t, k, err := s.reread(ctx, im)
	if err != nil {
		return ImportPreview{}, err
	}
	im.Mapping = m
	p := preview(t, im, k)
	if err := im.Remap(m, p.Import.Facts); err != nil {
		return ImportPreview{}, err
	}
	im.Total = p.Import.Total
	p.Import = im
	return p, s.imports.UpdateImport(ctx, im, ImportPreviewed)
}

// ImportOf returns an import, its progress and its counts.
func (s *Service) ImportOf(ctx context.Context, who identity.Principal, id int64) (Import, error) {
	return s.ownImport(ctx, who, id)
}

// ImportHistory lists a scope's imports, newest first.
func (s *Service) ImportHistory(ctx context.Context, who identity.Principal, scope string) ([]Import, error) {
	if err := kernel.Allow(who.Anonymous(), CanImport(who, scope)); err != nil {
		return nil, err
	}
	if err := ValidScope(scope); err != nil {
		return nil, err
	}
	return s.imports.Imports(ctx, scope, HistoryLimit)
}

// ApplyImport moves a previewed import without problems to running and returns it with the
// work that applies it, which the caller runs, in the background for a large file. The work
// writes all of the file or nothing and records the import as done or failed.
func (s *Service) ApplyImport(ctx context.Context, who identity.Principal, id int64) (Import, func(context.Context), error) {
	im, err := s.ownImport(ctx, who, id)
	if err != nil {
		return Import{}, nil, err
	}
	if err := im.Start(); err != nil {
		return Import{}, nil, err
	}
	if err := s.imports.UpdateImport(ctx, im, ImportPreviewed); err != nil {
		return Import{}, nil, err
	}
	return im, func(ctx context.Context) { s.run(ctx, who, im) }, nil
}

// run applies a running import; a failure leaves nothing of it and is recorded on the import.
func (s *Service) run(ctx context.Context, who identity.Principal, im Import) {
	err := s.apply(ctx, who, &im)
	if err == nil {
		return
	}
	reason := err.Error()
	var ke *kernel.Error
	if errors.As(err, &ke) {
		reason = ke.Code() + ": " + reason
	}
	im.Fail(reason, s.now().UTC())
	_ = s.imports.UpdateImport(context.WithoutCancel(ctx), im, ImportRunning)
}

func (s *Service) apply(ctx context.Context, who identity.Principal, im *Import) error {
	t, k, err := s.reread(ctx, *im)
	if err != nil {
		return err
	}
	in := Interpret(t.Header, t.Rows, im.Mapping, k, german(t, im.Mapping))
	if len(in.Problems) > 0 {
		return fmt.Errorf("%w: %d problems now (the catalogue or the areas changed)", ErrImportProblems, len(in.Problems))
	}
	t.Rows = nil // the values are all it needs from here on
	scope := ScopeOf(im.Scope, in.Values)
	im.Total = int64(len(in.Values))
	if err := s.imports.UpdateImport(ctx, *im, ImportRunning); err != nil {
		return err
	}
	err = s.imports.InImportTx(ctx, func(ctx context.Context) error {
		c, err := s.imports.ApplyValues(ctx, im.ID, scope, in.Values)
		if err != nil {
			return err
		}
		if err := s.Redisclose(ctx, indicatorsOf(scope.Periods), yearsOf(scope.Periods)); err != nil {
			return err
		}
		im.Finish(c, s.now().UTC())
		if err := s.logImport(ctx, who, "atlas.import.apply", *im); err != nil {
			return err
		}
		return s.imports.UpdateImport(ctx, *im, ImportRunning)
	})
	if err != nil {
		return err
	}
	_ = s.blobs.Delete(context.WithoutCancel(ctx), im.BlobKey) // applied: its file has served
	return nil
}

// UndoImport restores what a done import replaced or removed and deletes what it added, if no
// later import has touched those values (ErrUndoNotNewest).
func (s *Service) UndoImport(ctx context.Context, who identity.Principal, id int64) (Import, error) {
	im, err := s.ownImport(ctx, who, id)
	if err != nil {
		return Import{}, err
	}
	err = s.imports.InImportTx(ctx, func(ctx context.Context) error {
		if err := im.Undo(); err != nil {
			return err
		}
		later, err := s.imports.TouchedLater(ctx, id)
		if err != nil {
			return err
		}
		if later {
			return ErrUndoNotNewest
		}
		periods, err := s.imports.UndoValues(ctx, id)
		if err != nil {
			return err
		}
		if err := s.Redisclose(ctx, indicatorsOf(periods), yearsOf(periods)); err != nil {
			return err
		}
		if err := s.logImport(ctx, who, "atlas.import.undo", im); err != nil {
			return err
		}
		return s.imports.UpdateImport(ctx, im, ImportDone)
	})
	if err != nil {
		return Import{}, err
	}
	return im, nil
}

// FailInterrupted marks imports still running at the server's start as failed: their
// transaction ended with the process that ran it, so nothing of them was written. Call it
// before serving.
func (s *Service) FailInterrupted(ctx context.Context) (int64, error) {
	return s.imports.FailRunning(ctx, InterruptedError, s.now().UTC())
}

// ownImport reads an import the person may import for; anyone else is told it does not exist.
func (s *Service) ownImport(ctx context.Context, who identity.Principal, id int64) (Import, error) {
	im, err := s.imports.Import(ctx, id)
	if err == nil && !CanImport(who, im.Scope) {
		err = ErrImportNotFound
	}
	if errors.Is(err, ErrImportNotFound) && who.Anonymous() {
		return Import{}, kernel.ErrLoginRequired
	}
	return im, err
}

// reread reads a kept import file again, with what its scope may fill now.
func (s *Service) reread(ctx context.Context, im Import) (ImportTable, Known, error) {
	r, err := s.blobs.Open(ctx, im.BlobKey)
	if err != nil {
		return ImportTable{}, Known{}, fmt.Errorf("%w: the file of import %d is gone", ErrImportState, im.ID)
	}
	data, err := io.ReadAll(r)
	_ = r.Close()
	if err != nil {
		return ImportTable{}, Known{}, err
	}
	t, err := s.read(im.FileName, data)
	if err != nil {
		return ImportTable{}, Known{}, err
	}
	k, err := s.known(ctx, im.Scope)
	return t, k, err
}

// known is what an import for the scope is checked against: the catalogue and the areas of
// the scope (see ImportScope), with their names.
func (s *Service) known(ctx context.Context, scope string) (Known, error) {
	inds, err := s.store.Indicators(ctx) // Interpret refuses a district's own indicator elsewhere
	if err != nil {
		return Known{}, err
	}
	k := Known{Indicators: make(map[string]Indicator, len(inds)), Areas: map[AreaKey]string{}}
	for _, ind := range inds {
		k.Indicators[ind.Key] = ind
	}
	if scope == LandKey {
		k.Areas[LandKey] = "Thüringen"
		ds, err := s.districts.List(ctx)
		if err != nil {
			return Known{}, err
		}
		for _, d := range ds {
			k.Areas[AreaKey(d.Key)] = d.Name
		}
		return k, nil
	}
	d, err := s.districts.Get(ctx, scope)
	if err != nil {
		return Known{}, err
	}
	k.DistrictKey, k.Areas[AreaKey(d.Key)] = d.Key, d.Name
	areas, err := s.areas.Areas(ctx, d.Key)
	if err != nil {
		return Known{}, err
	}
	for _, a := range areas {
		if a.Code != "" {
			k.Areas[DistrictArea(d.Key, a.Code)] = a.Name
		}
	}
	return k, nil
}

// preview interprets the table with the import's mapping.
func preview(t ImportTable, im Import, k Known) ImportPreview {
	t.Facts.German = german(t, im.Mapping)
	in := Interpret(t.Header, t.Rows, im.Mapping, k, t.Facts.German)
	im.Facts = t.Facts
	im.Facts.Rows, im.Facts.Problems = in.Rows, len(in.Problems)
	im.Total = int64(len(in.Values))
	return ImportPreview{Import: im, Header: t.Header, Sample: t.Rows[:min(PreviewRows, len(t.Rows))],
		Problems: in.Problems, Values: len(in.Values)}
}

// germanSamples is how many rows DetectGerman looks at.
const germanSamples = 500

// german guesses the file's number convention from the cells of the columns the mapping reads
// numbers from.
func german(t ImportTable, m Mapping) bool {
	var samples []string
	for _, row := range t.Rows[:min(germanSamples, len(t.Rows))] {
		for i, r := range m.Columns {
			if i < len(row) && (r == RoleValue || r == RoleNumerator || r == RoleDenominator) {
				samples = append(samples, row[i])
			}
		}
	}
	return DetectGerman(samples, t.Facts.Delimiter)
}

func (s *Service) logImport(ctx context.Context, who identity.Principal, action string, im Import) error {
	return s.audit.Append(ctx, audit.Entry{At: s.now().UTC(), ActorID: who.User.ID, Action: action,
		TargetType: "atlas_import", TargetID: strconv.FormatInt(im.ID, 10),
		Details: map[string]any{"scope": im.Scope, "file_name": im.FileName, "file_hash": im.FileHash,
			"added": im.Added, "changed": im.Changed, "removed": im.Removed}})
}

func indicatorsOf(ps []Period) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ps {
		if !seen[p.Indicator] {
			seen[p.Indicator] = true
			out = append(out, p.Indicator)
		}
	}
	return out
}

func yearsOf(ps []Period) []int {
	var out []int
	seen := map[int]bool{}
	for _, p := range ps {
		if !seen[p.Year] {
			seen[p.Year] = true
			out = append(out, p.Year)
		}
	}
	return out
}

func randomSuffix() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
