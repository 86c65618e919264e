package app

import (
	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/atlasimport"
)

// ReadImportFile is the atlas's ImportReader: internal/atlasimport's reader of CSV and XLSX.
func ReadImportFile(fileName string, data []byte) (atlas.ImportTable, error) {
	t, err := atlasimport.Read(fileName, data)
	if err != nil {
		return atlas.ImportTable{}, err
	}
	return atlas.ImportTable{Header: t.Header, Rows: t.Rows,
		Facts: atlas.FileFacts{Delimiter: t.Delimiter, Encoding: t.Encoding, Sheet: t.Sheet}}, nil
}
