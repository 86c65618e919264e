package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/workshop"
)

// The workshop cookies: a guest's token (set when joining with the join code) and a hall
// device's projector key. Each holds one workshop's credential; joining another workshop as a
// guest replaces it. Only their hashes reach the domain.
const (
	guestCookie     = "teilhabe_guest"
	projectorCookie = "teilhabe_projector"
	// workshopCookieAge keeps a guest's seat for a day: long enough for a workshop and a
	// phone that sleeps through its breaks, short enough not to linger.
	workshopCookieAge = 24 * 60 * 60
)

type workshopCredentialsKey struct{}

type workshopCredentials struct{ guest, projector string } // hashes

// workshopCredentials is the strict middleware that reads the workshop cookies into the request
// context, for callerFrom.
func (h *handlers) workshopCredentials(f api.StrictHandlerFunc, _ string) api.StrictHandlerFunc {
	return func(c echo.Context, request any) (any, error) {
		var cr workshopCredentials
		if ck, err := c.Cookie(guestCookie); err == nil && ck.Value != "" {
			cr.guest = workshop.HashToken(ck.Value)
		}
		if ck, err := c.Cookie(projectorCookie); err == nil && ck.Value != "" {
			cr.projector = workshop.HashToken(ck.Value)
		}
		if cr != (workshopCredentials{}) {
			c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), workshopCredentialsKey{}, cr)))
		}
		return f(c, request)
	}
}

// callerFrom is who calls a workshop use case: the person logged in and the workshop cookies.
func callerFrom(ctx context.Context) workshop.Caller {
	cr, _ := ctx.Value(workshopCredentialsKey{}).(workshopCredentials)
	return workshop.Caller{Who: principalFrom(ctx), GuestHash: cr.guest, ProjectorHash: cr.projector}
}

// credentialOf is the live subscription's credential for the workshop cookies: "guest|projector".
func credentialOf(c workshop.Caller) string {
	if c.GuestHash == "" && c.ProjectorHash == "" {
		return ""
	}
	return c.GuestHash + "|" + c.ProjectorHash
}

// callerOfCredential reverses credentialOf for the room's authoriser.
func callerOfCredential(c workshop.Caller, credential string) workshop.Caller {
	c.GuestHash, c.ProjectorHash, _ = strings.Cut(credential, "|")
	return c
}

// reshape converts between the REST and the live event types of the same schema (events.yaml
// and openapi.yaml describe the same objects; their generated Go types differ only in name).
func reshape[T any](v any) T {
	var out T
	b, err := json.Marshal(v)
	if err == nil {
		_ = json.Unmarshal(b, &out)
	}
	return out
}

func setupIn(b api.WorkshopInput) workshop.Setup {
	s := workshop.Setup{Title: b.Title, StartsAt: b.StartsAt}
	set(&s.Description, b.Description)
	set(&s.EndsAt, b.EndsAt)
	set(&s.Place, b.Place)
	set(&s.OnlineURL, b.OnlineUrl)
	set(&s.AreaIDs, b.AreaIds)
	set(&s.Guests, b.Guests)
	set(&s.Premoderate, b.Premoderate)
	set(&s.Chat, b.Chat)
	set(&s.SlowSeconds, b.SlowSeconds)
	set(&s.CoFacilitators, b.CoFacilitators)
	if b.Agenda != nil {
		for _, a := range *b.Agenda {
			item := workshop.AgendaItem{Title: a.Title}
			set(&item.ID, a.Id)
			set(&item.Minutes, a.Minutes)
			s.Agenda = append(s.Agenda, item)
		}
	}
	return s
}

