package httpapi

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/api"
)

// Problem is an error with an HTTP status and a stable code, sent as RFC 9457 problem details.
type Problem struct {
	Status int
	Code   string
	Detail string
	// RetryAfter, in seconds, is sent as the Retry-After header (429, 503).
	RetryAfter string
}

// Error makes a Problem an error that handlers can return.
func (p *Problem) Error() string { return p.Code + ": " + p.Detail }

// NewProblem returns a Problem; handlers return it as an error.
func NewProblem(status int, code, detail string) *Problem {
	return &Problem{Status: status, Code: code, Detail: detail}
}

// statusCodes are the codes of errors echo itself raises (routing, body limits, ...).
var statusCodes = map[int]string{
	http.StatusBadRequest:            "bad_request",
	http.StatusUnauthorized:          "unauthorized",
	http.StatusForbidden:             "forbidden",
	http.StatusNotFound:              "not_found",
	http.StatusMethodNotAllowed:      "method_not_allowed",
	http.StatusRequestEntityTooLarge: "payload_too_large",
	http.StatusUnsupportedMediaType:  "unsupported_media_type",
	http.StatusTooManyRequests:       "rate_limited",
	http.StatusServiceUnavailable:    "unavailable",
}

// toProblem turns any error into a Problem; unknown errors become a 500 whose text stays in the log.
func toProblem(err error) (p *Problem, internal bool) {
	if errors.As(err, &p) {
		return p, false
	}
	if p := domainProblem(err); p != nil {
		return p, false
	}
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Code < 500 {
		code, ok := statusCodes[he.Code]
		if !ok {
			code = "http_" + strings.ToLower(strings.ReplaceAll(http.StatusText(he.Code), " ", "_"))
		}
		detail := http.StatusText(he.Code)
		if msg, ok := he.Message.(string); ok && msg != "" {
			detail = msg
		}
		return NewProblem(he.Code, code, detail), false
	}
	if errors.As(err, &he) && he.Code == http.StatusServiceUnavailable {
		return NewProblem(he.Code, "unavailable", "The service is unavailable; please try again shortly."), false
	}
	if unavailable(err) {
		p := NewProblem(http.StatusServiceUnavailable, "unavailable", "The service is unavailable; please try again shortly.")
		p.RetryAfter = "5"
		return p, true // logged: an outage is worth knowing about
	}
	return NewProblem(http.StatusInternalServerError, "internal_error", "An internal error occurred. Please try again later."), true
}

// errorHandler is echo's single error handler: every error leaves as application/problem+json.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		p, internal := toProblem(err)
		rid := c.Response().Header().Get(echo.HeaderXRequestID)
		if internal {
			log.ErrorContext(c.Request().Context(), "request failed", "error", err, "request_id", rid, "path", c.Request().URL.Path)
		}
		writeProblem(c, p, rid)
	}
}

func writeProblem(c echo.Context, p *Problem, requestID string) {
	path := c.Request().URL.Path
	body := api.Problem{Type: "about:blank", Title: http.StatusText(p.Status), Status: p.Status, Code: p.Code, Instance: &path}
	if p.Detail != "" {
		body.Detail = &p.Detail
	}
	if requestID != "" {
		body.RequestId = &requestID
	}
	c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
	if p.RetryAfter != "" {
		c.Response().Header().Set("Retry-After", p.RetryAfter)
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(p.Status)
		return
	}
	_ = c.JSON(p.Status, body)
}
