package httpapi

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/auth"
)

// Cookie names. The session cookie holds only a random token; the login cookie binds a login in
// progress to the browser that started it.
const (
	sessionCookie = "teilhabe_session"
	loginCookie   = "teilhabe_login"
	csrfHeader    = "X-CSRF-Token"
)

type ctxKey int

const (
	principalKey ctxKey = iota
	sessionKey
	requestIDKey
)

// withRequestID puts the request id into the request's context, for the answers that handlers
// build themselves (such as import problems).
func withRequestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		rid := c.Response().Header().Get(echo.HeaderXRequestID)
		c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), requestIDKey, rid)))
		return next(c)
	}
}

// principalFrom returns who makes the request (the zero Principal for anonymous requests).
func principalFrom(ctx context.Context) identity.Principal {
	p, _ := ctx.Value(principalKey).(identity.Principal)
	return p
}

func sessionFrom(ctx context.Context) (auth.Session, bool) {
	s, ok := ctx.Value(sessionKey).(auth.Session)
	return s, ok
}

var (
	errUnauthenticated = kernel.ErrLoginRequired
	errForbidden       = kernel.ErrForbidden
)

// allow turns a decision of domain/access into the right error: 401 for anonymous requests, 403
// for people without the right.
func allow(p identity.Principal, allowed bool) error { return kernel.Allow(p.Anonymous(), allowed) }

// authenticate loads the session and principal of the session cookie into the request context.
// A cookie of an ended session is removed; the request goes on anonymously.
func authenticate(svc *auth.Service, cookies cookieScope) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ck, err := c.Cookie(sessionCookie)
			if err != nil || ck.Value == "" {
				return next(c)
			}
			se, p, err := svc.Authenticate(c.Request().Context(), ck.Value)
			if errors.Is(err, auth.ErrNoSession) {
				c.SetCookie(cookies.expired(sessionCookie, "/"))
				return next(c)
			}
			if err != nil {
				return err
			}
			ctx := context.WithValue(context.WithValue(c.Request().Context(), principalKey, p), sessionKey, se)
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

// csrfProtect guards every state-changing request: a request from another origin is refused, and
// one that carries a session must also carry the session's CSRF token in X-CSRF-Token (which a
// page of another site cannot read). The built-in development provider's own forms are exempt,
// and so are providers' back-channel logout posts: they come from a server, carry no cookie of
// ours, and are authenticated by the signed token they carry.
func csrfProtect(base *url.URL) echo.MiddlewareFunc {
	origin := base.Scheme + "://" + base.Host
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := c.Request()
			switch r.Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
				return next(c)
			}
			if strings.HasPrefix(r.URL.Path, devIdPPath+"/") || isBackchannelLogout(r) {
				return next(c)
			}
			if o := r.Header.Get("Origin"); o != "" && o != origin {
				return NewProblem(http.StatusForbidden, "csrf_failed", "The request comes from another site.")
			}
			if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
				return NewProblem(http.StatusForbidden, "csrf_failed", "The request comes from another site.")
			}
			if se, ok := sessionFrom(r.Context()); ok {
				sent := r.Header.Get(csrfHeader)
				if sent == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(se.CSRFToken)) != 1 {
					return NewProblem(http.StatusForbidden, "csrf_failed", "The X-CSRF-Token header is missing or wrong; reload the page.")
				}
			}
			return next(c)
		}
	}
}

// isBackchannelLogout is exactly POST /auth/backchannel-logout/{provider}, one path segment.
func isBackchannelLogout(r *http.Request) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, backchannelLogoutPath)
	return ok && r.Method == http.MethodPost && rest != "" && !strings.Contains(rest, "/")
}
