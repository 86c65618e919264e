package auth

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// provider is a configured identity provider, discovered on first use: a provider that is down
// at start must not stop the platform, and the built-in development provider is served by the
// same process that configures it.
type provider struct {
	cfg         ProviderConfig
	redirectURL string
	client      *http.Client

	mu         sync.Mutex
	op         *oidc.Provider
	endSession string
}

type discovered struct {
	op         *oidc.Provider
	oauth      oauth2.Config
	verifier   *oidc.IDTokenVerifier
	endSession string
}

func (p *provider) discover(ctx context.Context) (discovered, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.op == nil {
		ctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, p.client), 10*time.Second)
		defer cancel()
		op, err := oidc.NewProvider(ctx, p.cfg.Issuer)
		if err != nil {
			return discovered{}, fmt.Errorf("provider %s: discovery: %w", p.cfg.ID, err)
		}
		var extra struct {
			EndSession string `json:"end_session_endpoint"`
		}
		_ = op.Claims(&extra)
		p.op, p.endSession = op, extra.EndSession
	}
	return discovered{
		op: p.op,
		oauth: oauth2.Config{
			ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret, Endpoint: p.op.Endpoint(),
			RedirectURL: p.redirectURL, Scopes: p.cfg.Scopes,
		},
		verifier:   p.op.VerifierContext(oidc.ClientContext(context.Background(), p.client), &oidc.Config{ClientID: p.cfg.ClientID}),
		endSession: p.endSession,
	}, nil
}
