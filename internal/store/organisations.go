package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Organisations implements identity.Store.
func (s *Identity) Organisations(ctx context.Context) ([]identity.Organisation, error) {
	var rows []organisationRow
	if err := conn(ctx, s.db).Order("name, slug").Find(&rows).Error; err != nil {
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
	var r organisationRow
	err := conn(ctx, s.db).Where("slug = ?", slug).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return identity.Organisation{}, identity.ErrOrganisationNotFound
	}
	return r.toDomain(), err
}

// InsertOrganisation implements identity.Store.
func (s *Identity) InsertOrganisation(ctx context.Context, o identity.Organisation) (identity.Organisation, error) {
	row := organisationFromDomain(o)
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return identity.Organisation{}, organisationWriteError(err)
	}
	return row.toDomain(), nil
}

// EnsureOrganisation implements identity.Store: ON CONFLICT (slug) DO NOTHING waits for a
// concurrent insert of the same slug and then reads the row it committed.
func (s *Identity) EnsureOrganisation(ctx context.Context, o identity.Organisation) (identity.Organisation, bool, error) {
	db := conn(ctx, s.db)
	row := organisationFromDomain(o)
	res := db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "slug"}}, DoNothing: true}).Create(&row)
	if res.Error != nil {
		return identity.Organisation{}, false, organisationWriteError(res.Error)
	}
	if res.RowsAffected == 1 {
		return row.toDomain(), true, nil
	}
	stored, err := s.Organisation(ctx, o.Slug)
	return stored, false, err
}

// SaveOrganisation implements identity.Store.
func (s *Identity) SaveOrganisation(ctx context.Context, o identity.Organisation) error {
	next := organisationFromDomain(o)
	err := conn(ctx, s.db).Model(&organisationRow{ID: o.ID}).Select("name", "kind", "description", "district_key", "updated_at").
		Updates(map[string]any{"name": next.Name, "kind": next.Kind, "description": next.Description, "district_key": next.DistrictKey, "updated_at": time.Now().UTC()}).Error
	if err != nil {
		return organisationWriteError(err)
	}
	return nil
}

// organisationWriteError translates the constraints of the organisations table: the unique slug
// and the district it names.
func organisationWriteError(err error) error {
	err = translateAs(err, identity.ErrOrganisationExists, fmt.Errorf("%w: unknown district", district.ErrNotFound))
	if kernel.KindOf(err) != kernel.KindInternal {
		return err
	}
	return fmt.Errorf("write organisation: %w", err)
}

// Members implements identity.Store.
func (s *Identity) Members(ctx context.Context, organisationID int64) ([]identity.Member, error) {
	var rows []struct {
		Role, Source string
		UserID       int64
		Name, Email  string
	}
	if err := conn(ctx, s.db).Table("memberships").
		Select("memberships.role, memberships.source, users.id AS user_id, users.name, users.email").
		Joins("JOIN users ON users.id = memberships.user_id").
		Where("memberships.organisation_id = ?", organisationID).Order("users.name, users.id").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	out := make([]identity.Member, len(rows))
	for i, r := range rows {
		out[i] = identity.Member{User: identity.User{ID: r.UserID, Name: r.Name, Email: r.Email}, Role: identity.MemberRole(r.Role), Source: identity.Source(r.Source)}
	}
	return out, nil
}

// SetMembership implements identity.Store with one upsert on the (user, organisation) key.
func (s *Identity) SetMembership(ctx context.Context, userID, organisationID int64, role identity.MemberRole, source identity.Source) error {
	row := membershipRow{UserID: userID, OrganisationID: organisationID, Role: string(role), Source: string(source)}
	err := conn(ctx, s.db).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}, {Name: "organisation_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"role", "source"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("set membership: %w", translate(err, identity.ErrUserNotFound))
	}
	return nil
}

// DeleteMembership implements identity.Store.
func (s *Identity) DeleteMembership(ctx context.Context, userID, organisationID int64) error {
	res := conn(ctx, s.db).Where("user_id = ? AND organisation_id = ?", userID, organisationID).Delete(&membershipRow{})
	switch {
	case res.Error != nil:
		return fmt.Errorf("remove member: %w", res.Error)
	case res.RowsAffected == 0:
		return identity.ErrMemberNotFound
	}
	return nil
}

// InsertGrant implements identity.Store: ON CONFLICT DO NOTHING on the unique index of
// (user, role, district, source), then the grant that was there.
func (s *Identity) InsertGrant(ctx context.Context, userID int64, g identity.Grant) (identity.Grant, bool, error) {
	db := conn(ctx, s.db)
	row := roleGrantRow{UserID: userID, Role: string(g.Role), DistrictKey: nullable(g.DistrictKey), Source: string(g.Source)}
	res := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		if err := translateAs(res.Error, nil, fmt.Errorf("%w: %s", district.ErrNotFound, g.DistrictKey)); err != res.Error {
			return identity.Grant{}, false, err
		}
		return identity.Grant{}, false, fmt.Errorf("grant role: %w", res.Error)
	}
	if res.RowsAffected == 1 {
		return row.toDomain(), true, nil
	}
	q := db.Where("user_id = ? AND role = ? AND source = ?", userID, row.Role, row.Source)
	if row.DistrictKey != nil {
		q = q.Where("district_key = ?", *row.DistrictKey)
	} else {
		q = q.Where("district_key IS NULL")
	}
	var existing roleGrantRow
	if err := q.Take(&existing).Error; err != nil {
		return identity.Grant{}, false, fmt.Errorf("find grant: %w", err)
	}
	return existing.toDomain(), false, nil
}

// Grant implements identity.Store.
func (s *Identity) Grant(ctx context.Context, userID, grantID int64) (identity.Grant, error) {
	var row roleGrantRow
	err := conn(ctx, s.db).Where("id = ? AND user_id = ?", grantID, userID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return identity.Grant{}, identity.ErrRoleNotFound
	}
	return row.toDomain(), err
}

// DeleteGrant implements identity.Store.
func (s *Identity) DeleteGrant(ctx context.Context, userID, grantID int64) error {
	if err := conn(ctx, s.db).Where("id = ? AND user_id = ?", grantID, userID).Delete(&roleGrantRow{}).Error; err != nil {
		return fmt.Errorf("revoke role: %w", err)
	}
	return nil
}
