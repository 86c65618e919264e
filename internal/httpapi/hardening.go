package httpapi

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// errNULCharacter: PostgreSQL cannot store U+0000 in text, SQLite can; refusing it everywhere
// keeps the two databases in agreement and turns what was a 500 into a clear answer.
var errNULCharacter = kernel.New(kernel.KindInvalid, "invalid_characters", "The text contains a NUL character (U+0000), which is not allowed.")

// errInvalidUTF8: Go's JSON decoder would silently turn invalid bytes into U+FFFD and store them.
var errInvalidUTF8 = kernel.New(kernel.KindInvalid, "invalid_characters", "The text is not valid UTF-8.")

// refuseNUL answers 422 invalid_characters to a request whose query or JSON body holds U+0000,
// before any handler sees it. Multipart uploads are checked field by field where they are read.
func refuseNUL(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if q := req.URL.RawQuery; strings.Contains(q, "%00") || strings.Contains(q, "\x00") {
			return errNULCharacter
		}
		if req.Body == nil || req.ContentLength == 0 || !strings.HasPrefix(req.Header.Get(echo.HeaderContentType), "application/") {
			return next(c)
		}
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return err // the body limit's error, answered by the error handler
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		if bytes.IndexByte(body, 0) >= 0 || containsFold(body, `\u0000`) {
			return errNULCharacter
		}
		if strings.Contains(req.Header.Get(echo.HeaderContentType), "json") && !utf8.Valid(body) {
			return errInvalidUTF8
		}
		return next(c)
	}
}

func containsFold(b []byte, s string) bool {
	return bytes.Contains(bytes.ToLower(b), []byte(strings.ToLower(s)))
}

// personalNoStore marks every API answer to a logged-in person as personal: no shared cache may
// keep it and no browser may store it (the /me answer carries the CSRF token, for one).
func personalNoStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if strings.HasPrefix(c.Request().URL.Path, apiPrefix+"/") && !principalFrom(c.Request().Context()).Anonymous() {
			c.Response().Before(func() {
				if c.Response().Header().Get("Cache-Control") == "" {
					c.Response().Header().Set("Cache-Control", "no-store")
				}
			})
		}
		return next(c)
	}
}

// hsts sends Strict-Transport-Security whenever the platform's public URL is https: behind a
// TLS-terminating proxy the request itself says nothing reliable about the scheme.
func hsts(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		return next(c)
	}
}

// unavailable reports whether err says the database cannot be reached now (refused, reset,
// shut down, too many connections), which is worth a 503 with Retry-After rather than a 500.
func unavailable(err error) bool {
	if errors.Is(err, kernel.ErrUnavailable) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"connection refused", "connection reset", "broken pipe", "the database system is shutting down",
		"the database system is starting up", "too many clients", "terminating connection", "failed to connect", "bad connection",
		"unexpected EOF", "conn closed", "not currently accepting connections", "no connection to the server", "server closed the connection"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
