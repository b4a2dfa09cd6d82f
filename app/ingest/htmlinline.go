package ingest

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scholia/storage/doc"
)

// blockElem are the elements that end a paragraph; everything else is
// inline and runs on with its neighbours.
var blockElem = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Hgroup: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true,
	atom.Table: true, atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Center: true, atom.Hr: true, atom.Fieldset: true, atom.Legend: true,
}

// skippedMD: elements that hold no article text — scripts, styles, forms
// and their controls, embedded media, anything hidden, and share buttons.
func skippedMD(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Head, atom.Iframe,
		atom.Svg, atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Form, atom.Object,
		atom.Embed, atom.Video, atom.Audio, atom.Canvas, atom.Math:
		return true
	}
	if n.Data == "menu" || n.Data == "dialog" {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "role":
			if a.Val == "button" || a.Val == "navigation" || a.Val == "dialog" {
				return true
			}
		case "class":
			if shareClass(a.Val) {
				return true
			}
		}
	}
	return false
}

// shareClass spots the share/social button bars pages put inside articles.
func shareClass(class string) bool {
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if strings.HasPrefix(c, "share") || strings.HasPrefix(c, "social") || strings.Contains(c, "sharing") {
			return true
		}
	}
	return false
}

// inlineChildren renders the inline content of an element.
func (w *mdConv) inlineChildren(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		piece := w.inline(c)
		// Text ending in "!" before a link would make it an image.
		if strings.HasPrefix(piece, "[") && strings.HasSuffix(b.String(), "!") {
			s := b.String()
			b.Reset()
			b.WriteString(s[:len(s)-1] + `\!`)
		}
		b.WriteString(piece)
	}
	return b.String()
}

// inline renders one node as inline Markdown. Whitespace is collapsed as a
// browser collapses it; "\n" stands for a <br> until paragraphText makes
// it a hard line break.
func (w *mdConv) inline(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return doc.EscapeInline(collapse(n.Data))
	case html.ElementNode:
	default:
		return ""
	}
	if skippedMD(n) {
		return ""
	}
	switch n.DataAtom {
	case atom.Br:
		return "\n"
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		return wrap("*", w.inlineChildren(n))
	case atom.Strong, atom.B:
		return wrap("**", w.inlineChildren(n))
	case atom.Del, atom.S, atom.Strike:
		return wrap("~~", w.inlineChildren(n))
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		text := collapse(textContent(n))
		inner := strings.TrimSpace(text)
		if inner == "" {
			return text
		}
		return lead(text) + codeSpan(inner) + trail(text)
	case atom.A:
		text := w.inlineChildren(n)
		inner := strings.TrimSpace(text)
		href := w.resolve(attr(n, "href"))
		if inner == "" || href == "" || strings.HasPrefix(strings.ToLower(href), "javascript:") {
			return text
		}
		return lead(text) + "[" + inner + "](" + destination(href) + ")" + trail(text)
	case atom.Img:
		alt := doc.EscapeInline(strings.TrimSpace(collapse(attr(n, "alt"))))
		src := w.resolve(attr(n, "src"))
		if src == "" && alt == "" {
			return ""
		}
		return "![" + alt + "](" + destination(src) + ")"
	case atom.Pre:
		return " " + codeSpan(strings.Join(strings.Fields(textContent(n)), " ")) + " "
	}
	if blockElem[n.DataAtom] { // a block flattened into a line (a table cell, a heading)
		return " " + w.inlineChildren(n) + " "
	}
	return w.inlineChildren(n)
}

// collapse turns every run of whitespace into one space and drops
// invisible junk, as NormalizeBody does for plain text.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch classify(r) {
		case classSpace, classNewline:
			space = true
		case classJunk:
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

func lead(s string) string {
	if strings.HasPrefix(s, " ") {
		return " "
	}
	return ""
}

func trail(s string) string {
	if strings.HasSuffix(s, " ") && strings.TrimSpace(s) != "" {
		return " "
	}
	return ""
}

// wrap puts emphasis delimiters around inline Markdown, keeping spaces
// outside them (CommonMark ignores "* word*"). Content that starts or ends
// with punctuation is left unmarked: whether the delimiters count would
// depend on the characters around it, and a delimiter that does not count
// would show as a literal "*" in the reading text.
func wrap(delim, s string) string {
	inner := strings.TrimSpace(s)
	if inner == "" {
		return lead(s)
	}
	first, _ := utf8.DecodeRuneInString(inner)
	last, _ := utf8.DecodeLastRuneInString(inner)
	if punct(first) || punct(last) || strings.Contains(inner, "\n") {
		return s
	}
	return lead(s) + delim + inner + delim + trail(s)
}

func punct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// codeSpan is `code` with a backtick run longer than any inside it.
func codeSpan(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	ticks := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return ticks + " " + s + " " + ticks
	}
	return ticks + s + ticks
}

// destination writes a link or image address so Markdown takes it whole;
// a pipe would end a table cell, even inside a link.
func destination(u string) string {
	if u == "" {
		return ""
	}
	u = strings.ReplaceAll(u, "|", "%7C")
	if strings.ContainsAny(u, " ()<>\\") {
		r := strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\\", "%5C")
		return "<" + r.Replace(u) + ">"
	}
	return u
}

// resolve makes an address absolute against the page's base, if known.
func (w *mdConv) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || w.base == nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return w.base.ResolveReference(u).String()
}

// paragraphText finishes a paragraph's inline Markdown: lines trimmed,
// empty lines (from runs of <br>) dropped, what would open a block escaped,
// lines joined by hard breaks.
func paragraphText(s string) string {
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.Trim(line, " "); line != "" {
			lines = append(lines, doc.EscapeLineStart(line))
		}
	}
	var b strings.Builder
	for i, line := range lines {
		if i > 0 {
			// An image without alt text has no text: a break before or
			// after it would open or end the paragraph with a line end.
			if onlyBareImages(lines[i-1]) || onlyBareImages(line) {
				b.WriteString(" ")
			} else if strings.HasSuffix(lines[i-1], `\`) {
				b.WriteString("  \n") // goldmark misreads `\\\` + line end
			} else {
				b.WriteString("\\\n")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// onlyBareImages reports whether a line is nothing but images without alt
// text ("![](src)"), separated by spaces.
func onlyBareImages(line string) bool {
	for line != "" {
		rest, ok := strings.CutPrefix(line, "![](")
		if !ok {
			return false
		}
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return false
		}
		line = strings.TrimLeft(rest[end+1:], " ")
	}
	return true
}
