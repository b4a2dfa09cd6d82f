// Package doc is Scholia's document model. An article's body is Markdown
// (CommonMark with GFM tables and strikethrough); from it this package
// derives the reading text — what the reading pane shows, what highlight
// offsets count in (code points), what full-text search indexes — and a
// compact list of blocks and inline spans with offsets into that text.
//
// The reading text is what a browser would put on the clipboard if the
// rendered article were selected whole and copied:
//
//   - Markers are drawn, never text: no heading hashes, list bullets or
//     numbers, quote bars, code fences, table pipes or delimiter rows.
//   - Leaf blocks (paragraphs, headings, list items' text, code blocks,
//     table cells) are separated by "\n\n", except:
//   - blocks whose nearest common container is a tight list (or an item
//     of one) are separated by "\n", as a browser copies <li> elements;
//   - table rows are separated by "\n" and the cells of a row by "\t".
//   - Runs of spaces and tabs in text read as one space, as a browser
//     shows them; code spans and code blocks keep theirs.
//   - Inside a paragraph a soft line break is " " and a hard line break
//     (two trailing spaces or a backslash) is "\n". A code block keeps its
//     lines, joined by "\n", without the final line ending.
//   - Backslash escapes, entity and numeric character references are
//     resolved; raw HTML is dropped; an image contributes its alt text,
//     covered by an image span; a thematic break contributes no text.
//
// A plain body from before this model — paragraphs of one line each,
// separated by "\n\n" — is its own reading text: Parse(Escape(body)) gives
// back exactly body, with one paragraph block per paragraph (see Escape).
package doc

// Kind is what a block is.
type Kind uint8

// Block kinds. Paragraph, Heading, ListItem, Code and Cell carry text;
// ListItem, Table, Row and Quote cover the blocks inside them; Rule carries
// no text (Start == End).
const (
	Paragraph Kind = iota + 1
	Heading        // Level 1–6
	ListItem       // covers the item's blocks: the marker is drawn beside its first line
	Code           // Info is the fence's language, "" for none or indented code
	Table          // covers all its rows
	Row            // covers its cells; FlagHeader on the header row
	Cell           // Level is the column (0-based); Flags hold the alignment
	Image          // a paragraph that is only an image: Info is the source, the text the alt
	Rule           // a thematic break
	Quote          // a block quote: covers its blocks; Quote is its depth
	kindEnd
)

var kindNames = [...]string{"", "paragraph", "heading", "item", "code", "table", "row", "cell", "image", "rule", "quote"}

func (k Kind) String() string {
	if k < kindEnd {
		return kindNames[k]
	}
	return "unknown"
}

// Flags are a block's yes/no properties.
type Flags uint8

// Block flags.
const (
	FlagOrdered Flags = 1 << iota // ListItem in an ordered list: Number is its number
	FlagTask                      // ListItem with a task box
	FlagChecked                   // the task box is ticked
	FlagHeader                    // Row or Cell of a table's header
	FlagAlignL                    // Cell aligned left
	FlagAlignR                    // Cell aligned right (both: centred)
)

// Block is one block of the document. Start and End are code point offsets
// into the reading text; a block never includes the separators around it.
type Block struct {
	Kind   Kind
	Flags  Flags
	Level  int    // heading level; cell column
	List   int    // list nesting depth of the block (0 outside lists): the indent
	Quote  int    // block quote depth (0 outside quotes)
	Number int    // ordered list item's number
	Start  int    // first code point
	End    int    // one past the last code point
	Info   string // code language; image source
}

// SpanKind is an inline mark's kind.
type SpanKind uint8

// Inline span kinds.
const (
	Emphasis SpanKind = iota + 1
	Strong
	InlineCode
	Link   // Info is the destination
	Img    // Info is the source; the covered text is the alt text
	Strike // GFM ~~strikethrough~~
	spanEnd
)

var spanNames = [...]string{"", "em", "strong", "code", "link", "image", "strike"}

func (k SpanKind) String() string {
	if k < spanEnd {
		return spanNames[k]
	}
	return "unknown"
}

// Span is an inline mark over Start..End (code points into the reading
// text). Spans come in document order, an enclosing span before the spans
// inside it; spans never cross a block's edge.
type Span struct {
	Kind       SpanKind
	Start, End int
	Info       string
}

// Doc is a parsed document: its reading text, blocks and spans.
type Doc struct {
	Text   string
	Blocks []Block
	Spans  []Span
}
