package atlas

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/paulmach/orb/geojson"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/planning"
)

// AddIndicator adds an indicator to the catalogue: admins to the Land's, coordinators to their
// district's own (DistrictKey set).
func (s *Service) AddIndicator(ctx context.Context, who identity.Principal, in Indicator) (Indicator, error) {
	if err := kernel.Allow(who.Anonymous(), CanAddIndicator(who, in.DistrictKey)); err != nil {
		return Indicator{}, err
	}
	if err := in.Validate(); err != nil {
		return Indicator{}, err
	}
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		for _, k := range []string{in.Numerator, in.Denominator} {
			if k == "" {
				continue
			}
			if _, err := s.store.Indicator(ctx, k); err != nil {
				return fmt.Errorf("%w: numerator or denominator %q is not in the catalogue", ErrInvalid, k)
			}
		}
		if err := s.store.InsertIndicator(ctx, in, who.User.ID, s.now()); err != nil {
			return err
		}
		s.cache.clear()
		return s.audit.Append(ctx, audit.Entry{ActorID: who.User.ID, Action: "atlas.indicator.add", TargetType: "indicator", TargetID: in.Key, At: s.now()})
	})
	return in, err
}

// AddBoundary adds a version of an area's boundary valid from a date; the current version ends
// the day before. A version must start after the current one.
func (s *Service) AddBoundary(ctx context.Context, who identity.Principal, b Boundary) ([]Boundary, error) {
	if b.Area.Level() == "" {
		return nil, fmt.Errorf("%w: %q", ErrBadAreaKey, b.Area)
	}
	if err := kernel.Allow(who.Anonymous(), CanImport(who, b.Area.District())); err != nil {
		return nil, err
	}
	from, err := time.Parse(time.DateOnly, b.ValidFrom)
	if err != nil {
		return nil, fmt.Errorf("%w: valid_from must be a date (YYYY-MM-DD)", ErrInvalid)
	}
	g, err := geojson.UnmarshalGeometry(b.Geometry)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", planning.ErrInvalidGeometry, err)
	}
	if err := planning.ValidateGeometry(g.Geometry()); err != nil {
		return nil, fmt.Errorf("%w: %v", planning.ErrInvalidGeometry, err)
	}
	if b.Version == "" || kernel.Chars(b.Version) > MaxShort {
		return nil, fmt.Errorf("%w: the version names the Gebietsstand in 1 to %d characters", ErrInvalid, MaxShort)
	}
	var out []Boundary
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		old, err := s.store.BoundaryVersions(ctx, b.Area)
		if err != nil {
			return err
		}
		end := ""
		if n := len(old); n > 0 {
			if old[n-1].ValidFrom >= b.ValidFrom {
				return fmt.Errorf("%w: a new boundary must start after the current one (%s)", ErrInvalid, old[n-1].ValidFrom)
			}
			end = from.AddDate(0, 0, -1).Format(time.DateOnly)
		}
		if err := s.store.InsertBoundary(ctx, b, end); err != nil {
			return err
		}
		if err := s.audit.Append(ctx, audit.Entry{ActorID: who.User.ID, Action: "atlas.boundary.add", TargetType: "area", TargetID: string(b.Area), Details: map[string]any{"version": b.Version, "valid_from": b.ValidFrom}, At: s.now()}); err != nil {
			return err
		}
		out, err = s.store.BoundaryVersions(ctx, b.Area)
		return err
	})
	return out, err
}

// BoundaryAt is the version of an area's boundary valid on a date (YYYY-MM-DD), "" when none.
func BoundaryAt(versions []Boundary, date string) string {
	for _, b := range versions {
		if b.ValidFrom <= date && (b.ValidTo == "" || date <= b.ValidTo) {
			return b.Version
		}
	}
	return ""
}

// Geometry lists the current boundaries of a level.
func (s *Service) Geometry(ctx context.Context, level Level, districtKey string) ([]Boundary, map[AreaKey]string, error) {
	if level == LevelArea {
		if _, err := s.districts.Get(ctx, districtKey); err != nil {
			return nil, nil, err
		}
	}
	bs, err := s.store.Boundaries(ctx, level, districtKey)
	if err != nil {
		return nil, nil, err
	}
	names, _, err := s.names(ctx, districtKey)
	if err != nil || level != LevelArea || s.areas == nil {
		return bs, names, err
	}
	// A social area without a version of its own in the atlas has the outline the planning
	// context keeps for it: that is its current boundary.
	have := map[AreaKey]bool{}
	for _, b := range bs {
		have[b.Area] = true
	}
	as, err := s.areas.Areas(ctx, districtKey)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range as {
		k := DistrictArea(districtKey, a.Code)
		if a.Code == "" || a.Geometry == nil || have[k] {
			continue
		}
		g, err := geojson.NewGeometry(a.Geometry).MarshalJSON()
		if err != nil {
			return nil, nil, err
		}
		bs = append(bs, Boundary{Area: k, Version: CurrentPlanningBoundary, Geometry: g})
	}
	slices.SortFunc(bs, func(a, b Boundary) int { return strings.Compare(string(a.Area), string(b.Area)) })
	return bs, names, nil
}

// CurrentPlanningBoundary is the version named for a social area's outline as the planning
// context keeps it, when the atlas has no version of its own.
const CurrentPlanningBoundary = "planung"

// Suppressions is the log of disclosure control for an indicator: admins read all of it,
// coordinators the lines of their districts' areas.
func (s *Service) Suppressions(ctx context.Context, who identity.Principal, indicator string) ([]LoggedSuppression, error) {
	if err := kernel.Allow(who.Anonymous(), who.IsAdmin() || len(who.CoordinatedDistricts()) > 0); err != nil {
		return nil, err
	}
	if _, err := s.store.Indicator(ctx, indicator); err != nil {
		return nil, err
	}
	all, err := s.store.Suppressions(ctx, indicator)
	if err != nil || who.IsAdmin() {
		return all, err
	}
	out := []LoggedSuppression{}
	for _, l := range all {
		if SeesSuppressed(who, l.Area) {
			out = append(out, l)
		}
	}
	return out, nil
}
