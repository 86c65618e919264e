package auth

import (
	"context"
	"sync"
	"time"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// DefaultRefreshEvery is how often a reachable provider's metadata and keys are fetched again.
const DefaultRefreshEvery = time.Hour

// Watch checks every provider's discovery at once, then keeps each one fresh until ctx ends: a
// provider that cannot be reached is logged and tried again with a doubling pause (RetryMin up to
// RetryMax); a reachable one is fetched again every RefreshEvery. It never fails: a provider
// that is down must not stop the platform. It returns when ctx ends.
func (s *Service) Watch(ctx context.Context) {
	var wg sync.WaitGroup
	for _, p := range s.providers {
		wg.Add(1)
		go func() { defer wg.Done(); s.watch(ctx, p) }()
	}
	wg.Wait()
}

func (s *Service) watch(ctx context.Context, p *provider) {
	backoff := s.opts.RetryMin
	wasDown := false
	for {
		wait := s.opts.RefreshEvery
		if err := p.refresh(ctx, s.now()); err != nil {
			if ctx.Err() != nil {
				return
			}
			wait, backoff = backoff, min(2*backoff, s.opts.RetryMax)
			s.opts.Log.Warn("login provider unreachable; logins with it answer 503 until it answers",
				"provider", p.cfg.ID, "issuer", p.cfg.Issuer, "error", err, "retry_in", wait.String())
			wasDown = true
		} else {
			backoff = s.opts.RetryMin
			if wasDown {
				s.opts.Log.Info("login provider reachable again", "provider", p.cfg.ID, "issuer", p.cfg.Issuer)
			}
			wasDown = false
		}
		p.mu.Lock()
		p.nextTry = s.now().Add(wait)
		p.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// ProviderStatusesFor is ProviderStatuses for a person, who must be allowed to see them.
func (s *Service) ProviderStatusesFor(who identity.Principal) ([]ProviderStatus, error) {
	if err := kernel.Allow(who.Anonymous(), access.CanSeeLoginProviderStatus(who)); err != nil {
		return nil, err
	}
	return s.ProviderStatuses(), nil
}

// ProviderStatuses reports each provider's state in configuration order, for metrics; people get
// them through ProviderStatusesFor.
func (s *Service) ProviderStatuses() []ProviderStatus {
	out := make([]ProviderStatus, len(s.providers))
	for i, p := range s.providers {
		out[i] = p.status()
	}
	return out
}

// roleValues reads the provider's roles claim from the login's claims. An absent claim is logged
// with the provider and the claim, and kept as the provider's latest warning for admins: it
// usually means a wrong path or a missing mapper at the provider, which otherwise shows only as
// everyone getting default_role.
func (s *Service) roleValues(ctx context.Context, p *provider, c idClaims) []string {
	if p.cfg.RolesClaim == "" {
		return nil
	}
	path, err := ParseClaimPath(p.cfg.RolesClaim)
	values, present := c.strings(path)
	if err == nil && present {
		return values
	}
	w := &ClaimWarning{Claim: p.cfg.RolesClaim, At: s.now(), Present: c.names()}
	s.opts.Log.WarnContext(ctx, "the configured roles claim is absent from a login's tokens",
		"provider", p.cfg.ID, "claim", p.cfg.RolesClaim, "claims_present", w.Present)
	p.mu.Lock()
	p.warning = w
	p.mu.Unlock()
	return nil
}
