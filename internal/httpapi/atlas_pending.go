package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// errAtlasPending answers the atlas operations whose handlers are being written (this file goes
// when they land).
var errAtlasPending = kernel.New(kernel.KindUnavailable, "atlas_pending", "the atlas is being built")

// GetAtlasOpenData implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasOpenData(ctx context.Context, _ api.GetAtlasOpenDataRequestObject) (api.GetAtlasOpenDataResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasProfileReport implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasProfileReport(ctx context.Context, _ api.GetAtlasProfileReportRequestObject) (api.GetAtlasProfileReportResponseObject, error) {
	return nil, errAtlasPending
}

