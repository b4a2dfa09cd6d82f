package reader

import (
	"sort"

	"scholia/storage/doc"
)

// A table is drawn as a grid. The reading text holds a row as its cells
// separated by tabs and rows by line ends (what a browser copies); the
// layout gives each cell a block of its own, so a cell wraps inside its
// column and selection, highlights and find work in cells as in paragraphs.
// The lines of a row's cells share the row's top (line.top), which keeps
// the lines sorted by top for lineAtY; lineAtPoint picks the cell by x.

// tableLay is one table's blocks and, once wrapped, its grid.
type tableLay struct {
	first, end int       // layout blocks of its cells
	cols       int       // number of columns
	colX, colW []float32 // from the table's left edge (the block indent)
	rows       []rowLay
	width      float32
	// natural are the columns' widths before fitting, kept across
	// re-wraps (a resize) while the text size and word widths stay.
	natural []float32
	natSize float32
	natGen  int
}

// rowLay is one row: its top and height, its header flag and its blocks.
type rowLay struct {
	top, h     float32
	first, end int
	header     bool
}

// buildTables replaces the body lines of every table by one block per cell.
func (l *layout) buildTables(ds []doc.Block) {
	var cells []doc.Block
	for _, b := range ds {
		if b.Kind == doc.Cell {
			cells = append(cells, b)
		}
	}
	if len(cells) == 0 {
		return
	}
	// Byte offsets come from the line blocks, before they are replaced.
	starts := make([]int, len(cells))
	for i, c := range cells {
		starts[i] = l.runeToByte(c.Start)
	}
	old := l.blocks
	out := append(make([]block, 0, len(old)+len(cells)), old[:l.firstBody]...)
	j, ci := l.firstBody, 0
	for _, t := range ds {
		if t.Kind != doc.Table {
			continue
		}
		for ; j < len(old) && old[j].base < t.Start; j++ {
			out = append(out, old[j]) // lines before the table
		}
		for ; j < len(old) && old[j].base <= t.End; j++ {
			// the table's row lines, replaced by its cells
		}
		for ci < len(cells) && cells[ci].Start < t.Start {
			ci++
		}
		tl := tableLay{first: len(out)}
		for ; ci < len(cells) && cells[ci].End <= t.End; ci++ {
			c := cells[ci]
			text := l.bodyText[starts[ci]:starts[ci]]
			if c.End > c.Start {
				text = l.bodyText[starts[ci]:l.runeToByte(c.End)]
			}
			f := blockFmt{list: c.List, quote: c.Quote, table: int32(len(l.tables) + 1), col: int32(c.Level),
				header: c.Flags&doc.FlagHeader != 0, align: c.Flags & (doc.FlagAlignL | doc.FlagAlignR)}
			out = append(out, block{text: text, kind: kindBody, base: c.Start, byteBase: starts[ci], runes: c.End - c.Start, fmt: f})
			tl.cols = max(tl.cols, c.Level+1)
		}
		tl.end = len(out)
		if tl.end > tl.first {
			l.tables = append(l.tables, tl)
		}
	}
	l.blocks = append(out, old[j:]...)
}

// wrapTable lays table t out from y: columns as wide as their widest cell,
// narrowed (widest first) to fit maxW, cells wrapped inside them.
func (l *layout) wrapTable(c *widthCache, m metrics, t *tableLay, maxW, y float32) float32 {
	pad := m.size * 0.5
	avail := maxW - m.indent(&l.blocks[t.first])
	if len(t.natural) != t.cols || t.natSize != m.size || t.natGen != c.gen {
		t.natural = append(t.natural[:0], make([]float32, t.cols)...)
		for bi := t.first; bi < t.end; bi++ {
			b := &l.blocks[bi]
			t.natural[b.fmt.col] = max(t.natural[b.fmt.col], l.textWidth(c, b, m.blockStyle(b))+2*pad+1)
		}
		t.natSize, t.natGen = m.size, c.gen
	}
	t.colW = append(t.colW[:0], t.natural...)
	// At least one character a column where there is room for it; a
	// table of more columns than that shares the width out evenly, and
	// narrow columns get less padding, so no cell runs past the edge.
	least := 2*pad + m.size
	if n := float32(t.cols); n > 0 && n*least > avail {
		least = avail / n
	}
	fitColumns(t.colW, avail, least)
	for _, w := range t.colW {
		pad = min(pad, w/4)
	}
	t.colX = append(t.colX[:0], 0)
	for _, w := range t.colW {
		t.colX = append(t.colX, t.colX[len(t.colX)-1]+w)
	}
	t.width = t.colX[t.cols]
	t.rows = t.rows[:0]
	y += m.size * 0.2
	for bi := t.first; bi < t.end; {
		row := rowLay{top: y, first: bi, header: l.blocks[bi].fmt.header}
		bottom := y
		for prev := -1; bi < t.end && int(l.blocks[bi].fmt.col) > prev; bi++ {
			b := &l.blocks[bi]
			prev = int(b.fmt.col)
			n0 := len(l.lines)
			inner := t.colW[b.fmt.col] - 2*pad
			bottom = max(bottom, l.wrapBlock(c, bi, m.blockStyle(b), m.blockLineH(b), inner, y+pad*0.6)+pad*0.6)
			for i := n0; i < len(l.lines); i++ {
				ln := &l.lines[i]
				ln.top = y
				ln.x = t.colX[b.fmt.col] + pad
				switch free := max(inner-ln.w, 0); {
				case b.fmt.align == doc.FlagAlignL|doc.FlagAlignR:
					ln.x += free / 2
				case b.fmt.align == doc.FlagAlignR || (b.fmt.align == 0 && b.fmt.rtl):
					ln.x += free
				}
			}
		}
		row.end, row.h = bi, bottom-y
		t.rows = append(t.rows, row)
		y = bottom
	}
	return y + m.paraGap + m.size*0.2
}

