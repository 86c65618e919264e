package httpapi

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// The platform may be served under a sub-path of its host (TEILHABE_BASE_URL=
// https://kreis.example/teilhabe): the reverse proxy forwards the full path, and everything, the
// API, /auth, /devidp, the websocket, the app and its assets, answers under the base path only.
// The routes themselves stay as they are: underBase takes the base path off before routing.

// basePath is the base URL's escaped path without a trailing slash: "" at the root of the host.
func basePath(base *url.URL) string { return strings.TrimSuffix(base.EscapedPath(), "/") }

// underBase takes the base path off each request before routing and answers 404 for any path
// outside it, except /healthz and /readyz: probes reach the instance directly, not through the
// proxy.
func underBase(root string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		if root == "" {
			return next
		}
		return func(c echo.Context) error {
			u := c.Request().URL
			raw := u.EscapedPath()
			rest, ok := strings.CutPrefix(raw, root)
			if !ok || (rest != "" && rest[0] != '/') {
				if u.Path == "/healthz" || u.Path == "/readyz" {
					return next(c)
				}
				return echo.ErrNotFound
			}
			if rest == "" {
				rest = "/"
			}
			p, err := url.PathUnescape(rest)
			if err != nil {
				return echo.ErrNotFound
			}
			u.Path, u.RawPath = p, ""
			if rest != p {
				u.RawPath = rest
			}
			return next(c)
		}
	}
}

// withBase gives a handler that matches full request paths (the development provider, whose
// issuer includes the base path) the path as the browser sent it.
func withBase(root string, h http.Handler) http.Handler {
	if root == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r2 := r.Clone(r.Context())
		r2.URL.Path = strings.TrimSuffix(mustUnescape(root), "/") + r.URL.Path
		r2.URL.RawPath = ""
		h.ServeHTTP(w, r2)
	})
}

func mustUnescape(p string) string {
	s, err := url.PathUnescape(p)
	if err != nil {
		return p
	}
	return s
}

// cookieScope is where the platform's cookies live: below the base path (Path=/teilhabe, never
// the whole host, which other applications behind the same proxy share), Secure when the base
// URL is https.
type cookieScope struct {
	root   string
	secure bool
}

func newCookieScope(base *url.URL) cookieScope {
	return cookieScope{root: basePath(base), secure: base.Scheme == "https"}
}

// path is p ("/" or e.g. "/auth/callback/") below the base path.
func (s cookieScope) path(p string) string {
	if p == "/" && s.root != "" {
		return s.root
	}
	return s.root + p
}

// cookie is an HttpOnly, SameSite=Lax cookie of the platform.
func (s cookieScope) cookie(name, value, p string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: s.path(p), MaxAge: maxAge, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode}
}

// expired removes the cookie name set for p.
func (s cookieScope) expired(name, p string) *http.Cookie { return s.cookie(name, "", p, -1) }
