package reader

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// scrollZone is the strip at the right edge that belongs to the scrollbar.
const scrollZone = 14

func (r *Reader) metrics() metrics { return newMetrics(r.TextSize()) }

// column returns the left edge and width of the text column.
func (r *Reader) column() (x, w float32) {
	size := r.Size()
	pad := r.TextSize()
	avail := size.Width - 2*pad - 2*r.pageGutter() - scrollZone
	w = r.readWidth * r.TextSize() / max(r.themeTextSize(), 1)
	w = max(min(w, avail), 40)
	x = max((size.Width-scrollZone-w)/2, 0)
	return x, w
}

// topInset is the height covered by the find bar when it is open.
func (r *Reader) topInset() float32 {
	if r.rend != nil && r.find.open {
		return r.rend.findBar.MinSize().Height
	}
	return 0
}

func (r *Reader) viewHeight() float32 { return max(r.Size().Height-r.topInset(), 1) }

func (r *Reader) maxScroll() float32 { return max(r.lay.height-r.viewHeight(), 0) }

// rewrap lays the text out again for the current width and size.
func (r *Reader) rewrap() {
	if r.Size().Width <= 0 {
		r.lay.lines = r.lay.lines[:0]
		r.lay.wrapW = 0
		return
	}
	_, w := r.column()
	r.lay.wrap(&r.widths, r.metrics(), w)
	r.offY = max(0, min(r.offY, r.maxScroll()))
	if o := r.pendingScroll - 1; o >= 0 {
		r.ScrollToOffset(o)
	}
	if o := r.pendingTop - 1; o >= 0 && len(r.lay.lines) > 0 {
		r.ShowFromOffset(o)
	}
}

// rewrapKeepingPlace re-wraps and scrolls so the first visible text stays on top.
func (r *Reader) rewrapKeepingPlace() {
	keep := -1
	if li := r.lineAtY(r.offY); li >= 0 && li >= r.lay.bodyLine {
		keep = int(r.lay.lines[li].rStart)
	}
	r.rewrap()
	if keep >= 0 {
		if li := r.lay.lineOf(keep); li >= 0 {
			r.offY = max(0, min(r.lay.lines[li].y, r.maxScroll()))
		}
	}
	r.refreshView()
}

// lineAtY returns the line at content y (clamped), or -1 without lines.
func (r *Reader) lineAtY(y float32) int {
	ls := r.lay.lines
	if len(ls) == 0 {
		return -1
	}
	i := sort.Search(len(ls), func(i int) bool { return ls[i].top > y }) - 1
	return max(i, 0)
}

// rowStart is the first line of the table row line li is in (li itself
// outside tables): the lines of a row's cells share its top.
func (l *layout) rowStart(li int) int {
	for li > 0 && l.lines[li-1].top == l.lines[li].top {
		li--
	}
	return li
}

// lineOf returns the body line holding offset o (a line's end belongs to
// the next line), or -1 when nothing is laid out.
func (l *layout) lineOf(o int) int {
	body := l.lines[min(l.bodyLine, len(l.lines)):]
	if len(body) == 0 {
		return -1
	}
	i := sort.Search(len(body), func(i int) bool { return int(body[i].rStart) > o }) - 1
	return l.bodyLine + max(i, 0)
}

// blockOf returns the body block whose range (or following newlines) holds o.
func (l *layout) blockOf(o int) int {
	body := l.blocks[l.firstBody:]
	if len(body) == 0 {
		return -1
	}
	i := sort.Search(len(body), func(i int) bool { return body[i].base > o }) - 1
	return l.firstBody + max(i, 0)
}

// runeToByte converts a body code point offset to a byte offset.
func (l *layout) runeToByte(o int) int {
	bi := l.blockOf(o)
	if bi < 0 {
		return o // a body of newlines only: one byte each
	}
	b := &l.blocks[bi]
	if o < b.base {
		return o // leading newlines
	}
	if end := b.base + b.runes; o >= end {
		return b.byteBase + len(b.text) + (o - end)
	}
	i, at := 0, b.base
	if li := l.lineOf(o); li >= 0 && int(l.lines[li].block) == bi {
		i, at = int(l.lines[li].bStart), int(l.lines[li].rStart)
	}
	for ; at < o; at++ {
		_, sz := utf8.DecodeRuneInString(b.text[i:])
		i += sz
	}
	return b.byteBase + i
}

