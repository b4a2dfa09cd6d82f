package reader

import (
	"sort"
	"unicode/utf8"

	docpkg "scholia/storage/doc"
)

// runFlags are the inline marks that change how a stretch of text is drawn.
type runFlags uint8

const (
	runEm runFlags = 1 << iota
	runStrong
	runCode
	runStrike
	runLink
	runImage // the alt text of an image inside a paragraph
)

// run is a stretch of a block's text with one set of marks. A block with
// any marks has runs covering its whole text, in order; a plain block has
// none. b0/b1 index block.text, r0/r1 count code points from the block start.
type run struct {
	b0, b1 int32
	r0, r1 int32
	flags  runFlags
}

// spanFlag is the run flag of an inline span kind (0: not drawn as a run).
func spanFlag(k docpkg.SpanKind) runFlags {
	switch k {
	case docpkg.Emphasis:
		return runEm
	case docpkg.Strong:
		return runStrong
	case docpkg.InlineCode:
		return runCode
	case docpkg.Strike:
		return runStrike
	case docpkg.Link:
		return runLink
	case docpkg.Img:
		return runImage
	}
	return 0
}

// applyRuns cuts the body blocks the spans fall in into runs. A span may
// cross a hard line break (two layout blocks); it is clipped to each.
func (l *layout) applyRuns(spans []docpkg.Span) {
	type mark struct {
		s, e int // block-relative code points
		f    runFlags
	}
	var marks map[int][]mark // by block index
	for _, s := range spans {
		f := spanFlag(s.Kind)
		if f == 0 || s.End <= s.Start {
			continue
		}
		for bi := max(l.blockOf(s.Start), l.firstBody); bi >= 0 && bi < len(l.blocks); bi++ {
			b := &l.blocks[bi]
			if b.base >= s.End {
				break
			}
			a, e := max(s.Start, b.base)-b.base, min(s.End, b.base+b.runes)-b.base
			if a >= e {
				continue
			}
			if marks == nil {
				marks = map[int][]mark{}
			}
			marks[bi] = append(marks[bi], mark{a, e, f})
		}
	}
	for bi, ms := range marks {
		b := &l.blocks[bi]
		cuts := []int{0, b.runes}
		for _, m := range ms {
			cuts = append(cuts, m.s, m.e)
		}
		sort.Ints(cuts)
		runs := make([]run, 0, len(cuts))
		bytePos, runePos := 0, 0
		for k := 1; k < len(cuts); k++ {
			r0, r1 := cuts[k-1], cuts[k]
			if r1 == r0 {
				continue
			}
			var f runFlags
			for _, m := range ms {
				if m.s <= r0 && r1 <= m.e {
					f |= m.f
				}
			}
			b0 := bytePos
			for ; runePos < r1; runePos++ {
				_, sz := utf8.DecodeRuneInString(b.text[bytePos:])
				bytePos += sz
			}
			if n := len(runs); n > 0 && runs[n-1].flags == f {
				runs[n-1].b1, runs[n-1].r1 = int32(bytePos), int32(r1)
				continue
			}
			runs = append(runs, run{b0: int32(b0), b1: int32(bytePos), r0: int32(r0), r1: int32(r1), flags: f})
		}
		if len(runs) > 1 || (len(runs) == 1 && runs[0].flags != 0) {
			b.runs = runs
		}
	}
}

// with is a block's style changed by a run's marks.
func (st style) with(f runFlags) style {
	st.bold = st.bold || f&runStrong != 0
	st.italic = st.italic || f&runEm != 0
	st.mono = st.mono || f&runCode != 0
	if st.mono {
		// Code keeps its one face: themes have no bold or italic monospace.
		st.bold, st.italic = false, false
	}
	return st
}

// pieces walks a block's text word by word where each piece of a word may
// have its own style. A plain block (no runs) costs what nextSegment does.
type pieces struct {
	s    string
	runs []run
	k    int
	base style
	tabs []int32 // a code line's tabs (tabs.go)
}

func newPieces(b *block, st style) pieces {
	return pieces{s: b.text, runs: b.runs, base: st, tabs: b.tabs}
}

// spacesWidth is the width of the first n code points of the spaces at
// byte i, in style st: n spaces, or a code line's tabs to their stops.
func (p *pieces) spacesWidth(c *widthCache, i, n int, st style) float32 {
	if len(p.tabs) == 0 {
		return float32(n) * c.width(" ", st)
	}
	return float32(spaceCols(p.s, p.tabs, i, n)) * c.width(" ", st)
}

