package planning

import (
	"context"
	"io"
	"time"
)

// Document is a file of a process: a plan draft, a report.
type Document struct {
	ID          int64
	ProcessID   int64
	Title       string
	FileName    string
	ContentType string
	Size        int64
	StorageKey  string // where the blob store keeps the bytes
	SHA256      string
	UploadedBy  int64
	UploadedAt  time.Time
}

// Blobs keeps the bytes of documents; on disk under TEILHABE_DATA_DIR by default.
type Blobs interface {
	// Put stores r under key and returns its size and SHA-256 (hex).
	Put(ctx context.Context, key string, r io.Reader) (size int64, sha256 string, err error)
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
	Delete(ctx context.Context, key string) error
}