// runeAt returns the body rune at offset o, or -1 past the end.
func (r *Reader) runeAt(o int) rune {
	if o < 0 || o >= r.nRunes {
		return -1
	}
	c, _ := utf8.DecodeRuneInString(r.doc.Body[r.lay.runeToByte(o):])
	return c
}

// linePieces returns the word walker of line li's block and the line's
// byte range in its block's text.
func (r *Reader) linePieces(li int) (pieces, int, int) {
	l := &r.lay.lines[li]
	b := &r.lay.blocks[l.block]
	return newPieces(b, r.metrics().blockStyle(b)), int(l.bStart), int(l.bEnd)
}

// xOf returns the x of offset o inside line li, measured from the line's
// start in reading order (its left edge; the right edge of a right-to-left
// line: see xAt).
func (r *Reader) xOf(li int, o int) float32 {
	l := &r.lay.lines[li]
	p, i, end := r.linePieces(li)
	target := max(0, min(o, int(l.rEnd))-int(l.rStart))
	x := float32(0)
	for at := 0; i < end && at < target; {
		we, se, wr, sr, ww, sw := p.word(&r.widths, i, end)
		if at+wr+sr <= target {
			x += ww + sw
			i, at = se, at+wr+sr
			continue
		}
		if target < at+wr {
			k := i
			for n := at; n < target; n++ {
				_, sz := utf8.DecodeRuneInString(p.s[k:])
				k += sz
			}
			return x + p.prefix(&r.widths, i, k, we, ww)
		}
		if len(p.tabs) > 0 {
			return x + ww + p.spacesWidth(&r.widths, we, target-at-wr, p.styleAt(we))
		}
		return x + ww + float32(target-at-wr)*(sw/float32(sr))
	}
	return x
}

// xAt is where offset o is drawn on line li, from the line's left edge
// (lineX): right-to-left lines run from their right edge leftwards.
func (r *Reader) xAt(li int, o int) float32 {
	if l := &r.lay.lines[li]; l.rtl {
		return l.w - r.xOf(li, o)
	}
	return r.xOf(li, o)
}

// lineWidth is the drawn width of line li including trailing spaces.
func (r *Reader) lineWidth(li int) float32 {
	return r.xOf(li, int(r.lay.lines[li].rEnd))
}

// hitAt is hitLine for an x measured from the line's left edge (lineX).
func (r *Reader) hitAt(li int, x float32) (nearest, under int) {
	if l := &r.lay.lines[li]; l.rtl {
		return r.hitLine(li, l.w-x)
	}
	return r.hitLine(li, x)
}

// hitLine returns, for x from the line's start in reading order, the
// nearest character boundary and the character under x (-1 when x is
// outside the text).
func (r *Reader) hitLine(li int, x float32) (nearest, under int) {
	l := &r.lay.lines[li]
	if x <= 0 {
		return int(l.rStart), -1
	}
	p, i, end := r.linePieces(li)
	cur := float32(0)
	at := int(l.rStart)
	for i < end {
		we, se, wr, sr, ww, sw := p.word(&r.widths, i, end)
		if x < cur+ww {
			prev := float32(0)
			k := i
			for n := 0; n < wr; n++ {
				_, sz := utf8.DecodeRuneInString(p.s[k:])
				k += sz
				next := ww
				if k < we {
					next = p.prefix(&r.widths, i, k, we, ww)
				}
				if x-cur < next {
					if x-cur-prev < next-(x-cur) {
						return at + n, at + n
					}
					return at + n + 1, at + n
				}
				prev = next
			}
			return at + wr, at + wr - 1
		}
		if x < cur+ww+sw && len(p.tabs) > 0 {
			// A code line's tabs are wider than its spaces.
			st, prev := p.styleAt(we), float32(0)
			for n := 1; n <= sr; n++ {
				next := p.spacesWidth(&r.widths, we, n, st)
				if x-cur-ww < next {
					if x-cur-ww-prev < next-(x-cur-ww) {
						return at + wr + n - 1, at + wr + n - 1
					}
					return at + wr + n, at + wr + n - 1
				}
				prev = next
			}
		}
		if x < cur+ww+sw {
			f := (x - cur - ww) / (sw / float32(sr))
			return at + wr + int(f+0.5), at + wr + int(f)
		}
		cur += ww + sw
		at += wr + sr
		i = se
	}
	return int(l.rEnd), -1
}

