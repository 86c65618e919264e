package identity

import (
	"context"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Invite invites whoever holds the e-mail address into the organisation with the role. It reads
// no account: the answer, and the work done before it, are the same whether or not an account
// has the address, so a lead cannot probe who has one. Inviting an address again renews its
// invitation (role, inviter, expiry). Leads are limited (Deps.Invites) against spam.
func (s *Service) Invite(ctx context.Context, who Principal, slug, email string, role MemberRole) error {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageMembers(who, slug)); err != nil {
		return err
	}
	email, err := NormaliseEmail(email)
	if err != nil {
		return err
	}
	if err := validMemberRole(role); err != nil {
		return err
	}
	if s.invites != nil {
		if wait, ok := s.invites.Allow(who.User.ID); !ok {
			return kernel.Limited(ErrInvitationsLimited, wait)
		}
	}
	now := s.now().UTC()
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		o, err := s.store.Organisation(ctx, slug)
		if err != nil {
			return err
		}
		if err := s.store.DeleteExpiredInvitations(ctx, o.ID, now); err != nil {
			return err
		}
		inv := Invitation{Organisation: o, Email: email, Role: role, InvitedBy: User{ID: who.User.ID}, CreatedAt: now, ExpiresAt: now.Add(InvitationTTL)}
		if err := s.store.PutInvitation(ctx, inv); err != nil {
			return err
		}
		return s.logOrganisation(ctx, who.User.ID, "invitation.create", slug, map[string]any{"email": email, "role": string(role)})
	})
}

// Invitations lists the organisation's pending invitations, for those who manage its members.
func (s *Service) Invitations(ctx context.Context, who Principal, slug string) ([]Invitation, error) {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageMembers(who, slug)); err != nil {
		return nil, err
	}
	o, err := s.store.Organisation(ctx, slug)
	if err != nil {
		return nil, err
	}
	out, err := s.store.OrganisationInvitations(ctx, o.ID, s.now().UTC())
	for i := range out {
		out[i].Actions = []InvitationAction{InvitationWithdraw}
	}
	return out, err
}

// WithdrawInvitation deletes one of the organisation's invitations.
func (s *Service) WithdrawInvitation(ctx context.Context, who Principal, slug string, id int64) error {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageMembers(who, slug)); err != nil {
		return err
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		inv, err := s.store.Invitation(ctx, id)
		if err != nil {
			return err
		}
		if inv.Organisation.Slug != slug {
			return ErrInvitationNotFound // another organisation's invitation is none of this one's
		}
		if err := s.store.DeleteInvitation(ctx, id); err != nil {
			return err
		}
		return s.logInvitation(ctx, who.User.ID, "invitation.withdraw", inv)
	})
}

// MyInvitations lists the pending invitations to the person's verified e-mail address; a person
// whose provider did not verify their address has none.
func (s *Service) MyInvitations(ctx context.Context, who Principal) ([]Invitation, error) {
	if err := kernel.Allow(who.Anonymous(), !who.Anonymous()); err != nil {
		return nil, err
	}
	email, ok := verifiedEmail(who)
	if !ok {
		return []Invitation{}, nil
	}
	out, err := s.store.InvitationsFor(ctx, email, s.now().UTC())
	for i := range out {
		out[i].Actions = []InvitationAction{InvitationAccept, InvitationDecline}
	}
	return out, err
}

// PendingInvitations counts MyInvitations, for the count beside the person's name: one count,
// no join, since it runs with every GET /me.
func (s *Service) PendingInvitations(ctx context.Context, who Principal) (int, error) {
	email, ok := verifiedEmail(who)
	if !ok {
		return 0, nil
	}
	return s.store.CountInvitationsFor(ctx, email, s.now().UTC())
}

// AcceptInvitation makes the person a member of the inviting organisation with the invited role
// (source platform: it survives later logins' claims) and deletes the invitation.
func (s *Service) AcceptInvitation(ctx context.Context, who Principal, id int64) (Membership, error) {
	var out Membership
	err := s.answerInvitation(ctx, who, id, func(ctx context.Context, inv Invitation) error {
		if err := s.store.SetMembership(ctx, who.User.ID, inv.Organisation.ID, inv.Role, SourcePlatform); err != nil {
			return err
		}
		if err := s.logInvitation(ctx, who.User.ID, "invitation.accept", inv); err != nil {
			return err
		}
		out = Membership{Organisation: inv.Organisation, Role: inv.Role, Source: SourcePlatform}
		return s.logMembership(ctx, who.User.ID, "membership.put", inv.Organisation.Slug, who.User.ID, inv.Role, SourcePlatform)
	})
	return out, err
}

// DeclineInvitation deletes an invitation to the person; the organisation may invite again.
func (s *Service) DeclineInvitation(ctx context.Context, who Principal, id int64) error {
	return s.answerInvitation(ctx, who, id, func(ctx context.Context, inv Invitation) error {
		return s.logInvitation(ctx, who.User.ID, "invitation.decline", inv)
	})
}

// answerInvitation runs the invited person's answer in one transaction: the invitation must be
// theirs (else it does not exist for them) and pending; it is deleted with the answer, so of two
// answers at once one finds it gone.
func (s *Service) answerInvitation(ctx context.Context, who Principal, id int64, answer func(context.Context, Invitation) error) error {
	if err := kernel.Allow(who.Anonymous(), !who.Anonymous()); err != nil {
		return err
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		inv, err := s.store.Invitation(ctx, id)
		if err != nil {
			return err
		}
		if !inv.addressedTo(who) {
			return ErrInvitationNotFound
		}
		if inv.Expired(s.now()) {
			return ErrInvitationExpired
		}
		if err := s.store.DeleteInvitation(ctx, id); err != nil {
			return err
		}
		return answer(ctx, inv)
	})
}

func (s *Service) logInvitation(ctx context.Context, actorID int64, action string, inv Invitation) error {
	d := map[string]any{"invitation_id": strconv.FormatInt(inv.ID, 10), "email": inv.Email, "role": string(inv.Role)}
	if inv.InvitedBy.ID != 0 {
		d["invited_by"] = inv.InvitedBy.ID
	}
	return s.logOrganisation(ctx, actorID, action, inv.Organisation.Slug, d)
}
