package identity

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ErrKindOrDistrictForAdmins: a provider admin edits their organisation's profile, but its kind
// and district are the admins' to set.
var ErrKindOrDistrictForAdmins = kernel.New(kernel.KindForbidden, "forbidden", "Only admins change an organisation's kind or district.")

// OrganisationChange is a partial update of an organisation: nil fields stay as they are.
type OrganisationChange struct {
	Name, Description, DistrictKey *string
	Kind                           *OrgKind
}

// Organisations lists every organisation; the list is public.
func (s *Service) Organisations(ctx context.Context) ([]Organisation, error) {
	return s.store.Organisations(ctx)
}

// Organisation loads one organisation by slug; organisations are public.
func (s *Service) Organisation(ctx context.Context, slug string) (Organisation, error) {
	return s.store.Organisation(ctx, slug)
}

// CreateOrganisation adds an organisation; creating them is the admins' work.
func (s *Service) CreateOrganisation(ctx context.Context, who Principal, o Organisation) (Organisation, error) {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageOrganisations(who)); err != nil {
		return Organisation{}, err
	}
	return s.createOrganisation(ctx, who.User.ID, o, false)
}

// SeedOrganisation adds an organisation of reference or demo data unless its slug exists; the
// system acts, so nobody is authorised and the audit line has no actor.
func (s *Service) SeedOrganisation(ctx context.Context, o Organisation) error {
	_, err := s.createOrganisation(ctx, 0, o, true)
	return err
}

// createOrganisation validates and stores o with its audit line; seeding keeps an organisation
// that exists (restarts change nothing) where creating it fails with ErrOrganisationExists.
func (s *Service) createOrganisation(ctx context.Context, actorID int64, o Organisation, seed bool) (Organisation, error) {
	o.ID = 0
	if err := o.Validate(); err != nil {
		return Organisation{}, err
	}
	var out Organisation
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		created, err := true, error(nil)
		if seed {
			out, created, err = s.store.EnsureOrganisation(ctx, o)
		} else {
			out, err = s.store.InsertOrganisation(ctx, o)
		}
		if err != nil || !created {
			return err
		}
		return s.logOrganisation(ctx, actorID, "organisation.create", o.Slug, map[string]any{"name": o.Name, "kind": string(o.Kind)})
	})
	return out, err
}

// UpdateOrganisation changes an organisation's profile: admins and the organisation's own
// provider admins edit name and description, only admins its kind and district.
func (s *Service) UpdateOrganisation(ctx context.Context, who Principal, slug string, ch OrganisationChange) (Organisation, error) {
	if err := kernel.Allow(who.Anonymous(), s.may.CanEditOrganisationProfile(who, slug)); err != nil {
		return Organisation{}, err
	}
	if (ch.Kind != nil || ch.DistrictKey != nil) && !s.may.CanManageOrganisations(who) {
		return Organisation{}, ErrKindOrDistrictForAdmins
	}
	var out Organisation
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		o, err := s.store.Organisation(ctx, slug)
		if err != nil {
			return err
		}
		set(&o.Name, ch.Name)
		set(&o.Description, ch.Description)
		set(&o.Kind, ch.Kind)
		set(&o.DistrictKey, ch.DistrictKey)
		if err := o.Validate(); err != nil {
			return err
		}
		if err := s.store.SaveOrganisation(ctx, o); err != nil {
			return err
		}
		out = o
		return s.logOrganisation(ctx, who.User.ID, "organisation.update", slug, map[string]any{"name": o.Name, "kind": string(o.Kind), "district_key": o.DistrictKey})
	})
	return out, err
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// Members lists an organisation's members, for admins and its provider admins.
func (s *Service) Members(ctx context.Context, who Principal, slug string) ([]Member, error) {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageMembers(who, slug)); err != nil {
		return nil, err
	}
	o, err := s.store.Organisation(ctx, slug)
	if err != nil {
		return nil, err
	}
	return s.store.Members(ctx, o.ID)
}

// ChangeMemberRole gives a member of the organisation another role; it adds nobody (people join
// by accepting an invitation). A role set here is the platform's: it survives the next login's
// claims.
func (s *Service) ChangeMemberRole(ctx context.Context, who Principal, slug string, userID int64, role MemberRole) (Member, error) {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageMembers(who, slug)); err != nil {
		return Member{}, err
	}
	if err := validMemberRole(role); err != nil {
		return Member{}, err
	}
	var out Member
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		o, err := s.store.Organisation(ctx, slug)
		if err != nil {
			return err
		}
		if err := s.store.SetMemberRole(ctx, userID, o.ID, role, SourcePlatform); err != nil {
			return err
		}
		u, err := s.store.User(ctx, userID)
		if err != nil {
			return err
		}
		out = Member{User: u, Role: role, Source: SourcePlatform}
		return s.logMembership(ctx, who.User.ID, "membership.put", slug, userID, role, SourcePlatform)
	})
	return out, err
}

// RemoveMember takes a person out of the organisation.
func (s *Service) RemoveMember(ctx context.Context, who Principal, slug string, userID int64) error {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageMembers(who, slug)); err != nil {
		return err
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		o, err := s.store.Organisation(ctx, slug)
		if err != nil {
			return err
		}
		if err := s.store.DeleteMembership(ctx, userID, o.ID); err != nil {
			return err
		}
		return s.logMembership(ctx, who.User.ID, "membership.remove", slug, userID, "", SourcePlatform)
	})
}
