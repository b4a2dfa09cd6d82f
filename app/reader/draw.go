package reader

import (
	"image/color"
	"sort"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// drawTexts places the text of the visible lines. A plain left-to-right
// line is one text object; a line with inline marks is one per run, each
// in its own style, at the x the layout measured for it (the same widths
// wrapping, highlights and hit-testing use), so backgrounds stay on the
// glyphs. A right-to-left line is drawn piece by piece from its right edge.
func (r *renderer) drawTexts(first, last int, top float32) {
	w := r.w
	m := w.metrics()
	fg := w.themeColor(theme.ColorNameForeground)
	for li := first; li <= last; li++ {
		l := &w.lay.lines[li]
		b := &w.lay.blocks[l.block]
		st := m.blockStyle(b)
		col := fg
		switch {
		case b.kind == kindMeta || b.fmt.image:
			col = w.themeColor(theme.ColorNamePlaceHolder)
		case b.kind == kindLink:
			col = w.themeColor(theme.ColorNameHyperlink)
		}
		x := w.lineX(li)
		lh := m.blockLineH(b)
		th := st.size * 1.3
		y := l.y - w.offY + top + (lh-th)/2
		if len(b.runs) == 0 && !l.rtl {
			r.text(shown(b.text, b.tabs, int(l.bStart), int(l.bEnd)), col, st, fyne.NewPos(x, y), w.lay.wrapW+st.size)
		} else {
			r.drawPieces(li, col, st, x, y)
		}
		if b.fmt.marker != "" && l.bStart == 0 && b.fmt.table == 0 {
			// The marker hangs in the indent, right-aligned against the text.
			ms := style{size: m.size}
			mw := w.widths.width(b.fmt.marker, ms)
			mx := x - l.x - mw - m.size*0.5
			if l.rtl {
				mx = x + l.w + m.size*0.5
			}
			r.text(b.fmt.marker, fg, ms, fyne.NewPos(mx, l.y-w.offY+top+(lh-m.size*1.3)/2), mw+m.size)
		}
	}
}

// drawPieces draws line li cut where its marks change (and, right to left,
// at every word), links in the link colour and struck text crossed out.
func (r *renderer) drawPieces(li int, col color.Color, st style, x, y float32) {
	w := r.w
	l := &w.lay.lines[li]
	p, i, end := w.linePieces(li)
	link := w.themeColor(theme.ColorNameHyperlink)
	at := int(l.rStart)
	for i < end {
		// A piece: up to the end of the run (left to right), or the word
		// without its spaces (right to left).
		var pe, next, n, adv int
		if l.rtl {
			we, se, wr, sr, _ := p.piece(i, end)
			pe, next, n, adv = we, se, wr, wr+sr
			// Within a word, right-to-left letters and the rest (digits,
			// Latin, punctuation) are drawn apart, each at its place
			// from the right: "word." ends with its full stop on the left.
			if cut, cn := directionCut(p.s[i:we]); cut < we-i {
				pe, next, n, adv = i+cut, i+cut, cn, cn
			}
		} else {
			pe = end
			if len(p.runs) > 0 {
				p.seek(i)
				pe = min(pe, int(p.runs[p.k].b1))
			}
			n = utf8.RuneCountInString(p.s[i:pe])
			next, adv = pe, n
		}
		if pe > i {
			f := p.flagsAt(i)
			ps := st.with(f)
			c := col
			if f&runLink != 0 {
				c = link
			} else if f&runImage != 0 {
				c = w.themeColor(theme.ColorNamePlaceHolder)
			}
			x1, x2 := w.xAt(li, at), w.xAt(li, at+n)
			if x2 < x1 {
				x1, x2 = x2, x1
			}
			r.text(shown(p.s, p.tabs, i, pe), c, ps, fyne.NewPos(x+x1, y), x2-x1+ps.size)
			if f&runStrike != 0 {
				r.mark(c, fyne.NewPos(x+x1, y+ps.size*0.72), fyne.NewSize(x2-x1, max(1, ps.size/14)))
			}
		}
		i, at = next, at+adv
	}
}

// mark places one pooled rectangle over the text (underlines, strikes).
func (r *renderer) mark(c color.Color, pos fyne.Position, size fyne.Size) {
	rect := r.marks.next(newRect)
	if rect.FillColor != c {
		rect.FillColor = c
		rect.Refresh()
	}
	rect.Move(pos)
	rect.Resize(size)
}

// drawTables draws the grid of the tables in view: a tint behind header
// rows, a rule above and below every row and between the columns.
func (r *renderer) drawTables(top float32) {
	w := r.w
	if len(w.lay.tables) == 0 {
		return
	}
	m := w.metrics()
	cx, _ := w.column()
	bg := w.themeColor(theme.ColorNameBackground)
	fg := w.themeColor(theme.ColorNameForeground)
	rule, tint := mix(bg, fg, 0.28), mix(bg, fg, 0.06)
	y0, y1 := w.offY-m.lineH, w.offY+w.viewHeight()
	for ti := range w.lay.tables {
		t := &w.lay.tables[ti]
		if len(t.rows) == 0 {
			continue
		}
		last := t.rows[len(t.rows)-1]
		if t.rows[0].top > y1 || last.top+last.h < y0 {
			continue
		}
		x := cx + m.indent(&w.lay.blocks[t.first])
		// Rows are in y order: start at the first in view (a table of
		// 200,000 rows is not walked on every frame).
		from := sort.Search(len(t.rows), func(i int) bool { return t.rows[i].top+t.rows[i].h >= y0 })
		for _, row := range t.rows[from:] {
			if row.top > y1 {
				break
			}
			y := row.top - w.offY + top
			if row.header {
				r.rect(tint, fyne.NewPos(x, y), fyne.NewSize(t.width, row.h))
			}
			r.rect(rule, fyne.NewPos(x, y), fyne.NewSize(t.width, 1))
			r.rect(rule, fyne.NewPos(x, y+row.h), fyne.NewSize(t.width+1, 1))
			for _, cxs := range t.colX {
				r.rect(rule, fyne.NewPos(x+cxs, y), fyne.NewSize(1, row.h))
			}
		}
	}
}
