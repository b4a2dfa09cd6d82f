package reader

import "fyne.io/fyne/v2"

// TappedSecondary reports a right-click to OnContextMenu, with the body
// offset under the pointer, so the app can offer actions on the paragraph
// there ("Remove paragraph").
func (r *Reader) TappedSecondary(e *fyne.PointEvent) {
	if r.OnContextMenu == nil {
		return
	}
	r.OnContextMenu(r.bodyOffsetUnder(e.Position), e.AbsolutePosition)
}

// bodyOffsetUnder is the offset of the body character on the line under p
// (the nearest one on that line), or -1 when p is not on a body line: over
// the title, the details, or the scroll bar.
func (r *Reader) bodyOffsetUnder(p fyne.Position) int {
	if len(r.lay.lines) == 0 || r.lay.bodyLine >= len(r.lay.lines) || p.X >= r.Size().Width-scrollZone {
		return -1
	}
	y := p.Y - r.topInset() + r.offY
	li := r.lineAtPoint(p.X, y)
	if li < r.lay.bodyLine || y > r.lay.lines[li].y+r.lineH(li) {
		return -1
	}
	l := &r.lay.lines[li]
	nearest, under := r.hit(p)
	if under >= 0 {
		return under
	}
	if l.rEnd <= l.rStart {
		return -1
	}
	return min(max(nearest, int(l.rStart)), int(l.rEnd)-1)
}
