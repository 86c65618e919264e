package atlas

import (
	"context"
	"errors"
)

// Seed writes reference data once, in one transaction: the indicators the catalogue lacks, the
// values of indicators that have none, and the first boundary version of areas that have none;
// then disclosure control decides on the new values. What an import wrote is never overwritten.
func (s *Service) Seed(ctx context.Context, ins []Indicator, vs []Value, bs []Boundary) error {
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		empty := map[string]bool{}
		for _, in := range ins {
			if _, err := s.store.Indicator(ctx, in.Key); errors.Is(err, ErrIndicatorNotFound) {
				if err := in.Validate(); err != nil {
					return err
				}
				if err := s.store.InsertIndicator(ctx, in, 0, s.now()); err != nil {
					return err
				}
			} else if err != nil {
				return err
			}
			years, err := s.store.Years(ctx, in.Key)
			if err != nil {
				return err
			}
			empty[in.Key] = len(years) == 0
		}
		var write []Value
		var changed []string
		var years []int
		for _, v := range vs {
			if empty[v.Indicator] {
				write = append(write, v)
				years = append(years, v.Year)
				if len(changed) == 0 || changed[len(changed)-1] != v.Indicator {
					changed = append(changed, v.Indicator)
				}
			}
		}
		if err := s.store.UpsertValues(ctx, write); err != nil {
			return err
		}
		// One read of the versions the Land's areas have, not one per area at every start.
		have := map[AreaKey]bool{}
		if len(bs) > 0 {
			old, err := s.store.DistrictBoundaries(ctx, "")
			if err != nil {
				return err
			}
			for _, b := range old {
				have[b.Area] = true
			}
		}
		for _, b := range bs {
			if !have[b.Area] {
				if err := s.store.InsertBoundary(ctx, b, ""); err != nil {
					return err
				}
			}
		}
		return s.Redisclose(ctx, uniqueStrings(changed), years)
	})
}
