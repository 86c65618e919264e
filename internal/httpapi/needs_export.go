package httpapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/internal/needsreport"
)

// resident is how the table names a resident's comment: residents are never named.
const resident = "Einwohner:in"

var itemKinds = map[needs.ItemKind]string{needs.ItemAssessment: "Bedarfsanzeige", needs.ItemAspect: "Teilaspekt", needs.ItemComment: "Kommentar",
	needs.ItemWorkshop: "Werkstatt"}

// fieldTitles are the fields as the committees read them (the frontend's German labels).
var fieldTitles = map[string]string{"jugendhilfe": "Jugendhilfe", "familie": "Familie", "senioren": "Senioren/Altenhilfe",
	"pflege": "Pflege", "eingliederung": "Eingliederung/Behinderung", "gesundheit": "Gesundheit", "bildung": "Bildung",
	"armut": "Armut/Grundsicherung", "wohnen": "Wohnen", "integration": "Integration", "sucht": "Sucht"}

func fieldTitle(f string) string {
	if t, ok := fieldTitles[f]; ok {
		return t
	}
	return f
}

var weighingFormats = map[api.ExportWeighingTableParamsFormat]struct {
	write       func(io.Writer, needsreport.Table) error
	contentType string
}{
	"xlsx": {needsreport.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	"docx": {needsreport.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	"pdf":  {needsreport.PDF, "application/pdf"},
}

// VisitExportWeighingTableResponse writes the file, as a profile's report is written.
func (r report) VisitExportWeighingTableResponse(w http.ResponseWriter) error {
	return r.VisitGetAtlasProfileReportResponse(w)
}

// ExportWeighingTable implements api.StrictServerInterface: the whole table with the filters and
// the visibility of GetWeighingTable; a table with decisions under embargo says so.
func (h *handlers) ExportWeighingTable(ctx context.Context, req api.ExportWeighingTableRequestObject) (api.ExportWeighingTableResponseObject, error) {
	who, p := principalFrom(ctx), req.Params
	format, ok := weighingFormats[p.Format]
	if !ok {
		return nil, needs.ErrInvalid // the contract's enum refuses it first
	}
	q := itemQuery(p.Area, p.Field, p.Decision, p.Q, p.Published)
	q.Limit = 200
	var items []needs.Item
	working := false
	for {
		page, next, w, err := h.needs.Table(ctx, who, req.ProcessId, q)
		if err != nil {
			return nil, err
		}
		items, working = append(items, page...), w
		if next == "" {
			break
		}
		q.Cursor = next
	}
	t, err := h.weighingTable(ctx, who, req.ProcessId, q, items, working)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := format.write(&buf, t); err != nil {
		return nil, err
	}
	name := "abwaegung-" + strconv.FormatInt(req.ProcessId, 10)
	if working {
		name += "-entwurf"
	}
	return report{body: buf.Bytes(), contentType: format.contentType, name: name + "." + string(p.Format)}, nil
}

// weighingTable is the table as the committees read it: names instead of ids, German values.
func (h *handlers) weighingTable(ctx context.Context, who identity.Principal, processID int64, q needs.ItemQuery, items []needs.Item, working bool) (needsreport.Table, error) {
	proc, err := h.plan.ReadableProcess(ctx, who, processID)
	if err != nil {
		return needsreport.Table{}, err
	}
	t := needsreport.Table{Title: "Abwägungstabelle: " + proc.Title, District: proc.DistrictKey, Embargo: working, Created: h.now().In(berlin())}
	if d, err := h.districts.Get(ctx, proc.DistrictKey); err == nil {
		t.District = d.Name
	}
	areas, err := h.plan.Areas(ctx, proc.DistrictKey)
	if err != nil {
		return t, err
	}
	areaNames := make(map[int64]string, len(areas))
	for _, a := range areas {
		areaNames[a.ID] = a.Name
	}
	measures, _, err := h.needs.Measures(ctx, who, processID, "", 0)
	if err != nil {
		return t, err
	}
	measureTitles := make(map[int64]string, len(measures))
	for _, m := range measures {
		measureTitles[m.ID] = m.Title
	}
	t.Filters = weighingFilters(q, areaNames)
	for i, it := range items {
		t.Rows = append(t.Rows, weighingRow(i+1, it, working, areaNames, measureTitles))
	}
	return t, nil
}

func weighingFilters(q needs.ItemQuery, areaNames map[int64]string) []needsreport.Filter {
	var out []needsreport.Filter
	if q.AreaID != 0 {
		out = append(out, needsreport.Filter{Name: "Sozialraum", Value: nameOr(areaNames, q.AreaID)})
	}
	if q.Field != "" {
		out = append(out, needsreport.Filter{Name: "Handlungsfeld", Value: fieldTitle(q.Field)})
	}
	if q.Value != "" {
		out = append(out, needsreport.Filter{Name: "Abwägung", Value: q.Value.German()})
	}
	if q.Search != "" {
		out = append(out, needsreport.Filter{Name: "Suche", Value: q.Search})
	}
	return out
}

func nameOr(names map[int64]string, id int64) string {
	if n, ok := names[id]; ok {
		return n
	}
	return "#" + strconv.FormatInt(id, 10)
}

// weighingRow is one item as printed: the working decision in a working table, else the
// published one.
func weighingRow(no int, it needs.Item, working bool, areaNames, measureTitles map[int64]string) needsreport.Row {
	r := needsreport.Row{No: no, Kind: itemKinds[it.Kind], Summary: it.Summary, Submitter: it.Submitter, Field: fieldTitle(it.Field), Bundle: it.BundleTitle}
	if r.Submitter == "" {
		r.Submitter = resident
	}
	names := make([]string, len(it.AreaIDs))
	for i, id := range it.AreaIDs {
		names[i] = nameOr(areaNames, id)
	}
	r.Areas = strings.Join(names, ", ")
	d := it.Published
	if working && it.Working != nil {
		d = it.Working
	}
	if d != nil {
		r.Decision, r.Reason = d.Value.German(), d.Reason
		titles := make([]string, len(d.MeasureIDs))
		for i, id := range d.MeasureIDs {
			titles[i] = nameOr(measureTitles, id)
		}
		r.Measures = strings.Join(titles, "; ")
	}
	return r
}
