package kernel

import "time"

// Idempotency-Key bookkeeping: the port between the HTTP layer, which replays the first answer
// of a retried creating request, and the store that keeps the keys.

// ErrIdempotencyKeyTaken means the person already sent a request with this Idempotency-Key: the
// key's row exists, whether its request still runs or has finished.
var ErrIdempotencyKeyTaken = New(KindConflict, "idempotency_key_in_progress", "A request with this Idempotency-Key is still running.")

// ErrIdempotencyKeyUnknown means no row exists for the person and key (never sent, released or
// swept).
var ErrIdempotencyKeyUnknown = New(KindNotFound, "idempotency_key_unknown", "No request was sent with this Idempotency-Key.")

// IdempotentRequest is what identifies a request sent with an Idempotency-Key.
type IdempotentRequest struct {
	UserID    int64
	Key       string
	Method    string
	Path      string
	BodyHash  string
	CreatedAt time.Time
}

// StoredResponse is a finished request's answer, kept for replays.
type StoredResponse struct {
	Status      int
	ContentType string
	Location    string
	Body        []byte
}

// IdempotencyRecord is a key's row: the request and, once it has finished, its answer (nil while
// it still runs).
type IdempotencyRecord struct {
	IdempotentRequest
	Response *StoredResponse
}
