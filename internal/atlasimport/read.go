// Package atlasimport reads an uploaded atlas import file (CSV or XLSX) into a table of strings,
// for domain/atlas to interpret with a column mapping. It knows file formats and encodings and
// nothing of indicators or areas.
package atlasimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// Table is a file read into strings: the header line and the data rows as they were in the file
// (rows may have another length than the header; the interpreter reports that).
type Table struct {
	Header    []string
	Rows      [][]string
	Delimiter string // ",", ";" or "\t" for CSV; "" for XLSX
	Encoding  string // "utf-8", "windows-1252" or "utf-16" for CSV; "" for XLSX
	Sheet     string // the sheet read, for XLSX
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0} // the binary .xls of Excel 97-2003
	utf8BOM  = []byte{0xEF, 0xBB, 0xBF}
)

// Read reads an uploaded file: XLSX by its extension or its zip signature, CSV otherwise. It
// refuses empty files and files beyond the limits of atlas (bytes, rows, cells).
func Read(fileName string, data []byte) (Table, error) {
	if len(data) == 0 {
		return Table{}, fmt.Errorf("%w: %s", atlas.ErrFileEmpty, fileName)
	}
	if len(data) > atlas.MaxImportBytes {
		return Table{}, fmt.Errorf("%w: %d bytes, at most %d MiB", atlas.ErrFileTooLarge, len(data), atlas.MaxImportBytes>>20)
	}
	ext := strings.ToLower(filepath.Ext(fileName))
	switch {
	case ext == ".xlsx" || bytes.HasPrefix(data, zipMagic):
		return readXLSX(data)
	case ext == ".xls" || bytes.HasPrefix(data, oleMagic):
		return Table{}, fmt.Errorf("%w: the old Excel format (.xls) is not read; save the file as .xlsx or .csv", atlas.ErrUnreadableFile)
	}
	return readCSV(data)
}

// limits counts rows and cells while a file is read, so an oversized file is refused before it
// is held in memory whole.
type limits struct{ rows, cells int }

func (l *limits) add(fields int) error {
	l.rows++
	l.cells += fields
	if l.rows > atlas.MaxImportRows {
		return fmt.Errorf("%w: more than %d rows", atlas.ErrFileTooLarge, atlas.MaxImportRows)
	}
	if l.cells > atlas.MaxImportCells {
		return fmt.Errorf("%w: more than %d cells", atlas.ErrFileTooLarge, atlas.MaxImportCells)
	}
	return nil
}

func readCSV(data []byte) (Table, error) {
	text, enc, err := decode(data)
	if err != nil {
		return Table{}, err
	}
	if strings.TrimSpace(text) == "" {
		return Table{}, fmt.Errorf("%w: only blank lines", atlas.ErrFileEmpty)
	}
	t := Table{Delimiter: string(detectDelimiter(text)), Encoding: enc}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = rune(t.Delimiter[0])
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var lim limits
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Table{}, fmt.Errorf("%w: %v", atlas.ErrUnreadableFile, err)
		}
		if t.Header == nil {
			t.Header = rec
			continue
		}
		if err := lim.add(len(rec)); err != nil {
			return Table{}, err
		}
		t.Rows = append(t.Rows, rec)
	}
	return t, nil
}

// decode turns the bytes into text: UTF-8 (a BOM is dropped), UTF-16 with a BOM (Excel's
// "Unicode text"), and otherwise Windows-1252, what Excel writes for "CSV" on a German Windows.
func decode(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: broken UTF-16: %v", atlas.ErrUnreadableFile, err)
		}
		return string(b), "utf-16", nil
	case bytes.IndexByte(data, 0) >= 0:
		return "", "", fmt.Errorf("%w: the file contains NUL bytes; is it a CSV file?", atlas.ErrUnreadableFile)
	case utf8.Valid(data):
		return string(bytes.TrimPrefix(data, utf8BOM)), "utf-8", nil
	}
	b, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: neither UTF-8 nor Windows-1252: %v", atlas.ErrUnreadableFile, err)
	}
	return string(b), "windows-1252", nil
}

// detectDelimiter counts commas, semicolons and tabs in the header line outside quotes and takes
// the most frequent; a tie goes to the semicolon, then the tab, as a comma is also the German
// decimal mark. A header without any is one column, read with a comma.
func detectDelimiter(text string) byte {
	counts := map[byte]int{}
	quoted := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '"' {
			quoted = !quoted
		} else if !quoted && (c == '\n' || c == '\r') {
			break
		} else if !quoted && (c == ',' || c == ';' || c == '\t') {
			counts[c]++
		}
	}
	best := byte(';')
	for _, c := range []byte{'\t', ','} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	if counts[best] == 0 {
		return ','
	}
	return best
}
