package reader

import (
	"sort"
	"strconv"

	"fyne.io/fyne/v2"

	"scholia/storage/doc"
)

// blockFmt is how a body line is drawn, from the document's block list
// (storage/doc): the reading text stays what it is; structure changes only the
// type, the indent and what is drawn around it.
type blockFmt struct {
	heading int    // 1–6, 0 for none
	code    bool   // monospace on a tinted background
	image   bool   // an image's alt text: a quiet placeholder
	list    int    // list nesting depth: the hanging indent
	quote   int    // block quote depth: the bars
	marker  string // drawn in the hanging indent of a list item's first line
	tight   bool   // the next line follows after a single line end (list, code, table, line break)
	rtl     bool   // right to left (its first strong character): right-aligned
	table   int32  // table cells: 1 + the index of the table in layout.tables
	col     int32  // table cells: the column
	header  bool   // table cells of the header row: bold on a tint
	align   doc.Flags
}

// applyStructure gives each body block (one line of the reading text) the
// format of the document block it lies in. Both lists are in text order,
// so one pass with two cursors does it.
func (l *layout) applyStructure(d []doc.Block, body string) {
	var leaves []doc.Block
	items := map[int]doc.Block{} // list items by the offset of their first text
	for _, b := range d {
		switch b.Kind {
		case doc.Paragraph, doc.Heading, doc.Code, doc.Cell, doc.Image:
			leaves = append(leaves, b)
		case doc.ListItem:
			if _, ok := items[b.Start]; !ok || b.List > items[b.Start].List {
				items[b.Start] = b
			}
		}
	}
	k := 0
	for bi := l.firstBody; bi < len(l.blocks); bi++ {
		b := &l.blocks[bi]
		end := b.byteBase + len(b.text)
		b.fmt.tight = end+1 < len(body) && body[end] == '\n' && body[end+1] != '\n'
		for k < len(leaves) && leaves[k].End < b.base {
			k++
		}
		if k == len(leaves) || leaves[k].Start > b.base {
			continue
		}
		leaf := leaves[k]
		f := &b.fmt
		f.list, f.quote = leaf.List, leaf.Quote
		switch leaf.Kind {
		case doc.Heading:
			f.heading = leaf.Level
		case doc.Code:
			f.code = true
		case doc.Image:
			f.image = true
		}
		if it, ok := items[b.base]; ok {
			f.marker = itemMarker(it)
		}
	}
}

// itemMarker is a list item's number or bullet (by depth).
func itemMarker(it doc.Block) string {
	if it.Flags&doc.FlagTask != 0 {
		if it.Flags&doc.FlagChecked != 0 {
			return "☑"
		}
		return "☐"
	}
	if it.Flags&doc.FlagOrdered != 0 {
		return strconv.Itoa(it.Number) + "."
	}
	return [...]string{"•", "◦", "▪"}[(max(it.List, 1)-1)%3]
}

// headingScale is the size of a heading relative to the body text.
var headingScale = [...]float32{1, 1.5, 1.3, 1.15, 1.05, 1, 1}

// blockStyle is the type a body block is set in.
func (m metrics) blockStyle(b *block) style {
	if b.kind != kindBody {
		return m.style(b.kind)
	}
	switch {
	case b.fmt.heading > 0:
		return style{size: m.size * headingScale[min(b.fmt.heading, 6)], bold: true}
	case b.fmt.code:
		return style{size: m.size * 0.9, mono: true}
	case b.fmt.image:
		return style{size: m.size * 0.9, italic: true}
	case b.fmt.header:
		return style{size: m.size, bold: true}
	}
	return style{size: m.size}
}

// blockLineH is the height of each line of a block.
func (m metrics) blockLineH(b *block) float32 {
	if b.kind != kindBody {
		return m.lineHeight(b.kind)
	}
	if b.fmt.heading > 0 {
		return m.size * headingScale[min(b.fmt.heading, 6)] * 1.35
	}
	if b.fmt.code {
		return m.size * 1.35
	}
	return m.lineH
}

// indent is the left inset of a block's text in the column: list levels
// and quote bars push it right; code sits inside its tinted box.
func (m metrics) indent(b *block) float32 {
	x := float32(b.fmt.quote)*m.size*1.2 + m.listIndent(b)
	if b.fmt.code {
		x += m.size * 0.6
	}
	return x
}

// listIndent is the part of the indent that list nesting adds.
func (m metrics) listIndent(b *block) float32 { return float32(b.fmt.list) * m.size * 1.6 }

// gapAfter is the space below a body block.
func (m metrics) gapAfter(b *block) float32 {
	switch {
	case b.fmt.code && b.fmt.tight:
		return 0
	case b.fmt.tight:
		return m.size * 0.25
	case b.fmt.heading > 0:
		return m.paraGap * 0.6
	}
	return m.paraGap
}

// gapBefore is extra space above a heading, so sections stand apart.
func (m metrics) gapBefore(b *block) float32 {
	if b.fmt.heading > 0 && b.fmt.heading <= 3 {
		return m.size * 0.6
	}
	return 0
}

func (st style) textStyle() fyne.TextStyle {
	return fyne.TextStyle{Bold: st.bold, Italic: st.italic, Monospace: st.mono}
}

// lineX is where line li's text starts, in widget coordinates.
func (r *Reader) lineX(li int) float32 {
	cx, _ := r.column()
	l := &r.lay.lines[li]
	return cx + r.metrics().indent(&r.lay.blocks[l.block]) + l.x
}

// lineH is the height of line li.
func (r *Reader) lineH(li int) float32 {
	return r.metrics().blockLineH(&r.lay.blocks[r.lay.lines[li].block])
}

// visibleInline returns the links and inline code overlapping [s, e).
// Spans are in order of Start; inlineReach[i] is the furthest End among
// spans[:i+1], so the walk back over spans that start before s stops as
// soon as none of the earlier ones can reach into the view.
func (l *layout) visibleInline(s, e int) []doc.Span {
	sp := l.inline
	i := sort.Search(len(sp), func(i int) bool { return sp[i].Start >= s })
	var out []doc.Span
	for k := i - 1; k >= 0 && l.inlineReach[k] > s; k-- {
		if sp[k].End > s {
			out = append(out, sp[k])
		}
	}
	for j := i; j < len(sp) && sp[j].Start < e; j++ {
		out = append(out, sp[j])
	}
	return out
}
