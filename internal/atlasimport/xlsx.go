package atlasimport

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// Unzip limits of an XLSX file: its XML may be far larger than the zip, but not without bound
// (a zip bomb). Worksheets beyond xmlInMemory are spooled to temporary files by excelize and
// removed on Close.
const (
	unzipLimit  = 1 << 30
	xmlInMemory = 64 << 20
)

// readXLSX reads the first sheet with data, each cell as displayed (the number format applied),
// as Excel shows it to the person who prepared it. The first non-empty row is the header.
// Trailing empty cells are not stored in XLSX, so short rows are padded to the header's length:
// they are not short in the sheet.
func readXLSX(data []byte) (t Table, err error) {
	// A crafted workbook must not take the server down with it: a panic of the XLSX library is
	// a file we cannot read.
	defer func() {
		if r := recover(); r != nil {
			t, err = Table{}, fmt.Errorf("%w: broken XLSX file: %v", atlas.ErrUnreadableFile, r)
		}
	}()
	// Excel's default date format (14) follows the reader's locale; ISO is what Interpret reads
	// without guessing the order of day and month.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit,
		UnzipXMLSizeLimit: xmlInMemory, ShortDatePattern: "yyyy-mm-dd"})
	if err != nil {
		return Table{}, fmt.Errorf("%w: not a readable XLSX file: %v", atlas.ErrUnreadableFile, err)
	}
	defer func() { _ = f.Close() }()
	for _, sheet := range f.GetSheetList() {
		if t, err = readSheet(f, sheet); err != nil || t.Header != nil {
			return t, err
		}
	}
	return Table{}, fmt.Errorf("%w: no sheet has data", atlas.ErrFileEmpty)
}

func readSheet(f *excelize.File, sheet string) (Table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return Table{}, fmt.Errorf("%w: sheet %q: %v", atlas.ErrUnreadableFile, sheet, err)
	}
	defer func() { _ = rows.Close() }()
	t := Table{Sheet: sheet}
	var lim limits
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return Table{}, fmt.Errorf("%w: sheet %q: %v", atlas.ErrUnreadableFile, sheet, err)
		}
		if t.Header == nil {
			if !blank(cols) {
				t.Header = cols
			}
			continue
		}
		if len(cols) < len(t.Header) {
			cols = append(cols, make([]string, len(t.Header)-len(cols))...)
		}
		if err := lim.add(len(cols)); err != nil {
			return Table{}, err
		}
		t.Rows = append(t.Rows, cols)
	}
	if err := rows.Error(); err != nil {
		return Table{}, fmt.Errorf("%w: sheet %q: %v", atlas.ErrUnreadableFile, sheet, err)
	}
	// Rows after the last filled one are formatting, not data.
	for len(t.Rows) > 0 && blank(t.Rows[len(t.Rows)-1]) {
		t.Rows = t.Rows[:len(t.Rows)-1]
	}
	return t, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
