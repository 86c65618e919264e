package markdown_test

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/teilhabe/teilhabe/internal/markdown"
)

func TestRendersTheSafeSubset(t *testing.T) {
	got := markdown.Comment("**Mehr** _Bänke_ im ~~Park~~, siehe https://erfurt.de/plan und [Karte](https://example.org/k).\n\n- eins\n- zwei")
	for _, want := range []string{"<strong>Mehr</strong>", "<em>Bänke</em>", "<del>Park</del>", "<li>eins</li>",
		`<a href="https://erfurt.de/plan" rel="nofollow ugc noopener">`, `<a href="https://example.org/k" rel="nofollow ugc noopener">Karte</a>`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %s", want, got)
		}
	}
	if got := markdown.Comment("# Titel"); strings.Contains(got, "<h1") {
		t.Errorf("a comment kept a heading: %s", got)
	}
	if got := markdown.Document("## Ziele"); !strings.Contains(got, "<h2") {
		t.Errorf("a document lost its heading: %s", got)
	}
}

// hostile are bodies people will try; every one must come out harmless.
var hostile = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`<a href="javascript:alert(1)">klick</a>`,
	`[klick](javascript:alert(1))`,
	`[klick](JaVaScRiPt:alert(1))`,
	`[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`<svg onload=alert(1)>`,
	`<iframe src="https://evil.example"></iframe>`,
	`<div style="background:url(javascript:alert(1))">x</div>`,
	`<p onclick="alert(1)">x</p>`,
	`<<script>script>alert(1)<</script>/script>`,
	`<a href="https://ok.example" onmouseover="alert(1)">x</a>`,
	"<b><i><u>unclosed",
	`![bild](https://evil.example/track.png)`,
	`<style>body{display:none}</style>`,
	`<form action="https://evil.example"><input name=x></form>`,
	"`<script>alert(1)</script>`",
	`<a href="//evil.example">protocol-relative</a>`,
	`[x](/relative/path)`,
}

func TestHostileBodiesComeOutHarmless(t *testing.T) {
	for _, body := range append(hostile, strings.Repeat("<b>", 20000), strings.Repeat("A", 1<<20)) {
		for _, out := range []string{markdown.Comment(body), markdown.Document(body)} {
			low := strings.ToLower(out)
			for _, bad := range []string{"<script", "<img", "<iframe", "<svg", "<style", "<form", "<input", "onerror", "onload",
				"onclick", "onmouseover", "javascript:", "data:text", "style=", `href="//`, `href="/relative`} {
				if strings.Contains(low, bad) {
					t.Errorf("%.60q rendered with %s: %.200s", body, bad, out)
				}
			}
		}
	}
	if out := markdown.Comment("`<script>alert(1)</script>`"); !strings.Contains(out, "&lt;script&gt;") {
		t.Errorf("code lost its text: %s", out)
	}
}

// checkSafe parses the output and fails on any element, attribute or link scheme outside the
// allow-list: the oracle for the fuzz test.
func checkSafe(t *testing.T, in, out string) {
	t.Helper()
	allowed := map[string]bool{"p": true, "br": true, "strong": true, "em": true, "del": true, "ul": true, "ol": true,
		"li": true, "blockquote": true, "code": true, "pre": true, "hr": true, "a": true}
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !allowed[tok.Data] {
				t.Fatalf("%q gave element <%s>: %s", in, tok.Data, out)
			}
			for _, a := range tok.Attr {
				switch {
				case a.Key == "rel" && a.Val == "nofollow ugc noopener":
				case a.Key == "href" && tok.Data == "a":
					u, err := url.Parse(a.Val)
					if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
						t.Fatalf("%q gave link %q: %s", in, a.Val, out)
					}
				default:
					t.Fatalf("%q gave attribute %s=%q: %s", in, a.Key, a.Val, out)
				}
			}
		}
	}
}

func FuzzComment(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkSafe(t, body, markdown.Comment(body))
	})
}
