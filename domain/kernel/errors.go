// Package kernel holds what every context of the domain shares: error kinds with stable codes,
// the clock, the transaction port and the live-event port.
package kernel

import (
	"errors"
	"sort"
	"sync"
	"time"
)

// Kind says what went wrong in terms a caller can act on; each kind implies one HTTP status
// (internal/httpapi maps them, in one place), so a context never needs a table of its own.
type Kind int

// The kinds of domain errors.
const (
	KindInternal        Kind = iota // not a domain error: a bug or an outage
	KindNotFound                    // the thing does not exist, or the person may not know it does
	KindInvalid                     // the input breaks a rule; resending it unchanged fails again
	KindMalformed                   // the input cannot be read at all (a bad key or cursor)
	KindConflict                    // the input is fine but the current state does not allow it
	KindForbidden                   // the person may not do this
	KindUnauthenticated             // the person must log in first
	KindPrecondition                // a condition the request itself set does not hold
	KindRateLimited                 // too much, too fast: retry later
	KindUnavailable                 // a dependency is down: retry later
)

var kindNames = map[Kind]string{
	KindInternal: "internal", KindNotFound: "not_found", KindInvalid: "invalid", KindMalformed: "malformed",
	KindConflict: "conflict", KindForbidden: "forbidden", KindUnauthenticated: "unauthenticated",
	KindPrecondition: "precondition_failed", KindRateLimited: "rate_limited", KindUnavailable: "unavailable",
}

// String names the kind.
func (k Kind) String() string { return kindNames[k] }

// Error is a domain error: a kind, a stable code that clients may switch on (part of the API,
// never changed) and a message for people. Contexts declare them once as package variables with
// New and wrap them with detail (fmt.Errorf("%w: ...", ErrX)); errors.Is keeps working.
type Error struct {
	kind    Kind
	code    string
	message string
	after   time.Duration
}

// Error returns the message.
func (e *Error) Error() string { return e.message }

// Kind returns the error's kind.
func (e *Error) Kind() Kind { return e.kind }

// Code returns the stable code.
func (e *Error) Code() string { return e.code }

// RetryAfter is how long to wait before retrying (rate-limited and unavailable errors).
func (e *Error) RetryAfter() time.Duration { return e.after }

var (
	registryMu sync.Mutex
	registry   = map[string]*Error{}
)

// New declares a domain error. Declared errors are registered, so a test can prove that every one
// has a code and maps to a status; declaring the same code twice with another kind panics at
// start, because a code must mean one thing.
func New(kind Kind, code, message string) *Error {
	e := &Error{kind: kind, code: code, message: message}
	registryMu.Lock()
	defer registryMu.Unlock()
	if old, ok := registry[code]; ok && old.kind != kind {
		panic("kernel: error code " + code + " declared with two kinds")
	}
	if _, ok := registry[code]; !ok {
		registry[code] = e
	}
	return e
}

// Declared returns one declared error per code, sorted by code.
func Declared() []*Error {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := make([]*Error, 0, len(registry))
	for _, e := range registry {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].code < out[j].code })
	return out
}

// Limited returns a rate-limited error that says when to retry.
func Limited(base *Error, after time.Duration) error {
	e := *base
	e.after = after
	return &limited{own: &e, base: base}
}

// limited keeps errors.Is(err, base) true for a copy that carries its own retry time.
type limited struct {
	own, base *Error
}

func (l *limited) Error() string        { return l.own.Error() }
func (l *limited) Is(target error) bool { return target == l.base }
func (l *limited) Unwrap() error        { return l.own }

// As finds the domain error in err's chain; ok is false for errors that are not domain errors
// (their kind is KindInternal).
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// KindOf returns the kind of err (KindInternal for anything that is not a domain error).
func KindOf(err error) Kind {
	if e, ok := As(err); ok {
		return e.kind
	}
	return KindInternal
}

// Errors every context uses.
var (
	// ErrLoginRequired: the use case needs a logged-in person.
	ErrLoginRequired = New(KindUnauthenticated, "unauthenticated", "Please log in.")
	// ErrForbidden: the person is known but may not do this.
	ErrForbidden = New(KindForbidden, "forbidden", "You may not do this.")
	// ErrRateLimited: the person does this too often; see RetryAfter.
	ErrRateLimited = New(KindRateLimited, "rate_limited", "You are doing this very fast; please wait a moment.")
	// ErrUnavailable: the database or another dependency cannot be reached.
	ErrUnavailable = New(KindUnavailable, "unavailable", "The service is unavailable; please try again shortly.")
	// ErrConflict: a concurrent change got there first (a unique constraint decided).
	ErrConflict = New(KindConflict, "conflict", "This conflicts with the current state.")
)

// Allow returns nil when allowed, else ErrLoginRequired for anonymous people and ErrForbidden
// for others.
func Allow(anonymous, allowed bool) error {
	switch {
	case allowed:
		return nil
	case anonymous:
		return ErrLoginRequired
	default:
		return ErrForbidden
	}
}