// hit maps a widget position to the nearest body offset and the offset of
// the character under it (-1 if none).
func (r *Reader) hit(p fyne.Position) (nearest, under int) {
	if len(r.lay.lines) == 0 || r.lay.bodyLine >= len(r.lay.lines) {
		return 0, -1
	}
	y := p.Y - r.topInset() + r.offY
	li := r.lineAtPoint(p.X, y)
	if li < r.lay.bodyLine {
		return 0, -1
	}
	l := &r.lay.lines[li]
	if y > l.y+r.lineH(li) {
		// Below the last line of a paragraph: the paragraph's end.
		return int(l.rEnd), -1
	}
	return r.hitAt(li, p.X-r.lineX(li))
}

// OffsetAt returns the body code point offset nearest to a position in the
// widget's coordinates.
func (r *Reader) OffsetAt(p fyne.Position) int {
	n, _ := r.hit(p)
	return n
}

// PositionOf returns where offset o is drawn, in the widget's coordinates:
// x at the character boundary and y at the middle of its line. It is
// meaningful for laid-out documents only.
func (r *Reader) PositionOf(o int) fyne.Position {
	li := r.lay.lineOf(r.clampOff(o))
	if li < 0 {
		return fyne.Position{}
	}
	l := &r.lay.lines[li]
	return fyne.NewPos(r.lineX(li)+r.xAt(li, o), l.y-r.offY+r.topInset()+r.lineH(li)/2)
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_' || c == '\'' || c == '’'
}

func isJoiner(c rune) bool {
	return unicode.IsMark(c) || c == 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1f3fb && c <= 0x1f3ff)
}

// wordAt returns the bounds of the word holding offset o; punctuation and
// spaces select themselves.
func (r *Reader) wordAt(o int) (int, int) {
	c := r.runeAt(o)
	if c < 0 {
		return r.nRunes, r.nRunes
	}
	if !isWordRune(c) || breaksAnywhere(c) {
		s, e := o, o+1
		for e < r.nRunes && isJoiner(r.runeAt(e)) {
			e++
		}
		return s, e
	}
	bi := r.lay.blockOf(o)
	b := &r.lay.blocks[bi]
	start := r.lay.runeToByte(o) - b.byteBase
	s, e := o, o
	for i := start; i < len(b.text); e++ {
		c, sz := utf8.DecodeRuneInString(b.text[i:])
		if !isWordRune(c) || breaksAnywhere(c) {
			break
		}
		i += sz
	}
	for i := start; i > 0; s-- {
		c, sz := utf8.DecodeLastRuneInString(b.text[:i])
		if !isWordRune(c) || breaksAnywhere(c) {
			break
		}
		i -= sz
	}
	return s, e
}

// paragraphAt returns the bounds of the paragraph holding offset o.
func (r *Reader) paragraphAt(o int) (int, int) {
	bi := r.lay.blockOf(o)
	if bi < 0 {
		return 0, 0
	}
	b := &r.lay.blocks[bi]
	return b.base, b.base + b.runes
}

// stepChar moves offset o by one user-perceived character in direction d,
// skipping combining marks and the newlines between paragraphs.
func (r *Reader) stepChar(o, d int) int {
	if bi := r.lay.blockOf(o); bi >= 0 {
		b := &r.lay.blocks[bi]
		if d > 0 && o >= b.base+b.runes && bi+1 < len(r.lay.blocks) {
			return r.lay.blocks[bi+1].base
		}
		if d < 0 && o == b.base && bi > r.lay.firstBody {
			p := &r.lay.blocks[bi-1]
			return p.base + p.runes
		}
	}
	o = r.clampOff(o + d)
	for o > 0 && o < r.nRunes && isJoiner(r.runeAt(o)) {
		o = r.clampOff(o + d)
	}
	return o
}
