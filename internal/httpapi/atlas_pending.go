package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// errAtlasPending answers the atlas operations whose handlers are being written (this file goes
// when they land).
var errAtlasPending = kernel.New(kernel.KindUnavailable, "atlas_pending", "the atlas is being built")

// AddAtlasBoundary implements api.StrictServerInterface (pending).
func (h *handlers) AddAtlasBoundary(ctx context.Context, _ api.AddAtlasBoundaryRequestObject) (api.AddAtlasBoundaryResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasCatalogue implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasCatalogue(ctx context.Context, _ api.GetAtlasCatalogueRequestObject) (api.GetAtlasCatalogueResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasGeoJSON implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasGeoJSON(ctx context.Context, _ api.GetAtlasGeoJSONRequestObject) (api.GetAtlasGeoJSONResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasGeometry implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasGeometry(ctx context.Context, _ api.GetAtlasGeometryRequestObject) (api.GetAtlasGeometryResponseObject, error) {
	return nil, errAtlasPending
}

// CreateAtlasIndicator implements api.StrictServerInterface (pending).
func (h *handlers) CreateAtlasIndicator(ctx context.Context, _ api.CreateAtlasIndicatorRequestObject) (api.CreateAtlasIndicatorResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasIndicator implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasIndicator(ctx context.Context, _ api.GetAtlasIndicatorRequestObject) (api.GetAtlasIndicatorResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasMap implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasMap(ctx context.Context, _ api.GetAtlasMapRequestObject) (api.GetAtlasMapResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasOpenData implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasOpenData(ctx context.Context, _ api.GetAtlasOpenDataRequestObject) (api.GetAtlasOpenDataResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasOverview implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasOverview(ctx context.Context, _ api.GetAtlasOverviewRequestObject) (api.GetAtlasOverviewResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasProfile implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasProfile(ctx context.Context, _ api.GetAtlasProfileRequestObject) (api.GetAtlasProfileResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasProfileReport implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasProfileReport(ctx context.Context, _ api.GetAtlasProfileReportRequestObject) (api.GetAtlasProfileReportResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasSeries implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasSeries(ctx context.Context, _ api.GetAtlasSeriesRequestObject) (api.GetAtlasSeriesResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasSuppressions implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasSuppressions(ctx context.Context, _ api.GetAtlasSuppressionsRequestObject) (api.GetAtlasSuppressionsResponseObject, error) {
	return nil, errAtlasPending
}

// GetAtlasValue implements api.StrictServerInterface (pending).
func (h *handlers) GetAtlasValue(ctx context.Context, _ api.GetAtlasValueRequestObject) (api.GetAtlasValueResponseObject, error) {
	return nil, errAtlasPending
}
