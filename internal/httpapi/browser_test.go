package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
)

// browser is an HTTP client with a cookie jar that does not follow redirects, so each step of a
// login can be checked.
type browser struct {
	t    testing.TB
	app  *app
	http *http.Client
	csrf string
}

func (a *app) browser(t testing.TB) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, app: a, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type response struct {
	Status   int
	Header   http.Header
	Body     string
	Location string
}

// do sends a request; unsafe methods carry the CSRF token and the site's Origin like the frontend.
func (b *browser) do(method, path, body string) response {
	b.t.Helper()
	return b.doType(method, path, body, "")
}

// doType is do with the body's content type (JSON when empty).
func (b *browser) doType(method, path, body, contentType string) response {
	b.t.Helper()
	r, err := b.send(method, path, body, contentType, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return r
}

// send is doType with extra headers; it returns its error instead of failing the test, so that
// goroutines may call it.
func (b *browser) send(method, path, body, contentType string, header http.Header) (response, error) {
	target := path
	if strings.HasPrefix(path, "/") {
		target = b.app.URL + path
	}
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		return response{}, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if body != "" {
		if contentType == "" {
			contentType = "application/json"
		}
		req.Header.Set("Content-Type", contentType)
	}
	if method != http.MethodGet && strings.HasPrefix(target, b.app.Origin) {
		req.Header.Set("Origin", b.app.Origin)
		if b.csrf != "" {
			req.Header.Set("X-CSRF-Token", b.csrf)
		}
	}
	resp, err := b.http.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return response{Status: resp.StatusCode, Header: resp.Header, Body: string(data), Location: resp.Header.Get("Location")}, err
}

// startLogin follows /auth/login to the provider's authorization URL.
func (b *browser) startLogin(provider, returnTo string) *url.URL {
	b.t.Helper()
	r := b.do("GET", "/auth/login/"+provider+"?return_to="+url.QueryEscape(returnTo), "")
	if r.Status != http.StatusFound {
		b.t.Fatalf("login start = %d %s", r.Status, r.Body)
	}
	u, err := url.Parse(r.Location)
	if err != nil {
		b.t.Fatal(err)
	}
	return u
}

// choose submits the provider's login form for the user, as a person clicking their name would,
// and returns the callback URL the provider redirects to.
func (b *browser) choose(authURL *url.URL, subject string) string {
	b.t.Helper()
	page := b.do("GET", authURL.String(), "")
	if page.Status != http.StatusOK || !strings.Contains(page.Body, `value="`+subject+`"`) {
		b.t.Fatalf("login page = %d, does not offer %s:\n%s", page.Status, subject, page.Body)
	}
	form := authURL.Query()
	form.Set("subject", subject)
	endpoint := *authURL
	endpoint.RawQuery = ""
	resp, err := b.http.PostForm(endpoint.String(), form)
	if err != nil {
		b.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound && resp.StatusCode != http.StatusSeeOther {
		b.t.Fatalf("provider form = %d", resp.StatusCode)
	}
	return resp.Header.Get("Location")
}

// login runs the whole flow for a demo user and loads the CSRF token from /api/v1/me.
func (b *browser) login(provider, subject string) *browser {
	b.t.Helper()
	cb := b.do("GET", b.choose(b.startLogin(provider, "/"), subject), "")
	if want := basePathOf(b.app) + "/"; cb.Status != http.StatusSeeOther || cb.Location != want {
		b.t.Fatalf("callback = %d to %q", cb.Status, cb.Location)
	}
	me := b.me()
	if me == nil {
		b.t.Fatalf("no session after logging in %s", subject)
	}
	b.csrf = me.CsrfToken
	return b
}

type meBody struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	CsrfToken string `json:"csrf_token"`
	Roles     []struct {
		Role         string  `json:"role"`
		DistrictKey  *string `json:"district_key"`
		Organisation *string `json:"organisation"`
		Source       string  `json:"source"`
	} `json:"roles"`
	Organisations []struct{ Slug, Role string } `json:"organisations"`
	Districts     []struct{ Key string }        `json:"districts"`
}

// basePathOf is the app's base path, "" at the host's root.
func basePathOf(a *app) string { return strings.TrimPrefix(a.URL, a.Origin) }

func (b *browser) me() *meBody {
	b.t.Helper()
	r := b.do("GET", "/api/v1/me", "")
	if r.Status == http.StatusUnauthorized {
		return nil
	}
	var m meBody
	if r.Status != http.StatusOK || json.Unmarshal([]byte(r.Body), &m) != nil {
		b.t.Fatalf("/me = %d %s", r.Status, r.Body)
	}
	return &m
}
