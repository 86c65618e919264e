package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Identity is the gorm implementation of identity.Store: rows and queries; the rules of who
// gets which role live in identity.Service.
type Identity struct{ db *gorm.DB }

// NewIdentity returns the identity store on db.
func NewIdentity(db *DB) *Identity { return &Identity{db: db.Gorm} }

var _ identity.Store = (*Identity)(nil)

// SaveLoginUser implements identity.Store: insert unless (issuer, subject) exists, else update,
// so the unique constraint, not a prior read, decides who is new.
func (s *Identity) SaveLoginUser(ctx context.Context, u identity.User) (identity.User, bool, error) {
	db := conn(ctx, s.db)
	row := userRow{Issuer: u.Issuer, Subject: u.Subject, Name: u.Name, Email: u.Email, EmailVerified: u.EmailVerified, LastLoginAt: u.LastLoginAt}
	res := db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "issuer"}, {Name: "subject"}}, DoNothing: true}).Create(&row)
	if res.Error != nil {
		return identity.User{}, false, fmt.Errorf("create user: %w", res.Error)
	}
	if res.RowsAffected == 1 {
		return row.toDomain(), true, nil
	}
	row = userRow{}
	if err := db.Model(&userRow{}).Where("issuer = ? AND subject = ?", u.Issuer, u.Subject).Updates(map[string]any{"name": u.Name, "email": u.Email, "email_verified": u.EmailVerified, "last_login_at": u.LastLoginAt, "updated_at": time.Now().UTC()}).Error; err != nil {
		return identity.User{}, false, fmt.Errorf("update user: %w", err)
	}
	if err := db.Where("issuer = ? AND subject = ?", u.Issuer, u.Subject).Take(&row).Error; err != nil {
		return identity.User{}, false, fmt.Errorf("find user: %w", err)
	}
	return row.toDomain(), false, nil
}

// User implements identity.Store.
func (s *Identity) User(ctx context.Context, id int64) (identity.User, error) {
	var u userRow
	if err := conn(ctx, s.db).Take(&u, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return identity.User{}, identity.ErrUserNotFound
	} else if err != nil {
		return identity.User{}, err
	}
	return u.toDomain(), nil
}

// KnownDistricts implements identity.Store.
func (s *Identity) KnownDistricts(ctx context.Context, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	var found []string
	if err := conn(ctx, s.db).Table("districts").Where("key IN ?", keys).Pluck("key", &found).Error; err != nil {
		return nil, fmt.Errorf("known districts: %w", err)
	}
	for _, k := range found {
		out[k] = true
	}
	return out, nil
}

// Principal implements identity.Store.
func (s *Identity) Principal(ctx context.Context, userID int64) (identity.Principal, error) {
	db := conn(ctx, s.db)
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
	db := conn(ctx, s.db)
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

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
