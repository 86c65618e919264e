// Package docxzip writes the zip package of a hand-written Word document (Office Open XML), for
// the report packages that write their parts themselves (needsreport, workshopreport).
package docxzip

import (
	"archive/zip"
	"io"
	"time"
)

// Part is one file of the package.
type Part struct{ Name, Body string }

// Rels is _rels/.rels: the package's relations to word/document.xml and docProps/core.xml.
const Rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

// Write writes the parts as a zip, every entry dated modified (zero: 1980-01-01, the earliest a
// zip entry can say), so that the same document gives the same file.
func Write(w io.Writer, modified time.Time, parts []Part) error {
	if modified.IsZero() {
		modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.Body); err != nil {
			return err
		}
	}
	return z.Close()
}
