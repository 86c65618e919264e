package refdata

import (
	"context"
	"fmt"

	"github.com/teilhabe/teilhabe/domain/district"
)

// Load writes the embedded districts into the store. It upserts by key, so running it at every
// start keeps them current without ever duplicating them.
func Load(ctx context.Context, districts district.Store) error {
	ds, err := district.ParseGeoJSON(DistrictsGeoJSON)
	if err != nil {
		return fmt.Errorf("reference districts: %w", err)
	}
	return districts.Upsert(ctx, ds)
}
