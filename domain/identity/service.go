package identity

import (
	"context"
	"strconv"
	"time"

	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Service is the identity context's use cases: each method authorises the person (with
// domain/access's rules, see Policy) and kernel.Allow, validates, persists through Store in one transaction together with the audit
// line, and returns what changed. Handlers and the login only decode, call and encode.
type Service struct {
	store   Store
	tx      kernel.Transactor
	audit   audit.Store
	may     Policy
	invites *kernel.Limiter[int64]
	now     func() time.Time
}

// Policy is who may manage people and organisations. domain/access decides it (access.Identity):
// access imports this package for Principal, so the rules come in through this port instead of
// an import, and stay written and tested once, there.
type Policy interface {
	CanManageOrganisations(p Principal) bool
	CanEditOrganisationProfile(p Principal, slug string) bool
	CanManageMembers(p Principal, slug string) bool
	CanManageRoles(p Principal) bool
	CanListUsers(p Principal) bool
}

// Deps are the ports a Service needs.
type Deps struct {
	Store  Store
	Tx     kernel.Transactor
	Audit  audit.Store
	Policy Policy
	// Invites limits how many invitations one lead sends, keyed by their user id (nil: no limit).
	Invites *kernel.Limiter[int64]
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// NewService returns the identity use cases.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Policy == nil {
		panic("identity: a Service needs a Policy") // fail at start, not at the first request
	}
	return &Service{store: d.Store, tx: d.Tx, audit: d.Audit, may: d.Policy, invites: d.Invites, now: d.Now}
}

// Login records a login: it creates or updates the person of (issuer, subject), makes their
// claim-sourced roles and memberships the claimed ones (Reconcile), creating organisations first
// named by a claim, and returns the person with their roles. The person is their own actor in
// the audit log.
func (s *Service) Login(ctx context.Context, l Login) (Principal, error) {
	var out Principal
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		u, created, err := s.store.SaveLoginUser(ctx, User{Issuer: l.Issuer, Subject: l.Subject, Name: l.Name, Email: l.Email, EmailVerified: l.EmailVerified, LastLoginAt: s.now().UTC()})
		if err != nil {
			return err
		}
		if created {
			if err := s.logUser(ctx, u.ID, "user.create", u.ID, map[string]any{"issuer": l.Issuer}); err != nil {
				return err
			}
		}
		have, err := s.store.Principal(ctx, u.ID)
		if err != nil {
			return err
		}
		known, err := s.store.KnownDistricts(ctx, l.ClaimedDistricts())
		if err != nil {
			return err
		}
		if err := s.apply(ctx, u.ID, Reconcile(have, l, known)); err != nil {
			return err
		}
		if err := s.logUser(ctx, u.ID, "login", u.ID, map[string]any{"provider": l.ProviderID}); err != nil {
			return err
		}
		out, err = s.store.Principal(ctx, u.ID)
		return err
	})
	return out, err
}

// apply writes a login's changes with their audit lines, the person acting on themselves.
func (s *Service) apply(ctx context.Context, userID int64, c Changes) error {
	for _, g := range c.Revoke {
		if err := s.store.DeleteGrant(ctx, userID, g.ID); err != nil {
			return err
		}
		if err := s.logUser(ctx, userID, "role.revoke", userID, grantDetails(g)); err != nil {
			return err
		}
	}
	for _, g := range c.Grant {
		if _, _, err := s.store.InsertGrant(ctx, userID, g); err != nil {
			return err
		}
		if err := s.logUser(ctx, userID, "role.grant", userID, grantDetails(g)); err != nil {
			return err
		}
	}
	for _, m := range c.Leave {
		if err := s.store.DeleteMembership(ctx, userID, m.Organisation.ID); err != nil {
			return err
		}
		if err := s.logMembership(ctx, userID, "membership.remove", m.Organisation.Slug, userID, m.Role, SourceClaim); err != nil {
			return err
		}
	}
	for _, m := range c.Join {
		org := m.Organisation
		if org.ID == 0 {
			var created bool
			var err error
			if org, created, err = s.store.EnsureOrganisation(ctx, ClaimedOrganisation(org.Slug)); err != nil {
				return err
			}
			if created {
				if err := s.logOrganisation(ctx, userID, "organisation.create", org.Slug, map[string]any{"from": "login claim"}); err != nil {
					return err
				}
			}
		}
		if err := s.store.SetMembership(ctx, userID, org.ID, m.Role, SourceClaim); err != nil {
			return err
		}
		if err := s.logMembership(ctx, userID, "membership.put", org.Slug, userID, m.Role, SourceClaim); err != nil {
			return err
		}
	}
	return nil
}

// Principal loads a person with their roles, as the session's login knows them.
func (s *Service) Principal(ctx context.Context, userID int64) (Principal, error) {
	return s.store.Principal(ctx, userID)
}

func (s *Service) log(ctx context.Context, actorID int64, action, targetType, targetID string, details map[string]any) error {
	return s.audit.Append(ctx, audit.Entry{At: s.now().UTC(), ActorID: actorID, Action: action, TargetType: targetType,
		TargetID: targetID, Details: details})
}

func (s *Service) logUser(ctx context.Context, actorID int64, action string, userID int64, details map[string]any) error {
	return s.log(ctx, actorID, action, "user", strconv.FormatInt(userID, 10), details)
}

func (s *Service) logOrganisation(ctx context.Context, actorID int64, action, slug string, details map[string]any) error {
	return s.log(ctx, actorID, action, "organisation", slug, details)
}

func (s *Service) logMembership(ctx context.Context, actorID int64, action, slug string, userID int64, role MemberRole, source Source) error {
	return s.logOrganisation(ctx, actorID, action, slug, map[string]any{"user_id": userID, "role": string(role), "source": string(source)})
}

func grantDetails(g Grant) map[string]any {
	d := map[string]any{"role": string(g.Role), "source": string(g.Source)}
	if g.DistrictKey != "" {
		d["district_key"] = g.DistrictKey
	}
	return d
}
