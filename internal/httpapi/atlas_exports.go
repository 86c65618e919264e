package httpapi

import (
	"bytes"
	"context"
	"encoding/csv"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/atlasreport"
)

// openData streams every public value as CSV; the store never reads a withheld one.
type openData struct {
	ctx context.Context
	svc *atlas.Service
}

// VisitGetAtlasOpenDataResponse writes the CSV: one value per line, with each indicator's source
// and licence, so the file carries its attribution wherever it goes.
func (o openData) VisitGetAtlasOpenDataResponse(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "sozialatlas-thueringen.csv"}))
	w.WriteHeader(http.StatusOK)
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"indicator", "area", "year", "date", "value", "flag", "boundary", "unit", "source", "licence"})
	err := o.svc.OpenData(o.ctx, func(in atlas.Indicator, v atlas.Value) error {
		val := ""
		if v.Value != nil {
			val = strconv.FormatFloat(*v.Value, 'f', -1, 64)
		}
		return cw.Write([]string{v.Indicator, string(v.Area), strconv.Itoa(v.Year), v.Date, val, string(v.Flag), v.Boundary,
			in.Unit, in.Source, in.Licence})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// GetAtlasOpenData implements api.StrictServerInterface.
func (h *handlers) GetAtlasOpenData(ctx context.Context, _ api.GetAtlasOpenDataRequestObject) (api.GetAtlasOpenDataResponseObject, error) {
	return openData{ctx: ctx, svc: h.atlas}, nil
}

// report is a rendered profile.
type report struct {
	body        []byte
	contentType string
	name        string
}

// VisitGetAtlasProfileReportResponse writes the file.
func (r report) VisitGetAtlasProfileReportResponse(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", r.contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": r.name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(r.body)))
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(r.body)
	return err
}

// GetAtlasProfileReport implements api.StrictServerInterface: the profile as the person may see
// it, rendered on the server.
func (h *handlers) GetAtlasProfileReport(ctx context.Context, req api.GetAtlasProfileReportRequestObject) (api.GetAtlasProfileReportResponseObject, error) {
	area, err := atlas.ParseAreaKey(req.Params.Area)
	if err != nil {
		return nil, err
	}
	who := principalFrom(ctx)
	v, err := h.atlas.Profile(ctx, who, []atlas.AreaKey{area})
	if err != nil {
		return nil, err
	}
	p := atlasreport.Profile{AreaKey: string(area), AreaName: v.Areas[0].Name, LandName: atlas.LandName,
		Generated: h.now().In(berlin()), Sources: []string{atlas.Attribution}, Licence: "CC BY 4.0 (INKAR); dl-de/by-2-0 (Grenzen, Einwohner)",
		TrendYears: atlas.TrendYears}
	for _, g := range v.Groups {
		grp := atlasreport.Group{Lebenslage: string(g.Lebenslage), Title: g.Lebenslage.Title()}
		for _, r := range g.Rows {
			c := r.Cells[0]
			row := atlasreport.Row{Key: r.Indicator.Key, Name: r.Indicator.NameDE, Unit: r.Indicator.Unit, Year: c.Year,
				Value: c.Value, Land: c.Land, Rank: c.Rank, Of: c.Of, Trend: c.Trend, Suppressed: c.Status == atlas.StatusSuppressed}
			for _, pt := range c.Series {
				row.Series = append(row.Series, atlasreport.SeriesPoint{Year: pt.Year, Value: pt.Value, Break: pt.Break})
			}
			grp.Rows = append(grp.Rows, row)
		}
		p.Groups = append(p.Groups, grp)
	}
	if err := h.reportMap(ctx, &p, area); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	name := "profil-" + strings.ReplaceAll(string(area), ":", "-")
	if req.Params.Format != nil && *req.Params.Format == "xlsx" {
		if err := atlasreport.XLSX(&buf, p); err != nil {
			return nil, err
		}
		return report{body: buf.Bytes(), name: name + ".xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, nil
	}
	if err := atlasreport.PDF(&buf, p); err != nil {
		return nil, err
	}
	return report{body: buf.Bytes(), name: name + ".pdf", contentType: "application/pdf"}, nil
}

// reportMap draws the area's outline and, for a district, the districts classified by the first
// indicator of the profile with values, as the atlas's map shows them to the public.
func (h *handlers) reportMap(ctx context.Context, p *atlasreport.Profile, area atlas.AreaKey) error {
	level := area.Level()
	if level == atlas.LevelLand {
		return nil
	}
	bs, _, err := h.atlas.Geometry(ctx, level, area.District())
	if err != nil {
		return err
	}
	for _, b := range bs {
		if b.Area == area {
			p.Outline = rings(b.Geometry)
		}
	}
	if level != atlas.LevelDistrict || len(p.Groups) == 0 {
		return nil
	}
	key := p.Groups[0].Rows[0].Key
	for _, g := range p.Groups {
		for _, r := range g.Rows {
			if r.Key == "arbeitslose_je_100_erwerbsfaehige" {
				key = r.Key
			}
		}
	}
	m, err := h.atlas.Map(ctx, principalFrom(ctx), atlas.MapQuery{Indicator: key, Level: atlas.LevelDistrict, Method: atlas.Quantile, Classes: 5})
	if err != nil {
		return err
	}
	p.MapTitle = m.Indicator.NameDE + " " + strconv.Itoa(m.Year)
	p.MapClasses, p.MapScheme = max(len(m.Breaks)-1, 0), m.Scheme
	classes := map[atlas.AreaKey]int{}
	for _, c := range m.Cells {
		classes[c.Area] = -1
		if c.Class != nil && c.Status == atlas.StatusShown {
			classes[c.Area] = *c.Class
		}
	}
	for _, b := range bs {
		k, ok := classes[b.Area]
		if !ok {
			k = -1
		}
		p.Districts = append(p.Districts, atlasreport.MapArea{Key: string(b.Area), Rings: rings(b.Geometry), Class: k})
	}
	return nil
}

// rings reads a stored boundary's rings as [lon, lat] points.
func rings(b []byte) [][][2]float64 {
	g, err := geojson.UnmarshalGeometry(b)
	if err != nil {
		return nil
	}
	var polys []orb.Polygon
	switch t := g.Geometry().(type) {
	case orb.Polygon:
		polys = []orb.Polygon{t}
	case orb.MultiPolygon:
		polys = t
	}
	var out [][][2]float64
	for _, poly := range polys {
		for _, r := range poly {
			ring := make([][2]float64, len(r))
			for i, pt := range r {
				ring[i] = [2]float64{pt[0], pt[1]}
			}
			out = append(out, ring)
		}
	}
	return out
}

func berlin() *time.Location {
	if l, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return l
	}
	return time.UTC
}
