package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// The headers of idempotent requests, as the IETF draft "The Idempotency-Key HTTP Header Field"
// names them.
const (
	idempotencyHeader = "Idempotency-Key"
	replayedHeader    = "Idempotent-Replayed"
	idempotencyParam  = "#/components/parameters/IdempotencyKey"
)

// IdempotencyTTL is how long a key is remembered; a client retries within minutes, and a day
// covers a phone that was offline overnight.
const IdempotencyTTL = 24 * time.Hour

// IdempotencyStore keeps the Idempotency-Keys of creating requests; the store's IdempotencyKeys
// implements it.
type IdempotencyStore interface {
	Reserve(ctx context.Context, r kernel.IdempotentRequest) error
	Find(ctx context.Context, userID int64, key string) (kernel.IdempotencyRecord, error)
	Complete(ctx context.Context, userID int64, key string, resp kernel.StoredResponse) error
	Release(ctx context.Context, userID int64, key string) error
	DeleteBefore(ctx context.Context, t time.Time) (int64, error)
}

// SweepIdempotencyKeys forgets the keys older than IdempotencyTTL at now; the server calls it
// periodically.
func SweepIdempotencyKeys(ctx context.Context, st IdempotencyStore, now time.Time) (int64, error) {
	return st.DeleteBefore(ctx, now.Add(-IdempotencyTTL))
}

var (
	errKeyReused = NewProblem(http.StatusUnprocessableEntity, "idempotency_key_reused",
		"This Idempotency-Key was used for another request; use a new key for a new request.")
	errKeyInProgress = NewProblem(http.StatusConflict, "idempotency_key_in_progress",
		"The first request with this Idempotency-Key is still running; retry in a moment.")
)

// idempotentRoutes are the echo routes ("POST /api/v1/consultations/:consultationId/comments")
// of the operations whose contract takes the Idempotency-Key header, so that adding the parameter
// in api/openapi.yaml is all it takes to cover an operation.
func idempotentRoutes(spec *openapi3.T) map[string]bool {
	routes := map[string]bool{}
	for path, item := range spec.Paths.Map() {
		for method, op := range item.Operations() {
			for _, p := range op.Parameters {
				if p.Ref == idempotencyParam {
					routes[method+" "+apiPrefix+pathParams.ReplaceAllString(path, ":$1")] = true
				}
			}
		}
	}
	return routes
}

var pathParams = regexp.MustCompile(`\{([^}]+)\}`)

// idempotency is the middleware of the idempotent operations. It runs after routing (echo
// routes before the middleware of e.Use), so it knows the route, and after the request
// validation, so the key's format is checked.
type idempotency struct {
	store  IdempotencyStore
	routes map[string]bool
	log    *slog.Logger
	now    func() time.Time
}

func newIdempotency(st IdempotencyStore, log *slog.Logger) (*idempotency, error) {
	spec, err := api.GetSpec()
	if err != nil {
		return nil, err
	}
	return &idempotency{store: st, routes: idempotentRoutes(spec), log: log, now: func() time.Time { return time.Now().UTC() }}, nil
}

