package httpapi

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// Live is the real-time layer (internal/realtime's Broker) as the HTTP layer uses it.
type Live interface {
	// ServeWS authorises the subscription with its room kind and upgrades to a websocket; a
	// *realtime.Refusal means nothing was written yet.
	ServeWS(w http.ResponseWriter, r *http.Request, sub realtime.Subscription) error
	// LastSeq is the room's newest event number, so a page can subscribe from what it showed.
	LastSeq(ctx context.Context, room string) (int64, error)
	// RegisterKind makes the rooms "<prefix>:<id>" followable, guarded by auth.
	RegisterKind(prefix string, auth realtime.Authoriser)
	// Announce re-authorises the connections of a person or session at once, on every instance.
	Announce(ctx context.Context, ch realtime.Change)
}

const livePath = apiPrefix + "/live"

// Live implements api.StrictServerInterface; the upgrade happens in liveUpgrade, which needs the
// raw connection the strict handler does not have.
func (h *handlers) Live(context.Context, api.LiveRequestObject) (api.LiveResponseObject, error) {
	return nil, NewProblem(http.StatusBadRequest, "websocket_required", "Connect with a websocket.")
}

// liveUpgrade is the strict middleware that serves GET /api/v1/live: it hands the connection,
// with who makes it, to the real-time layer, whose room kinds decide who may follow what, and
// answers its refusals as problems like every other error of the API.
func (h *handlers) liveUpgrade(f api.StrictHandlerFunc, operationID string) api.StrictHandlerFunc {
	if operationID != "Live" {
		return f
	}
	return func(c echo.Context, request any) (any, error) {
		req := request.(api.LiveRequestObject)
		if h.live == nil {
			return nil, NewProblem(http.StatusServiceUnavailable, "unavailable", "Live updates are switched off.")
		}
		ctx := c.Request().Context()
		sub := realtime.Subscription{Room: req.Params.Room, Who: principalFrom(ctx), Address: c.RealIP()}
		set(&sub.Since, req.Params.Since)
		if _, ok := sessionFrom(ctx); ok {
			if ck, err := c.Cookie(sessionCookie); err == nil {
				sub.Session = auth.HashToken(ck.Value)
			}
		}
		sub.Credential = credentialOf(callerFrom(ctx))
		err := h.live.ServeWS(c.Response(), c.Request(), sub)
		var refused *realtime.Refusal
		switch {
		case err == nil:
			return nil, nil
		case errors.Is(err, realtime.ErrUnknownKind), errors.Is(err, realtime.ErrInvalidRoom):
			return nil, NewProblem(http.StatusBadRequest, "invalid_request", "unknown room")
		case errors.Is(err, realtime.ErrNoAccess):
			return nil, NewProblem(http.StatusForbidden, "forbidden", "You may not follow this room.")
		case errors.Is(err, realtime.ErrOriginNotAllowed):
			return nil, NewProblem(http.StatusForbidden, "origin_not_allowed", "Live updates are only for pages of this site.")
		case errors.Is(err, realtime.ErrTooManyConnections):
			p := NewProblem(http.StatusTooManyRequests, "rate_limited", "Too many live connections from this address.")
			p.RetryAfter = "30"
			return nil, p
		case errors.Is(err, realtime.ErrStopped):
			return nil, NewProblem(http.StatusServiceUnavailable, "unavailable", "The server is restarting; reconnect in a moment.")
		case errors.As(err, &refused):
			return nil, NewProblem(refused.Status, "websocket_required", "Connect with a websocket.")
		}
		return nil, err
	}
}

// announce tells the real-time layer that someone's access changed; without one there is nothing
// to tell. This instance's session cache forgets at once, so that the person's next request here
// sees the change even before the announcement has come back over the bus.
func (h *handlers) announce(ctx context.Context, ch realtime.Change) {
	if h.auth != nil {
		h.auth.Forget(ch.User, ch.Session)
	}
	if h.live != nil {
		h.live.Announce(ctx, ch)
	}
}

// sessionEnded is the logout hook: the session's sockets stop hearing what only its person may.
func (h *handlers) sessionEnded(ctx context.Context, token string) {
	h.sessionHashEnded(ctx, auth.HashToken(token))
}

// sessionHashEnded is sessionEnded for a session known by its token's hash (a provider ended it).
func (h *handlers) sessionHashEnded(ctx context.Context, idHash string) {
	h.announce(ctx, realtime.Change{Session: idHash})
}

// loggedIn is the login hook: the login's claims may have changed the person's roles, which their
// other sessions, cached on any instance, must show.
func (h *handlers) loggedIn(ctx context.Context, userID int64) {
	h.announce(ctx, realtime.Change{User: userID})
}

// SessionInvalidator is the broker's OnChange for the session cache of svc: every Change that
// arrives over the bus (and the "may have missed some" signal) drops the cached sessions it
// concerns, so a logout or a role change on any instance takes effect on this one.
func SessionInvalidator(svc *auth.Service) func(realtime.Change) {
	return func(ch realtime.Change) { svc.Forget(ch.User, ch.Session) }
}

// LiveResolver adapts the session service to the real-time layer, which re-resolves who each
// connection's session belongs to: an ended session is realtime.ErrSessionEnded, so its
// connections carry on as anonymous ones where the room allows that.
func LiveResolver(svc *auth.Service) realtime.Resolver {
	return func(ctx context.Context, session string) (identity.Principal, error) {
		p, err := svc.SessionPrincipal(ctx, session)
		if errors.Is(err, auth.ErrNoSession) {
			return identity.Principal{}, realtime.ErrSessionEnded
		}
		return p, err
	}
}
