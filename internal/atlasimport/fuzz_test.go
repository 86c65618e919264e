package atlasimport_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/internal/atlasimport"
)

func FuzzRead(f *testing.F) {
	f.Add("a.csv", []byte("ags,name,value\n16051,\"Erfurt, Stadt\",12.5\n"))
	f.Add("a.csv", []byte("\xef\xbb\xbfags;wert\r\n16068;\"1;5\"\r\n"))
	f.Add("a.csv", []byte("ags;name\n16068;S\xf6mmerda\n"))
	f.Add("a.txt", utf16LE("ags\twert\r\n1\t2\r\n"))
	f.Add("a.csv", []byte("\"a\n;b\",c\n\"1"))
	f.Add("a.xlsx", xlsxFile(f))
	f.Add("upload", []byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		tab, err := atlasimport.Read(name, data)
		if err != nil {
			if !errors.Is(err, atlas.ErrFileEmpty) && !errors.Is(err, atlas.ErrUnreadableFile) && !errors.Is(err, atlas.ErrFileTooLarge) {
				t.Fatalf("an error that is not the atlas's: %v", err)
			}
			return
		}
		if tab.Header == nil || len(tab.Rows) > atlas.MaxImportRows {
			t.Fatalf("header %q, %d rows", tab.Header, len(tab.Rows))
		}
		switch {
		case tab.Sheet != "":
			if tab.Delimiter != "" || tab.Encoding != "" {
				t.Fatalf("xlsx with %q %q", tab.Delimiter, tab.Encoding)
			}
		case tab.Delimiter != "," && tab.Delimiter != ";" && tab.Delimiter != "\t":
			t.Fatalf("delimiter %q", tab.Delimiter)
		case tab.Encoding != "utf-8" && tab.Encoding != "windows-1252" && tab.Encoding != "utf-16":
			t.Fatalf("encoding %q", tab.Encoding)
		}
		for _, row := range append([][]string{tab.Header}, tab.Rows...) {
			for _, c := range row {
				if tab.Sheet == "" && !utf8.ValidString(c) {
					t.Fatalf("cell %q is not UTF-8", c)
				}
			}
		}
	})
}
