package planning

import (
	"context"
	"fmt"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ErrNoImportFile: an import came without a file.
var ErrNoImportFile = kernel.New(kernel.KindMalformed, "invalid_request", "a GeoJSON FeatureCollection is required")

// ImportRequest is a GeoJSON file of social areas for a district.
type ImportRequest struct {
	DistrictKey string
	File        []byte // nil: no file was sent
	DryRun      bool   // plan only, change nothing
}

// ImportResult is what an import did, or would do on a dry run; with Issues, it did nothing.
type ImportResult struct {
	Changes []ImportChange
	Issues  []ImportIssue
}

// Import plans an import for a district the person coordinates and, unless it is a dry run or
// the file has problems, applies it.
func (s *Service) Import(ctx context.Context, who identity.Principal, req ImportRequest) (ImportResult, error) {
	changes, issues, err := s.PlanImport(ctx, who, req.DistrictKey, req.File)
	if err != nil || len(issues) > 0 || req.DryRun {
		return ImportResult{Changes: changes, Issues: issues}, err
	}
	changes, err = s.ApplyImport(ctx, who, req.DistrictKey, changes)
	return ImportResult{Changes: changes}, err
}

// PlanImport reads the file against the district's boundary and existing areas (see the
// function PlanImport) and changes nothing.
func (s *Service) PlanImport(ctx context.Context, who identity.Principal, districtKey string, file []byte) ([]ImportChange, []ImportIssue, error) {
	if err := kernel.Allow(who.Anonymous(), access.CanCoordinate(who, districtKey)); err != nil {
		return nil, nil, err
	}
	d, err := s.districts.Get(ctx, districtKey)
	if err != nil {
		return nil, nil, err
	}
	if file == nil {
		return nil, nil, ErrNoImportFile
	}
	existing, err := s.store.Areas(ctx, districtKey)
	if err != nil {
		return nil, nil, err
	}
	changes, issues := PlanImport(file, districtKey, d.Boundary, existing)
	return changes, issues, nil
}

// ApplyImport applies planned changes all or nothing and returns them with their ids. The
// changes come parents first, so each parent_code resolves to an area created or updated
// before; every area is checked again, as the district may have changed since the plan.
func (s *Service) ApplyImport(ctx context.Context, who identity.Principal, districtKey string, changes []ImportChange) ([]ImportChange, error) {
	if err := kernel.Allow(who.Anonymous(), access.CanCoordinate(who, districtKey)); err != nil {
		return nil, err
	}
	out := append([]ImportChange(nil), changes...)
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		for i := range out {
			if err := s.applyChange(ctx, districtKey, &out[i]); err != nil {
				return err
			}
		}
		return s.log(ctx, who, "social_area.import", "district", districtKey, map[string]any{"changes": len(out)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Service) applyChange(ctx context.Context, districtKey string, c *ImportChange) error {
	c.Area.DistrictKey, c.Area.ParentID, c.Area.ID = districtKey, 0, c.ID
	if c.ParentCode != "" {
		parent, err := s.store.AreaByCode(ctx, districtKey, c.ParentCode)
		if err != nil {
			return fmt.Errorf("%w: feature %d: parent %q not found", ErrInvalid, c.Index, c.ParentCode)
		}
		c.Area.ParentID = parent.ID
	}
	if err := s.checkArea(ctx, &c.Area); err != nil {
		return fmt.Errorf("feature %d: %w", c.Index, err)
	}
	var err error
	if c.Update {
		err = s.store.SaveArea(ctx, c.Area)
	} else {
		var a SocialArea
		a, err = s.store.InsertArea(ctx, c.Area)
		c.ID, c.Area.ID = a.ID, a.ID
	}
	if err != nil {
		return fmt.Errorf("feature %d: %w", c.Index, err)
	}
	return nil
}
