package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText is the plain-paragraph flattening the importer used before the
// document model. The test pages' expected.html are compared through it:
// it gives the words of a page independent of how structure is written.
// skipped elements hold no article text (or only fallback text for old browsers).
var skippedText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Head: true, atom.Iframe: true, atom.Svg: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Canvas: true, atom.Img: true, atom.Picture: true,
}

// blocks start and end a paragraph; everything else is inline and its text
// runs on with its neighbours'.
var textBlocks = map[atom.Atom]bool{
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

// Each block element is a paragraph, whitespace collapsed as a browser
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
			if skippedText[n.DataAtom] {
				return
			}
		case html.DocumentNode:
		default:
			return // comments, doctypes
		}
		block := textBlocks[n.DataAtom]
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
