package devidp

import "net/http"

// supportedScopes are the scopes the provider understands; others are ignored (RFC 6749 3.3
// lets the server grant fewer scopes than requested).
var supportedScopes = []string{"openid", "profile", "email", "groups"}

// discovery serves the OpenID Provider Metadata (OIDC Discovery 1.0 section 3). It advertises
// only what is implemented, including the negative defaults that would otherwise be assumed
// true (request_uri_parameter_supported), so RPs never rely on missing features.
func (p *Provider) discovery(w http.ResponseWriter) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.issuer,
		"authorization_endpoint":                p.base + "/authorize",
		"token_endpoint":                        p.base + "/token",
		"userinfo_endpoint":                     p.base + "/userinfo",
		"jwks_uri":                              p.base + "/jwks",
		"end_session_endpoint":                  p.base + "/end_session",
		"response_types_supported":              []string{"code"},
		"response_modes_supported":              []string{"query"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"scopes_supported":                      supportedScopes,
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
		"code_challenge_methods_supported":      []string{"S256"},
		"backchannel_logout_supported":          true,
		"backchannel_logout_session_supported":  true,
		"grant_types_supported":                 []string{"authorization_code"},
		"claims_supported": []string{
			"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "sid",
			"name", "preferred_username", "email", "email_verified", "groups",
		},
		"claims_parameter_supported":      false,
		"request_parameter_supported":     false,
		"request_uri_parameter_supported": false,
	})
}
