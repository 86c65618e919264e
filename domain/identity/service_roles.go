package identity

import (
	"context"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Users lists up to limit people whose name or e-mail contains query, with their roles: the list
// is personal data, for admins only.
func (s *Service) Users(ctx context.Context, who Principal, query string, limit int) ([]Principal, error) {
	if err := kernel.Allow(who.Anonymous(), s.may.CanListUsers(who)); err != nil {
		return nil, err
	}
	return s.store.Users(ctx, query, limit)
}

// GrantRole grants a role in the platform (source platform, kept at every login); granting a
// role the person holds already is granting it once.
func (s *Service) GrantRole(ctx context.Context, who Principal, userID int64, role RoleName, district string) (Grant, error) {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageRoles(who)); err != nil {
		return Grant{}, err
	}
	g, err := NewGrant(role, district, SourcePlatform)
	if err != nil {
		return Grant{}, err
	}
	var out Grant
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.store.User(ctx, userID); err != nil {
			return err
		}
		var created bool
		if out, created, err = s.store.InsertGrant(ctx, userID, g); err != nil || !created {
			return err
		}
		return s.logUser(ctx, who.User.ID, "role.grant", userID, grantDetails(g))
	})
	return out, err
}

// RevokeRole revokes a role granted in the platform; a role from the identity provider's claims
// gives ErrRoleFromClaims, since the next login would bring it back.
func (s *Service) RevokeRole(ctx context.Context, who Principal, userID, grantID int64) error {
	if err := kernel.Allow(who.Anonymous(), s.may.CanManageRoles(who)); err != nil {
		return err
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		g, err := s.store.Grant(ctx, userID, grantID)
		if err != nil {
			return err
		}
		if g.Source == SourceClaim {
			return ErrRoleFromClaims
		}
		if err := s.store.DeleteGrant(ctx, userID, grantID); err != nil {
			return err
		}
		d := grantDetails(g)
		d["grant_id"] = strconv.FormatInt(grantID, 10)
		return s.logUser(ctx, who.User.ID, "role.revoke", userID, d)
	})
}
