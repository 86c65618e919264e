package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// atlasImportBodyLimit bounds an import's upload: the file's limit (64 MiB, 67.1 million bytes)
// and room for the form; echo reads "M" as a million bytes.
const atlasImportBodyLimit = "70M"

// atlasImportBody reports whether the request uploads an import file, which may be larger than
// other bodies.
func atlasImportBody(c echo.Context) bool {
	return c.Request().Method == http.MethodPost && strings.HasSuffix(c.Request().URL.Path, "/atlas/imports")
}

func atlasImportOut(im atlas.Import) api.AtlasImport {
	m := im.Mapping
	out := api.AtlasImport{Id: im.ID, Scope: im.Scope, FileName: im.FileName, FileHash: im.FileHash,
		Status: api.AtlasImportStatus(im.Status), Delimiter: im.Facts.Delimiter, Encoding: im.Facts.Encoding,
		Sheet: im.Facts.Sheet, German: im.Facts.German, Rows: im.Facts.Rows, ProblemCount: im.Facts.Problems,
		Total: im.Total, Processed: im.Processed, Added: im.Added, Changed: im.Changed, Removed: im.Removed,
		Error: im.Error, CreatedAt: im.CreatedAt, FinishedAt: im.FinishedAt, CanApply: im.CanApply(), CanUndo: im.CanUndo(),
		Mapping: api.AtlasImportMapping{Format: api.AtlasImportMappingFormat(m.Format), Columns: make([]api.AtlasImportRole, len(m.Columns)),
			Indicator: &m.Indicator, Year: &m.Year}}
	for i, r := range m.Columns {
		out.Mapping.Columns[i] = api.AtlasImportRole(r)
	}
	if m.Wide != "" {
		w := api.AtlasImportMappingWide(m.Wide)
		out.Mapping.Wide = &w
	}
	if m.ColumnKeys != nil {
		out.Mapping.ColumnKeys = &m.ColumnKeys
	}
	if m.ColumnYears != nil {
		out.Mapping.ColumnYears = &m.ColumnYears
	}
	if im.CreatedBy != 0 {
		out.CreatedBy = &im.CreatedBy
	}
	return out
}

func mappingIn(b api.AtlasImportMapping) atlas.Mapping {
	m := atlas.Mapping{Format: string(b.Format), Columns: make([]atlas.Role, len(b.Columns))}
	for i, r := range b.Columns {
		m.Columns[i] = atlas.Role(r)
	}
	set(&m.Indicator, b.Indicator)
	set(&m.Year, b.Year)
	if b.Wide != nil {
		m.Wide = string(*b.Wide)
	}
	set(&m.ColumnKeys, b.ColumnKeys)
	set(&m.ColumnYears, b.ColumnYears)
	return m
}

func previewOut(p atlas.ImportPreview) api.AtlasImportPreview {
	out := api.AtlasImportPreview{Import: atlasImportOut(p.Import), Header: p.Header, Sample: p.Sample,
		Problems: make([]api.AtlasImportProblem, len(p.Problems)), Values: p.Values}
	for i, pr := range p.Problems {
		out.Problems[i] = api.AtlasImportProblem{Row: pr.Row, Column: pr.Column, Code: pr.Code, Message: pr.Message}
	}
	if out.Sample == nil {
		out.Sample = [][]string{}
	}
	return out
}

// ListAtlasImports implements api.StrictServerInterface.
func (h *handlers) ListAtlasImports(ctx context.Context, req api.ListAtlasImportsRequestObject) (api.ListAtlasImportsResponseObject, error) {
	p := principalFrom(ctx)
	if p.Anonymous() {
		return nil, kernel.ErrLoginRequired
	}
	out := api.ListAtlasImports200JSONResponse{Items: []api.AtlasImport{}, ImportScopes: atlas.ImportScopes(p)}
	if out.ImportScopes == nil {
		out.ImportScopes = []string{}
	}
	if req.Params.Scope == nil {
		return out, nil
	}
	ims, err := h.atlas.ImportHistory(ctx, p, *req.Params.Scope)
	if err != nil {
		return nil, err
	}
	for _, im := range ims {
		out.Items = append(out.Items, atlasImportOut(im))
	}
	return out, nil
}

// CreateAtlasImport implements api.StrictServerInterface.
func (h *handlers) CreateAtlasImport(ctx context.Context, req api.CreateAtlasImportRequestObject) (api.CreateAtlasImportResponseObject, error) {
	f := atlas.ImportFile{}
	for {
		part, err := req.Body.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, NewProblem(http.StatusBadRequest, "invalid_request", "the upload is not valid multipart/form-data")
		}
		switch part.FormName() {
		case "scope":
			b, _ := io.ReadAll(io.LimitReader(part, 16))
			f.Scope = strings.TrimSpace(string(b))
		case "file":
			f.FileName = cleanFileName(part.FileName())
			var buf bytes.Buffer
			if _, err := io.Copy(&buf, io.LimitReader(part, atlas.MaxImportBytes+1)); err != nil {
				return nil, NewProblem(http.StatusBadRequest, "invalid_request", "the upload broke off")
			}
			f.Data = buf.Bytes()
		}
	}
	p, err := h.atlas.PreviewImport(ctx, principalFrom(ctx), f)
	if err != nil {
		return nil, err
	}
	return api.CreateAtlasImport201JSONResponse(previewOut(p)), nil
}

// GetAtlasImport implements api.StrictServerInterface.
func (h *handlers) GetAtlasImport(ctx context.Context, req api.GetAtlasImportRequestObject) (api.GetAtlasImportResponseObject, error) {
	im, err := h.atlas.ImportOf(ctx, principalFrom(ctx), req.ImportId)
	if err != nil {
		return nil, err
	}
	return api.GetAtlasImport200JSONResponse(atlasImportOut(im)), nil
}

// RemapAtlasImport implements api.StrictServerInterface.
func (h *handlers) RemapAtlasImport(ctx context.Context, req api.RemapAtlasImportRequestObject) (api.RemapAtlasImportResponseObject, error) {
	p, err := h.atlas.RemapImport(ctx, principalFrom(ctx), req.ImportId, mappingIn(*req.Body))
	if err != nil {
		return nil, err
	}
	return api.RemapAtlasImport200JSONResponse(previewOut(p)), nil
}

// ApplyAtlasImport implements api.StrictServerInterface: the import runs in the background,
// beyond the request, and records its progress and end on itself.
func (h *handlers) ApplyAtlasImport(ctx context.Context, req api.ApplyAtlasImportRequestObject) (api.ApplyAtlasImportResponseObject, error) {
	im, work, err := h.atlas.ApplyImport(ctx, principalFrom(ctx), req.ImportId)
	if err != nil {
		return nil, err
	}
	go work(context.WithoutCancel(ctx))
	return api.ApplyAtlasImport202JSONResponse(atlasImportOut(im)), nil
}

// UndoAtlasImport implements api.StrictServerInterface.
func (h *handlers) UndoAtlasImport(ctx context.Context, req api.UndoAtlasImportRequestObject) (api.UndoAtlasImportResponseObject, error) {
	im, err := h.atlas.UndoImport(ctx, principalFrom(ctx), req.ImportId)
	if err != nil {
		return nil, err
	}
	return api.UndoAtlasImport200JSONResponse(atlasImportOut(im)), nil
}
