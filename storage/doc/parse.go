package doc

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// MaxSource is the largest Markdown source Parse accepts, in bytes. It is
// above the importers' 20 MB file limit but bounds the parser's time:
// goldmark's tables and long paragraphs grow faster than linearly.
const MaxSource = 24 << 20

// MaxDepth is how deeply block containers (lists, block quotes) may nest.
// Real articles stay under ten levels; goldmark's cost per line grows with
// the depth, so 10,000 nested quotes would take minutes.
const MaxDepth = 64

// markdown is shared: a goldmark parser keeps no state between documents.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))

// Error is a one-line reason a source was refused.
type Error struct{ Reason string }

func (e *Error) Error() string { return "doc: " + e.Reason }

// Parse derives the reading text, blocks and spans of a Markdown source.
// It refuses (with an *Error) a source over MaxSource bytes, one that is not
// valid UTF-8, or one nested deeper than MaxDepth.
func Parse(src string) (Doc, error) {
	return parse(src, markdown, nil)
}

func parse(src string, md goldmark.Markdown, setup func(*builder)) (Doc, error) {
	if len(src) > MaxSource {
		return Doc{}, &Error{Reason: fmt.Sprintf("Markdown too large (%d MB; limit %d MB)", (len(src)+1<<20-1)>>20, MaxSource>>20)}
	}
	if !utf8.ValidString(src) {
		return Doc{}, &Error{Reason: "Markdown is not valid UTF-8"}
	}
	if line, ok := depthOK(src); !ok {
		return Doc{}, &Error{Reason: fmt.Sprintf("lists or quotes nested more than %d levels deep (line %d)", MaxDepth, line)}
	}
	source := []byte(src)
	root := md.Parser().Parse(text.NewReader(source))
	b := builder{src: source}
	if setup != nil {
		setup(&b)
	}
	b.node(root)
	if b.mk != nil {
		b.mk.footnotes(root)
	}
	// A block without text (an empty item, a rule, an image without alt)
	// sits where the text before it ends, which can be before the start of
	// a container opened ahead of it: order by Start, containers first.
	slices.SortStableFunc(b.blocks, func(x, y Block) int { return x.Start - y.Start })
	return Doc{Text: string(b.out), Blocks: b.blocks, Spans: b.spans}, nil
}

