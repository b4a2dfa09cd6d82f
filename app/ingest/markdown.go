package ingest

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gtext "github.com/yuin/goldmark/text"

	"scholia/storage/doc"
)

// parseMarkdown reads a Markdown note: front matter for the metadata, the
// rest kept as written (line ends made "\n") as the article's source, its
// reading text and blocks derived by storage/doc. A first "# heading" that is
// the title is taken out of the body, so the title is not shown twice.
func parseMarkdown(name, src string) (Doc, error) {
	var d Doc
	if fm, body, ok := splitFrontMatter(src); ok {
		d.Warnings = applyFrontMatter(&d, fm)
		src = body
	}
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	parsed, err := doc.Parse(src)
	if err != nil {
		return Doc{}, &Error{Name: name, Reason: strings.TrimPrefix(err.Error(), "doc: ")}
	}
	// The first "# heading" is the title unless front matter named one;
	// either way a heading that is the title is not repeated in the body.
	if heading, start, end, ok := titleHeading(src, parsed); ok && (d.Title == "" || heading == d.Title) {
		if d.Title == "" {
			d.Title = heading
		}
		// Only a heading that opens the note is cut: one after text of the
		// note's own is a section heading, and stays where the user put it.
		if titleOpens(parsed) {
			if rest, restDoc, ok := dropHeading(src, parsed, start, end); ok {
				src, parsed = rest, restDoc
			}
		}
	}
	if strings.TrimSpace(parsed.Text) == "" {
		return Doc{}, &Error{Name: name, Reason: reasonNoContent}
	}
	d.Markdown, d.Body, d.Blocks = src, parsed.Text, doc.Encode(parsed)
	if d.Title == "" {
		d.Title = titleFromName(name, paragraphs(d.Body)[0])
	}
	return d, nil
}

// markdownParser finds the title heading's place in the source; storage/doc
// does the reading. GFM tables matter here too: they change what is a
// paragraph.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()

// titleHeading finds the document's first level-1 heading outside lists
// and quotes: its text, and the byte range of its source lines.
func titleHeading(src string, d doc.Doc) (string, int, int, bool) {
	var nth int // which level-1 top-level heading of d is the first
	for _, b := range d.Blocks {
		if b.Kind == doc.Heading && b.Level == 1 && b.List == 0 && b.Quote == 0 {
			break
		}
		nth++
	}
	if nth == len(d.Blocks) {
		return "", 0, 0, false
	}
	b := d.Blocks[nth]
	text := oneLine(string([]rune(d.Text)[b.Start:b.End]))
	source := []byte(src)
	root := markdownParser.Parse(gtext.NewReader(source))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level != 1 {
			continue
		}
		lines := h.Lines()
		if lines.Len() == 0 {
			return text, 0, 0, false
		}
		start := strings.LastIndexByte(src[:lines.At(0).Start], '\n') + 1
		end := lines.At(lines.Len() - 1).Stop
		if nl := strings.IndexByte(src[end:], '\n'); nl >= 0 {
			end += nl + 1
		} else {
			end = len(src)
		}
		if !strings.HasPrefix(strings.TrimLeft(src[start:], " "), "#") { // setext: the underline too
			if nl := strings.IndexByte(src[end:], '\n'); nl >= 0 {
				end += nl + 1
			} else {
				end = len(src)
			}
		}
		return text, start, end, text != ""
	}
	return text, 0, 0, false
}

// titleOpens reports whether the first top-level "# heading" comes before
// any text of the note.
func titleOpens(d doc.Doc) bool {
	for _, b := range d.Blocks {
		if b.Kind == doc.Heading && b.Level == 1 && b.List == 0 && b.Quote == 0 {
			return true
		}
		if b.End > b.Start {
			return false
		}
	}
	return false
}

// dropHeading cuts the title heading's lines out of the source and checks
// that what is left reads as the old text without the heading; if the cut
// would change anything else, or leave nothing, the heading stays.
func dropHeading(src string, d doc.Doc, start, end int) (string, doc.Doc, bool) {
	rest := src[:start] + src[end:]
	nd, err := doc.Parse(rest)
	if err != nil || strings.TrimSpace(nd.Text) == "" {
		return "", doc.Doc{}, false
	}
	var h doc.Block
	for _, b := range d.Blocks {
		if b.Kind == doc.Heading && b.Level == 1 && b.List == 0 && b.Quote == 0 {
			h = b
			break
		}
	}
	r := []rune(d.Text)
	want := strings.Join(strings.Fields(string(r[:h.Start])+" "+string(r[h.End:])), " ")
	if strings.Join(strings.Fields(nd.Text), " ") != want {
		return "", doc.Doc{}, false
	}
	return strings.TrimLeft(rest, "\n"), nd, true
}
