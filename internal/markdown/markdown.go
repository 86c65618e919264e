// Package markdown turns the Markdown people write (comments, plan sections) into HTML that is
// safe to show: goldmark renders it without raw HTML, bluemonday keeps only a small allow-list of
// elements and attributes, and every link gets rel="nofollow ugc noopener".
package markdown

import (
	"bytes"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	md = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Linkify)) // raw HTML is dropped by default

	commentPolicy  = policy(false)
	documentPolicy = policy(true)
)

func policy(headings bool) *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "hr")
	if headings {
		p.AllowElements("h2", "h3", "h4", "h5", "h6")
	}
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	return p
}

// Comment renders a comment: no headings, no images, links marked as user content.
func Comment(src string) string { return render(src, commentPolicy) }

// Document renders a section of a plan document: as Comment, plus headings.
func Document(src string) string { return render(src, documentPolicy) }

func render(src string, p *bluemonday.Policy) string {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return html.EscapeString(src) // goldmark fails only on writer errors; never show raw input
	}
	return markLinks(p.Sanitize(buf.String()))
}

// markLinks gives every link rel="nofollow ugc noopener": search engines give no weight to
// links people post, and the page they open cannot reach back to ours.
func markLinks(safe string) string {
	if !strings.Contains(safe, "<a ") {
		return safe
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(safe), body)
	if err != nil {
		return html.EscapeString(safe)
	}
	var out bytes.Buffer
	for _, n := range nodes {
		walk(n)
		if err := html.Render(&out, n); err != nil {
			return html.EscapeString(safe)
		}
	}
	return out.String()
}

func walk(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			if a.Key != "rel" && a.Key != "target" {
				attrs = append(attrs, a)
			}
		}
		n.Attr = append(attrs, html.Attribute{Key: "rel", Val: "nofollow ugc noopener"})
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
}
