package devidp

import (
	"net/http"
	"net/url"
	"slices"
)

// userinfo returns the claims of the access token's user (OIDC Core 5.3).
func (p *Provider) userinfo(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	token := bearerToken(r)
	if token == "" {
		// RFC 6750 3.1: a request without credentials gets no error code.
		w.Header().Set("WWW-Authenticate", "Bearer")
		http.Error(w, "bearer token required", http.StatusUnauthorized)
		return
	}
	t, ok := p.store.lookupToken(token, p.now())
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		http.Error(w, "invalid or expired access token", http.StatusUnauthorized)
		return
	}
	writeJSON(w, http.StatusOK, userClaims(p.users[t.subject], t.scope))
}

// endSession implements OIDC RP-Initiated Logout 1.0: it ends the session the id_token_hint
// names (and tells its client over the back channel), then decides where the browser goes next.
// It redirects only to a post-logout URI that is registered (for the hinted client, or for any
// client without a valid hint): anything else would make it an open redirector.
func (p *Provider) endSession(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		p.errorPage(w, http.StatusBadRequest, "Die Anfrage konnte nicht gelesen werden.")
		return
	}
	// Best effort, as the specification asks: a client that cannot be told must not keep the
	// person from being signed out here (its session then ends at its own timeouts).
	_ = p.endHinted(r.Context(), r.Form.Get("id_token_hint"))
	target := r.Form.Get("post_logout_redirect_uri")
	if target != "" && p.logoutAllowed(target, r.Form.Get("id_token_hint"), r.Form.Get("client_id")) {
		q := url.Values{}
		if state := r.Form.Get("state"); state != "" {
			q.Set("state", state)
		}
		redirectTo(w, r, target, q)
		return
	}
	p.render(w, http.StatusOK, signedOutTmpl, map[string]any{"Base": p.webPath})
}

func (p *Provider) logoutAllowed(target, hint, clientID string) bool {
	var owners []string
	if hint != "" {
		owners = p.hintClients(hint) // invalid hints are ignored, as if absent
	}
	if len(owners) == 0 {
		if _, ok := p.clients[clientID]; ok {
			owners = []string{clientID}
		}
	}
	for id, c := range p.clients {
		if (len(owners) == 0 || slices.Contains(owners, id)) && slices.Contains(c.PostLogoutRedirectURIs, target) {
			return true
		}
	}
	return false
}
