package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	docpkg "scholia/storage/doc"
)

// blockKind says how a block is styled; only body blocks carry offsets.
type blockKind uint8

const (
	kindTitle blockKind = iota
	kindMeta
	kindLink
	kindBody
)

// block is one paragraph (or the title, metadata or link line). For body
// blocks base and byteBase locate text inside the document body.
type block struct {
	text     string
	kind     blockKind
	base     int // code point offset of text[0] in the body (0 for headers)
	byteBase int
	runes    int
	fmt      blockFmt // body blocks: how the document's structure draws it
	runs     []run    // inline marks (emphasis, code, links…); nil when plain
	tabs     []int32  // a code line's tabs and their columns (tabs.go); nil without
}

// line is one wrapped line. rStart/rEnd are body offsets for body lines and
// block-relative offsets for header lines; bStart/bEnd index block.text.
type line struct {
	block        int32
	bStart, bEnd int32
	rStart, rEnd int32
	y            float32
	top          float32 // y, or the top of the table row the line is in
	x            float32 // left of the text from the block's indent (alignment, table column)
	w            float32 // drawn width without trailing spaces
	rtl          bool    // right to left: offsets run from the right edge
}

// layout holds the document split into blocks and, once a width is known,
// wrapped into lines.
type layout struct {
	blocks      []block
	firstBody   int // index of the first body block
	nRunes      int
	lines       []line
	bodyLine    int // index of the first body line
	height      float32
	wrapW       float32
	size        float32
	lowerCache  []rune        // lower-cased body for find, built on demand
	inline      []docpkg.Span // the links and inline code of the body, in order
	inlineReach []int         // inlineReach[i]: the furthest End of inline[:i+1]
	tables      []tableLay
	bodyText    string
	img         imageLayout // image blocks and their pictures (image.go)
}

// style is what a width depends on besides the text itself.
type style struct {
	size               float32
	bold, italic, mono bool
}

// widthCache measures each distinct word once per style: the driver's own
// measurement is the expensive part of laying out a long article.
type widthCache struct {
	m map[style]map[string]float32
	// the map of the style asked for last: runs of one style are the rule
	lastSt style
	last   map[string]float32
	gen    int // bumped by reset: widths remembered elsewhere are stale
}

func (c *widthCache) width(s string, st style) float32 {
	ws := c.last
	if ws == nil || st != c.lastSt {
		if c.m == nil {
			c.m = make(map[style]map[string]float32)
		}
		ws = c.m[st]
		if ws == nil {
			ws = make(map[string]float32, 4096)
			c.m[st] = ws
		}
		c.last, c.lastSt = ws, st
	}
	if w, ok := ws[s]; ok {
		return w
	}
	if len(s) > 1 && numeric(s) {
		// Figures are one advance each (fonts draw them tabular, without
		// kerning): a table of 200,000 distinct numbers costs a dozen
		// measurements, not 200,000, and fills no cache.
		w := float32(0)
		for i := 0; i < len(s); i++ {
			w += c.width(s[i:i+1], st)
		}
		return w
	}
	w := measure(s, st)
	// Clone: the key must not pin the whole article in memory.
	ws[strings.Clone(s)] = w
	return w
}

// numeric reports a word of ASCII digits and the signs written among them.
func numeric(s string) bool {
	digits := false
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9':
			digits = true
		case ch == '.' || ch == ',' || ch == '-' || ch == '+' || ch == '%' || ch == ':' || ch == '/':
		default:
			return false
		}
	}
	return digits
}

func (c *widthCache) reset() { c.m, c.last, c.gen = nil, nil, c.gen+1 }

func measure(s string, st style) float32 {
	return fyne.MeasureText(displayText(s), st.size, st.textStyle()).Width
}

