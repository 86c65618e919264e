// Package auth logs people in with OpenID Connect (authorization code flow with PKCE, state and
// nonce kept server side), keeps their sessions in the database, protects state-changing requests
// against CSRF and maps the identity providers' claims to the platform's roles by configuration.
package auth

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Audience says who logs in with a provider; the UI labels the login buttons by it.
type Audience string

// The three audiences of the platform.
const (
	AudienceStaff    Audience = "staff"
	AudienceProvider Audience = "provider"
	AudienceResident Audience = "resident"
)

// ProviderConfig is one identity provider as configured in the file TEILHABE_AUTH_CONFIG names.
type ProviderConfig struct {
	ID               string   `yaml:"id"`
	Label            string   `yaml:"label"`
	Audience         Audience `yaml:"audience"`
	Issuer           string   `yaml:"issuer"`
	ClientID         string   `yaml:"client_id"`
	ClientSecret     string   `yaml:"client_secret"`
	ClientSecretFile string   `yaml:"client_secret_file"`
	Scopes           []string `yaml:"scopes"`
	// RolesClaim is the path of the claim holding the role values: a top-level name ("groups")
	// or a dotted path into nested objects ("realm_access.roles",
	// "resource_access.teilhabe.roles"); a backslash escapes a dot that is part of a name
	// ("https://example\.org/roles"). See ParseClaimPath.
	RolesClaim string            `yaml:"roles_claim"`
	RoleMap    map[string]string `yaml:"role_map"`
	// OrganisationPrefix makes a roles-claim value "<prefix><slug>" a membership of that organisation.
	OrganisationPrefix string `yaml:"organisation_prefix"`
	// DefaultRole is granted when the claims map to no role at all.
	DefaultRole string `yaml:"default_role"`
}

type configFile struct {
	Providers []yaml.Node `yaml:"providers"`
}

var providerID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

// LoadConfigFile reads and validates the providers file. Errors name the line and the reason.
func LoadConfigFile(path string) ([]ProviderConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("TEILHABE_AUTH_CONFIG: %w", err)
	}
	ps, err := ParseConfig(data)
	if err != nil {
		return nil, fmt.Errorf("TEILHABE_AUTH_CONFIG %s: %w", path, err)
	}
	return ps, nil
}

// ParseConfig parses and validates a providers file; unknown keys are errors, so a typo never
// silently disables a role mapping.
func ParseConfig(data []byte) ([]ProviderConfig, error) {
	// Decoded twice: strictly into the types (so unknown keys fail with their line), and as nodes
	// for the line of each provider in validation errors.
	var typed struct {
		Providers []ProviderConfig `yaml:"providers"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&typed); err != nil {
		return nil, err
	}
	var f configFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	if len(typed.Providers) == 0 || len(f.Providers) != len(typed.Providers) {
		return nil, errors.New("line 1: no providers configured (a list under providers:)")
	}
	var out []ProviderConfig
	for i, node := range f.Providers {
		p := typed.Providers[i]
		if err := p.validate(); err != nil {
			return nil, fmt.Errorf("line %d: provider %q: %w", node.Line, p.ID, err)
		}
		if slices.ContainsFunc(out, func(o ProviderConfig) bool { return o.ID == p.ID }) {
			return nil, fmt.Errorf("line %d: provider id %q appears twice", node.Line, p.ID)
		}
		out = append(out, p)
	}
	return out, nil
}

func (p *ProviderConfig) validate() error {
	if !providerID.MatchString(p.ID) {
		return errors.New("id must be 1 to 40 of a-z, 0-9, - and _")
	}
	if strings.TrimSpace(p.Label) == "" {
		return errors.New("label is empty")
	}
	switch p.Audience {
	case AudienceStaff, AudienceProvider, AudienceResident:
	default:
		return fmt.Errorf("audience %q is not staff, provider or resident", p.Audience)
	}
	if u, err := url.Parse(p.Issuer); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("issuer %q is not an absolute http(s) URL", p.Issuer)
	}
	if p.ClientID == "" {
		return errors.New("client_id is empty")
	}
	switch {
	case p.ClientSecret != "" && p.ClientSecretFile != "":
		return errors.New("set client_secret or client_secret_file, not both")
	case p.ClientSecretFile != "":
		b, err := os.ReadFile(p.ClientSecretFile)
		if err != nil {
			return fmt.Errorf("client_secret_file: %w", err)
		}
		p.ClientSecret = strings.TrimSpace(string(b))
	case p.ClientSecret == "":
		return errors.New("client_secret or client_secret_file is required")
	}
	if len(p.Scopes) == 0 {
		p.Scopes = []string{"openid", "profile", "email"}
	}
	if !slices.Contains(p.Scopes, "openid") {
		return errors.New("scopes must include openid")
	}
	if p.RolesClaim != "" {
		if _, err := ParseClaimPath(p.RolesClaim); err != nil {
			return fmt.Errorf("roles_claim %q: %w", p.RolesClaim, err)
		}
	}
	if len(p.RoleMap) > 0 && p.RolesClaim == "" {
		return errors.New("role_map needs roles_claim (the claim holding the list, e.g. groups)")
	}
	if p.OrganisationPrefix != "" && p.RolesClaim == "" {
		return errors.New("organisation_prefix needs roles_claim")
	}
	for value, role := range p.RoleMap {
		if _, err := identity.ParseRole(role); err != nil {
			return fmt.Errorf("role_map %q: %w", value, err)
		}
	}
	if p.DefaultRole != "" {
		if _, err := identity.ParseRole(p.DefaultRole); err != nil {
			return fmt.Errorf("default_role: %w", err)
		}
	}
	return nil
}

// Roles maps the values of the roles claim to roles: through role_map, and organisation_prefix
// for memberships; default_role when nothing maps.
func (p ProviderConfig) Roles(values []string) []identity.ClaimedRole {
	var out []identity.ClaimedRole
	for _, v := range values {
		if role, ok := p.RoleMap[v]; ok {
			if r, err := identity.ParseRole(role); err == nil {
				out = append(out, r)
			}
		}
		if p.OrganisationPrefix != "" && strings.HasPrefix(v, p.OrganisationPrefix) {
			if slug := strings.TrimPrefix(v, p.OrganisationPrefix); identity.ValidSlug(slug) {
				out = append(out, identity.ClaimedRole{OrgSlug: slug, MemberRole: identity.MemberRoleMember})
			}
		}
	}
	if len(out) == 0 && p.DefaultRole != "" {
		if r, err := identity.ParseRole(p.DefaultRole); err == nil {
			out = append(out, r)
		}
	}
	return out
}
