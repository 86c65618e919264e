package devidp

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Test fixtures: a real provider behind httptest, driven by the real go-oidc and oauth2 clients.

// testKey is shared by all test providers: RSA key generation is slow under -race. foreignKey
// signs tokens that must not verify.
var testKey, foreignKey = sync.OnceValue(newKey), sync.OnceValue(newKey)

func newKey() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
}

// clock is the injectable time source; tests advance it instead of sleeping.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Advance(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

const (
	staffID        = "teilhabe-staff"
	staffSecret    = "s3cr3t:+/ü&= with spaces" // needs form-urlencoding inside HTTP Basic (RFC 6749 2.3.1)
	staffRedirect  = "https://app.example/auth/callback?tenant=1"
	staffLogout    = "https://app.example/abgemeldet"
	providerID     = "teilhabe-provider"
	providerLogout = "https://traeger.example/bye"
)

func testClients() []Client {
	return []Client{
		{ID: staffID, Secret: staffSecret, RedirectURIs: []string{staffRedirect},
			PostLogoutRedirectURIs: []string{staffLogout}, Audience: "staff"},
		{ID: providerID, Secret: "provider-secret", RedirectURIs: []string{"https://traeger.example/cb"},
			PostLogoutRedirectURIs: []string{providerLogout}, Audience: "provider"},
		{ID: "teilhabe-resident", Secret: "resident-secret", RedirectURIs: []string{"https://buerger.example/cb"}, Audience: "resident"},
	}
}

// env is one provider behind a real HTTP server, plus a go-oidc client of it.
type env struct {
	t     *testing.T
	p     *Provider
	clock *clock
	ctx   context.Context
	op    *oidc.Provider
	// browser does not follow redirects, so tests see where the provider sends the user.
	browser *http.Client
}

func newEnv(t *testing.T) *env {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	issuer := "http://" + srv.Listener.Addr().String() + "/devidp"
	p, err := newWithKey(issuer, testClients(), DemoUsers(), testKey())
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{t: time.Now()}
	p.now = clk.Now
	srv.Config.Handler = p.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	ctx := oidc.ClientContext(t.Context(), srv.Client())
	op, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		t.Fatalf("discovery: %v", err)
	}
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &env{t: t, p: p, clock: clk, ctx: ctx, op: op, browser: browser}
}

func (e *env) config(id, secret, redirect string, style oauth2.AuthStyle) *oauth2.Config {
	ep := e.op.Endpoint()
	ep.AuthStyle = style
	return &oauth2.Config{ClientID: id, ClientSecret: secret, Endpoint: ep, RedirectURL: redirect,
		Scopes: []string{oidc.ScopeOpenID, "profile", "email", "groups"}}
}

func (e *env) staff() *oauth2.Config {
	return e.config(staffID, staffSecret, staffRedirect, oauth2.AuthStyleInHeader)
}

// response is a fully read HTTP response.
type response struct {
	status int
	header http.Header
	body   string
}

func (e *env) do(req *http.Request) response {
	e.t.Helper()
	resp, err := e.browser.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func (e *env) get(u string) response {
	req, _ := http.NewRequestWithContext(e.ctx, http.MethodGet, u, nil)
	return e.do(req)
}

func (e *env) postForm(u string, form url.Values) response {
	req, _ := http.NewRequestWithContext(e.ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return e.do(req)
}

// location returns the redirect target of a 302 response, failing the test otherwise.
func (e *env) location(r response) *url.URL {
	e.t.Helper()
	if r.status != http.StatusFound {
		e.t.Fatalf("want 302, got %d: %s", r.status, r.body)
	}
	u, err := url.Parse(r.header.Get("Location"))
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]*)" value="([^"]*)">`)

// hiddenFields reads the login form back like a browser would.
func hiddenFields(page string) url.Values {
	v := url.Values{}
	for _, m := range hiddenInput.FindAllStringSubmatch(page, -1) {
		v.Add(html.UnescapeString(m[1]), html.UnescapeString(m[2]))
	}
	return v
}

// flow is one started authorization request.
type flow struct {
	conf                   *oauth2.Config
	state, nonce, verifier string
}

func (e *env) start(conf *oauth2.Config) flow {
	return flow{conf: conf, state: "st-" + randomToken(), nonce: "n-" + randomToken(), verifier: oauth2.GenerateVerifier()}
}

func (f flow) authURL(extra ...oauth2.AuthCodeOption) string {
	opts := append([]oauth2.AuthCodeOption{oidc.Nonce(f.nonce), oauth2.S256ChallengeOption(f.verifier)}, extra...)
	return f.conf.AuthCodeURL(f.state, opts...)
}

// login shows the login page, picks subject, and returns the code from the redirect.
func (e *env) login(f flow, subject string) string {
	e.t.Helper()
	page := e.get(f.authURL())
	if page.status != http.StatusOK {
		e.t.Fatalf("login page: %d %s", page.status, page.body)
	}
	form := hiddenFields(page.body)
	form.Set("subject", subject)
	loc := e.location(e.postForm(e.p.Issuer()+"/authorize", form))
	q := loc.Query()
	if q.Get("state") != f.state || q.Get("code") == "" {
		e.t.Fatalf("redirect %s: want code and state %q", loc, f.state)
	}
	return q.Get("code")
}
