package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/access"
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
	p := principalFrom(ctx)
	if err := allow(p, access.CanManageOrganisations(p)); err != nil {
		return nil, err
	}
	o := identity.Organisation{Slug: req.Body.Slug, Name: req.Body.Name, Kind: identity.OrgKind(req.Body.Kind)}
	if req.Body.Description != nil {
		o.Description = *req.Body.Description
	}
	if req.Body.DistrictKey != nil {
		o.DistrictKey = *req.Body.DistrictKey
	}
	o, err := h.identity.CreateOrganisation(ctx, p.User.ID, o)
	if err != nil {
		return nil, err
	}
	return api.CreateOrganisation201JSONResponse(organisationOut(o)), nil
}

// UpdateOrganisation implements api.StrictServerInterface. A provider admin edits their own
// organisation's profile; kind and district are for admins.
func (h *handlers) UpdateOrganisation(ctx context.Context, req api.UpdateOrganisationRequestObject) (api.UpdateOrganisationResponseObject, error) {
	p := principalFrom(ctx)
	if err := allow(p, access.CanEditOrganisationProfile(p, req.Slug)); err != nil {
		return nil, err
	}
	b := req.Body
	if (b.Kind != nil || b.DistrictKey != nil) && !access.CanManageOrganisations(p) {
		return nil, NewProblem(403, "forbidden", "Only admins change an organisation's kind or district.")
	}
	o, err := h.identity.UpdateOrganisation(ctx, p.User.ID, req.Slug, func(o *identity.Organisation) error {
		if b.Name != nil {
			o.Name = *b.Name
		}
		if b.Description != nil {
			o.Description = *b.Description
		}
		if b.Kind != nil {
			o.Kind = identity.OrgKind(*b.Kind)
		}
		if b.DistrictKey != nil {
			o.DistrictKey = *b.DistrictKey
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return api.UpdateOrganisation200JSONResponse(organisationOut(o)), nil
}

// ListMembers implements api.StrictServerInterface.
func (h *handlers) ListMembers(ctx context.Context, req api.ListMembersRequestObject) (api.ListMembersResponseObject, error) {
	p := principalFrom(ctx)
	if err := allow(p, access.CanManageMembers(p, req.Slug)); err != nil {
		return nil, err
	}
	ms, err := h.identity.Members(ctx, req.Slug)
	if err != nil {
		return nil, err
	}
	items := make([]api.Member, len(ms))
	for i, m := range ms {
		items[i] = memberOut(m)
	}
	return api.ListMembers200JSONResponse{Items: items}, nil
}

// PutMember implements api.StrictServerInterface.
func (h *handlers) PutMember(ctx context.Context, req api.PutMemberRequestObject) (api.PutMemberResponseObject, error) {
	p := principalFrom(ctx)
	if err := allow(p, access.CanManageMembers(p, req.Slug)); err != nil {
		return nil, err
	}
	if _, err := h.identity.Organisation(ctx, req.Slug); err != nil {
		return nil, err
	}
	u, err := h.identity.UserByEmail(ctx, req.Body.Email)
	if err != nil {
		return nil, err
	}
	m, err := h.identity.PutMember(ctx, p.User.ID, req.Slug, u.ID, identity.MemberRole(req.Body.Role))
	if err != nil {
		return nil, err
	}
	h.announce(ctx, realtime.Change{User: u.ID})
	return api.PutMember200JSONResponse(memberOut(m)), nil
}

// RemoveMember implements api.StrictServerInterface.
func (h *handlers) RemoveMember(ctx context.Context, req api.RemoveMemberRequestObject) (api.RemoveMemberResponseObject, error) {
	p := principalFrom(ctx)
	if err := allow(p, access.CanManageMembers(p, req.Slug)); err != nil {
		return nil, err
	}
	if err := h.identity.RemoveMember(ctx, p.User.ID, req.Slug, req.UserId); err != nil {
		return nil, err
	}
	h.announce(ctx, realtime.Change{User: req.UserId})
	return api.RemoveMember204Response{}, nil
}
