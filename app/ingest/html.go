package ingest

import (
	"fmt"
	"strings"

	"net/url"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scholia/storage/doc"
)

// parseHTML reads a saved web page: readability finds the article in it,
// which is then written as Markdown keeping its structure (htmlmd.go).
func parseHTML(name, src string) (Doc, error) {
	if tooDeep(src) {
		return Doc{}, &Error{Name: name, Reason: fmt.Sprintf("page nested more than %d elements deep", maxHTMLDepth)}
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil { // x/net/html recovers from nearly anything; be safe anyway
		return Doc{}, &Error{Name: name, Reason: reasonNoContent}
	}
	// Read the canonical URL first: readability rewrites the tree it parses.
	canonical := canonicalURL(root)
	lang := pageLanguage(root)
	base := pageBase(root, canonical)
	markCodeLanguages(root)
	parser := readability.NewParser()
	// No page URL for readability: links are made absolute against the
	// page's own base while converting (pageBase).
	article, err := parser.ParseAndMutate(root, nil)
	if err != nil || article.Node == nil {
		return Doc{}, &Error{Name: name, Reason: reasonNoContent}
	}
	md := htmlMarkdown(article.Node, base)
	parsed, err := doc.Parse(md)
	if err != nil {
		return Doc{}, &Error{Name: name, Reason: strings.TrimPrefix(err.Error(), "doc: ")}
	}
	body := parsed.Text
	if strings.TrimSpace(body) == "" {
		return Doc{}, &Error{Name: name, Reason: reasonNoContent}
	}
	d := Doc{
		Title:    oneLine(article.Title()),
		Author:   oneLine(article.Byline()),
		Source:   oneLine(article.SiteName()),
		URL:      canonical,
		Body:     body,
		Markdown: md,
		Blocks:   doc.Encode(parsed),
		Language: lang,
	}
	if d.Language == "" {
		d.Language = LanguageTag(article.Language())
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

// pageBase is what relative links of the page resolve against: its
// <base href> (made absolute against the canonical URL), else the canonical
// URL; nil when the saved file says nothing about where it came from.
func pageBase(root *html.Node, canonical string) *url.URL {
	var canon *url.URL
	if canonical != "" {
		canon, _ = url.Parse(canonical)
	}
	var href string
	var find func(n *html.Node) bool
	find = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Base {
			href = strings.TrimSpace(attr(n, "href"))
			return href != ""
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if find(c) {
				return true
			}
		}
		return false
	}
	find(root)
	if href != "" {
		if u, err := url.Parse(href); err == nil {
			if canon != nil {
				u = canon.ResolveReference(u)
			}
			if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") {
				return u
			}
		}
	}
	return canon
}
