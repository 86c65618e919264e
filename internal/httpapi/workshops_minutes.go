package httpapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/markdown"
	"github.com/teilhabe/teilhabe/internal/workshopreport"
)

// minutesOut is the minutes with their Markdown rendered as a plan section is: headings, lists
// and emphasis, nothing a participant's text could smuggle in.
func minutesOut(m workshop.Minutes) api.WorkshopMinutes {
	var published *time.Time
	if !m.PublishedAt.IsZero() {
		t := m.PublishedAt.UTC()
		published = &t
	}
	return api.WorkshopMinutes{Status: api.WorkshopMinutesStatus(m.Status), Text: m.Text, Html: markdown.Document(m.Text), Version: m.Version,
		UpdatedAt: m.UpdatedAt.UTC(), PublishedAt: published}
}

// GetMinutes implements api.StrictServerInterface.
func (h *handlers) GetMinutes(ctx context.Context, req api.GetMinutesRequestObject) (api.GetMinutesResponseObject, error) {
	m, _, err := h.workshops.Minutes(ctx, callerFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.GetMinutes200JSONResponse(minutesOut(m)), nil
}

// SaveMinutes implements api.StrictServerInterface.
func (h *handlers) SaveMinutes(ctx context.Context, req api.SaveMinutesRequestObject) (api.SaveMinutesResponseObject, error) {
	m, err := h.workshops.SaveMinutes(ctx, principalFrom(ctx), req.WorkshopId, req.Body.Text, req.Body.BaseVersion)
	if err != nil {
		return nil, err
	}
	return api.SaveMinutes200JSONResponse(minutesOut(m)), nil
}

// DraftMinutes implements api.StrictServerInterface.
func (h *handlers) DraftMinutes(ctx context.Context, req api.DraftMinutesRequestObject) (api.DraftMinutesResponseObject, error) {
	m, err := h.workshops.DraftMinutes(ctx, principalFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.DraftMinutes200JSONResponse(minutesOut(m)), nil
}

// PublishMinutes implements api.StrictServerInterface.
func (h *handlers) PublishMinutes(ctx context.Context, req api.PublishMinutesRequestObject) (api.PublishMinutesResponseObject, error) {
	m, err := h.workshops.PublishMinutes(ctx, principalFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.PublishMinutes200JSONResponse(minutesOut(m)), nil
}

var minutesFormats = map[api.ExportMinutesParamsFormat]struct {
	write       func(w io.Writer, title, markdown string) error
	contentType string
}{
	api.ExportMinutesParamsFormatPdf:  {workshopreport.PDF, "application/pdf"},
	api.ExportMinutesParamsFormatDocx: {workshopreport.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	api.ExportMinutesParamsFormatMd: {func(w io.Writer, _, md string) error { _, err := io.WriteString(w, md); return err },
		"text/markdown; charset=utf-8"},
}

// VisitExportMinutesResponse writes the file, as a profile's report is written.
func (r report) VisitExportMinutesResponse(w http.ResponseWriter) error {
	return r.VisitGetAtlasProfileReportResponse(w)
}

// VisitExportWorkshopDataResponse writes the CSV file.
func (r report) VisitExportWorkshopDataResponse(w http.ResponseWriter) error {
	return r.VisitGetAtlasProfileReportResponse(w)
}

// ExportMinutes implements api.StrictServerInterface: the minutes the caller may read (a draft
// only for facilitators, its file name saying so). The name is made of the workshop's id, never
// of its title, so no header can be bent by what a title holds.
func (h *handlers) ExportMinutes(ctx context.Context, req api.ExportMinutesRequestObject) (api.ExportMinutesResponseObject, error) {
	format, ok := minutesFormats[req.Params.Format]
	if !ok {
		return nil, workshop.ErrInvalid // the contract's enum refuses it first
	}
	m, w, err := h.workshops.Minutes(ctx, callerFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := format.write(&buf, "Protokoll: "+w.Title, m.Text); err != nil {
		return nil, err
	}
	name := "protokoll-werkstatt-" + strconv.FormatInt(w.ID, 10)
	if m.Status != workshop.MinutesPublished {
		name += "-entwurf"
	}
	return report{body: buf.Bytes(), contentType: format.contentType, name: name + "." + string(req.Params.Format)}, nil
}

// ExportWorkshopData implements api.StrictServerInterface: the session's raw data as CSV
// (facilitators).
func (h *handlers) ExportWorkshopData(ctx context.Context, req api.ExportWorkshopDataRequestObject) (api.ExportWorkshopDataResponseObject, error) {
	r, err := h.workshops.Record(ctx, principalFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := workshopreport.CSV(&buf, r); err != nil {
		return nil, err
	}
	return report{body: buf.Bytes(), contentType: "text/csv; charset=utf-8",
		name: "werkstatt-" + strconv.FormatInt(req.WorkshopId, 10) + "-daten.csv"}, nil
}