func (m *idempotency) handle(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		key := req.Header.Get(idempotencyHeader)
		if key == "" || !m.routes[req.Method+" "+c.Path()] {
			return next(c)
		}
		// Keys belong to a person; anonymous requests to these operations are refused by the
		// handler anyway.
		p := principalFrom(req.Context())
		if p.Anonymous() {
			return next(c)
		}
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return err // e.g. the body limit's 413
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		sum := sha256.Sum256(withoutBoundary(body, req.Header.Get(echo.HeaderContentType)))
		r := kernel.IdempotentRequest{UserID: p.User.ID, Key: key, Method: req.Method, Path: req.URL.RequestURI(),
			BodyHash: hex.EncodeToString(sum[:]), CreatedAt: m.now()}
		// A key found gone (released by a failed first attempt, or expired) is reserved again; the
		// attempts are bounded because another request may take it again in between.
		for range 3 {
			err := m.store.Reserve(req.Context(), r)
			if err == nil {
				return m.run(c, next, r)
			}
			if !errors.Is(err, kernel.ErrIdempotencyKeyTaken) {
				return err
			}
			rec, err := m.store.Find(req.Context(), r.UserID, key)
			if errors.Is(err, kernel.ErrIdempotencyKeyUnknown) {
				continue
			}
			if err != nil {
				return err
			}
			if cutoff := r.CreatedAt.Add(-IdempotencyTTL); rec.CreatedAt.Before(cutoff) {
				if _, err := m.store.DeleteBefore(req.Context(), cutoff); err != nil {
					return err
				}
				continue
			}
			if rec.Method != r.Method || rec.Path != r.Path || rec.BodyHash != r.BodyHash {
				return errKeyReused
			}
			if rec.Response == nil {
				c.Response().Header().Set("Retry-After", "1")
				return errKeyInProgress
			}
			return replay(c, *rec.Response)
		}
		return errKeyInProgress
	}
}

// run serves the request that holds the key and keeps its answer if it succeeded. Anything else
// (an error, a 4xx or 5xx answer, a panic) releases the key, so that a corrected retry runs.
func (m *idempotency) run(c echo.Context, next echo.HandlerFunc, r kernel.IdempotentRequest) error {
	res := c.Response()
	rec := &teeWriter{ResponseWriter: res.Writer}
	res.Writer = rec
	kept := false
	defer func() {
		res.Writer = rec.ResponseWriter
		if kept {
			return
		}
		ctx, cancel := afterwards(c)
		defer cancel()
		if err := m.store.Release(ctx, r.UserID, r.Key); err != nil {
			m.log.ErrorContext(ctx, "releasing an idempotency key failed", "error", err, "user_id", r.UserID)
		}
	}()
	err := next(c)
	// A committed 2xx counts even with an error, which then comes from writing to a client that
	// has gone: the creation happened, and its retry must be a replay.
	if !res.Committed || res.Status < 200 || res.Status > 299 {
		return err
	}
	kept = true
	h := res.Header()
	stored := kernel.StoredResponse{Status: res.Status, ContentType: h.Get(echo.HeaderContentType),
		Location: h.Get(echo.HeaderLocation), Body: rec.buf.Bytes()}
	ctx, cancel := afterwards(c)
	defer cancel()
	if err := m.store.Complete(ctx, r.UserID, r.Key, stored); err != nil {
		// The creation happened; releasing the key would let a retry create it twice, so the key
		// stays reserved (answering 409) until it expires.
		m.log.ErrorContext(ctx, "keeping an idempotent answer failed", "error", err, "user_id", r.UserID)
	}
	return err
}

// afterwards is a context for settling the key after the handler: the answer is kept or the key
// released even when the client has gone away or the request's deadline has passed meanwhile.
func afterwards(c echo.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(c.Request().Context()), 5*time.Second)
}

// withoutBoundary is the body as hashed: a browser draws a new multipart boundary for every
// send, so a retried upload differs from the first only there; the boundary is left out.
func withoutBoundary(body []byte, contentType string) []byte {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return body
	}
	return bytes.ReplaceAll(body, []byte("--"+params["boundary"]), []byte("--"))
}

// replay answers with the stored response of the key's first request.
func replay(c echo.Context, resp kernel.StoredResponse) error {
	h := c.Response().Header()
	h.Set(replayedHeader, "true")
	if resp.Location != "" {
		h.Set(echo.HeaderLocation, resp.Location)
	}
	if len(resp.Body) == 0 {
		return c.NoContent(resp.Status)
	}
	return c.Blob(resp.Status, resp.ContentType, resp.Body)
}

// teeWriter copies what the handler writes, to be stored for replays.
type teeWriter struct {
	http.ResponseWriter
	buf bytes.Buffer
}

func (w *teeWriter) Write(b []byte) (int, error) {
	w.buf.Write(b)
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *teeWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
