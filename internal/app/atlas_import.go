package app

import (
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/atlasimport"
	"github.com/teilhabe/teilhabe/internal/store"
)

// AtlasDeps returns the atlas's ports on db, keeping import files in blobs; the catalogue store
// (Deps.Store) is set by the caller.
func AtlasDeps(db *store.DB, blobs planning.Blobs, now func() time.Time) atlas.Deps {
	return atlas.Deps{Imports: store.NewAtlasImports(db), Districts: store.NewDistricts(db), Areas: store.NewPlanning(db),
		Tx: db, Audit: store.NewAudit(db), Blobs: blobs, Read: ReadImportFile, Now: now}
}

// ReadImportFile is the atlas's ImportReader: internal/atlasimport's reader of CSV and XLSX.
func ReadImportFile(fileName string, data []byte) (atlas.ImportTable, error) {
	t, err := atlasimport.Read(fileName, data)
	if err != nil {
		return atlas.ImportTable{}, err
	}
	return atlas.ImportTable{Header: t.Header, Rows: t.Rows,
		Facts: atlas.FileFacts{Delimiter: t.Delimiter, Encoding: t.Encoding, Sheet: t.Sheet}}, nil
}
