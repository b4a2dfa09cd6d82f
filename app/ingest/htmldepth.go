package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLDepth is how deeply a page's elements may nest. Real pages stay
// under a hundred; the HTML parser and readability slow down with the
// depth squared (2,000 nested quotes took 12 s), so deeper is refused.
const maxHTMLDepth = 256

// selfClosing are elements whose end tag may be left out (or that have
// none): they never count as nesting, so old HTML full of unclosed <p>
// and <li> is not mistaken for a deep page.
var selfClosing = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Option: true, atom.Optgroup: true,
	atom.Rt: true, atom.Rp: true, atom.Colgroup: true, atom.Caption: true, atom.Html: true, atom.Head: true,
	atom.Body: true, atom.Br: true, atom.Img: true, atom.Hr: true, atom.Input: true, atom.Meta: true,
	atom.Link: true, atom.Base: true, atom.Col: true, atom.Area: true, atom.Embed: true, atom.Param: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// tooDeep reports whether a page's tags nest deeper than maxHTMLDepth,
// counted by one linear pass of the tokenizer before the page is parsed.
func tooDeep(src string) bool {
	z := html.NewTokenizer(strings.NewReader(src))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if !selfClosing[atom.Lookup(name)] {
				if depth++; depth > maxHTMLDepth {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !selfClosing[atom.Lookup(name)] && depth > 0 {
				depth--
			}
		}
	}
}
