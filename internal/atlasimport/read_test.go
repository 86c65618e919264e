package atlasimport_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/atlasimport"
)

func TestReadCSV(t *testing.T) {
	// "Sömmerda" and "Saale-Holzland-Kreis" as Excel writes them on a German Windows: ö is 0xF6.
	cp1252 := []byte("ags;name;wert\r\n16068;S\xf6mmerda;1,5\r\n16074;Saale-Holzland-Kreis;\"2;5\"\r\n")
	cases := []struct {
		name, file string
		data       []byte
		want       atlasimport.Table
	}{
		{"comma", "a.csv", []byte("ags,name,value\n16051,\"Erfurt, Stadt\",12.5\n16052,Gera,\n"),
			atlasimport.Table{Header: []string{"ags", "name", "value"}, Delimiter: ",", Encoding: "utf-8",
				Rows: [][]string{{"16051", "Erfurt, Stadt", "12.5"}, {"16052", "Gera", ""}}}},
		{"semicolon with BOM", "a.CSV", []byte("\xef\xbb\xbfSchlüssel;Name;Wert\r\n16068;Sömmerda;\"1;5\"\r\n"),
			atlasimport.Table{Header: []string{"Schlüssel", "Name", "Wert"}, Delimiter: ";", Encoding: "utf-8",
				Rows: [][]string{{"16068", "Sömmerda", "1;5"}}}},
		{"tab", "a.txt", []byte("ags\tjahr\twert\n16051\t2020\t1,5\n"),
			atlasimport.Table{Header: []string{"ags", "jahr", "wert"}, Delimiter: "\t", Encoding: "utf-8",
				Rows: [][]string{{"16051", "2020", "1,5"}}}},
		{"windows-1252", "kreise.csv", cp1252,
			atlasimport.Table{Header: []string{"ags", "name", "wert"}, Delimiter: ";", Encoding: "windows-1252",
				Rows: [][]string{{"16068", "Sömmerda", "1,5"}, {"16074", "Saale-Holzland-Kreis", "2;5"}}}},
		{"delimiters inside quotes of the header", "a.csv", []byte("\"a;b;c\",d\n1,2\n"),
			atlasimport.Table{Header: []string{"a;b;c", "d"}, Delimiter: ",", Encoding: "utf-8", Rows: [][]string{{"1", "2"}}}},
		{"rows kept as read", "a.csv", []byte("a;b;c\n1;2\n1;2;3;4\n\n5;la\"zy;6\n"),
			atlasimport.Table{Header: []string{"a", "b", "c"}, Delimiter: ";", Encoding: "utf-8",
				Rows: [][]string{{"1", "2"}, {"1", "2", "3", "4"}, {"5", "la\"zy", "6"}}}},
		{"utf-16 with BOM", "unicode.txt", utf16LE("ags\twert\r\n16068\tSömmerda\r\n"),
			atlasimport.Table{Header: []string{"ags", "wert"}, Delimiter: "\t", Encoding: "utf-16",
				Rows: [][]string{{"16068", "Sömmerda"}}}},
		{"one column", "a.csv", []byte("ags\n16051\n"),
			atlasimport.Table{Header: []string{"ags"}, Delimiter: ",", Encoding: "utf-8", Rows: [][]string{{"16051"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := atlasimport.Read(c.file, c.data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %#v\nwant %#v", got, c.want)
			}
		})
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestReadRefuses(t *testing.T) {
	big := bytes.Repeat([]byte("a"), atlas.MaxImportBytes+1)
	var many strings.Builder
	many.WriteString("a\n")
	for range atlas.MaxImportRows + 1 {
		many.WriteString("1\n")
	}
	cells := "a" + strings.Repeat(",a", 99) + "\n" + strings.Repeat("1"+strings.Repeat(",1", 99)+"\n", atlas.MaxImportCells/100+1)
	cases := []struct {
		name, file string
		data       []byte
		want       error
	}{
		{"empty", "a.csv", nil, atlas.ErrFileEmpty},
		{"blank lines", "a.csv", []byte("\r\n\n  \n"), atlas.ErrFileEmpty},
		{"too large", "a.csv", big, atlas.ErrFileTooLarge},
		{"too many rows", "a.csv", []byte(many.String()), atlas.ErrFileTooLarge},
		{"too many cells", "a.csv", []byte(cells), atlas.ErrFileTooLarge},
		{"old Excel", "a.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, atlas.ErrUnreadableFile},
		{"not a zip", "a.xlsx", []byte("ags,wert\n"), atlas.ErrUnreadableFile},
		{"a broken zip", "upload", []byte("PK\x03\x04garbage"), atlas.ErrUnreadableFile},
		{"binary", "a.csv", []byte("ags\x00wert"), atlas.ErrUnreadableFile},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := atlasimport.Read(c.file, c.data)
			if !errors.Is(err, c.want) {
				t.Errorf("Read: %v, want %v", err, c.want)
			}
		})
	}
}

// xlsxFile writes a workbook: an empty first sheet, then the data in the second.
func xlsxFile(t testing.TB) []byte {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if _, err := f.NewSheet("Daten"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Kreisschlüssel", "Name", "2020", "2021", "Stichtag"},
		{"16068", "Sömmerda", 1.5, 1234.5},
		{"16074", "Saale-Holzland-Kreis", "."},
		nil,
		{"16051", "Erfurt", 3, "(4)"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Daten", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// A number format as the person sees it: two decimals with a thousands separator.
	style, err := f.NewStyle(&excelize.Style{NumFmt: 4})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Daten", "D2", "D2", style); err != nil {
		t.Fatal(err)
	}
	// A reference date in Excel's default date format and in a German one of its own.
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	german := "dd.mm.yyyy"
	dateDE, err := f.NewStyle(&excelize.Style{CustomNumFmt: &german})
	if err != nil {
		t.Fatal(err)
	}
	for cell, style := range map[string]int{"E2": date, "E3": dateDE} {
		if err := f.SetCellValue("Daten", cell, time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Daten", cell, cell, style); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	data := xlsxFile(t)
	want := atlasimport.Table{Sheet: "Daten", Header: []string{"Kreisschlüssel", "Name", "2020", "2021", "Stichtag"},
		Rows: [][]string{{"16068", "Sömmerda", "1.5", "1,234.50", "2021-12-31"}, {"16074", "Saale-Holzland-Kreis", ".", "", "31.12.2021"},
			{"", "", "", "", ""}, {"16051", "Erfurt", "3", "(4)", ""}}}
	for _, name := range []string{"atlas.xlsx", "upload.bin"} { // by extension, and by the zip signature
		got, err := atlasimport.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %#v\nwant %#v", name, got, want)
		}
	}
}

func TestReadXLSXWithoutData(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := atlasimport.Read("leer.xlsx", buf.Bytes()); !errors.Is(err, atlas.ErrFileEmpty) {
		t.Errorf("Read: %v", err)
	}
}
