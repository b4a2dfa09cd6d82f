package doc

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// SourceMap ties the reading text back to the Markdown it came from, for
// writing into the source at a reading-text offset (the full-text export
// puts ==marks== around highlights). For code point i of the reading text,
// Start[i]..End[i] are the source bytes it was read from, or -1 when it
// has none that may be written around: separators between blocks, line
// breaks, code (code blocks, code spans), image alt text, autolinks and
// text that goldmark made up. A mapped code point is always plain text of
// a paragraph, heading or cell: writing before Start or after End keeps
// every inline span around it whole.
type SourceMap struct {
	Start, End []int32
	// CodeEnd gives, for each inline code span (by its index in Doc.Spans),
	// the source offset just past its closing backticks.
	CodeEnd map[int]int
}

// ParseMapped is Parse with a SourceMap. The Doc is the one Parse gives.
func ParseMapped(src string) (Doc, *SourceMap, error) {
	sm := &SourceMap{CodeEnd: map[int]int{}}
	d, err := parse(src, markdown, func(b *builder) { b.sm = sm })
	if err != nil {
		return Doc{}, nil, err
	}
	return d, sm, nil
}

func (m *SourceMap) none(n int) {
	if m == nil {
		return
	}
	for range n {
		m.Start = append(m.Start, -1)
		m.End = append(m.End, -1)
	}
}

func (m *SourceMap) truncate(runes int) {
	if m != nil {
		m.Start, m.End = m.Start[:runes], m.End[:runes]
	}
}

// codeSpan records where code span i ends in the source: after its last
// text, an optional space and as many backticks as opened it.
func (m *SourceMap) codeSpan(i int, c *ast.CodeSpan, src []byte) {
	if m == nil {
		return
	}
	last, ok := c.LastChild().(*ast.Text)
	if !ok {
		return
	}
	p := last.Segment.Stop
	for p < len(src) && (src[p] == ' ' || src[p] == '\n' || src[p] == '\r') {
		p++
	}
	q := p
	for q < len(src) && src[q] == '`' {
		q++
	}
	if q > p {
		m.CodeEnd[i] = q
	}
}

// writeMapped writes a text node as inline() does, mapping each code point
// to its source bytes.
func (b *builder) writeMapped(c *ast.Text) {
	seg := c.Segment
	want := ""
	if c.IsRaw() {
		want = string(c.Value(b.src))
	} else {
		want = resolve(collapseSpaces(c.Value(b.src)))
	}
	got, starts, ends := mapText(b.src, seg, c.IsRaw())
	b.out = append(b.out, want...)
	n := utf8.RuneCountInString(want)
	b.runes += n
	if got != want || len(starts) != n {
		b.sm.none(n) // not expected; unmapped text only loses its marks
		return
	}
	b.sm.Start = append(b.sm.Start, starts...)
	b.sm.End = append(b.sm.End, ends...)
}

// mapText repeats collapseSpaces and resolve over a segment, keeping for
// each code point written the source bytes it consumed.
func mapText(src []byte, seg text.Segment, raw bool) (string, []int32, []int32) {
	if seg.Padding > 0 {
		return "", nil, nil
	}
	v := src[seg.Start:seg.Stop]
	// Collapse: each output byte with the source range it stands for.
	cb := make([]byte, 0, len(v))
	cs := make([]int32, 0, len(v))
	ce := make([]int32, 0, len(v))
	for i := 0; i < len(v); i++ {
		at := int32(seg.Start + i)
		if c := v[i]; !raw && (c == ' ' || c == '\t') {
			if len(cb) == 0 || cb[len(cb)-1] != ' ' || (i > 0 && v[i-1] != ' ' && v[i-1] != '\t') {
				cb, cs, ce = append(cb, ' '), append(cs, at), append(ce, at+1)
			} else {
				ce[len(ce)-1] = at + 1
			}
			continue
		}
		cb, cs, ce = append(cb, v[i]), append(cs, at), append(ce, at+1)
	}
	// Resolve, byte by byte, then group the bytes into code points.
	var out []byte
	var os, oe []int32
	emit := func(s string, from, to int) {
		for range len(s) {
			os, oe = append(os, cs[from]), append(oe, ce[to-1])
		}
		out = append(out, s...)
	}
	for i := 0; i < len(cb); {
		c := cb[i]
		switch {
		case raw:
		case c == '\\' && i+1 < len(cb) && util.IsPunct(cb[i+1]):
			emit(string(cb[i+1:i+2]), i, i+2)
			i += 2
			continue
		case c == 0:
			emit(string(utf8.RuneError), i, i+1)
			i++
			continue
		case c == '&':
			if r, n := reference(cb[i:]); n > 0 {
				emit(r, i, i+n)
				i += n
				continue
			}
		}
		emit(string(cb[i:i+1]), i, i+1)
		i++
	}
	var starts, ends []int32
	for i := 0; i < len(out); {
		_, size := utf8.DecodeRune(out[i:])
		if !utf8.FullRune(out[i:]) {
			size = 1
		}
		starts, ends = append(starts, os[i]), append(ends, oe[i+size-1])
		i += size
	}
	return string(out), starts, ends
}
