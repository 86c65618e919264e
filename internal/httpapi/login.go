package httpapi

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/internal/auth"
)

// devIdPPath is where the built-in development provider is mounted in demo mode.
const devIdPPath = "/devidp"

// loginFailedPath is the page that tells a person their login did not work.
const loginFailedPath = "/login/failed"

type loginRoutes struct {
	svc     *auth.Service
	cookies cookieScope
	maxAge  int // seconds
	base    *url.URL
	log     *slog.Logger
	ended   func(ctx context.Context, token string) // a session ended: its live connections re-check
	// endedHash is ended for a session known by its token's hash (HashToken).
	endedHash func(ctx context.Context, idHash string)
	// loggedIn says that a person logged in: their roles may have changed with the claims.
	loggedIn func(ctx context.Context, userID int64)
	// starts bounds login starts per client address: each stores a login state.
	starts *kernel.Limiter[string]
}

// Login starts per client address: sixty in a row (a school class behind one router), then one a
// second.
const (
	loginStartBurst = 60
	loginStartEvery = time.Second
)

// login sends the browser to the provider: GET /auth/login/{provider}?return_to=/path.
func (l *loginRoutes) login(c echo.Context) error {
	if wait, ok := l.starts.Allow(c.RealIP()); !ok {
		p := NewProblem(http.StatusTooManyRequests, "rate_limited", "Too many logins from this address; please wait a moment.")
		p.RetryAfter = strconv.Itoa(int(math.Ceil(wait.Seconds())))
		return p
	}
	authURL, token, err := l.svc.BeginLogin(c.Request().Context(), c.Param("provider"), c.QueryParam("return_to"))
	switch {
	case errors.Is(err, auth.ErrUnknownProvider):
		return NewProblem(http.StatusNotFound, "provider_not_found", "There is no login provider "+c.Param("provider")+".")
	case errors.Is(err, auth.ErrBadReturnTo):
		return NewProblem(http.StatusBadRequest, "invalid_return_to", err.Error())
	case err != nil:
		l.log.WarnContext(c.Request().Context(), "login start failed", "provider", c.Param("provider"), "error", err)
		return providerUnavailable(err)
	}
	c.SetCookie(l.cookies.cookie(loginCookie, token, "/auth/callback/", 600))
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Redirect(http.StatusFound, authURL)
}

// callback finishes the login: GET /auth/callback/{provider}?code=...&state=...
func (l *loginRoutes) callback(c echo.Context) error {
	cb := auth.Callback{ProviderID: c.Param("provider"), State: c.QueryParam("state"), Code: c.QueryParam("code"), Error: c.QueryParam("error")}
	if ck, err := c.Cookie(loginCookie); err == nil {
		cb.LoginToken = ck.Value
	}
	c.SetCookie(l.cookies.expired(loginCookie, "/auth/callback/"))
	c.Response().Header().Set("Cache-Control", "no-store")
	in, err := l.svc.FinishLogin(c.Request().Context(), cb)
	if err != nil {
		l.log.WarnContext(c.Request().Context(), "login failed", "provider", cb.ProviderID, "error", err)
		return c.Redirect(http.StatusSeeOther, l.cookies.root+loginFailedPath)
	}
	// A new random session token at every login: a session id known before login is worthless.
	if old, err := c.Cookie(sessionCookie); err == nil && old.Value != "" {
		if l.svc.Discard(c.Request().Context(), old.Value) == nil {
			l.ended(c.Request().Context(), old.Value)
		}
	}
	l.loggedIn(c.Request().Context(), in.UserID)
	c.SetCookie(l.cookies.cookie(sessionCookie, in.Token, "/", l.maxAge))
	return c.Redirect(http.StatusSeeOther, in.ReturnTo)
}

// backchannelLogoutPath is where providers post logout tokens: POST
// /auth/backchannel-logout/{provider} with the form field logout_token (OpenID Connect
// Back-Channel Logout 1.0). It is called server to server, so CSRF checks do not apply to it.
const backchannelLogoutPath = "/auth/backchannel-logout/"

// backchannelLogout ends the sessions a provider's logout token names: 200 when it is valid
// (even if no session was left to end), 400 when it is not; never cached.
func (l *loginRoutes) backchannelLogout(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	ctx := c.Request().Context()
	ended, err := l.svc.BackchannelLogout(ctx, c.Param("provider"), c.FormValue("logout_token"))
	switch {
	case errors.Is(err, auth.ErrUnknownProvider):
		return NewProblem(http.StatusNotFound, "provider_not_found", "There is no login provider "+c.Param("provider")+".")
	case errors.Is(err, auth.ErrBadLogoutToken):
		l.log.WarnContext(ctx, "back-channel logout refused", "provider", c.Param("provider"), "error", err)
		return NewProblem(http.StatusBadRequest, "invalid_logout_token", err.Error())
	case errors.Is(err, auth.ErrProviderUnavailable):
		return providerUnavailable(err)
	case err != nil:
		return err
	}
	for _, e := range ended {
		l.endedHash(ctx, e.IDHash)
	}
	return c.NoContent(http.StatusOK)
}

// providerUnavailable answers a provider whose metadata could not be fetched: 503 with
// Retry-After, never a bare 502.
func providerUnavailable(err error) error {
	p := NewProblem(http.StatusServiceUnavailable, "provider_unavailable", "The login provider cannot be reached; please try again later.")
	p.RetryAfter = "30"
	var u *auth.UnavailableError
	if errors.As(err, &u) && u.RetryAfter > 0 {
		p.RetryAfter = strconv.Itoa(int(math.Ceil(u.RetryAfter.Seconds())))
	}
	return p
}

// logout ends the session: POST /auth/logout with the CSRF header. It answers with where the
// browser goes next (the provider's end-session endpoint when it has one), because a redirect of
// a fetch cannot leave the site.
func (l *loginRoutes) logout(c echo.Context) error {
	home := l.base.JoinPath("/").String()
	next := home
	if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
		u, err := l.svc.Logout(c.Request().Context(), ck.Value, home)
		if err != nil && !errors.Is(err, auth.ErrNoSession) {
			return err
		}
		l.ended(c.Request().Context(), ck.Value)
		next = u
	}
	c.SetCookie(l.cookies.expired(sessionCookie, "/"))
	return c.JSON(http.StatusOK, map[string]string{"redirect_url": next})
}
