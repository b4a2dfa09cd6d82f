package doc

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Ref is a footnote reference ([^label]) at a reading-text offset.
type Ref struct {
	Label string
	Index int // goldmark's footnote number
	At    int
}

// Marked is what ParseMarked finds besides the document.
type Marked struct {
	Marks     []Span            // each ==mark==, as reading-text offsets (Kind 0)
	Refs      []Ref             // footnote references, in text order
	Footnotes map[string]string // label → the footnote's reading text
}

type markedOut struct {
	src   []byte
	marks []Span
	refs  []Ref
	notes map[string]string
}

// ParseMarked reads Markdown as Obsidian writes it, with ==highlights== and
// footnotes: the reading text is Parse's for the same Markdown without its
// marks and footnote references, and without the footnote definitions
// (their text is returned apart). It reads back the full-text export.
//
// A mark is a run of exactly two '=' that opens when not followed by
// white space and closes when not preceded by it (Obsidian is as lenient);
// a mark's text is plain reading text, it carries no span.
func ParseMarked(src string) (Doc, Marked, error) {
	out := &markedOut{src: []byte(src), notes: map[string]string{}}
	d, err := parse(src, markedMarkdown, func(b *builder) { b.mk = out })
	if err != nil {
		return Doc{}, Marked{}, err
	}
	return d, Marked{Marks: out.marks, Refs: out.refs, Footnotes: out.notes}, nil
}

var markedMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote, markExtension{}))

// footnotes names each reference by its footnote's label and reads the
// footnotes' texts.
func (m *markedOut) footnotes(root gast.Node) {
	labels := map[int]string{}
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		list, ok := c.(*east.FootnoteList)
		if !ok {
			continue
		}
		for f := list.FirstChild(); f != nil; f = f.NextSibling() {
			fn, ok := f.(*east.Footnote)
			if !ok {
				continue
			}
			labels[fn.Index] = string(fn.Ref)
			b := builder{src: m.src}
			b.children(fn)
			m.notes[string(fn.Ref)] = string(b.out)
		}
	}
	for i := range m.refs {
		m.refs[i].Label = labels[m.refs[i].Index]
	}
}

// markNode is a ==highlight==.
type markNode struct{ gast.BaseInline }

var kindMark = gast.NewNodeKind("Mark")

func (n *markNode) Kind() gast.NodeKind { return kindMark }

func (n *markNode) Dump(src []byte, level int) { gast.DumpHelper(n, src, level, nil, nil) }

type markDelims struct{}

func (markDelims) IsDelimiter(b byte) bool { return b == '=' }

func (markDelims) CanOpenCloser(o, c *parser.Delimiter) bool { return o.Char == c.Char }

func (markDelims) OnMatch(int) gast.Node { return &markNode{} }

type markParser struct{}

func (markParser) Trigger() []byte { return []byte{'='} }

func (markParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	before := block.PrecendingCharacter()
	line, seg := block.PeekLine()
	if before == '=' || len(line) < 2 || line[0] != '=' || line[1] != '=' || (len(line) > 2 && line[2] == '=') {
		return nil
	}
	after := ' '
	if len(line) > 2 {
		after, _ = utf8.DecodeRune(line[2:])
	}
	node := parser.NewDelimiter(len(line) > 2 && !unicode.IsSpace(after), !unicode.IsSpace(before), 2, '=', markDelims{})
	node.Segment = seg.WithStop(seg.Start + 2)
	block.Advance(2)
	pc.PushDelimiter(node)
	return node
}

func (markParser) CloseBlock(gast.Node, parser.Context) {}

type markExtension struct{}

func (markExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(markParser{}, 500)))
}