// displayText replaces tabs and control characters by spaces, one for one,
// so that code point offsets and drawn characters stay aligned.
func displayText(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return strings.Map(func(r rune) rune {
				if r < 0x20 || r == 0x7f {
					return ' '
				}
				return r
			}, s)
		}
	}
	return s
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || (r < 0x20) || (r != 0xa0 && r > 0x7f && unicode.IsSpace(r))
}

// breaksAnywhere reports runes of scripts written without spaces, where a
// line may break between any two characters.
func breaksAnywhere(r rune) bool {
	if r < 0x2e80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// nextSegment splits s at i into a word (or one space-less-script rune) and
// its trailing spaces; it returns their byte ends and code point counts.
func nextSegment(s string, i int) (wordEnd, segEnd, wordRunes, spaceRunes int) {
	j := i
	r, sz := utf8.DecodeRuneInString(s[j:])
	switch {
	case isSpace(r):
	case breaksAnywhere(r):
		j += sz
		wordRunes = 1
	default:
		for j < len(s) {
			r, sz = utf8.DecodeRuneInString(s[j:])
			if isSpace(r) || breaksAnywhere(r) {
				break
			}
			j += sz
			wordRunes++
		}
	}
	wordEnd = j
	for j < len(s) {
		r, sz = utf8.DecodeRuneInString(s[j:])
		if !isSpace(r) {
			break
		}
		j += sz
		spaceRunes++
	}
	return wordEnd, j, wordRunes, spaceRunes
}

// build splits doc into blocks; every non-empty body line is a paragraph.
func (l *layout) build(doc Document) {
	l.blocks = l.blocks[:0]
	l.lines = l.lines[:0]
	l.lowerCache = nil
	l.wrapW = 0
	if t := strings.TrimSpace(doc.Title); t != "" {
		l.blocks = append(l.blocks, block{text: t, kind: kindTitle, runes: utf8.RuneCountInString(t)})
	}
	if m := strings.TrimSpace(doc.Meta); m != "" {
		l.blocks = append(l.blocks, block{text: m, kind: kindMeta, runes: utf8.RuneCountInString(m)})
	}
	if u := strings.TrimSpace(doc.URL); u != "" {
		l.blocks = append(l.blocks, block{text: u, kind: kindLink, runes: utf8.RuneCountInString(u)})
	}
	l.firstBody = len(l.blocks)
	body := doc.Body
	l.bodyText = body
	runes := 0
	for start := 0; start < len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		n := utf8.RuneCountInString(body[start:end])
		if n > 0 {
			l.blocks = append(l.blocks, block{text: body[start:end], kind: kindBody, base: runes, byteBase: start, runes: n})
		}
		runes += n + 1 // the newline
		start = end + 1
	}
	l.nRunes = utf8.RuneCountInString(body)
	l.tables = l.tables[:0]
	if len(doc.Blocks) > 0 {
		l.applyStructure(doc.Blocks, body)
		l.buildTables(doc.Blocks)
		l.setCodeTabs()
	}
	l.applyDirection()
	l.applyRuns(doc.Spans)
	l.findImages(doc.Blocks)
	own := l.findInlineImages(doc.Spans, doc.Blocks)
	l.inline, l.inlineReach = l.inline[:0], l.inlineReach[:0]
	for _, s := range doc.Spans {
		inlineAlt := s.Kind == docpkg.Img && !own[[2]int{s.Start, s.End}]
		if (s.Kind == docpkg.Link || s.Kind == docpkg.InlineCode || inlineAlt) && s.End > s.Start {
			reach := s.End
			if n := len(l.inlineReach); n > 0 {
				reach = max(reach, l.inlineReach[n-1])
			}
			l.inline, l.inlineReach = append(l.inline, s), append(l.inlineReach, reach)
		}
	}
}

// metrics are the type sizes derived from the body text size.
type metrics struct {
	size    float32
	lineH   float32
	paraGap float32
	top     float32
}

func newMetrics(size float32) metrics {
	return metrics{size: size, lineH: size * 1.5, paraGap: size * 0.8, top: size * 1.5}
}

