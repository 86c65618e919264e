package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/app"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// keyOwners are two people, for the keys' foreign key.
func keyOwners(t *testing.T, db *store.DB) (rita, karl int64) {
	t.Helper()
	if err := refdata.Load(context.Background(), store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	ids := app.Identity(db)
	return login(t, ids, "rita").User.ID, login(t, ids, "karl").User.ID
}

func TestIdempotencyKeyStoreContract(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rita, karl := keyOwners(t, db)
		keys := store.NewIdempotencyKeys(db)
		at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		req := kernel.IdempotentRequest{UserID: rita, Key: "k-1", Method: "POST", Path: "/api/v1/x", BodyHash: "h1", CreatedAt: at}

		if _, err := keys.Find(ctx, rita, "k-1"); !errors.Is(err, kernel.ErrIdempotencyKeyUnknown) {
			t.Fatalf("find before reserve: %v", err)
		}
		if err := keys.Reserve(ctx, req); err != nil {
			t.Fatal(err)
		}
		if err := keys.Reserve(ctx, req); !errors.Is(err, kernel.ErrIdempotencyKeyTaken) {
			t.Fatalf("second reserve: %v, want ErrIdempotencyKeyTaken", err)
		}
		other := req
		other.UserID = karl
		if err := keys.Reserve(ctx, other); err != nil {
			t.Fatalf("the same key of another person: %v", err)
		}
		rec, err := keys.Find(ctx, rita, "k-1")
		if err != nil || rec.Response != nil || rec.Path != req.Path || rec.BodyHash != "h1" || !rec.CreatedAt.Equal(at) {
			t.Fatalf("running record = %+v, %v", rec, err)
		}

		resp := kernel.StoredResponse{Status: 201, ContentType: "application/json", Location: "/x/1", Body: []byte(`{"id":1}`)}
		if err := keys.Complete(ctx, rita, "k-1", resp); err != nil {
			t.Fatal(err)
		}
		if err := keys.Complete(ctx, rita, "k-1", resp); !errors.Is(err, kernel.ErrIdempotencyKeyUnknown) {
			t.Errorf("completing twice: %v", err)
		}
		// A finished key is not released: its answer must stay for the retries.
		if err := keys.Release(ctx, rita, "k-1"); err != nil {
			t.Fatal(err)
		}
		rec, err = keys.Find(ctx, rita, "k-1")
		if err != nil || rec.Response == nil || rec.Response.Status != 201 || string(rec.Response.Body) != `{"id":1}` ||
			rec.Response.Location != "/x/1" || rec.Response.ContentType != "application/json" {
			t.Fatalf("finished record = %+v, %v", rec, err)
		}
		// A running key is released.
		if err := keys.Release(ctx, karl, "k-1"); err != nil {
			t.Fatal(err)
		}
		if _, err := keys.Find(ctx, karl, "k-1"); !errors.Is(err, kernel.ErrIdempotencyKeyUnknown) {
			t.Errorf("released key still there: %v", err)
		}

		young := req
		young.Key, young.CreatedAt = "k-2", at.Add(time.Hour)
		if err := keys.Reserve(ctx, young); err != nil {
			t.Fatal(err)
		}
		n, err := keys.DeleteBefore(ctx, at.Add(time.Minute))
		if err != nil || n != 1 {
			t.Fatalf("sweep deleted %d, %v; want 1", n, err)
		}
		if _, err := keys.Find(ctx, rita, "k-1"); !errors.Is(err, kernel.ErrIdempotencyKeyUnknown) {
			t.Errorf("old key survived the sweep: %v", err)
		}
		if _, err := keys.Find(ctx, rita, "k-2"); err != nil {
			t.Errorf("young key swept: %v", err)
		}
	})
}

// Of many concurrent reservations of one key exactly one wins, and none fails otherwise.
func TestIdempotencyKeyReservationRace(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rita, _ := keyOwners(t, db)
		keys := store.NewIdempotencyKeys(db)
		req := kernel.IdempotentRequest{UserID: rita, Key: "race", Method: "POST", Path: "/p", BodyHash: "h", CreatedAt: time.Now()}
		var wg sync.WaitGroup
		errs := make([]error, 16)
		for i := range errs {
			wg.Add(1)
			go func() { defer wg.Done(); errs[i] = keys.Reserve(ctx, req) }()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, kernel.ErrIdempotencyKeyTaken):
				t.Errorf("reserve: %v", err)
			}
		}
		if won != 1 {
			t.Errorf("%d reservations won, want 1", won)
		}
	})
}
