package devidp

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
)

// The pages are plain semantic HTML rendered with html/template (every request parameter is
// attacker-controlled) and must work under the app's CSP (default-src 'self', no inline style
// or script, form-action 'self'): hence an external stylesheet, no attributes with style, no
// scripts, and same-origin paths for the stylesheet and form action.
const layoutHTML = `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{block "title" .}}Demo-Anmeldung{{end}}</title>
<link rel="stylesheet" href="{{.Base}}/style.css">
{{/* The app's icon, beside the provider: the app's base path is the issuer path's parent. */}}
<link rel="icon" href="{{.Base}}/../favicon.svg">
</head>
<body>
<main>
<h1>Demo-Anmeldung – teilhabe</h1>
<p class="note">Entwicklungs-Anmeldedienst mit Beispielnutzerinnen und -nutzern. Nicht für den Betrieb.</p>
{{block "content" .}}{{end}}
</main>
</body>
</html>
`

const loginHTML = `{{define "content"}}<h2>Anmelden bei „{{.ClientID}}“</h2>
<form method="post" action="{{.Base}}/authorize">
{{range .Hidden}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">
{{end}}<fieldset>
<legend>Als welche Beispielperson möchten Sie sich anmelden?</legend>
<ul>
{{range .Users}}<li><button type="submit" name="subject" value="{{.Subject}}">{{.Name}}</button> <span class="description">{{.Description}}</span></li>
{{else}}<li>Für diese Anwendung gibt es keine Beispielpersonen.</li>
{{end}}</ul>
</fieldset>
<p><button type="submit" name="cancel" value="1" class="secondary">Anmeldung abbrechen</button></p>
</form>
{{end}}`

const errorHTML = `{{define "title"}}Fehler – Demo-Anmeldung{{end}}{{define "content"}}<h2>Die Anmeldung ist nicht möglich</h2>
<p role="alert">{{.Message}}</p>
{{end}}`

const signedOutHTML = `{{define "title"}}Abgemeldet – Demo-Anmeldung{{end}}{{define "content"}}<h2>Sie sind abgemeldet.</h2>
<p>Sie können dieses Fenster schließen.</p>
{{end}}`

var (
	layoutTmpl    = template.Must(template.New("layout").Parse(layoutHTML))
	loginTmpl     = template.Must(template.Must(layoutTmpl.Clone()).Parse(loginHTML))
	errorTmpl     = template.Must(template.Must(layoutTmpl.Clone()).Parse(errorHTML))
	signedOutTmpl = template.Must(template.Must(layoutTmpl.Clone()).Parse(signedOutHTML))
)

// styleCSS is deliberately tiny: readable, large click targets, visible focus.
const styleCSS = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;padding:1rem;color:#1a1a1a;background:#fafafa}
main{max-width:40rem;margin:0 auto}
.note{padding:.5rem .75rem;border-left:.25rem solid #b45309;background:#fef3c7}
fieldset{border:1px solid #ccc;padding:1rem}
ul{list-style:none;padding:0;margin:0}
li{margin:.5rem 0}
button{font:inherit;padding:.5rem 1rem;min-width:12rem;text-align:left;cursor:pointer;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;border-radius:.25rem}
button.secondary{background:#fff;color:#1d4ed8}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.description{color:#444}
`

type hiddenField struct{ Name, Value string }

// loginPage lists the client's users as submit buttons of one form whose hidden fields repeat
// the validated request, so the POST is re-validated from scratch (no server-side session).
func (p *Provider) loginPage(w http.ResponseWriter, req authRequest, v url.Values) {
	var hidden []hiddenField
	for _, name := range []string{"response_type", "client_id", "redirect_uri", "scope", "state",
		"nonce", "code_challenge", "code_challenge_method", "response_mode"} {
		if val := v.Get(name); val != "" {
			hidden = append(hidden, hiddenField{name, val})
		}
	}
	var users []*User
	for _, s := range p.order {
		if u := p.users[s]; visibleTo(u, req.client) {
			users = append(users, u)
		}
	}
	p.render(w, http.StatusOK, loginTmpl, map[string]any{
		"Base": p.webPath, "ClientID": req.client.ID, "Hidden": hidden, "Users": users,
	})
}

// errorPage shows an error to the user instead of redirecting to an untrusted URI.
func (p *Provider) errorPage(w http.ResponseWriter, status int, msg string) {
	p.render(w, status, errorTmpl, map[string]any{"Base": p.webPath, "Message": msg})
}

func (p *Provider) render(w http.ResponseWriter, status int, t *template.Template, data any) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store") // pages echo per-request parameters
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY") // a login page must not be framed (clickjacking)
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func serveStyle(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=300")
	_, _ = w.Write([]byte(styleCSS))
}