// depthOK bounds the container nesting of every line from above: each
// quote or list marker at the start of a line opens at most one level, and
// every two columns of indentation can continue at most one more. It
// returns the first line over MaxDepth.
func depthOK(src string) (int, bool) {
	line := 1
	for i := 0; i < len(src); line++ {
		depth, cols := 0, 0
	prefix:
		for i < len(src) {
			switch c := src[i]; {
			case c == ' ':
				cols++
				i++
			case c == '\t':
				cols += 4
				i++
			case c == '>':
				depth++
				i++
			case (c == '-' || c == '+' || c == '*') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
				depth++
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < len(src) && j-i < 10 && src[j] >= '0' && src[j] <= '9' {
					j++
				}
				if j+1 < len(src) && (src[j] == '.' || src[j] == ')') && (src[j+1] == ' ' || src[j+1] == '\t') {
					depth++
					i = j + 1
					continue
				}
				break prefix
			default:
				break prefix
			}
		}
		if depth+cols/2 > MaxDepth {
			return line, false
		}
		nl := strings.IndexByte(src[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	return 0, true
}

// container is an open block container while the tree is walked.
type container struct {
	node  ast.Node
	block int // index of its block, -1 for containers without one
}

// builder accumulates the reading text, blocks and spans in one walk.
type builder struct {
	src    []byte
	out    []byte
	runes  int // code points written to out
	blocks []Block
	spans  []Span
	stack  []container
	marked int // stack[:marked] are the containers the previous leaf was in
	leaves int // leaves written so far
	lists  int // open lists
	quotes int // open block quotes
	// Set by ParseMapped and ParseMarked only.
	sm   *SourceMap // each code point's source bytes
	atom int        // inside an image's alt text: not mapped
	mk   *markedOut // ==marks== and footnote references
}

func (b *builder) write(s string) {
	b.out = append(b.out, s...)
	n := utf8.RuneCountInString(s)
	b.runes += n
	b.sm.none(n)
}

func (b *builder) writeBytes(s []byte) {
	b.out = append(b.out, s...)
	n := utf8.RuneCount(s)
	b.runes += n
	b.sm.none(n)
}

// separate writes what separates a new leaf from the previous one, chosen
// by their nearest common container, and starts the blocks of containers
// that had no text yet.
func (b *builder) separate() {
	if b.leaves > 0 {
		sep := "\n\n"
		if b.marked > 0 {
			switch n := b.stack[b.marked-1].node.(type) {
			case *ast.List:
				if n.IsTight {
					sep = "\n"
				}
			case *ast.ListItem:
				if l, ok := n.Parent().(*ast.List); ok && l.IsTight {
					sep = "\n"
				}
			case *east.Table:
				sep = "\n"
			case *east.TableRow, *east.TableHeader:
				sep = "\t"
			}
		}
		b.write(sep)
	}
	b.leaves++
	for _, c := range b.stack[b.marked:] {
		if c.block >= 0 {
			b.blocks[c.block].Start = b.runes
		}
	}
	b.marked = len(b.stack)
}

func (b *builder) push(n ast.Node, blk *Block) {
	c := container{node: n, block: -1}
	if blk != nil {
		blk.Start = -1
		blk.List, blk.Quote = b.lists, b.quotes
		c.block = len(b.blocks)
		b.blocks = append(b.blocks, *blk)
	}
	b.stack = append(b.stack, c)
}

func (b *builder) pop() {
	c := b.stack[len(b.stack)-1]
	b.stack = b.stack[:len(b.stack)-1]
	b.marked = min(b.marked, len(b.stack))
	if c.block >= 0 {
		blk := &b.blocks[c.block]
		if blk.Start < 0 { // no text inside: it sits where the text stops
			blk.Start = b.runes
		}
		blk.End = b.runes
	}
}

// leaf writes one text-bearing block. A block that turns out to have no
// text (an image without alt text, an empty heading or code block) takes
// back its separator: it sits where the text before it ends, like a rule,
// so the reading text never has runs of blank lines. Empty table cells
// keep theirs, the tabs that keep the columns.
func (b *builder) leaf(blk Block, n ast.Node) {
	outLen, runes, leaves, marked, spans := len(b.out), b.runes, b.leaves, b.marked, len(b.spans)
	b.separate()
	blk.List, blk.Quote = b.lists, b.quotes
	blk.Start = b.runes
	i := len(b.blocks)
	b.blocks = append(b.blocks, blk)
	switch n := n.(type) {
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		b.code(n)
	default:
		b.inline(n)
	}
	b.blocks[i].End = b.runes
	if b.runes > blk.Start || blk.Kind == Cell {
		return
	}
	b.out, b.runes, b.leaves = b.out[:outLen], runes, leaves
	b.sm.truncate(runes)
	for _, c := range b.stack[marked:] {
		if c.block >= 0 {
			b.blocks[c.block].Start = -1
		}
	}
	b.marked = marked
	b.blocks[i].Start, b.blocks[i].End = runes, runes
	for k := spans; k < len(b.spans); k++ {
		b.spans[k].Start, b.spans[k].End = runes, runes
	}
}

// code writes a code block's lines as they are, without blank lines at
// either end (they show nothing, and would start or end the article's text
// with line ends).
func (b *builder) code(n ast.Node) {
	lines := n.Lines()
	var text []byte
	for i := range lines.Len() {
		seg := lines.At(i)
		for range seg.Padding { // a tab expanded inside the indentation
			text = append(text, ' ')
		}
		text = append(text, seg.Value(b.src)...)
	}
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	b.writeBytes(bytes.Trim(text, "\n"))
}

func (b *builder) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if src, ok := onlyImage(n); ok {
			b.leaf(Block{Kind: Image, Info: src}, n)
			return
		}
		b.leaf(Block{Kind: Paragraph}, n)
		return
	case *ast.Heading:
		b.leaf(Block{Kind: Heading, Level: n.Level}, n)
		return
	case *ast.CodeBlock:
		b.leaf(Block{Kind: Code}, n)
		return
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang = resolve(n.Language(b.src))
		}
		b.leaf(Block{Kind: Code, Info: lang}, n)
		return
	case *east.TableCell:
		blk := Block{Kind: Cell, Level: cellColumn(n), Flags: alignFlags(n.Alignment)}
		if _, ok := n.Parent().(*east.TableHeader); ok {
			blk.Flags |= FlagHeader
		}
		b.leaf(blk, n)
		return
	case *ast.ThematicBreak:
		b.blocks = append(b.blocks, Block{Kind: Rule, List: b.lists, Quote: b.quotes, Start: b.runes, End: b.runes})
		return
	case *ast.HTMLBlock, *ast.LinkReferenceDefinition:
		return // markup, not text
	case *east.FootnoteList:
		return // only ParseMarked has footnotes: their text is not the article's
	case *ast.List:
		b.lists++
		b.push(n, nil)
		b.children(n)
		b.pop()
		b.lists--
		return
	case *ast.ListItem:
		blk := Block{Kind: ListItem}
		if l, ok := n.Parent().(*ast.List); ok && l.IsOrdered() {
			blk.Flags |= FlagOrdered
			blk.Number = l.Start
			for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
				blk.Number++
			}
		}
		b.push(n, &blk)
		b.children(n)
		b.pop()
		return
	case *ast.Blockquote:
		b.quotes++
		b.push(n, &Block{Kind: Quote})
		b.children(n)
		b.pop()
		b.quotes--
		return
	case *east.Table:
		b.push(n, &Block{Kind: Table})
	case *east.TableHeader:
		b.push(n, &Block{Kind: Row, Flags: FlagHeader})
	case *east.TableRow:
		b.push(n, &Block{Kind: Row})
	default:
		b.push(n, nil)
	}
	b.children(n)
	b.pop()
}

func (b *builder) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.node(c)
	}
}

func cellColumn(n ast.Node) int {
	col := 0
	for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		col++
	}
	return col
}

func alignFlags(a east.Alignment) Flags {
	switch a {
	case east.AlignLeft:
		return FlagAlignL
	case east.AlignRight:
		return FlagAlignR
	case east.AlignCenter:
		return FlagAlignL | FlagAlignR
	}
	return 0
}

// onlyImage reports whether a paragraph is one image and nothing else.
func onlyImage(n ast.Node) (string, bool) {
	img, ok := n.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() != nil {
		return "", false
	}
	return resolve(img.Destination), true
}
