package httpapi

import (
	"context"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

func invitationActions(inv identity.Invitation) []api.InvitationAction {
	out := make([]api.InvitationAction, len(inv.Actions))
	for i, a := range inv.Actions {
		out[i] = api.InvitationAction(a)
	}
	return out
}

func inviterName(inv identity.Invitation) *string {
	if inv.InvitedBy.Name == "" {
		return nil
	}
	name := inv.InvitedBy.Name
	return &name
}

// CreateInvitation implements api.StrictServerInterface. The body is one constant, so that the
// answer tells nothing about the address.
func (h *handlers) CreateInvitation(ctx context.Context, req api.CreateInvitationRequestObject) (api.CreateInvitationResponseObject, error) {
	if err := h.identity.Invite(ctx, principalFrom(ctx), req.Slug, req.Body.Email, identity.MemberRole(req.Body.Role)); err != nil {
		return nil, err
	}
	return api.CreateInvitation202JSONResponse{Status: api.InvitationSentStatusInvited}, nil
}

// ListInvitations implements api.StrictServerInterface.
func (h *handlers) ListInvitations(ctx context.Context, req api.ListInvitationsRequestObject) (api.ListInvitationsResponseObject, error) {
	invs, err := h.identity.Invitations(ctx, principalFrom(ctx), req.Slug)
	if err != nil {
		return nil, err
	}
	items := make([]api.Invitation, len(invs))
	for i, inv := range invs {
		items[i] = api.Invitation{Id: inv.ID, Email: inv.Email, Role: api.MemberRole(inv.Role), InvitedByName: inviterName(inv),
			CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt, Actions: invitationActions(inv)}
	}
	return api.ListInvitations200JSONResponse{Items: items}, nil
}

// WithdrawInvitation implements api.StrictServerInterface.
func (h *handlers) WithdrawInvitation(ctx context.Context, req api.WithdrawInvitationRequestObject) (api.WithdrawInvitationResponseObject, error) {
	if err := h.identity.WithdrawInvitation(ctx, principalFrom(ctx), req.Slug, req.InvitationId); err != nil {
		return nil, err
	}
	return api.WithdrawInvitation204Response{}, nil
}

// ListMyInvitations implements api.StrictServerInterface.
func (h *handlers) ListMyInvitations(ctx context.Context, _ api.ListMyInvitationsRequestObject) (api.ListMyInvitationsResponseObject, error) {
	invs, err := h.identity.MyInvitations(ctx, principalFrom(ctx))
	if err != nil {
		return nil, err
	}
	items := make([]api.MyInvitation, len(invs))
	for i, inv := range invs {
		o := inv.Organisation
		items[i] = api.MyInvitation{Id: inv.ID, OrganisationSlug: o.Slug, OrganisationName: o.Name, OrganisationKind: api.OrganisationKind(o.Kind),
			Role: api.MemberRole(inv.Role), InvitedByName: inviterName(inv), CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt, Actions: invitationActions(inv)}
	}
	return api.ListMyInvitations200JSONResponse{Items: items}, nil
}

// AcceptInvitation implements api.StrictServerInterface. The new membership changes what the
// person may read live and in their cached session, so it is announced.
func (h *handlers) AcceptInvitation(ctx context.Context, req api.AcceptInvitationRequestObject) (api.AcceptInvitationResponseObject, error) {
	p := principalFrom(ctx)
	m, err := h.identity.AcceptInvitation(ctx, p, req.InvitationId)
	if err != nil {
		return nil, err
	}
	h.announce(ctx, realtime.Change{User: p.User.ID})
	o := m.Organisation
	return api.AcceptInvitation200JSONResponse{Slug: o.Slug, Name: o.Name, Kind: api.OrganisationKind(o.Kind), Role: api.MemberRole(m.Role)}, nil
}

// DeclineInvitation implements api.StrictServerInterface.
func (h *handlers) DeclineInvitation(ctx context.Context, req api.DeclineInvitationRequestObject) (api.DeclineInvitationResponseObject, error) {
	if err := h.identity.DeclineInvitation(ctx, principalFrom(ctx), req.InvitationId); err != nil {
		return nil, err
	}
	return api.DeclineInvitation204Response{}, nil
}
