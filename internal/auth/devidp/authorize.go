package devidp

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// authRequest is a validated authorization request.
type authRequest struct {
	client                                      *Client
	redirectURI, scope, state, nonce, challenge string
}

// oauthError is an RFC 6749 error: returned by redirect at /authorize, as JSON at /token.
type oauthError struct {
	status     int // HTTP status at the token endpoint
	code, desc string
}

func invalidRequest(desc string) *oauthError {
	return &oauthError{status: http.StatusBadRequest, code: "invalid_request", desc: desc}
}

// s256Challenge is BASE64URL(SHA256(verifier)): always exactly 43 characters (RFC 7636 4.2).
var s256Challenge = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

// maxParamLen bounds state and nonce: they are stored per code and echoed into pages and tokens.
const maxParamLen = 1024

// parseAuthRequest validates the authorization request parameters. A failure of client_id or
// redirect_uri yields pageErr: the redirect target is not trusted, so the user must see an error
// page instead (RFC 6749 4.1.2.1). Other failures yield redirErr, to be sent to the client.
func (p *Provider) parseAuthRequest(v url.Values) (req authRequest, pageErr string, redirErr *oauthError) {
	clientID, ok1 := single(v, "client_id")
	redirectURI, ok2 := single(v, "redirect_uri")
	if !ok1 || !ok2 {
		return req, "client_id und redirect_uri dürfen nur einmal angegeben werden.", nil
	}
	c, ok := p.clients[clientID]
	if !ok {
		return req, "Unbekannte Anwendung (client_id).", nil
	}
	if !slices.Contains(c.RedirectURIs, redirectURI) {
		return req, "Die Rücksprungadresse (redirect_uri) ist für diese Anwendung nicht registriert.", nil
	}
	req.client, req.redirectURI = c, redirectURI

	params := map[string]string{}
	for _, name := range []string{"response_type", "response_mode", "scope", "state", "nonce",
		"code_challenge", "code_challenge_method", "prompt", "request", "request_uri"} {
		val, ok := single(v, name)
		if !ok {
			return req, "", invalidRequest("parameter " + name + " repeated")
		}
		params[name] = val
	}
	req.state = params["state"] // echoed even in error redirects, so the RP can match them
	switch {
	case params["request"] != "":
		return req, "", &oauthError{code: "request_not_supported", desc: "request objects are not supported"}
	case params["request_uri"] != "":
		return req, "", &oauthError{code: "request_uri_not_supported", desc: "request_uri is not supported"}
	case params["response_type"] == "":
		return req, "", invalidRequest("response_type missing")
	case params["response_type"] != "code":
		return req, "", &oauthError{code: "unsupported_response_type", desc: "only response_type=code is supported"}
	case params["response_mode"] != "" && params["response_mode"] != "query":
		return req, "", invalidRequest("only response_mode=query is supported")
	case !hasScope(params["scope"], "openid"):
		return req, "", &oauthError{code: "invalid_scope", desc: "scope must contain openid"}
	case params["state"] == "":
		return req, "", invalidRequest("state missing")
	case params["nonce"] == "":
		return req, "", invalidRequest("nonce missing")
	case len(params["state"]) > maxParamLen || len(params["nonce"]) > maxParamLen:
		return req, "", invalidRequest("state or nonce too long")
	case params["code_challenge"] == "":
		return req, "", invalidRequest("code challenge required (PKCE with S256)")
	case params["code_challenge_method"] != "S256":
		return req, "", invalidRequest("transform algorithm not supported: code_challenge_method must be S256")
	case !s256Challenge.MatchString(params["code_challenge"]):
		return req, "", invalidRequest("code_challenge is not a base64url SHA-256 value")
	case hasScope(params["prompt"], "none"):
		// There are no sessions, so every login needs the page (OIDC Core 3.1.2.6).
		return req, "", &oauthError{code: "login_required", desc: "the demo provider always shows its login page"}
	}
	req.nonce, req.challenge = params["nonce"], params["code_challenge"]
	var granted []string
	for _, s := range supportedScopes {
		if hasScope(params["scope"], s) {
			granted = append(granted, s)
		}
	}
	req.scope = strings.Join(granted, " ")
	return req, "", nil
}

// authorize handles GET (and, per OIDC Core 3.1.2.1, POST) authorization requests by showing
// the login page, and the login page's own POST (with subject or cancel) by issuing a code.
func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			p.errorPage(w, http.StatusBadRequest, "Die Anfrage konnte nicht gelesen werden.")
			return
		}
		v = r.PostForm // only the body: the form carries every parameter
	}
	req, pageErr, redirErr := p.parseAuthRequest(v)
	if pageErr != "" {
		p.errorPage(w, http.StatusBadRequest, pageErr)
		return
	}
	if redirErr != nil {
		redirectError(w, r, req, redirErr)
		return
	}
	subject, ok1 := single(v, "subject")
	cancel, ok2 := single(v, "cancel")
	switch {
	case !ok1 || !ok2:
		redirectError(w, r, req, invalidRequest("subject or cancel repeated"))
	case r.Method == http.MethodPost && cancel != "":
		redirectError(w, r, req, &oauthError{code: "access_denied", desc: "the user cancelled the login"})
	case r.Method == http.MethodPost && subject != "":
		p.issueCode(w, r, req, subject)
	default:
		p.loginPage(w, req, v)
	}
}

// issueCode binds a fresh code to the request and the chosen user and sends it to the client.
func (p *Provider) issueCode(w http.ResponseWriter, r *http.Request, req authRequest, subject string) {
	u, ok := p.users[subject]
	if !ok || !visibleTo(u, req.client) {
		redirectError(w, r, req, &oauthError{code: "access_denied", desc: "user unknown or not allowed for this client"})
		return
	}
	now := p.now()
	code := randomToken()
	sid, err := p.store.newSession(u.Subject, req.client.ID, now)
	if err == nil {
		err = p.store.putCode(code, &authCode{
			clientID: req.client.ID, redirectURI: req.redirectURI, subject: u.Subject,
			nonce: req.nonce, challenge: req.challenge, scope: req.scope, sid: sid,
			authTime: now, expires: now.Add(codeLifetime),
		}, now)
	}
	if err != nil {
		redirectError(w, r, req, &oauthError{code: "temporarily_unavailable", desc: err.Error()})
		return
	}
	redirectTo(w, r, req.redirectURI, url.Values{"code": {code}, "state": {req.state}})
}

// redirectError reports an error to the client's redirect URI (RFC 6749 4.1.2.1).
func redirectError(w http.ResponseWriter, r *http.Request, req authRequest, e *oauthError) {
	q := url.Values{"error": {e.code}, "error_description": {e.desc}}
	if req.state != "" {
		q.Set("state", req.state)
	}
	redirectTo(w, r, req.redirectURI, q)
}

// redirectTo sends the browser to target with params added, keeping target's own query
// (RFC 6749 3.1.2 allows query components in registered redirect URIs).
func redirectTo(w http.ResponseWriter, r *http.Request, target string, params url.Values) {
	u, err := url.Parse(target) // registered URIs were validated in New
	if err != nil {
		http.Error(w, "invalid redirect URI", http.StatusInternalServerError)
		return
	}
	q := u.Query()
	for k, vs := range params {
		q[k] = vs
	}
	u.RawQuery = q.Encode()
	w.Header().Set("Cache-Control", "no-store") // the URL carries a code or state
	http.Redirect(w, r, u.String(), http.StatusFound)
}
