package reader

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Page numbers of a PDF paper in the margin: Document.Pages[i] is the body
// offset where page i+1 starts; "p. N" is drawn left of the text column, on
// the line that holds the page's first character. Several pages starting on
// one line (empty pages) show the last of them.

// pageGutter is the room kept free on either side of the text column of a
// paper for its page numbers; 0 for other articles.
func (r *Reader) pageGutter() float32 {
	if len(r.doc.Pages) == 0 {
		return 0
	}
	return measure(pageLabel(len(r.doc.Pages)), style{size: r.TextSize() * 0.75}) + r.TextSize()*0.5
}

// pageLabel is the margin text of page n.
func pageLabel(n int) string { return "p. " + strconv.Itoa(n) }

// visiblePages lists, for the lines first..last, each page that starts on
// one of them: the line and the page number (1-based).
func (l *layout) visiblePages(pages []int, first, last int) (lines, numbers []int) {
	if len(pages) == 0 || len(l.lines) == 0 || first < 0 {
		return nil, nil
	}
	for i, start := range pages {
		li := l.lineOf(start)
		if li < first || li > last {
			continue
		}
		if n := len(lines); n > 0 && lines[n-1] == li {
			numbers[n-1] = i + 1
			continue
		}
		lines, numbers = append(lines, li), append(numbers, i+1)
	}
	return lines, numbers
}

// drawPages places the page numbers of the visible lines.
func (r *renderer) drawPages(first, last int, top float32) {
	w := r.w
	lines, numbers := w.lay.visiblePages(w.doc.Pages, first, last)
	if len(lines) == 0 {
		return
	}
	m := w.metrics()
	size := m.size * 0.75
	col := w.themeColor(theme.ColorNamePlaceHolder)
	colX, _ := w.column()
	for i, li := range lines {
		label := pageLabel(numbers[i])
		st := style{size: size}
		lw := w.widths.width(label, st)
		x := max(colX-lw-m.size*0.75, 2)
		l := &w.lay.lines[li]
		lh := m.blockLineH(&w.lay.blocks[l.block])
		y := l.y - w.offY + top + (lh-size*1.3)/2
		t := r.pageTexts.next(func() *canvas.Text { return canvas.NewText("", col) })
		t.Text, t.Color, t.TextSize, t.TextStyle = label, col, size, fyne.TextStyle{}
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(lw+m.size, size*1.3))
		t.Refresh()
	}
}
