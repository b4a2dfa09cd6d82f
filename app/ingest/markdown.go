package ingest

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is shared: a goldmark parser keeps no state between documents.
// GFM tables, strikethrough and task lists are what notes apps write.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))

// parseMarkdown reads a Markdown note: front matter for the metadata, the
// text of every block as a plain paragraph, markup removed.
func parseMarkdown(name, src string) (Doc, error) {
	var d Doc
	if fm, body, ok := splitFrontMatter(src); ok {
		d.Warnings = applyFrontMatter(&d, fm)
		src = body
	}
	source := []byte(src)
	root := markdown.Parser().Parse(text.NewReader(source))

	w := mdWalker{src: source}
	seenH1 := false
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 && !seenH1 {
			seenH1 = true
			// The first "# heading" is the title unless front matter named
			// one; either way a heading that is the title is not repeated
			// in the body.
			heading := oneLine(w.inlineText(h))
			if d.Title == "" && heading != "" {
				d.Title = heading
				continue
			}
			if heading == d.Title {
				continue
			}
		}
		w.block(n)
	}
	d.Body = NormalizeBody(strings.Join(w.paras, "\n"))
	if d.Body == "" {
		if d.Title == "" {
			return Doc{}, &Error{Name: name, Reason: reasonNoContent}
		}
		// A note that is only a heading keeps it as its text, as .txt does.
		d.Body = d.Title
	}
	if d.Title == "" {
		d.Title = titleFromName(name, paragraphs(d.Body)[0])
	}
	return d, nil
}

// mdWalker collects the plain text of a Markdown AST, one paragraph per block.
type mdWalker struct {
	src   []byte
	paras []string
	cur   strings.Builder
}

func (w *mdWalker) flush() {
	w.paras = append(w.paras, w.cur.String())
	w.cur.Reset()
}

func (w *mdWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		w.inline(n)
		w.flush()
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		// One paragraph per line keeps the code's line structure, the way a
		// .txt line is a paragraph.
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.cur.Write(seg.Value(w.src))
			w.flush()
		}
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// Markup and rules carry no text of the article.
	case *east.TableRow, *east.TableHeader:
		var cells []string
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, strings.TrimSpace(w.inlineText(c)))
		}
		w.cur.WriteString(strings.Join(cells, " | "))
		w.flush()
	default: // document, lists, list items, block quotes, tables
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c)
		}
	}
}

// inlineText returns the text of an inline container without touching the
// paragraph being built.
func (w *mdWalker) inlineText(n ast.Node) string {
	saved := w.cur.String()
	w.cur.Reset()
	w.inline(n)
	s := w.cur.String()
	w.cur.Reset()
	w.cur.WriteString(saved)
	return s
}

func (w *mdWalker) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(w.src)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			w.cur.Write(v)
			if c.HardLineBreak() {
				// A hard break is a line the author wanted seen (verse, an
				// address): a paragraph, as in .txt.
				w.cur.WriteByte('\n')
			} else if c.SoftLineBreak() {
				w.cur.WriteByte(' ')
			}
		case *ast.String:
			w.cur.Write(c.Value)
		case *ast.CodeSpan:
			// Inline code is text the reader needs; keep it verbatim.
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				switch k := k.(type) {
				case *ast.Text:
					w.cur.Write(k.Value(w.src))
				case *ast.String:
					w.cur.Write(k.Value)
				}
			}
		case *ast.AutoLink:
			w.cur.Write(c.Label(w.src))
		case *ast.Image, *ast.RawHTML, *east.TaskCheckBox:
			// Images have no place in plain text and their alt text would
			// break the sentence around them; inline tags are markup.
		default: // emphasis, links (their text is kept), strikethrough
			w.inline(c)
		}
	}
}