func workshopOut(v workshop.View) api.Workshop {
	w := v.Workshop
	st := workshop.StateOut(w)
	out := api.Workshop{Id: w.ID, ProcessId: w.ProcessID, DistrictKey: w.DistrictKey, Title: w.Title, Description: w.Description,
		StartsAt: w.StartsAt, Place: w.Place, OnlineUrl: w.OnlineURL, AreaIds: w.AreaIDs, Guests: w.Guests, Premoderate: w.Premoderate,
		Chat: w.Chat, SlowSeconds: w.SlowSeconds, Status: api.WorkshopStatus(w.Status), Agenda: reshape[[]api.AgendaItem](st.Agenda),
		CurrentItemId: st.CurrentItemId, ItemStartedAt: st.ItemStartedAt, Projector: reshape[api.Projection](st.Projector),
		Facilitators: []api.Facilitator{}, MinutesPublished: v.Minutes}
	if out.AreaIds == nil {
		out.AreaIds = []int64{}
	}
	if !w.EndsAt.IsZero() {
		out.EndsAt = &w.EndsAt
	}
	caps := map[workshop.Capability]bool{}
	for _, c := range v.Capabilities {
		caps[c] = true
	}
	out.Capabilities = api.WorkshopCapabilities{Facilitate: caps[workshop.CanFacilitate], Join: caps[workshop.CanJoin],
		JoinAsGuest: caps[workshop.CanJoinAsGuest], Participate: caps[workshop.CanParticipate], Project: caps[workshop.CanProject],
		HandOff: caps[workshop.CanHandOff]}
	out.Actions = []api.WorkshopActions{}
	if caps[workshop.CanFacilitate] {
		for _, a := range w.Actions() {
			out.Actions = append(out.Actions, api.WorkshopActions(a))
		}
	}
	if w.Guests || caps[workshop.CanFacilitate] || caps[workshop.CanProject] {
		out.JoinCode = &w.JoinCode
	}
	for _, id := range w.Facilitators {
		out.Facilitators = append(out.Facilitators, api.Facilitator{Id: id, Name: v.Names[id]})
	}
	return out
}

func participantOut(p workshop.Participant) api.Participant {
	out := api.Participant{Id: p.ID, Name: p.Name, Guest: p.Guest()}
	if p.Org != "" {
		out.Org = &p.Org
	}
	return out
}

// ListWorkshops implements api.StrictServerInterface.
func (h *handlers) ListWorkshops(ctx context.Context, req api.ListWorkshopsRequestObject) (api.ListWorkshopsResponseObject, error) {
	c := callerFrom(ctx)
	ws, err := h.workshops.Workshops(ctx, c.Who, req.ProcessId)
	if err != nil {
		return nil, err
	}
	out := api.ListWorkshops200JSONResponse{Items: make([]api.Workshop, 0, len(ws))}
	for _, w := range ws {
		v, err := h.workshops.Get(ctx, c, w.ID)
		if err != nil {
			return nil, err
		}
		out.Items = append(out.Items, workshopOut(v))
	}
	return out, nil
}

// CreateWorkshop implements api.StrictServerInterface.
func (h *handlers) CreateWorkshop(ctx context.Context, req api.CreateWorkshopRequestObject) (api.CreateWorkshopResponseObject, error) {
	c := callerFrom(ctx)
	w, err := h.workshops.Create(ctx, c.Who, req.ProcessId, setupIn(*req.Body))
	if err != nil {
		return nil, err
	}
	v, err := h.workshops.Get(ctx, c, w.ID)
	if err != nil {
		return nil, err
	}
	return api.CreateWorkshop201JSONResponse(workshopOut(v)), nil
}

// getWorkshopView answers a workshop as the caller sees it after a change.
func (h *handlers) getWorkshopView(ctx context.Context, id int64) (api.Workshop, error) {
	v, err := h.workshops.Get(ctx, callerFrom(ctx), id)
	if err != nil {
		return api.Workshop{}, err
	}
	return workshopOut(v), nil
}

