package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/api"
)

// Live is the real-time layer (internal/realtime's Broker) as the HTTP layer uses it.
type Live interface {
	// ServeWS upgrades to a websocket for the room, replaying events after since first.
	ServeWS(w http.ResponseWriter, r *http.Request, room string, since int64) error
	// LastSeq is the room's newest event number, so a page can subscribe from what it showed.
	LastSeq(ctx context.Context, room string) (int64, error)
}

const livePath = apiPrefix + "/live"

// Live implements api.StrictServerInterface; the upgrade happens in liveUpgrade, which needs the
// raw connection the strict handler does not have.
func (h *handlers) Live(context.Context, api.LiveRequestObject) (api.LiveResponseObject, error) {
	return nil, NewProblem(http.StatusBadRequest, "websocket_required", "Connect with a websocket.")
}

// liveUpgrade is the strict middleware that serves GET /api/v1/live: it checks that the person
// may read the room, then hands the connection to the real-time layer.
func (h *handlers) liveUpgrade(f api.StrictHandlerFunc, operationID string) api.StrictHandlerFunc {
	if operationID != "Live" {
		return f
	}
	return func(c echo.Context, request any) (any, error) {
		req := request.(api.LiveRequestObject)
		id, ok := strings.CutPrefix(req.Params.Room, "consultation:")
		cid, err := strconv.ParseInt(id, 10, 64)
		if !ok || err != nil {
			return nil, NewProblem(http.StatusBadRequest, "invalid_request", "unknown room")
		}
		ctx := c.Request().Context()
		if _, err := h.readableConsultation(ctx, principalFrom(ctx), cid); err != nil {
			return nil, NewProblem(http.StatusForbidden, "forbidden", "You may not follow this room.")
		}
		if h.live == nil {
			return nil, NewProblem(http.StatusServiceUnavailable, "unavailable", "Live updates are switched off.")
		}
		var since int64
		set(&since, req.Params.Since)
		if err := h.live.ServeWS(c.Response(), c.Request(), req.Params.Room, since); err != nil {
			return nil, err
		}
		return nil, nil
	}
}
