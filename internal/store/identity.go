package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Identity is the gorm implementation of identity.Store.
type Identity struct{ db *gorm.DB }

// NewIdentity returns the identity store on db.
func NewIdentity(db *DB) *Identity { return &Identity{db: db.Gorm} }

var _ identity.Store = (*Identity)(nil)

// Login implements identity.Store.
func (s *Identity) Login(ctx context.Context, l identity.Login) (identity.Principal, error) {
	var userID int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		now := time.Now().UTC()
		var u userRow
		err := tx.Where("issuer = ? AND subject = ?", l.Issuer, l.Subject).Take(&u).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			u = userRow{Issuer: l.Issuer, Subject: l.Subject, Name: l.Name, Email: l.Email, LastLoginAt: now}
			if err := tx.Create(&u).Error; err != nil {
				return fmt.Errorf("create user: %w", err)
			}
			if err := auditUser(tx, u.ID, "user.create", u.ID, map[string]any{"issuer": l.Issuer}); err != nil {
				return err
			}
		case err != nil:
			return fmt.Errorf("find user: %w", err)
		default:
			if err := tx.Model(&u).Updates(map[string]any{"name": l.Name, "email": l.Email, "last_login_at": now, "updated_at": now}).Error; err != nil {
				return fmt.Errorf("update user: %w", err)
			}
		}
		userID = u.ID
		if err := applyClaimGrants(tx, u.ID, l.Grants); err != nil {
			return err
		}
		if err := applyClaimMemberships(tx, u.ID, l.Memberships); err != nil {
			return err
		}
		return auditUser(tx, u.ID, "login", u.ID, map[string]any{"provider": l.ProviderID})
	})
	if err != nil {
		return identity.Principal{}, err
	}
	return s.Principal(ctx, userID)
}

// applyClaimGrants makes the user's claim-sourced grants exactly the claimed ones.
func applyClaimGrants(tx *gorm.DB, userID int64, claimed []identity.Grant) error {
	var have []roleGrantRow
	if err := tx.Where("user_id = ? AND source = ?", userID, identity.SourceClaim).Find(&have).Error; err != nil {
		return err
	}
	want := map[identity.Grant]bool{}
	for _, g := range claimed {
		want[identity.Grant{Role: g.Role, DistrictKey: g.DistrictKey, Source: identity.SourceClaim}] = true
	}
	for _, r := range have {
		g := r.toDomain()
		key := identity.Grant{Role: g.Role, DistrictKey: g.DistrictKey, Source: identity.SourceClaim}
		if want[key] {
			delete(want, key)
			continue
		}
		if err := tx.Delete(&roleGrantRow{}, r.ID).Error; err != nil {
			return err
		}
		if err := auditUser(tx, userID, "role.revoke", userID, grantDetails(g)); err != nil {
			return err
		}
	}
	for g := range want {
		if g.DistrictKey != "" {
			// A coordinator claim for a district that does not exist grants nothing. Checked first:
			// a failed insert would abort a PostgreSQL transaction.
			var n int64
			if err := tx.Table("districts").Where("key = ?", g.DistrictKey).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				continue
			}
		}
		if err := tx.Create(&roleGrantRow{UserID: userID, Role: string(g.Role), DistrictKey: nullable(g.DistrictKey), Source: string(g.Source)}).Error; err != nil {
			return fmt.Errorf("grant %s: %w", g.Role, err)
		}
		if err := auditUser(tx, userID, "role.grant", userID, grantDetails(g)); err != nil {
			return err
		}
	}
	return nil
}

// applyClaimMemberships makes the user's claim-sourced memberships exactly the claimed ones;
// memberships granted in the platform stay as they are.
func applyClaimMemberships(tx *gorm.DB, userID int64, claimed map[string]identity.MemberRole) error {
	var have []struct {
		OrganisationID int64
		Role, Source   string
		Slug           string
	}
	if err := tx.Table("memberships").Select("memberships.organisation_id, memberships.role, memberships.source, organisations.slug").
		Joins("JOIN organisations ON organisations.id = memberships.organisation_id").
		Where("memberships.user_id = ?", userID).Scan(&have).Error; err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, m := range have {
		seen[m.Slug] = true
		role, wanted := claimed[m.Slug]
		switch {
		case m.Source == string(identity.SourcePlatform):
		case !wanted:
			if err := tx.Where("user_id = ? AND organisation_id = ?", userID, m.OrganisationID).Delete(&membershipRow{}).Error; err != nil {
				return err
			}
			if err := auditMembership(tx, userID, "membership.remove", m.Slug, userID, m.Role, identity.SourceClaim); err != nil {
				return err
			}
		case string(role) != m.Role:
			if err := tx.Model(&membershipRow{}).Where("user_id = ? AND organisation_id = ?", userID, m.OrganisationID).Update("role", string(role)).Error; err != nil {
				return err
			}
			if err := auditMembership(tx, userID, "membership.put", m.Slug, userID, string(role), identity.SourceClaim); err != nil {
				return err
			}
		}
	}
	for slug, role := range claimed {
		if seen[slug] {
			continue
		}
		org, err := organisationForClaim(tx, userID, slug)
		if err != nil {
			return err
		}
		if err := tx.Create(&membershipRow{UserID: userID, OrganisationID: org.ID, Role: string(role), Source: string(identity.SourceClaim)}).Error; err != nil {
			return fmt.Errorf("membership %s: %w", slug, err)
		}
		if err := auditMembership(tx, userID, "membership.put", slug, userID, string(role), identity.SourceClaim); err != nil {
			return err
		}
	}
	return nil
}

