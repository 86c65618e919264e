// Package workshopreport renders a workshop's minutes as PDF and DOCX and exports the session's
// raw data as CSV. The minutes are Markdown (workshop.BuildMinutes writes the draft, the
// facilitator edits it); the renderers understand the subset the draft uses, and that a
// facilitator is likely to add: headings, paragraphs, bullet and numbered lists, **bold**, pipe
// tables and backslash escapes. Anything else stays literal text.
package workshopreport

import (
	"regexp"
	"strings"
)

// blockKind is what a block of the Markdown is.
type blockKind int

const (
	blockPara blockKind = iota
	blockHeading
	blockBullet
	blockTable
	blockRule
)

// block is one block of the minutes: a heading (Level 1–3), a paragraph, one list item (Level
// 0–3 its nesting, Marker "" for a bullet or "3." for a numbered item), a table (Rows, the first
// the heading row when Head) or a rule.
type block struct {
	Kind   blockKind
	Level  int
	Marker string
	Text   []span
	Rows   [][][]span
	Head   bool
}

// span is a run of text, bold or not, with Markdown's escapes undone.
type span struct {
	Text string
	Bold bool
}

var (
	headingRe = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	bulletRe  = regexp.MustCompile(`^( *)(?:[-*+]|(\d{1,9}[.)]))[ \t]+(.*)$`)
	ruleRe    = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	delimRe   = regexp.MustCompile(`^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
)

// parse splits the Markdown into blocks.
func parse(md string) []block {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var out []block
	var para []string // the lines of the paragraph or list item being read
	var item *block   // the list item being read, if para belongs to one
	flush := func() {
		if len(para) > 0 {
			text := inline(strings.Join(para, " "))
			if item != nil {
				item.Text = text
				out = append(out, *item)
			} else {
				out = append(out, block{Kind: blockPara, Text: text})
			}
		}
		para, item = nil, nil
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
		case ruleRe.MatchString(line):
			flush()
			out = append(out, block{Kind: blockRule})
		case headingRe.MatchString(line):
			flush()
			m := headingRe.FindStringSubmatch(line)
			out = append(out, block{Kind: blockHeading, Level: min(len(m[1]), 3), Text: inline(m[2])})
		case bulletRe.MatchString(line):
			flush()
			m := bulletRe.FindStringSubmatch(line)
			item = &block{Kind: blockBullet, Level: min(len(m[1])/2, 3), Marker: m[2]}
			para = []string{m[3]}
		case strings.HasPrefix(trimmed, "|") && item == nil:
			flush()
			var rows []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				rows = append(rows, strings.TrimSpace(lines[i]))
			}
			i--
			out = append(out, table(rows))
		default:
			para = append(para, trimmed)
		}
	}
	flush()
	return out
}

// table reads pipe-table rows; a delimiter row ("|---|---|") after the first makes it the
// heading row.
func table(rows []string) block {
	b := block{Kind: blockTable}
	for i, r := range rows {
		if i == 1 && delimRe.MatchString(r) {
			b.Head = true
			continue
		}
		var cells [][]span
		for _, c := range splitCells(r) {
			cells = append(cells, inline(c))
		}
		b.Rows = append(b.Rows, cells)
	}
	return b
}

// splitCells splits a table row at the pipes that are not escaped, without the outer ones.
func splitCells(row string) []string {
	row = strings.TrimPrefix(row, "|")
	var out []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteString(`\|`)
			i++
		case row[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	if rest := strings.TrimSpace(cur.String()); rest != "" {
		out = append(out, rest)
	}
	return out
}

// inline reads bold and escapes: "**" (or "__") switches bold on and off where a closing one
// follows, a backslash before ASCII punctuation makes it literal.
func inline(s string) []span {
	type token struct {
		text  string
		delim bool
	}
	var toks []token
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			cur.WriteByte(s[i+1])
			i++
		case (c == '*' || c == '_') && i+1 < len(s) && s[i+1] == c:
			toks = append(toks, token{cur.String(), false}, token{s[i : i+2], true})
			cur.Reset()
			i++
		default:
			cur.WriteByte(c)
		}
	}
	toks = append(toks, token{cur.String(), false})
	delims := 0
	for _, t := range toks {
		if t.delim {
			delims++
		}
	}
	var out []span
	bold, seen := false, 0
	add := func(text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Bold == bold {
			out[n-1].Text += text
			return
		}
		out = append(out, span{text, bold})
	}
	for _, t := range toks {
		if !t.delim {
			add(t.text)
			continue
		}
		seen++
		if seen == delims && delims%2 == 1 { // an opening delimiter with no closing one
			add(t.text)
			continue
		}
		bold = !bold
	}
	return out
}

func isPunct(c byte) bool { return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0 }

// plain is the spans' text without their formatting.
func plain(sp []span) string {
	var b strings.Builder
	for _, s := range sp {
		b.WriteString(s.Text)
	}
	return b.String()
}
