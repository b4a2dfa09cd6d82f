package reader

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained is part of fyne.Focusable.
func (r *Reader) FocusGained() { r.focused = true }

// FocusLost is part of fyne.Focusable.
func (r *Reader) FocusLost() {
	r.focused = false
	r.shiftDown = false
}

// KeyDown tracks Shift, which turns arrows and clicks into selection moves.
func (r *Reader) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		r.shiftDown = true
	}
}

// KeyUp tracks Shift.
func (r *Reader) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		r.shiftDown = false
	}
}

// TypedRune handles the colour keys 1–5 and passes other keys to OnRune.
func (r *Reader) TypedRune(c rune) {
	if c >= '1' && c <= '5' && int(c-'1') < len(r.colors) {
		r.highlightSelection(int(c - '1'))
	} else if r.OnRune != nil {
		r.OnRune(c)
	}
}

// TypedKey scrolls, or with Shift held extends the selection.
func (r *Reader) TypedKey(k *fyne.KeyEvent) {
	if r.shiftDown && r.extendByKey(k.Name) {
		return
	}
	if k.Name == fyne.KeyF7 {
		r.SetCaretBrowsing(!r.caretMode)
		return
	}
	if r.caretMode && r.moveCaret(k.Name) {
		return
	}
	lh := r.metrics().lineH
	switch k.Name {
	case fyne.KeyUp:
		r.setScroll(r.offY - lh)
	case fyne.KeyDown:
		r.setScroll(r.offY + lh)
	case fyne.KeyPageUp:
		r.setScroll(r.offY - (r.viewHeight() - lh))
	case fyne.KeyPageDown, fyne.KeySpace:
		r.setScroll(r.offY + (r.viewHeight() - lh))
	case fyne.KeyHome:
		r.setScroll(0)
	case fyne.KeyEnd:
		r.setScroll(r.maxScroll())
	case fyne.KeyEscape:
		if r.find.open {
			r.HideFind()
			return
		}
		r.setSelection(r.caret, r.caret)
		if r.selectedHL != 0 {
			r.selectedHL = 0
			r.refreshView()
			if r.OnHighlightTapped != nil {
				r.OnHighlightTapped(0)
			}
		}
	case fyne.KeyDelete, fyne.KeyBackspace:
		if r.selectedHL != 0 && r.OnDeleteHighlight != nil {
			r.OnDeleteHighlight(r.selectedHL)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if r.find.open {
			r.FindNext()
		}
	}
}

// extendByKey moves the selection's caret for Shift+arrow/Home/End.
func (r *Reader) extendByKey(name fyne.KeyName) bool {
	r.caretIntoView()
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
	case fyne.KeyPageUp, fyne.KeyPageDown:
		return false
	default:
		return false
	}
	r.setSelection(r.anchor, c)
	r.revealCaret()
	return true
}

// verticalMove returns the offset on the line above or below c nearest to c's x.
func (r *Reader) verticalMove(c int, down bool) int {
	li := r.lay.lineOf(c)
	if li < 0 {
		return c
	}
	x := r.lineX(li) + r.xAt(li, c)
	if n, ok := r.verticalMoveInTable(li, x, down); ok {
		return n
	}
	switch {
	case down && li+1 < len(r.lay.lines):
		li++
	case !down && li-1 >= r.lay.bodyLine:
		li--
	case down:
		return r.nRunes
	default:
		return 0
	}
	n, _ := r.hitAt(li, x-r.lineX(li))
	return n
}

// revealCaret scrolls the least needed to show the caret's line.
func (r *Reader) revealCaret() {
	li := r.lay.lineOf(r.caret)
	if li < 0 {
		return
	}
	y, lh := r.lay.lines[li].y, r.metrics().lineH
	switch {
	case y < r.offY:
		r.setScroll(y)
	case y+lh > r.offY+r.viewHeight():
		r.setScroll(y + lh - r.viewHeight())
	}
}

// TypedShortcut handles copy, undo/redo, highlight, find, select all, text
// size and document start/end. Fyne sends Ctrl+letter combinations it has
// no named shortcut for as desktop.CustomShortcut.
func (r *Reader) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		r.copyTo(sc.Clipboard)
	case *fyne.ShortcutUndo:
		call(r.OnUndo)
	case *fyne.ShortcutRedo:
		call(r.OnRedo)
	case *fyne.ShortcutSelectAll:
		r.setSelection(0, r.nRunes)
	case *desktop.CustomShortcut:
		r.customShortcut(sc)
	}
}

func (r *Reader) customShortcut(sc *desktop.CustomShortcut) {
	mod := sc.Modifier
	shift := mod&fyne.KeyModifierShift != 0
	if mod&^fyne.KeyModifierShift != fyne.KeyModifierControl && mod&^fyne.KeyModifierShift != fyne.KeyModifierSuper {
		return
	}
	switch sc.KeyName {
	case fyne.KeyZ:
		if shift {
			call(r.OnRedo)
		} else {
			call(r.OnUndo)
		}
	case fyne.KeyY:
		call(r.OnRedo)
	case fyne.KeyH:
		r.highlightSelection(-1)
	case fyne.KeyF:
		r.ShowFind()
	case fyne.KeyC:
		r.copyTo(nil)
	case fyne.KeyA:
		r.setSelection(0, r.nRunes)
	case fyne.KeyPlus, fyne.KeyEqual:
		r.changeTextSize(r.TextSize() + 1)
	case fyne.KeyMinus:
		r.changeTextSize(r.TextSize() - 1)
	case fyne.Key0:
		r.changeTextSize(r.defaultTextSize())
	case fyne.KeyHome, fyne.KeyEnd:
		to := 0
		if sc.KeyName == fyne.KeyEnd {
			to = r.nRunes
		}
		if shift {
			r.setSelection(r.anchor, to)
			r.revealCaret()
		} else if to == 0 {
			r.setScroll(0)
		} else {
			r.setScroll(r.maxScroll())
		}
	}
}

// defaultTextSize is what Ctrl+0 returns to: the owner's DefaultTextSize,
// else the theme's text size.
func (r *Reader) defaultTextSize() float32 {
	if r.DefaultTextSize > 0 {
		return r.DefaultTextSize
	}
	return r.themeTextSize()
}

func (r *Reader) changeTextSize(size float32) {
	size = clampSize(size)
	if size == r.TextSize() && r.textSize != 0 {
		return
	}
	r.SetTextSize(size)
	if r.OnFontSizeChanged != nil {
		r.OnFontSizeChanged(size)
	}
}

// CopySelection puts the selected text on the clipboard; it returns false
// when nothing is selected. A menu item's Copy action can call it.
func (r *Reader) CopySelection() bool { return r.copyTo(nil) }

func (r *Reader) copyTo(cb fyne.Clipboard) bool {
	s, e := r.Selection()
	if s == e {
		return false
	}
	if cb == nil {
		cb = fyne.CurrentApp().Clipboard()
	}
	cb.SetContent(r.Text(s, e))
	return true
}

func call(f func()) {
	if f != nil {
		f()
	}
}
