package httpapi

import (
	"context"
	"strconv"
	"time"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// ListAuthProviders implements api.StrictServerInterface.
func (h *handlers) ListAuthProviders(_ context.Context, _ api.ListAuthProvidersRequestObject) (api.ListAuthProvidersResponseObject, error) {
	items := []api.AuthProvider{}
	for _, p := range h.auth.Providers() {
		items = append(items, api.AuthProvider{Id: p.ID, Label: p.Label, Audience: api.Audience(p.Audience)})
	}
	return api.ListAuthProviders200JSONResponse{Items: items}, nil
}

// GetMe implements api.StrictServerInterface.
func (h *handlers) GetMe(ctx context.Context, _ api.GetMeRequestObject) (api.GetMeResponseObject, error) {
	p := principalFrom(ctx)
	se, ok := sessionFrom(ctx)
	if p.Anonymous() || !ok {
		return nil, errUnauthenticated
	}
	me := api.Me{Id: p.User.ID, Name: p.User.Name, Email: p.User.Email, Roles: roles(p), CsrfToken: se.CSRFToken,
		Organisations: []api.MeOrganisation{}, Districts: []api.DistrictSummary{}}
	for _, m := range p.Memberships {
		me.Organisations = append(me.Organisations, api.MeOrganisation{Slug: m.Organisation.Slug, Name: m.Organisation.Name,
			Kind: api.OrganisationKind(m.Organisation.Kind), Role: api.MemberRole(m.Role)})
	}
	n, err := h.identity.PendingInvitations(ctx, p)
	if err != nil {
		return nil, err
	}
	me.Invitations = n
	ds, err := h.districts.List(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		if p.IsAdmin() || p.Coordinates(d.Key) {
			me.Districts = append(me.Districts, districtSummary(d))
		}
	}
	return api.GetMe200JSONResponse(me), nil
}

// roles lists grants and memberships as the contract's roles.
func roles(p identity.Principal) []api.Role {
	out := []api.Role{}
	for _, g := range p.Grants {
		id := g.ID
		r := api.Role{Id: &id, Role: api.RoleName(g.Role), Source: api.RoleSource(g.Source)}
		if g.DistrictKey != "" {
			k := g.DistrictKey
			r.DistrictKey = &k
		}
		out = append(out, r)
	}
	for _, m := range p.Memberships {
		name := identity.RoleProviderMember
		if m.Role == identity.MemberRoleAdmin {
			name = identity.RoleProviderAdmin
		}
		slug := m.Organisation.Slug
		out = append(out, api.Role{Role: api.RoleName(name), Organisation: &slug, Source: api.RoleSource(m.Source)})
	}
	return out
}

// ListUsers implements api.StrictServerInterface.
func (h *handlers) ListUsers(ctx context.Context, req api.ListUsersRequestObject) (api.ListUsersResponseObject, error) {
	q := ""
	set(&q, req.Params.Q)
	users, err := h.identity.Users(ctx, principalFrom(ctx), q, 100)
	if err != nil {
		return nil, err
	}
	items := make([]api.UserSummary, len(users))
	for i, u := range users {
		items[i] = api.UserSummary{Id: u.User.ID, Name: u.User.Name, Email: u.User.Email, Roles: roles(u)}
	}
	return api.ListUsers200JSONResponse{Items: items}, nil
}

// GrantRole implements api.StrictServerInterface.
func (h *handlers) GrantRole(ctx context.Context, req api.GrantRoleRequestObject) (api.GrantRoleResponseObject, error) {
	district := ""
	set(&district, req.Body.DistrictKey)
	g, err := h.identity.GrantRole(ctx, principalFrom(ctx), req.UserId, identity.RoleName(req.Body.Role), district)
	if err != nil {
		return nil, err
	}
	h.announce(ctx, realtime.Change{User: req.UserId})
	return api.GrantRole201JSONResponse(roles(identity.Principal{Grants: []identity.Grant{g}})[0]), nil
}

// RevokeRole implements api.StrictServerInterface.
func (h *handlers) RevokeRole(ctx context.Context, req api.RevokeRoleRequestObject) (api.RevokeRoleResponseObject, error) {
	if err := h.identity.RevokeRole(ctx, principalFrom(ctx), req.UserId, req.RoleId); err != nil {
		return nil, err
	}
	h.announce(ctx, realtime.Change{User: req.UserId})
	return api.RevokeRole204Response{}, nil
}

// ListAuditLog implements api.StrictServerInterface.
func (h *handlers) ListAuditLog(ctx context.Context, req api.ListAuditLogRequestObject) (api.ListAuditLogResponseObject, error) {
	p := principalFrom(ctx)
	if err := allow(p, access.CanReadAuditLog(p)); err != nil {
		return nil, err
	}
	limit := 50
	if req.Params.Limit != nil {
		limit = *req.Params.Limit
	}
	var before int64
	if req.Params.Cursor != nil {
		n, err := strconv.ParseInt(*req.Params.Cursor, 10, 64)
		if err != nil || n <= 0 {
			return nil, NewProblem(400, "invalid_cursor", "The cursor is not one this API gave out.")
		}
		before = n
	}
	entries, err := h.audit.List(ctx, before, limit)
	if err != nil {
		return nil, err
	}
	page := api.AuditPage{Items: make([]api.AuditEntry, len(entries))}
	for i, e := range entries {
		item := api.AuditEntry{Id: e.ID, At: e.At, Action: e.Action, TargetType: e.TargetType, TargetId: e.TargetID, Details: e.Details}
		if e.ActorID != 0 {
			id, name := e.ActorID, e.ActorName
			item.ActorId, item.ActorName = &id, &name
		}
		page.Items[i] = item
	}
	if len(entries) == limit {
		next := strconv.FormatInt(entries[len(entries)-1].ID, 10)
		page.NextCursor = &next
	}
	return api.ListAuditLog200JSONResponse(page), nil
}

// ListAuthProviderStatus implements api.StrictServerInterface.
func (h *handlers) ListAuthProviderStatus(ctx context.Context, _ api.ListAuthProviderStatusRequestObject) (api.ListAuthProviderStatusResponseObject, error) {
	sts, err := h.auth.ProviderStatusesFor(principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	items := make([]api.AuthProviderStatus, len(sts))
	for i, st := range sts {
		items[i] = api.AuthProviderStatus{Id: st.ID, Label: st.Label, State: api.AuthProviderStatusState(st.State),
			CheckedAt: timeOrNil(st.CheckedAt), UpSince: timeOrNil(st.UpSince), LastErrorAt: timeOrNil(st.LastErrorAt)}
		if st.LastError != "" {
			items[i].LastError = &st.LastError
		}
		if w := st.ClaimWarning; w != nil {
			items[i].ClaimWarning = &api.ClaimWarning{Claim: w.Claim, At: w.At, Present: w.Present}
		}
	}
	return api.ListAuthProviderStatus200JSONResponse{Items: items}, nil
}

// timeOrNil leaves a zero time out of the answer.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
