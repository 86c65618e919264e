package httpapi

import (
	"math"
	"net/http"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// kindStatus is the one mapping from a domain error's kind to an HTTP status; a new context adds
// errors of these kinds and nothing here.
var kindStatus = map[kernel.Kind]int{
	kernel.KindNotFound:        http.StatusNotFound,
	kernel.KindInvalid:         http.StatusUnprocessableEntity,
	kernel.KindMalformed:       http.StatusBadRequest,
	kernel.KindConflict:        http.StatusConflict,
	kernel.KindForbidden:       http.StatusForbidden,
	kernel.KindUnauthenticated: http.StatusUnauthorized,
	kernel.KindPrecondition:    http.StatusPreconditionFailed,
	kernel.KindRateLimited:     http.StatusTooManyRequests,
	kernel.KindUnavailable:     http.StatusServiceUnavailable,
}

// StatusOf is the HTTP status of a domain error kind (500 for KindInternal and unknown kinds).
func StatusOf(k kernel.Kind) int {
	if s, ok := kindStatus[k]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// domainProblem turns a domain error into a Problem; nil for other errors. The detail is the
// error's whole text, which names the rule that was broken.
func domainProblem(err error) *Problem {
	e, ok := kernel.As(err)
	if !ok || e.Kind() == kernel.KindInternal {
		return nil
	}
	p := NewProblem(StatusOf(e.Kind()), e.Code(), err.Error())
	if d := e.RetryAfter(); d > 0 {
		p.RetryAfter = strconv.Itoa(int(math.Ceil(d.Seconds())))
	}
	return p
}
