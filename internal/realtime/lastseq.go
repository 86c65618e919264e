package realtime

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

// LastSeq returns the room's newest sequence number (0 for a room without events), so a page
// that shows the state as of now can subscribe with since=LastSeq and miss nothing.
func (b *Broker) LastSeq(ctx context.Context, room string) (int64, error) {
	var row sequenceRow
	err := b.db.WithContext(ctx).Where("room = ?", room).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, nil
	}
	return row.LastSeq, err
}
