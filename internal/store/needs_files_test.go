package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestNeedsAttachments: attachment rows belong to one assessment, list oldest first, are found
// only under their own assessment, and go with it.
func TestNeedsAttachments(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newNeedsFixture(t, db)
		files := store.NewNeedsFiles(db)
		a := f.assess(t, "awo", needs.Content{Title: "Mit Anlagen"})
		other := f.assess(t, "diakonie", needs.Content{Title: "Ohne"})
		var ids []int64
		for _, name := range []string{"Statistik.pdf", "Fotos Treff.png"} {
			at, err := files.InsertAttachment(ctx, needs.Attachment{AssessmentID: a.ID, FileName: name, ContentType: "application/pdf",
				Size: 12, StorageKey: "needs/" + name, SHA256: "ab", UploadedBy: f.rita.User.ID, UploadedAt: f.now})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, at.ID)
		}
		if _, err := files.InsertAttachment(ctx, needs.Attachment{AssessmentID: a.ID, FileName: "x", StorageKey: "needs/Statistik.pdf", SHA256: "ab"}); err == nil {
			t.Error("a storage key is unique")
		}
		if _, err := files.InsertAttachment(ctx, needs.Attachment{AssessmentID: 999999, FileName: "x", StorageKey: "k", SHA256: "ab"}); !errors.Is(err, needs.ErrNotFound) {
			t.Errorf("an attachment of no assessment: %v", err)
		}
		list, err := files.Attachments(ctx, a.ID)
		if err != nil || len(list) != 2 || list[0].ID != ids[0] || list[1].FileName != "Fotos Treff.png" || !list[0].UploadedAt.Equal(f.now) {
			t.Fatalf("list: %v %+v", err, list)
		}
		if _, err := files.Attachment(ctx, other.ID, ids[0]); !errors.Is(err, needs.ErrAttachmentNotFound) {
			t.Errorf("found under another assessment: %v", err)
		}
		got, err := files.DeleteAttachment(ctx, a.ID, ids[0])
		if err != nil || got.StorageKey != "needs/Statistik.pdf" {
			t.Fatalf("delete: %v %+v", err, got)
		}
		if _, err := files.DeleteAttachment(ctx, a.ID, ids[0]); !errors.Is(err, needs.ErrAttachmentNotFound) {
			t.Errorf("deleted twice: %v", err)
		}
		if list, _ := files.Attachments(ctx, other.ID); len(list) != 0 {
			t.Errorf("the other assessment has none: %+v", list)
		}
	})
}
