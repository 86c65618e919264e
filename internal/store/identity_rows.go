package store

import (
	"time"

	"github.com/teilhabe/teilhabe/domain/identity"
)

type userRow struct {
	ID            int64 `gorm:"primaryKey"`
	Issuer        string
	Subject       string
	Name          string
	Email         string
	EmailVerified bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
	LastLoginAt   time.Time
}

func (userRow) TableName() string { return "users" }

func (r userRow) toDomain() identity.User {
	return identity.User{ID: r.ID, Issuer: r.Issuer, Subject: r.Subject, Name: r.Name, Email: r.Email, EmailVerified: r.EmailVerified, CreatedAt: r.CreatedAt, LastLoginAt: r.LastLoginAt}
}

type organisationRow struct {
	ID          int64 `gorm:"primaryKey"`
	Slug        string
	Name        string
	Kind        string
	Description string
	DistrictKey *string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (organisationRow) TableName() string { return "organisations" }

func (r organisationRow) toDomain() identity.Organisation {
	o := identity.Organisation{ID: r.ID, Slug: r.Slug, Name: r.Name, Kind: identity.OrgKind(r.Kind), Description: r.Description}
	if r.DistrictKey != nil {
		o.DistrictKey = *r.DistrictKey
	}
	return o
}

func organisationFromDomain(o identity.Organisation) organisationRow {
	return organisationRow{ID: o.ID, Slug: o.Slug, Name: o.Name, Kind: string(o.Kind), Description: o.Description, DistrictKey: nullable(o.DistrictKey)}
}

type membershipRow struct {
	UserID         int64 `gorm:"primaryKey;autoIncrement:false"`
	OrganisationID int64 `gorm:"primaryKey;autoIncrement:false"`
	Role           string
	Source         string
	CreatedAt      time.Time
}

func (membershipRow) TableName() string { return "memberships" }

type roleGrantRow struct {
	ID          int64 `gorm:"primaryKey"`
	UserID      int64
	Role        string
	DistrictKey *string
	Source      string
	CreatedAt   time.Time
}

func (roleGrantRow) TableName() string { return "role_grants" }

func (r roleGrantRow) toDomain() identity.Grant {
	g := identity.Grant{ID: r.ID, Role: identity.RoleName(r.Role), Source: identity.Source(r.Source)}
	if r.DistrictKey != nil {
		g.DistrictKey = *r.DistrictKey
	}
	return g
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
