package ingest

import (
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads a saved web page: readability finds the article in it,
// which is then flattened to plain paragraphs.
func parseHTML(name, src string) (Doc, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil { // x/net/html recovers from nearly anything; be safe anyway
		return Doc{}, &Error{Name: name, Reason: reasonNoContent}
	}
	// Read the canonical URL first: readability rewrites the tree it parses.
	url := canonicalURL(doc)
	parser := readability.NewParser()
	// No page URL: a saved file has none, and relative links do not matter
	// in plain text.
	article, err := parser.ParseAndMutate(doc, nil)
	if err != nil || article.Node == nil {
		return Doc{}, &Error{Name: name, Reason: reasonNoContent}
	}
	body := htmlText(article.Node)
	if body == "" {
		return Doc{}, &Error{Name: name, Reason: reasonNoContent}
	}
	d := Doc{
		Title:  oneLine(article.Title()),
		Author: oneLine(article.Byline()),
		Source: oneLine(article.SiteName()),
		URL:    url,
		Body:   body,
	}
	if t, err := article.PublishedTime(); err == nil {
		d.Published = t.Format("2006-01-02")
	}
	if d.Title == "" {
		d.Title = titleFromName(name, paragraphs(body)[0])
	}
	return d, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// canonicalURL is the page's own address: <link rel="canonical">, else the
// og:url meta tag, else "". Only absolute http(s) addresses are kept; a
// relative one means nothing once the page is a file on disk.
func canonicalURL(doc *html.Node) string {
	var canonical, og string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case atom.Meta:
				if og == "" && (attr(n, "property") == "og:url" || attr(n, "name") == "og:url") {
					og = attr(n, "content")
				}
			case atom.Body:
				return // metadata lives in <head>; skip the page itself
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, u := range []string{canonical, og} {
		u = strings.TrimSpace(u)
		if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			return u
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == token {
			return true
		}
	}
	return false
}

// skipped elements hold no article text (or only fallback text for old browsers).
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Head: true, atom.Iframe: true, atom.Svg: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Canvas: true, atom.Img: true, atom.Picture: true,
}

// blocks start and end a paragraph; everything else is inline and its text
// runs on with its neighbours'.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Hgroup: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true,
	atom.Table: true, atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Center: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true,
	atom.Legend: true, atom.Br: true,
}

var lineBreaks = strings.NewReplacer("\n", " ", "\r", " ")

// htmlText flattens an HTML tree to the plain body form: each block element
// a paragraph, the text inside one joined, whitespace collapsed as a browser
// would, line breaks of <pre> and <br> kept as paragraph breaks.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				b.WriteString(n.Data)
			} else {
				// Source line breaks inside a paragraph are just spaces.
				b.WriteString(lineBreaks.Replace(n.Data))
			}
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
		case html.DocumentNode:
		default:
			return // comments, doctypes
		}
		block := blocks[n.DataAtom]
		if block {
			b.WriteByte('\n')
		}
		pre = pre || n.DataAtom == atom.Pre
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(n, false)
	return NormalizeBody(b.String())
}
