package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

func organisationOut(o identity.Organisation) api.Organisation {
	out := api.Organisation{Slug: o.Slug, Name: o.Name, Kind: api.OrganisationKind(o.Kind), Description: o.Description}
	if o.DistrictKey != "" {
		k := o.DistrictKey
		out.DistrictKey = &k
	}
	return out
}

func memberOut(m identity.Member) api.Member {
	return api.Member{UserId: m.User.ID, Name: m.User.Name, Email: m.User.Email, Role: api.MemberRole(m.Role), Source: api.MemberSource(m.Source)}
}

// ListOrganisations implements api.StrictServerInterface.
func (h *handlers) ListOrganisations(ctx context.Context, _ api.ListOrganisationsRequestObject) (api.ListOrganisationsResponseObject, error) {
	os, err := h.identity.Organisations(ctx)
	if err != nil {
		return nil, err
	}
	items := make([]api.Organisation, len(os))
	for i, o := range os {
		items[i] = organisationOut(o)
	}
	return api.ListOrganisations200JSONResponse{Items: items}, nil
}

// GetOrganisation implements api.StrictServerInterface.
func (h *handlers) GetOrganisation(ctx context.Context, req api.GetOrganisationRequestObject) (api.GetOrganisationResponseObject, error) {
	o, err := h.identity.Organisation(ctx, req.Slug)
	if err != nil {
		return nil, err
	}
	return api.GetOrganisation200JSONResponse(organisationOut(o)), nil
}

// CreateOrganisation implements api.StrictServerInterface.
func (h *handlers) CreateOrganisation(ctx context.Context, req api.CreateOrganisationRequestObject) (api.CreateOrganisationResponseObject, error) {
	o := identity.Organisation{Slug: req.Body.Slug, Name: req.Body.Name, Kind: identity.OrgKind(req.Body.Kind)}
	set(&o.Description, req.Body.Description)
	set(&o.DistrictKey, req.Body.DistrictKey)
	o, err := h.identity.CreateOrganisation(ctx, principalFrom(ctx), o)
	if err != nil {
		return nil, err
	}
	return api.CreateOrganisation201JSONResponse(organisationOut(o)), nil
}

// UpdateOrganisation implements api.StrictServerInterface.
func (h *handlers) UpdateOrganisation(ctx context.Context, req api.UpdateOrganisationRequestObject) (api.UpdateOrganisationResponseObject, error) {
	b := req.Body
	ch := identity.OrganisationChange{Name: b.Name, Description: b.Description, DistrictKey: b.DistrictKey}
	if b.Kind != nil {
		k := identity.OrgKind(*b.Kind)
		ch.Kind = &k
	}
	o, err := h.identity.UpdateOrganisation(ctx, principalFrom(ctx), req.Slug, ch)
	if err != nil {
		return nil, err
	}
	return api.UpdateOrganisation200JSONResponse(organisationOut(o)), nil
}

// ListMembers implements api.StrictServerInterface.
func (h *handlers) ListMembers(ctx context.Context, req api.ListMembersRequestObject) (api.ListMembersResponseObject, error) {
	ms, err := h.identity.Members(ctx, principalFrom(ctx), req.Slug)
	if err != nil {
		return nil, err
	}
	items := make([]api.Member, len(ms))
	for i, m := range ms {
		items[i] = memberOut(m)
	}
	return api.ListMembers200JSONResponse{Items: items}, nil
}

// ChangeMemberRole implements api.StrictServerInterface.
func (h *handlers) ChangeMemberRole(ctx context.Context, req api.ChangeMemberRoleRequestObject) (api.ChangeMemberRoleResponseObject, error) {
	m, err := h.identity.ChangeMemberRole(ctx, principalFrom(ctx), req.Slug, req.UserId, identity.MemberRole(req.Body.Role))
	if err != nil {
		return nil, err
	}
	h.announce(ctx, realtime.Change{User: m.User.ID})
	return api.ChangeMemberRole200JSONResponse(memberOut(m)), nil
}

// RemoveMember implements api.StrictServerInterface.
func (h *handlers) RemoveMember(ctx context.Context, req api.RemoveMemberRequestObject) (api.RemoveMemberResponseObject, error) {
	if err := h.identity.RemoveMember(ctx, principalFrom(ctx), req.Slug, req.UserId); err != nil {
		return nil, err
	}
	h.announce(ctx, realtime.Change{User: req.UserId})
	return api.RemoveMember204Response{}, nil
}
