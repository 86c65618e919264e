// Package demo provides what `make run` shows without any outside service: the built-in
// development identity provider with one demo user per role, its three login providers, and
// clearly made-up demo data. It is used only when TEILHABE_DEMO=1.
package demo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/auth/devidp"
)

// IdPPath is where the development provider is mounted.
const IdPPath = "/devidp"

// roleMap maps the demo users' groups to roles, as an administration would configure its own.
var roleMap = map[string]string{
	"teilhabe-admin":                 "admin",
	"koordination-16051":             "coordinator:16051",
	"koordination-16053":             "coordinator:16053",
	"traegerleitung:diakonie-erfurt": "provider_admin:diakonie-erfurt",
	"traegerleitung:awo-erfurt":      "provider_admin:awo-erfurt",
}

// Login returns the development provider, served under base + IdPPath, and the three login
// providers ("Verwaltung", "Träger", "Bürgerinnen und Bürger") that use it.
func Login(base *url.URL) (*devidp.Provider, []auth.ProviderConfig, error) {
	issuer := base.JoinPath(IdPPath).String()
	audiences := []struct {
		id, label string
		audience  auth.Audience
		def       string
	}{
		{"verwaltung", "Verwaltung", auth.AudienceStaff, ""},
		{"traeger", "Träger", auth.AudienceProvider, ""},
		{"buerger", "Bürgerinnen und Bürger", auth.AudienceResident, "resident"},
	}
	var clients []devidp.Client
	var providers []auth.ProviderConfig
	for _, a := range audiences {
		secret := randomSecret()
		clients = append(clients, devidp.Client{
			ID: "teilhabe-" + a.id, Secret: secret, Audience: string(a.audience),
			RedirectURIs:           []string{base.JoinPath("/auth/callback/", a.id).String()},
			PostLogoutRedirectURIs: []string{base.JoinPath("/").String()},
			BackchannelLogoutURI:   base.JoinPath("/auth/backchannel-logout/", a.id).String(),
		})
		providers = append(providers, auth.ProviderConfig{
			ID: a.id, Label: a.label, Audience: a.audience, Issuer: issuer, ClientID: "teilhabe-" + a.id, ClientSecret: secret,
			Scopes: []string{"openid", "profile", "email", "groups"}, RolesClaim: "groups", RoleMap: roleMap,
			OrganisationPrefix: "org:", DefaultRole: a.def,
		})
	}
	idp, err := devidp.New(issuer, clients, devidp.DemoUsers())
	if err != nil {
		return nil, nil, fmt.Errorf("development identity provider: %w", err)
	}
	return idp, providers, nil
}

func randomSecret() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// organisations are the made-up organisations of the demo users.
var organisations = []identity.Organisation{
	{Slug: "stadtverwaltung-erfurt", Name: "Stadtverwaltung Erfurt (Beispiel)", Kind: identity.OrgAdministration, DistrictKey: "16051",
		Description: "Beispieldaten: Planungskoordination der Stadt Erfurt."},
	{Slug: "diakonie-erfurt", Name: "Diakonie Erfurt (Beispiel)", Kind: identity.OrgProvider, DistrictKey: "16051",
		Description: "Beispieldaten: ein erfundener freier Träger für die Demo."},
	{Slug: "awo-erfurt", Name: "AWO Erfurt (Beispiel)", Kind: identity.OrgProvider, DistrictKey: "16051",
		Description: "Beispieldaten: ein erfundener freier Träger für die Demo."},
	{Slug: "liga-thueringen", Name: "LIGA der Freien Wohlfahrtspflege (Beispiel)", Kind: identity.OrgUmbrella,
		Description: "Beispieldaten: Dachverband."},
}

// Seed writes the demo data; it only adds what is missing, so restarts change nothing.
func Seed(ctx context.Context, ids *identity.Service) error {
	for _, o := range organisations {
		if err := ids.SeedOrganisation(ctx, o); err != nil {
			return fmt.Errorf("demo organisation %s: %w", o.Slug, err)
		}
	}
	return nil
}
