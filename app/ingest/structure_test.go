package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scholia/storage/doc"
)

// structure counts what an article is made of.
type structure struct {
	Headings, Items, Quotes, Code, Tables, Links int
}

// htmlStructure counts the structure of readability's article tree that
// the Markdown can hold: elements in the block flow (not flattened into a
// table cell, heading or inline element), with text.
func htmlStructure(root *html.Node) structure {
	fixAtoms(root)
	var s structure
	var walk func(n *html.Node, flow bool, inPre bool)
	walk = func(n *html.Node, flow, inPre bool) {
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		if n.Type == html.ElementNode && skippedMD(n) {
			return
		}
		childFlow := flow
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			if flow && strings.TrimSpace(textContent(n)) != "" {
				s.Headings++
			}
			childFlow = false
		case atom.Li:
			// A list with text between its items is kept as plain blocks.
			if flow && n.Parent != nil && (n.Parent.DataAtom == atom.Ul || n.Parent.DataAtom == atom.Ol) && itemsOnly(n.Parent) {
				s.Items++
			}
		case atom.Blockquote:
			if flow && strings.TrimSpace(textContent(n)) != "" {
				s.Quotes++
			}
		case atom.Pre:
			if flow {
				s.Code++
			}
			inPre = true
			childFlow = false
		case atom.Table:
			if flow && linkText(n) { // text or an image
				s.Tables++
			}
			childFlow = false
		case atom.A:
			href := strings.TrimSpace(attr(n, "href"))
			if !inPre && href != "" && !strings.HasPrefix(strings.ToLower(href), "javascript:") && linkText(n) {
				s.Links++
			}
			childFlow = false
		default:
			if n.Type == html.ElementNode && !blockElem[n.DataAtom] && n.DataAtom != atom.Html && n.DataAtom != atom.Body {
				childFlow = false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, childFlow, inPre)
		}
	}
	walk(root, true, false)
	return s
}

// linkText: a link (or table) shows something: text or an image.
func linkText(n *html.Node) bool {
	if strings.TrimSpace(collapse(textContent(n))) != "" {
		return true
	}
	found := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Img && !skippedMD(n) {
			found = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}

// mdStructure counts the same things in a parsed Markdown document.
func mdStructure(d doc.Doc) structure {
	var s structure
	for _, b := range d.Blocks {
		switch b.Kind {
		case doc.Heading:
			if b.End > b.Start {
				s.Headings++
			}
		case doc.ListItem:
			s.Items++
		case doc.Quote:
			s.Quotes++
		case doc.Code:
			s.Code++
		case doc.Table:
			s.Tables++
		}
	}
	for _, sp := range d.Spans {
		if sp.Kind == doc.Link {
			s.Links++
		}
	}
	return s
}

// structurePages are readability test pages rich in headings, lists,
// quotes, code, tables and links; each must keep all of them.
var structurePages = []string{
	"001", "002", "ars-1", "bbc-1", "blogger", "breitbart", "bug-1255978", "buzzfeed-1", "ehow-1",
	"ehow-2", "engadget", "gmw", "heise", "herald-sun-1", "hukumusume", "iab-1", "lemonde-1",
	"liberation-1", "lifehacker-post-comment-load", "medium-1", "medium-3", "mozilla-1", "mozilla-2",
	"msn", "nytimes-1", "qq", "salon-1", "seattletimes-1", "simplyfound-1", "table-style-attributes",
	"tmz-1", "wapo-1", "wikipedia", "wikipedia-2", "wordpress", "yahoo-2",
}

// TestStructureKept converts readability test pages and checks that the
// stored Markdown keeps every heading, list item, block quote, code block,
// table and link of readability's article (an extra check: it reads the
// readability module's cache and skips when that is absent).
func TestStructureKept(t *testing.T) {
	dir := testPagesDir(t)
	var total structure
	checked := 0
	for _, page := range structurePages {
		src, err := os.ReadFile(filepath.Join(dir, page, "source.html"))
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		d, err := Parse("page.html", src)
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		art, err := readability.FromReader(bytes.NewReader(src), nil)
		if err != nil || art.Node == nil {
			t.Errorf("%s: readability: %v", page, err)
			continue
		}
		want := htmlStructure(art.Node)
		parsed, err := doc.Parse(d.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		got := mdStructure(parsed)
		if got != want {
			t.Errorf("%s: Markdown has %+v, readability's article %+v", page, got, want)
		}
		total.Headings += got.Headings
		total.Items += got.Items
		total.Quotes += got.Quotes
		total.Code += got.Code
		total.Tables += got.Tables
		total.Links += got.Links
		checked++
	}
	t.Logf("%d pages: %s", checked, fmt.Sprintf("%+v", total))
	if total.Headings == 0 || total.Items == 0 || total.Quotes == 0 || total.Code == 0 || total.Tables == 0 || total.Links == 0 {
		t.Errorf("the chosen pages do not exercise every kind: %+v", total)
	}
}
