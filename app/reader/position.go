package reader

// TopOffset returns the code point offset that starts the first body line
// in view: the reading position, which survives a change of width or text
// size where a pixel offset would not. It is 0 at the top of the article.
func (r *Reader) TopOffset() int {
	if r.offY <= 0 {
		return 0
	}
	li := r.lineAtY(r.offY)
	if li < 0 || li < r.lay.bodyLine {
		return 0
	}
	return int(r.lay.lines[li].rStart)
}

// ShowFromOffset scrolls so that the line holding offset is the first in
// view (the reading position coming back); before the first layout it
// waits for it.
func (r *Reader) ShowFromOffset(offset int) {
	li := r.lay.lineOf(r.clampOff(offset))
	if li < 0 || r.Size().Width <= 0 {
		r.pendingTop = offset + 1
		return
	}
	r.pendingTop = 0
	if offset <= 0 {
		r.setScroll(0)
		return
	}
	r.setScroll(r.lay.lines[li].y)
}

// Progress is how far through the article the view has come, from 0 at
// the top to 1 with the end in view (1 also when it all fits).
func (r *Reader) Progress() float32 {
	ms := r.maxScroll()
	if ms <= 0 {
		if len(r.lay.lines) == 0 {
			return 0
		}
		return 1
	}
	return min(max(r.offY/ms, 0), 1)
}

// scrolled tells OnScrolled that the view moved.
func (r *Reader) scrolled() {
	if r.OnScrolled != nil {
		r.OnScrolled()
	}
}

// Fits reports whether the whole article is in view (nothing to scroll).
func (r *Reader) Fits() bool { return r.maxScroll() <= 0 }

// caretIntoView starts a keyboard selection at the top of the view when
// there is none and the caret is out of sight (scrolled away from, or never
// placed by a click): Shift+arrows then select from the first visible line,
// so highlighting needs no mouse.
func (r *Reader) caretIntoView() {
	if r.anchor != r.caret {
		return
	}
	li := r.lay.lineOf(r.caret)
	if li >= 0 {
		y := r.lay.lines[li].y
		if y >= r.offY && y+r.metrics().lineH <= r.offY+r.viewHeight() {
			return
		}
	}
	// The first body line wholly in view (the one at the top may be cut).
	li = max(r.lineAtY(r.offY), r.lay.bodyLine)
	if li < 0 {
		return
	}
	if li+1 < len(r.lay.lines) && r.lay.lines[li].y < r.offY {
		li++
	}
	top := int(r.lay.lines[li].rStart)
	r.anchor, r.caret = top, top
}
