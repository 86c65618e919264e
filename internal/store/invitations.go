package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/identity"
)

type invitationRow struct {
	ID             int64 `gorm:"primaryKey"`
	OrganisationID int64
	Email          string
	Role           string
	InvitedBy      *int64
	CreatedAt      time.Time
	ExpiresAt      time.Time
}

func (invitationRow) TableName() string { return "organisation_invitations" }

// invitationJoined is an invitation with its organisation and the inviter's name, as the lists show it.
type invitationJoined struct {
	ID, OrganisationID        int64
	Email, Role               string
	InvitedBy                 *int64
	CreatedAt, ExpiresAt      time.Time
	OrgSlug, OrgName, OrgKind string
	InviterName               *string
}

func (r invitationJoined) toDomain() identity.Invitation {
	inv := identity.Invitation{ID: r.ID, Email: r.Email, Role: identity.MemberRole(r.Role), CreatedAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(),
		Organisation: identity.Organisation{ID: r.OrganisationID, Slug: r.OrgSlug, Name: r.OrgName, Kind: identity.OrgKind(r.OrgKind)}}
	if r.InvitedBy != nil {
		inv.InvitedBy.ID = *r.InvitedBy
	}
	if r.InviterName != nil {
		inv.InvitedBy.Name = *r.InviterName
	}
	return inv
}

// PutInvitation implements identity.Store with one upsert on (organisation, e-mail).
func (s *Identity) PutInvitation(ctx context.Context, inv identity.Invitation) error {
	row := invitationRow{OrganisationID: inv.Organisation.ID, Email: inv.Email, Role: string(inv.Role), CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt}
	if inv.InvitedBy.ID != 0 {
		row.InvitedBy = &inv.InvitedBy.ID
	}
	err := conn(ctx, s.db).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "organisation_id"}, {Name: "email"}},
		DoUpdates: clause.AssignmentColumns([]string{"role", "invited_by", "created_at", "expires_at"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("put invitation: %w", translate(err, identity.ErrOrganisationNotFound))
	}
	return nil
}

// DeleteExpiredInvitations implements identity.Store.
func (s *Identity) DeleteExpiredInvitations(ctx context.Context, organisationID int64, now time.Time) error {
	if err := conn(ctx, s.db).Where("organisation_id = ? AND expires_at <= ?", organisationID, now).Delete(&invitationRow{}).Error; err != nil {
		return fmt.Errorf("delete expired invitations: %w", err)
	}
	return nil
}

func (s *Identity) invitations(ctx context.Context) *gorm.DB {
	return conn(ctx, s.db).Table("organisation_invitations").
		Select("organisation_invitations.id, organisation_invitations.organisation_id, organisation_invitations.email, organisation_invitations.role, organisation_invitations.invited_by, organisation_invitations.created_at, organisation_invitations.expires_at, organisations.slug AS org_slug, organisations.name AS org_name, organisations.kind AS org_kind, users.name AS inviter_name").
		Joins("JOIN organisations ON organisations.id = organisation_invitations.organisation_id").
		Joins("LEFT JOIN users ON users.id = organisation_invitations.invited_by")
}

func (s *Identity) listInvitations(q *gorm.DB) ([]identity.Invitation, error) {
	var rows []invitationJoined
	if err := q.Order("organisation_invitations.created_at DESC, organisation_invitations.id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	out := make([]identity.Invitation, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// OrganisationInvitations implements identity.Store.
func (s *Identity) OrganisationInvitations(ctx context.Context, organisationID int64, now time.Time) ([]identity.Invitation, error) {
	return s.listInvitations(s.invitations(ctx).Where("organisation_invitations.organisation_id = ? AND organisation_invitations.expires_at > ?", organisationID, now))
}

// InvitationsFor implements identity.Store.
func (s *Identity) InvitationsFor(ctx context.Context, email string, now time.Time) ([]identity.Invitation, error) {
	return s.listInvitations(s.invitations(ctx).Where("organisation_invitations.email = ? AND organisation_invitations.expires_at > ?", email, now))
}

// CountInvitationsFor implements identity.Store.
func (s *Identity) CountInvitationsFor(ctx context.Context, email string, now time.Time) (int, error) {
	var n int64
	if err := conn(ctx, s.db).Model(&invitationRow{}).Where("email = ? AND expires_at > ?", email, now).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count invitations: %w", err)
	}
	return int(n), nil
}

// Invitation implements identity.Store.
func (s *Identity) Invitation(ctx context.Context, id int64) (identity.Invitation, error) {
	var r invitationJoined
	err := s.invitations(ctx).Where("organisation_invitations.id = ?", id).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return identity.Invitation{}, identity.ErrInvitationNotFound
	} else if err != nil {
		return identity.Invitation{}, fmt.Errorf("find invitation: %w", err)
	}
	return r.toDomain(), nil
}

// DeleteInvitation implements identity.Store.
func (s *Identity) DeleteInvitation(ctx context.Context, id int64) error {
	res := conn(ctx, s.db).Delete(&invitationRow{}, id)
	switch {
	case res.Error != nil:
		return fmt.Errorf("delete invitation: %w", res.Error)
	case res.RowsAffected == 0:
		return identity.ErrInvitationNotFound
	}
	return nil
}

// SetMemberRole implements identity.Store.
func (s *Identity) SetMemberRole(ctx context.Context, userID, organisationID int64, role identity.MemberRole, source identity.Source) error {
	res := conn(ctx, s.db).Model(&membershipRow{}).Where("user_id = ? AND organisation_id = ?", userID, organisationID).
		Updates(map[string]any{"role": string(role), "source": string(source)})
	switch {
	case res.Error != nil:
		return fmt.Errorf("change member role: %w", res.Error)
	case res.RowsAffected == 0:
		return identity.ErrMemberNotFound
	}
	return nil
}