// fitColumns narrows the widest columns until the widths sum to at most
// avail, none below least: the narrow ones keep their natural width.
func fitColumns(w []float32, avail, least float32) {
	total := float32(0)
	for _, v := range w {
		total += v
	}
	if total <= avail || len(w) == 0 {
		return
	}
	sorted := append([]float32(nil), w...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	left, n := avail, len(sorted)
	limit := left / float32(n)
	for i, v := range sorted {
		if v*float32(n-i) > left {
			limit = left / float32(n-i)
			break
		}
		left -= v
	}
	for i := range w {
		w[i] = max(min(w[i], limit), least)
	}
}

// textWidth is the width of a block's text on one line.
func (l *layout) textWidth(c *widthCache, b *block, st style) float32 {
	p := newPieces(b, st)
	x := float32(0)
	for i := 0; i < len(b.text); {
		_, se, _, _, ww, sw := p.word(c, i, len(b.text))
		x += ww + sw
		i = se
	}
	return x
}

// lineAtPoint is lineAtY that, in a table row, picks the line of the cell
// under x (widget coordinates) nearest to y (content coordinates).
func (r *Reader) lineAtPoint(x, y float32) int {
	li := r.lineAtY(y)
	if li < 0 || li < r.lay.bodyLine {
		return li
	}
	b := &r.lay.blocks[r.lay.lines[li].block]
	if b.fmt.table == 0 {
		return li
	}
	t := &r.lay.tables[b.fmt.table-1]
	cx, _ := r.column()
	rel := x - cx - r.metrics().indent(b)
	col := max(sort.Search(len(t.colX), func(i int) bool { return t.colX[i] > rel })-1, 0)
	col = min(col, t.cols-1)
	// The lines of the row's cells: the cell nearest to col, then the
	// last of its lines starting at or above y.
	best, bestD := li, 1<<30
	for i := r.lay.rowStart(li); i < len(r.lay.lines) && r.lay.lines[i].top == r.lay.lines[li].top; i++ {
		d := abs(int(r.lay.blocks[r.lay.lines[i].block].fmt.col) - col)
		if d < bestD || (d == bestD && r.lay.lines[i].y <= y) {
			best, bestD = i, d
		}
	}
	return best
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// verticalMoveInTable moves up or down from line li at widget x when a
// table is involved: to the line above or below in the same column, not
// the next line in reading order (the next cell of the row).
func (r *Reader) verticalMoveInTable(li int, x float32, down bool) (int, bool) {
	ls := r.lay.lines
	inTable := func(i int) bool { return i >= 0 && i < len(ls) && r.lay.blocks[ls[i].block].fmt.table > 0 }
	next := li - 1
	if down {
		next = li + 1
	}
	if !inTable(li) && !inTable(next) || next < r.lay.bodyLine || next >= len(ls) {
		return 0, false
	}
	l := ls[li]
	var to int
	if down {
		to = r.lineAtPoint(x, l.y+r.lineH(li))
		if ls[to].y <= l.y {
			// The cell ends before its row: the first line after the row.
			end := li
			for end < len(ls) && ls[end].top == l.top {
				end++
			}
			if end == len(ls) {
				return r.nRunes, true
			}
			to = r.lineAtPoint(x, ls[end].top)
		}
	} else {
		if l.top == ls[r.lay.bodyLine].top && l.y <= ls[r.lay.bodyLine].y {
			return 0, true
		}
		to = r.lineAtPoint(x, l.y-1)
		if to >= 0 && ls[to].top == l.top && ls[to].y >= l.y {
			// At a cell's first line: into the row above.
			start := r.lay.rowStart(li)
			if start <= r.lay.bodyLine {
				return 0, true
			}
			to = r.lineAtPoint(x, ls[start-1].y)
		}
	}
	if to < r.lay.bodyLine {
		return 0, true
	}
	n, _ := r.hitAt(to, x-r.lineX(to))
	return n, true
}
