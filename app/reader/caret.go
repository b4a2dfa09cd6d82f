package reader

import "fyne.io/fyne/v2"

// caretWidth is the drawn caret's width in caret browsing.
const caretWidth = 2

// SetCaretBrowsing turns caret browsing (F7) on or off. On, a caret shows
// at the top of the view (or where the last click put it, if in view); the
// arrows move it, Home/End go to the line's ends, Shift+arrows select, and
// 1–5 highlight the selection: highlighting without a mouse.
func (r *Reader) SetCaretBrowsing(on bool) {
	r.caretMode = on
	if on {
		r.caretIntoView()
	}
	r.refreshView()
}

// CaretBrowsing reports whether caret browsing is on.
func (r *Reader) CaretBrowsing() bool { return r.caretMode }

// moveCaret moves the caret for an arrow, Home or End without Shift,
// dropping the selection; other keys are not its.
func (r *Reader) moveCaret(name fyne.KeyName) bool {
	c := r.caret
	switch name {
	case fyne.KeyLeft:
		c = r.stepChar(c, -1)
	case fyne.KeyRight:
		c = r.stepChar(c, 1)
	case fyne.KeyUp, fyne.KeyDown:
		c = r.verticalMove(c, name == fyne.KeyDown)
	case fyne.KeyHome, fyne.KeyEnd:
		li := r.lay.lineOf(c)
		if li < 0 {
			return true
		}
		if name == fyne.KeyHome {
			c = int(r.lay.lines[li].rStart)
		} else {
			c = int(r.lay.lines[li].rEnd)
		}
	default:
		return false
	}
	r.setSelection(c, c)
	r.revealCaret()
	return true
}

// placeCaret draws the caret in caret browsing when it is in view.
func (r *renderer) placeCaret() {
	w := r.w
	li := w.lay.lineOf(w.caret)
	if !w.caretMode || li < 0 || len(w.lay.lines) == 0 {
		r.caret.Hide()
		return
	}
	p := w.PositionOf(w.caret)
	lh := w.lineH(li) // headings and code have their own line heights
	top := p.Y - lh/2
	if top < w.topInset() || top+lh > w.Size().Height {
		r.caret.Hide()
		return
	}
	r.caret.Move(fyne.NewPos(p.X-caretWidth/2, top))
	r.caret.Resize(fyne.NewSize(caretWidth, lh))
	r.caret.Show()
}