// organisationForClaim finds the organisation a claim names, creating it as a provider with a
// provisional name when it is new.
func organisationForClaim(tx *gorm.DB, actorID int64, slug string) (organisationRow, error) {
	var org organisationRow
	err := tx.Where("slug = ?", slug).Take(&org).Error
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return org, err
	}
	org = organisationRow{Slug: slug, Name: identity.NameFromSlug(slug), Kind: string(identity.OrgProvider)}
	if err := tx.Create(&org).Error; err != nil {
		return org, fmt.Errorf("create organisation %s: %w", slug, err)
	}
	return org, appendAudit(tx, actorID, "organisation.create", "organisation", slug, map[string]any{"from": "login claim"})
}

func grantDetails(g identity.Grant) map[string]any {
	d := map[string]any{"role": string(g.Role), "source": string(g.Source)}
	if g.DistrictKey != "" {
		d["district_key"] = g.DistrictKey
	}
	return d
}

func auditMembership(tx *gorm.DB, actorID int64, action, slug string, userID int64, role string, source identity.Source) error {
	return appendAudit(tx, actorID, action, "organisation", slug, map[string]any{"user_id": userID, "role": role, "source": string(source)})
}

// Principal implements identity.Store.
func (s *Identity) Principal(ctx context.Context, userID int64) (identity.Principal, error) {
	db := s.db.WithContext(ctx)
	var u userRow
	if err := db.Take(&u, userID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return identity.Principal{}, identity.ErrUserNotFound
	} else if err != nil {
		return identity.Principal{}, err
	}
	ps, err := s.withRoles(db, []userRow{u})
	if err != nil {
		return identity.Principal{}, err
	}
	return ps[0], nil
}

// withRoles loads the grants and memberships of users in two queries.
func (s *Identity) withRoles(db *gorm.DB, users []userRow) ([]identity.Principal, error) {
	ids := make([]int64, len(users))
	index := make(map[int64]int, len(users))
	out := make([]identity.Principal, len(users))
	for i, u := range users {
		ids[i], index[u.ID] = u.ID, i
		out[i].User = u.toDomain()
	}
	if len(ids) == 0 {
		return out, nil
	}
	var grants []roleGrantRow
	if err := db.Where("user_id IN ?", ids).Order("role, district_key, id").Find(&grants).Error; err != nil {
		return nil, err
	}
	for _, g := range grants {
		p := &out[index[g.UserID]]
		p.Grants = append(p.Grants, g.toDomain())
	}
	var ms []struct {
		UserID         int64
		Role, Source   string
		OrgID          int64
		OrgSlug        string
		OrgName        string
		OrgKind        string
		OrgDescription string
		OrgDistrictKey *string
	}
	if err := db.Table("memberships").
		Select("memberships.user_id, memberships.role, memberships.source, organisations.id AS org_id, organisations.slug AS org_slug, organisations.name AS org_name, organisations.kind AS org_kind, organisations.description AS org_description, organisations.district_key AS org_district_key").
		Joins("JOIN organisations ON organisations.id = memberships.organisation_id").
		Where("memberships.user_id IN ?", ids).Order("organisations.name").Scan(&ms).Error; err != nil {
		return nil, err
	}
	for _, m := range ms {
		p := &out[index[m.UserID]]
		org := organisationRow{ID: m.OrgID, Slug: m.OrgSlug, Name: m.OrgName, Kind: m.OrgKind, Description: m.OrgDescription, DistrictKey: m.OrgDistrictKey}
		p.Memberships = append(p.Memberships, identity.Membership{Organisation: org.toDomain(), Role: identity.MemberRole(m.Role), Source: identity.Source(m.Source)})
	}
	return out, nil
}

// Users implements identity.Store.
func (s *Identity) Users(ctx context.Context, query string, limit int) ([]identity.Principal, error) {
	db := s.db.WithContext(ctx)
	q := db.Order("name, id").Limit(limit)
	if query = strings.TrimSpace(query); query != "" {
		like := "%" + strings.ToLower(escapeLike(query)) + "%"
		q = q.Where("lower(name) LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\'", like, like)
	}
	var users []userRow
	if err := q.Find(&users).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return s.withRoles(db, users)
}

// UserByEmail implements identity.Store.
func (s *Identity) UserByEmail(ctx context.Context, email string) (identity.User, error) {
	var u userRow
	err := s.db.WithContext(ctx).Where("lower(email) = ?", strings.ToLower(strings.TrimSpace(email))).Order("id").Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || strings.TrimSpace(email) == "" {
		return identity.User{}, identity.ErrUserNotFound
	}
	if err != nil {
		return identity.User{}, err
	}
	return u.toDomain(), nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
