package blob_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/blob"
)

func TestDisk(t *testing.T) {
	ctx := context.Background()
	d := blob.Disk{Root: t.TempDir()}
	n, sum, err := d.Put(ctx, "documents/2026/abc", strings.NewReader("%PDF-1.4 hello"))
	want := sha256.Sum256([]byte("%PDF-1.4 hello"))
	if err != nil || n != 14 || sum != hex.EncodeToString(want[:]) {
		t.Fatalf("put: %d %s %v", n, sum, err)
	}
	f, err := d.Open(ctx, "documents/2026/abc")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "%PDF-1.4 hello" {
		t.Errorf("read back %q", b)
	}
	if err := d.Delete(ctx, "documents/2026/abc"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Open(ctx, "documents/2026/abc"); !errors.Is(err, planning.ErrDocumentNotFound) {
		t.Errorf("open after delete: %v", err)
	}
	for _, bad := range []string{"../etc/passwd", "/abs", "a/../../b", "A", ""} {
		if _, _, err := d.Put(ctx, bad, strings.NewReader("x")); err == nil {
			t.Errorf("key %q accepted", bad)
		}
	}
}
