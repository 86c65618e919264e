package httpapi

import (
	"context"
	"encoding/csv"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/internal/csvcell"
)

var exportHeader = []string{"ID", "Antwort auf", "Abschnitt", "Verfasst von", "Datum", "Status", "Begründung", "Unterstützungen", "Meldungen", "Kommentar", "Stellungnahme der Verwaltung"}

// statusWords are the report's words for comment statuses.
var statusWords = map[consultation.Status]string{
	consultation.StatusPending: "wartet auf Freigabe", consultation.StatusPublished: "veröffentlicht",
	consultation.StatusRejected: "abgelehnt", consultation.StatusHidden: "ausgeblendet", consultation.StatusWithdrawn: "zurückgezogen",
}

func exportRecord(r consultation.ExportRow) []string {
	cm := r.Comment
	parent := ""
	if cm.ParentID != 0 {
		parent = strconv.FormatInt(cm.ParentID, 10)
	}
	section := r.Section
	if cm.SectionID == 0 {
		section = "Gesamter Plan"
	}
	return []string{strconv.FormatInt(cm.ID, 10), parent, section, cm.AuthorName, cm.CreatedAt.Format(time.RFC3339), statusWords[cm.Status],
		cm.Reason, strconv.Itoa(cm.Supports), strconv.Itoa(cm.Flags), csvcell.Safe(cm.Body), csvcell.Safe(r.Response)}
}

// ExportConsultation implements api.StrictServerInterface.
func (h *handlers) ExportConsultation(ctx context.Context, req api.ExportConsultationRequestObject) (api.ExportConsultationResponseObject, error) {
	p := principalFrom(ctx)
	c, err := h.cons.Moderated(ctx, p, req.ConsultationId)
	if err != nil {
		return nil, err
	}
	format := "csv"
	if req.Params.Format != nil {
		format = string(*req.Params.Format)
	}
	rows := func(fn func(consultation.ExportRow) error) error {
		_, err := h.cons.Export(ctx, p, c.ID, fn)
		return err
	}
	return exportReport{rows: rows, c: c, format: format}, nil
}

// exportReport streams the report; rows come from the store page by page.
type exportReport struct {
	rows   func(fn func(consultation.ExportRow) error) error
	c      consultation.Consultation
	format string
}

// VisitExportConsultationResponse streams the report as CSV or XLSX.
func (e exportReport) VisitExportConsultationResponse(w http.ResponseWriter) error {
	name := fmt.Sprintf("beteiligung-%d-bericht.%s", e.c.ID, e.format)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "private, no-store")
	if e.format == "xlsx" {
		return e.xlsx(w)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte("\xef\xbb\xbf")) // a BOM, so spreadsheet programs read UTF-8
	cw := csv.NewWriter(w)
	cw.Comma = ';' // what German spreadsheet programs expect
	if err := cw.Write(exportHeader); err != nil {
		return err
	}
	if err := e.rows(func(r consultation.ExportRow) error { return cw.Write(exportRecord(r)) }); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func (e exportReport) xlsx(w http.ResponseWriter) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Beteiligung"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	row := 1
	write := func(values []string) error {
		cells := make([]any, len(values))
		for i, v := range values {
			cells[i] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, cells)
	}
	if err := write(exportHeader); err != nil {
		return err
	}
	if err := e.rows(func(r consultation.ExportRow) error { return write(exportRecord(r)) }); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.WriteHeader(http.StatusOK)
	return f.Write(w)
}