func (m metrics) style(k blockKind) style {
	switch k {
	case kindTitle:
		return style{size: m.size * 1.7, bold: true}
	case kindMeta, kindLink:
		return style{size: m.size * 0.9}
	}
	return style{size: m.size}
}

func (m metrics) lineHeight(k blockKind) float32 {
	switch k {
	case kindTitle:
		return m.size * 1.7 * 1.3
	case kindMeta, kindLink:
		return m.size * 0.9 * 1.5
	}
	return m.lineH
}

// wrap lays every block out in lines no wider than maxW.
func (l *layout) wrap(c *widthCache, m metrics, maxW float32) {
	l.lines = l.lines[:0]
	l.wrapW, l.size = maxW, m.size
	l.bodyLine = -1
	y := m.top
	l.img.placed = l.img.placed[:0]
	for bi := 0; bi < len(l.blocks); bi++ {
		b := &l.blocks[bi]
		if b.kind == kindBody && l.bodyLine < 0 {
			l.bodyLine = len(l.lines)
			if bi > 0 {
				y += m.size * 0.8
			}
		}
		if b.fmt.table > 0 {
			t := &l.tables[b.fmt.table-1]
			y = l.placeBare(bi, m, maxW-m.indent(b), y)
			y = l.wrapTable(c, m, t, maxW, y)
			bi = t.end - 1
			continue
		}
		if b.kind == kindBody {
			y += m.gapBefore(b)
			y = l.placeBare(bi, m, maxW-m.indent(b), y)
			y = l.placeImage(bi, m, maxW-m.indent(b), y)
		}
		n0 := len(l.lines)
		y = l.wrapBlock(c, bi, m.blockStyle(b), m.blockLineH(b), maxW-m.indent(b), y)
		if b.fmt.rtl {
			// Flush right; a list's hanging indent moves to the right too.
			l.alignRight(n0, maxW-m.indent(b), m.listIndent(b))
		}
		if b.kind == kindBody {
			y = l.placeInline(bi, m, maxW-m.indent(b), y)
			y += m.gapAfter(b)
		} else if b.kind == kindTitle {
			y += m.paraGap
		} else {
			y += m.size * 0.3
		}
	}
	if l.bodyLine < 0 {
		l.bodyLine = len(l.lines)
	}
	y = l.placeTrailing(m, maxW, y)
	l.height = y + m.size*3
}

func (l *layout) wrapBlock(c *widthCache, bi int, st style, lineH, maxW, y float32) float32 {
	b := &l.blocks[bi]
	s := b.text
	p := newPieces(b, st)
	lineB, lineR := 0, 0
	x, inkX := float32(0), float32(0) // inkX: x without trailing spaces
	emit := func(bEnd, rEnd int) {
		l.lines = append(l.lines, line{block: int32(bi), bStart: int32(lineB), bEnd: int32(bEnd),
			rStart: int32(b.base + lineR), rEnd: int32(b.base + rEnd), y: y, top: y, w: inkX, rtl: b.fmt.rtl})
		y += lineH
		lineB, lineR, x, inkX = bEnd, rEnd, 0, 0
	}
	i, r := 0, 0
	for i < len(s) {
		we, se, wr, sr, ww, sw := p.word(c, i, len(s))
		if x > 0 && x+ww > maxW && we > i {
			emit(i, r)
		}
		if ww > maxW {
			// An overlong word (a URL, a long CJK-free token) breaks by character.
			j, rr := i, r
			for j < we {
				_, sz := utf8.DecodeRuneInString(s[j:])
				cw := c.width(s[j:j+sz], p.styleAt(j))
				if x > 0 && x+cw > maxW {
					emit(j, rr)
				}
				x += cw
				inkX = x
				j += sz
				rr++
			}
		} else if we > i {
			x += ww
			inkX = x
		}
		x += sw
		i = se
		r += wr + sr
	}
	if lineB < len(s) || len(s) == 0 {
		emit(len(s), r)
	}
	return y
}