// seek makes the run holding byte i current.
func (p *pieces) seek(i int) {
	if len(p.runs) == 0 {
		return
	}
	if p.k < len(p.runs) && int(p.runs[p.k].b0) <= i && i < int(p.runs[p.k].b1) {
		return
	}
	if p.k+1 < len(p.runs) && int(p.runs[p.k+1].b0) <= i && i < int(p.runs[p.k+1].b1) {
		p.k++
		return
	}
	p.k = max(sort.Search(len(p.runs), func(k int) bool { return int(p.runs[k].b1) > i }), 0)
	p.k = min(p.k, len(p.runs)-1)
}

// styleAt is the style of the character at byte i.
func (p *pieces) styleAt(i int) style {
	if len(p.runs) == 0 {
		return p.base
	}
	p.seek(i)
	return p.base.with(p.runs[p.k].flags)
}

// flagsAt is the marks of the character at byte i.
func (p *pieces) flagsAt(i int) runFlags {
	if len(p.runs) == 0 {
		return 0
	}
	p.seek(i)
	return p.runs[p.k].flags
}

// piece is nextSegment cut at the end of the run holding byte i.
func (p *pieces) piece(i, limit int) (we, se, wr, sr int, st style) {
	if len(p.runs) == 0 {
		we, se, wr, sr = nextSegment(p.s[:limit], i)
		return we, se, wr, sr, p.base
	}
	p.seek(i)
	rn := p.runs[p.k]
	we, se, wr, sr = nextSegment(p.s[:min(int(rn.b1), limit)], i)
	return we, se, wr, sr, p.base.with(rn.flags)
}

// word returns the word at byte i (glued across style changes, as in
// "**bold**ly") and its trailing spaces: byte ends, code point counts, the
// word's width and the spaces' width. limit is where the text ends for the
// caller (a line's end).
func (p *pieces) word(c *widthCache, i, limit int) (we, se, wr, sr int, ww, sw float32) {
	for {
		pwe, pse, pwr, psr, st := p.piece(i, limit)
		if pwe > i {
			ww += c.width(p.s[i:pwe], st)
		}
		wr += pwr
		if psr > 0 || pse >= limit || pwr == 0 || !p.glued(pse) {
			if psr > 0 {
				sw = p.spacesWidth(c, pwe, psr, st)
			}
			return pwe, pse, wr, psr, ww, sw
		}
		i = pse
	}
}

// glued reports whether a word cut by a style change at byte i goes on
// after it: the characters on both sides join into one word.
func (p *pieces) glued(i int) bool {
	if i <= 0 || i >= len(p.s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(p.s[:i])
	next, _ := utf8.DecodeRuneInString(p.s[i:])
	return !isSpace(next) && !breaksAnywhere(next) && !breaksAnywhere(prev)
}

// prefix is the width of s[i:k], part of the word s[i:we] of width ww
// that may cross style changes. The last part is measured as is: a partial
// word is not cached. In a right-to-left word, whose letters change shape
// with their neighbours, a measured prefix can be wider than the whole
// word: there the word's width is shared out by its letters' own widths,
// so positions only grow.
func (p *pieces) prefix(c *widthCache, i, k, we int, ww float32) float32 {
	if hasRTL(p.s[i:we]) {
		part, all := float32(0), float32(0)
		for j := i; j < we; {
			_, sz := utf8.DecodeRuneInString(p.s[j:])
			cw := c.width(p.s[j:j+sz], p.styleAt(j))
			if j < k {
				part += cw
			}
			all += cw
			j += sz
		}
		if all <= 0 {
			return 0
		}
		return ww * part / all
	}
	w := float32(0)
	for i < k {
		st := p.styleAt(i)
		end := k
		if len(p.runs) > 0 {
			end = min(end, int(p.runs[p.k].b1))
		}
		if end == k {
			return w + measure(p.s[i:end], st)
		}
		w += c.width(p.s[i:end], st)
		i = end
	}
	return w
}

// hasRTL reports a right-to-left character in s.
func hasRTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xd6 && s[i] < 0xf0 { // lead bytes from U+0590 up to U+FFFF
			if rtl, _ := isRTL(s[i:]); rtl {
				return true
			}
		}
	}
	return false
}
