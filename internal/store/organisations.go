package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/identity"
)

// Organisations implements identity.Store.
func (s *Identity) Organisations(ctx context.Context) ([]identity.Organisation, error) {
	var rows []organisationRow
	if err := s.db.WithContext(ctx).Order("name, slug").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	out := make([]identity.Organisation, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Organisation implements identity.Store.
func (s *Identity) Organisation(ctx context.Context, slug string) (identity.Organisation, error) {
	r, err := findOrganisation(s.db.WithContext(ctx), slug)
	return r.toDomain(), err
}

func findOrganisation(tx *gorm.DB, slug string) (organisationRow, error) {
	var r organisationRow
	err := tx.Where("slug = ?", slug).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r, identity.ErrOrganisationNotFound
	}
	return r, err
}

// CreateOrganisation implements identity.Store.
func (s *Identity) CreateOrganisation(ctx context.Context, actorID int64, o identity.Organisation) (identity.Organisation, error) {
	if err := o.Validate(); err != nil {
		return identity.Organisation{}, err
	}
	row := organisationFromDomain(o)
	row.ID = 0
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return organisationWriteError(err)
		}
		return appendAudit(tx, actorID, "organisation.create", "organisation", o.Slug, map[string]any{"name": o.Name, "kind": string(o.Kind)})
	})
	return row.toDomain(), err
}

// UpdateOrganisation implements identity.Store.
func (s *Identity) UpdateOrganisation(ctx context.Context, actorID int64, slug string, update func(*identity.Organisation) error) (identity.Organisation, error) {
	var out identity.Organisation
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := findOrganisation(tx, slug)
		if err != nil {
			return err
		}
		o := row.toDomain()
		if err := update(&o); err != nil {
			return err
		}
		o.ID, o.Slug = row.ID, row.Slug
		if err := o.Validate(); err != nil {
			return err
		}
		next := organisationFromDomain(o)
		if err := tx.Model(&row).Select("name", "kind", "description", "district_key", "updated_at").
			Updates(map[string]any{"name": next.Name, "kind": next.Kind, "description": next.Description, "district_key": next.DistrictKey, "updated_at": time.Now().UTC()}).Error; err != nil {
			return organisationWriteError(err)
		}
		out = o
		return appendAudit(tx, actorID, "organisation.update", "organisation", slug, map[string]any{"name": o.Name, "kind": string(o.Kind), "district_key": o.DistrictKey})
	})
	return out, err
}

func organisationWriteError(err error) error {
	switch {
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return identity.ErrOrganisationExists
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return fmt.Errorf("%w: unknown district", district.ErrNotFound)
	}
	return fmt.Errorf("write organisation: %w", err)
}

// Members implements identity.Store.
func (s *Identity) Members(ctx context.Context, slug string) ([]identity.Member, error) {
	db := s.db.WithContext(ctx)
	org, err := findOrganisation(db, slug)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Role, Source string
		UserID       int64
		Name, Email  string
	}
	if err := db.Table("memberships").
		Select("memberships.role, memberships.source, users.id AS user_id, users.name, users.email").
		Joins("JOIN users ON users.id = memberships.user_id").
		Where("memberships.organisation_id = ?", org.ID).Order("users.name, users.id").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	out := make([]identity.Member, len(rows))
	for i, r := range rows {
		out[i] = identity.Member{User: identity.User{ID: r.UserID, Name: r.Name, Email: r.Email}, Role: identity.MemberRole(r.Role), Source: identity.Source(r.Source)}
	}
	return out, nil
}

// PutMember implements identity.Store: it adds the user or changes their role; a membership set
// here is the platform's and survives the next login's claims.
func (s *Identity) PutMember(ctx context.Context, actorID int64, slug string, userID int64, role identity.MemberRole) (identity.Member, error) {
	if role != identity.MemberRoleMember && role != identity.MemberRoleAdmin {
		return identity.Member{}, fmt.Errorf("%w member role %q", identity.ErrInvalid, role)
	}
	var out identity.Member
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		org, err := findOrganisation(tx, slug)
		if err != nil {
			return err
		}
		var u userRow
		if err := tx.Take(&u, userID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return identity.ErrUserNotFound
		} else if err != nil {
			return err
		}
		res := tx.Model(&membershipRow{}).Where("user_id = ? AND organisation_id = ?", userID, org.ID).
			Updates(map[string]any{"role": string(role), "source": string(identity.SourcePlatform)})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			if err := tx.Create(&membershipRow{UserID: userID, OrganisationID: org.ID, Role: string(role), Source: string(identity.SourcePlatform)}).Error; err != nil {
				return fmt.Errorf("add member: %w", err)
			}
		}
		out = identity.Member{User: u.toDomain(), Role: role, Source: identity.SourcePlatform}
		return auditMembership(tx, actorID, "membership.put", slug, userID, string(role), identity.SourcePlatform)
	})
	return out, err
}

// RemoveMember implements identity.Store.
func (s *Identity) RemoveMember(ctx context.Context, actorID int64, slug string, userID int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		org, err := findOrganisation(tx, slug)
		if err != nil {
			return err
		}
		res := tx.Where("user_id = ? AND organisation_id = ?", userID, org.ID).Delete(&membershipRow{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return identity.ErrMemberNotFound
		}
		return auditMembership(tx, actorID, "membership.remove", slug, userID, "", identity.SourcePlatform)
	})
}

// GrantRole implements identity.Store.
func (s *Identity) GrantRole(ctx context.Context, actorID, userID int64, g identity.Grant) (identity.Grant, error) {
	g, err := identity.NewGrant(g.Role, g.DistrictKey, identity.SourcePlatform)
	if err != nil {
		return identity.Grant{}, err
	}
	row := roleGrantRow{UserID: userID, Role: string(g.Role), DistrictKey: nullable(g.DistrictKey), Source: string(g.Source)}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&userRow{}, userID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return identity.ErrUserNotFound
		} else if err != nil {
			return err
		}
		var existing roleGrantRow
		q := tx.Where("user_id = ? AND role = ? AND source = ?", userID, row.Role, row.Source)
		if row.DistrictKey != nil {
			q = q.Where("district_key = ?", *row.DistrictKey)
		} else {
			q = q.Where("district_key IS NULL")
		}
		if err := q.Take(&existing).Error; err == nil {
			row = existing // granting twice is granting once
			return nil
		}
		if err := tx.Create(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrForeignKeyViolated) {
				return fmt.Errorf("%w: %s", district.ErrNotFound, g.DistrictKey)
			}
			return fmt.Errorf("grant role: %w", err)
		}
		return auditUser(tx, actorID, "role.grant", userID, grantDetails(g))
	})
	return row.toDomain(), err
}

// RevokeRole implements identity.Store.
func (s *Identity) RevokeRole(ctx context.Context, actorID, userID, grantID int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row roleGrantRow
		if err := tx.Where("id = ? AND user_id = ?", grantID, userID).Take(&row).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return identity.ErrRoleNotFound
		} else if err != nil {
			return err
		}
		if row.Source == string(identity.SourceClaim) {
			return identity.ErrRoleFromClaims
		}
		if err := tx.Delete(&row).Error; err != nil {
			return err
		}
		d := grantDetails(row.toDomain())
		d["grant_id"] = strconv.FormatInt(grantID, 10)
		return auditUser(tx, actorID, "role.revoke", userID, d)
	})
}