// GetWorkshop implements api.StrictServerInterface.
func (h *handlers) GetWorkshop(ctx context.Context, req api.GetWorkshopRequestObject) (api.GetWorkshopResponseObject, error) {
	out, err := h.getWorkshopView(ctx, req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.GetWorkshop200JSONResponse(out), nil
}

// UpdateWorkshop implements api.StrictServerInterface.
func (h *handlers) UpdateWorkshop(ctx context.Context, req api.UpdateWorkshopRequestObject) (api.UpdateWorkshopResponseObject, error) {
	if _, err := h.workshops.Update(ctx, principalFrom(ctx), req.WorkshopId, setupIn(*req.Body)); err != nil {
		return nil, err
	}
	out, err := h.getWorkshopView(ctx, req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.UpdateWorkshop200JSONResponse(out), nil
}

// TransitionWorkshop implements api.StrictServerInterface.
func (h *handlers) TransitionWorkshop(ctx context.Context, req api.TransitionWorkshopRequestObject) (api.TransitionWorkshopResponseObject, error) {
	if _, err := h.workshops.Transition(ctx, principalFrom(ctx), req.WorkshopId, string(req.Body.Action)); err != nil {
		return nil, err
	}
	out, err := h.getWorkshopView(ctx, req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.TransitionWorkshop200JSONResponse(out), nil
}

// SetCurrentItem implements api.StrictServerInterface.
func (h *handlers) SetCurrentItem(ctx context.Context, req api.SetCurrentItemRequestObject) (api.SetCurrentItemResponseObject, error) {
	if _, err := h.workshops.SetCurrent(ctx, principalFrom(ctx), req.WorkshopId, req.Body.ItemId); err != nil {
		return nil, err
	}
	out, err := h.getWorkshopView(ctx, req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.SetCurrentItem200JSONResponse(out), nil
}

// ShowOnProjector implements api.StrictServerInterface.
func (h *handlers) ShowOnProjector(ctx context.Context, req api.ShowOnProjectorRequestObject) (api.ShowOnProjectorResponseObject, error) {
	p := workshop.Projection{Kind: workshop.ProjectionKind(req.Body.Kind)}
	set(&p.ID, req.Body.Id)
	if _, err := h.workshops.Show(ctx, principalFrom(ctx), req.WorkshopId, p); err != nil {
		return nil, err
	}
	out, err := h.getWorkshopView(ctx, req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.ShowOnProjector200JSONResponse(out), nil
}

// RenewProjectorKey implements api.StrictServerInterface.
func (h *handlers) RenewProjectorKey(ctx context.Context, req api.RenewProjectorKeyRequestObject) (api.RenewProjectorKeyResponseObject, error) {
	key, err := h.workshops.RenewProjectorKey(ctx, principalFrom(ctx), req.WorkshopId)
	if err != nil {
		return nil, err
	}
	return api.RenewProjectorKey200JSONResponse{Key: key}, nil
}

// withCookie answers a strict response after setting a cookie.
type withCookie[R any] struct {
	cookie *http.Cookie
	visit  func(w http.ResponseWriter) error
}

func (r withCookie[R]) send(w http.ResponseWriter) error {
	http.SetCookie(w, r.cookie)
	return r.visit(w)
}

type projectorOpened struct {
	withCookie[api.OpenProjector204Response]
}

func (r projectorOpened) VisitOpenProjectorResponse(w http.ResponseWriter) error { return r.send(w) }

// OpenProjector implements api.StrictServerInterface.
func (h *handlers) OpenProjector(ctx context.Context, req api.OpenProjectorRequestObject) (api.OpenProjectorResponseObject, error) {
	if err := h.workshops.CheckProjectorKey(ctx, req.WorkshopId, req.Body.Key); err != nil {
		return nil, err
	}
	return projectorOpened{withCookie[api.OpenProjector204Response]{cookie: h.cookies.cookie(projectorCookie, req.Body.Key, "/", workshopCookieAge),
		visit: api.OpenProjector204Response{}.VisitOpenProjectorResponse}}, nil
}

// JoinWorkshop implements api.StrictServerInterface.
func (h *handlers) JoinWorkshop(ctx context.Context, req api.JoinWorkshopRequestObject) (api.JoinWorkshopResponseObject, error) {
	org := ""
	if req.Body != nil {
		set(&org, req.Body.Org)
	}
	p, err := h.workshops.Join(ctx, principalFrom(ctx), req.WorkshopId, org)
	if err != nil {
		return nil, err
	}
	return api.JoinWorkshop200JSONResponse(participantOut(p)), nil
}

type guestJoined struct {
	withCookie[api.JoinAsGuest200JSONResponse]
}

func (r guestJoined) VisitJoinAsGuestResponse(w http.ResponseWriter) error { return r.send(w) }

// JoinAsGuest implements api.StrictServerInterface.
func (h *handlers) JoinAsGuest(ctx context.Context, req api.JoinAsGuestRequestObject) (api.JoinAsGuestResponseObject, error) {
	w, p, token, err := h.workshops.JoinAsGuest(ctx, req.Body.Code, req.Body.Name)
	if err != nil {
		return nil, err
	}
	body := api.JoinAsGuest200JSONResponse{WorkshopId: w.ID, Participant: participantOut(p)}
	return guestJoined{withCookie[api.JoinAsGuest200JSONResponse]{cookie: h.cookies.cookie(guestCookie, token, "/", workshopCookieAge),
		visit: body.VisitJoinAsGuestResponse}}, nil
}

// FindWorkshopByCode implements api.StrictServerInterface.
func (h *handlers) FindWorkshopByCode(ctx context.Context, req api.FindWorkshopByCodeRequestObject) (api.FindWorkshopByCodeResponseObject, error) {
	v, err := h.workshops.ByCode(ctx, callerFrom(ctx), req.Code)
	if err != nil {
		return nil, err
	}
	return api.FindWorkshopByCode200JSONResponse(workshopOut(v)), nil
}
