package reader

import (
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// selectUnit is what a press-drag extends by: characters, words (after a
// double-click) or paragraphs (after a triple-click).
type selectUnit uint8

const (
	unitChar selectUnit = iota
	unitWord
	unitParagraph
)

type dragMode uint8

const (
	dragText dragMode = iota
	dragScrollbar
)

const (
	multiClickTime = 500 * time.Millisecond
	multiClickDist = 5
)

var (
	_ fyne.Widget        = (*Reader)(nil)
	_ fyne.Tappable      = (*Reader)(nil)
	_ fyne.Draggable     = (*Reader)(nil)
	_ fyne.Scrollable    = (*Reader)(nil)
	_ fyne.Focusable     = (*Reader)(nil)
	_ fyne.Shortcutable  = (*Reader)(nil)
	_ desktop.Mouseable  = (*Reader)(nil)
	_ desktop.Keyable    = (*Reader)(nil)
	_ desktop.Hoverable  = (*Reader)(nil)
	_ desktop.Cursorable = (*Reader)(nil)
)

// MouseDown starts a click: it counts multi-clicks and sets the selection
// at once, as text editors do, rather than waiting for the release.
func (r *Reader) MouseDown(e *desktop.MouseEvent) {
	if e.Button != desktop.MouseButtonPrimary {
		return
	}
	r.Focus()
	r.pressed = true
	s, en := r.Selection()
	r.pressHadSel, r.pressCtrl = s != en, e.Modifier&fyne.KeyModifierShortcutDefault != 0
	r.press(e.Position, e.Modifier&fyne.KeyModifierShift != 0, true)
}

// MouseUp is part of desktop.Mouseable; the release is handled by Tapped
// or DragEnd, which the driver sends after it.
func (r *Reader) MouseUp(*desktop.MouseEvent) {}

// press applies a click at p: place, extend (shift), or select a word or
// paragraph depending on how many clicks came in quick succession.
func (r *Reader) press(p fyne.Position, shift, count bool) {
	now := time.Now()
	d := p.Subtract(r.lastPos())
	if count && now.Sub(r.lastPress) < multiClickTime && d.X*d.X+d.Y*d.Y < multiClickDist*multiClickDist {
		r.clicks = r.clicks%3 + 1
	} else {
		r.clicks = 1
	}
	r.lastPress = now
	r.pressPos = p
	r.pressShift = shift || r.shiftDown
	if p.X >= r.Size().Width-scrollZone {
		return
	}
	off, _ := r.hit(p)
	switch {
	case r.clicks == 1 && r.pressShift:
		r.unit = unitChar
		r.setSelection(r.anchor, off)
	case r.clicks == 2:
		r.unit = unitWord
		r.unitS, r.unitE = r.wordAt(off)
		r.setSelection(r.unitS, r.unitE)
	case r.clicks == 3:
		r.unit = unitParagraph
		r.unitS, r.unitE = r.paragraphAt(off)
		r.setSelection(r.unitS, r.unitE)
	default:
		r.unit = unitChar
		r.setSelection(off, off)
	}
}

func (r *Reader) lastPos() fyne.Position { return r.pressPos }

// Tapped finishes a click: a click on a highlight selects it, a click on
// plain text clears the selected highlight, a click on the link opens it.
func (r *Reader) Tapped(e *fyne.PointEvent) {
	if !r.pressed {
		// The test driver and some platforms tap without a MouseDown.
		r.Focus()
		s, en := r.Selection()
		r.pressHadSel, r.pressCtrl = s != en, false
		r.press(e.Position, false, true)
	}
	r.pressed = false
	if e.Position.X >= r.Size().Width-scrollZone {
		return
	}
	if r.openLinkAt(e.Position) || r.clicks != 1 || r.pressShift {
		return
	}
	if r.openBodyLink(e.Position) {
		return
	}
	if s, en := r.Selection(); s != en {
		return
	}
	_, under := r.hit(e.Position)
	var found *Highlight
	if under >= 0 {
		for i := range r.highlights {
			h := &r.highlights[i]
			if h.Start <= under && under < h.End && (found == nil || h.End-h.Start < found.End-found.Start) {
				found = h
			}
		}
	}
	switch {
	case found != nil:
		r.selectedHL = found.ID
		r.refreshView()
		if r.OnHighlightTapped != nil {
			r.OnHighlightTapped(found.ID)
		}
	case r.selectedHL != 0:
		r.selectedHL = 0
		r.refreshView()
		if r.OnHighlightTapped != nil {
			r.OnHighlightTapped(0)
		}
	}
}

// linkHit reports whether p is over the drawn URL.
func (r *Reader) linkHit(p fyne.Position) bool {
	li := r.lineAtY(p.Y - r.topInset() + r.offY)
	if li < 0 || li >= r.lay.bodyLine || r.lay.blocks[r.lay.lines[li].block].kind != kindLink {
		return false
	}
	l := &r.lay.lines[li]
	cx, _ := r.column()
	y := p.Y - r.topInset() + r.offY
	return y < l.y+r.metrics().lineHeight(kindLink) && p.X >= cx && p.X <= cx+r.lineWidth(li)
}

func (r *Reader) openLinkAt(p fyne.Position) bool {
	if !r.linkHit(p) {
		return false
	}
	if u, err := url.Parse(r.doc.URL); err == nil {
		r.open(u)
	}
	return true
}

// openURL is swapped by tests: the test app does not record opened links.
var openURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }

// Dragged extends the selection to the pointer, or moves the scrollbar when
// the drag began on it. The start is the MouseDown position when there was
// one, else the event position minus its delta (the test driver's Drag).
func (r *Reader) Dragged(e *fyne.DragEvent) {
	if !r.dragging {
		r.dragging = true
		start := e.Position.Subtract(e.Dragged)
		if r.pressed {
			start = r.pressPos
		}
		r.dragMode = dragText
		if start.X >= r.Size().Width-scrollZone && r.lay.height > r.viewHeight() {
			r.dragMode = dragScrollbar
			ty, th := r.thumbGeometry()
			r.dragGrab = start.Y - ty
			if r.dragGrab < 0 || r.dragGrab > th {
				r.dragGrab = th / 2
			}
		} else if !r.pressed {
			r.press(start, r.shiftDown, false)
		}
	}
	r.dragPos = e.Position
	if r.dragMode == dragScrollbar {
		_, th := r.thumbGeometry()
		travel := r.viewHeight() - th
		if travel > 0 {
			r.setScroll((e.Position.Y - r.topInset() - r.dragGrab) / travel * r.maxScroll())
		}
		return
	}
	r.extendTo(e.Position)
	r.autoScroll()
}

// extendTo moves the selection's moving end to p, by the current unit.
func (r *Reader) extendTo(p fyne.Position) {
	off, _ := r.hit(p)
	switch r.unit {
	case unitWord, unitParagraph:
		s, e := r.wordAt(off)
		if r.unit == unitParagraph {
			s, e = r.paragraphAt(off)
		}
		if off < r.unitS {
			r.setSelection(r.unitE, s)
		} else {
			r.setSelection(r.unitS, max(e, r.unitE))
		}
	default:
		r.setSelection(r.anchor, off)
	}
}

// DragEnd finishes a drag.
func (r *Reader) DragEnd() {
	r.dragging = false
	r.pressed = false
	r.stopAutoScroll()
	r.refreshView()
}

// autoScroll scrolls while a selection drag is above or below the view; a
// ticker keeps it going while the pointer rests there.
func (r *Reader) autoScroll() {
	if !r.autoStep() {
		r.stopAutoScroll()
		return
	}
	if r.autoStop != nil {
		return
	}
	stop := make(chan struct{})
	r.autoStop = stop
	go func() {
		t := time.NewTicker(40 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(func() {
					if r.autoStop == stop && r.dragging && !r.autoStep() {
						r.stopAutoScroll()
					}
				})
			}
		}
	}()
}

// autoStep scrolls one step towards the pointer if it is outside the view.
func (r *Reader) autoStep() bool {
	top, bottom := r.topInset(), r.Size().Height
	var dy float32
	switch y := r.dragPos.Y; {
	case y < top:
		dy = -min(top-y+4, r.viewHeight()/2)
	case y > bottom:
		dy = min(y-bottom+4, r.viewHeight()/2)
	default:
		return false
	}
	r.setScroll(r.offY + dy)
	r.extendTo(r.dragPos)
	return true
}

func (r *Reader) stopAutoScroll() {
	if r.autoStop != nil {
		close(r.autoStop)
		r.autoStop = nil
	}
}

// Scrolled scrolls by the wheel delta.
func (r *Reader) Scrolled(e *fyne.ScrollEvent) {
	r.setScroll(r.offY - e.Scrolled.DY)
}

// setScroll moves the view to content y, clamped, and redraws.
func (r *Reader) setScroll(y float32) {
	y = max(0, min(y, r.maxScroll()))
	if y == r.offY {
		return
	}
	r.offY = y
	r.refreshView()
	r.scrolled()
}

// ScrollOffset returns the vertical scroll position in pixels.
func (r *Reader) ScrollOffset() float32 { return r.offY }

// MouseIn is part of desktop.Hoverable.
func (r *Reader) MouseIn(e *desktop.MouseEvent) { r.hoverPos = e.Position }

// MouseMoved remembers the pointer for the cursor shape and shows the
// address of a link under it.
func (r *Reader) MouseMoved(e *desktop.MouseEvent) {
	r.hoverPos = e.Position
	r.hoverLinkTo(r.linkAt(e.Position))
}

// MouseOut hides a hovered link's address.
func (r *Reader) MouseOut() { r.hoverLinkTo("") }

// Cursor is a pointer over the link and the scrollbar, a text cursor elsewhere.
func (r *Reader) Cursor() desktop.Cursor {
	if r.hoverPos.X >= r.Size().Width-scrollZone {
		return desktop.DefaultCursor
	}
	if r.linkHit(r.hoverPos) || r.hoverLink != "" {
		return desktop.PointerCursor
	}
	return desktop.TextCursor
}

// setSelection sets anchor and caret, reporting a change and redrawing.
func (r *Reader) setSelection(anchor, caret int) {
	anchor, caret = r.clampOff(anchor), r.clampOff(caret)
	os, oe := r.Selection()
	r.anchor, r.caret = anchor, caret
	ns, ne := r.Selection()
	r.refreshView()
	if (os != ns || oe != ne) && r.OnSelectionChanged != nil {
		r.OnSelectionChanged(ns, ne)
	}
}

// highlightSelection reports OnHighlight for a non-empty selection and
// clears it.
func (r *Reader) highlightSelection(color int) bool {
	s, e := r.Selection()
	if s == e {
		return false
	}
	r.setSelection(e, e)
	if r.OnHighlight != nil {
		r.OnHighlight(s, e, color)
	}
	return true
}

// highlightFromBar takes the focus before it reports the highlight, so the
// handler can move it on (to the new highlight's comment), as after a key.
func (r *Reader) highlightFromBar(i int) {
	r.Focus()
	r.highlightSelection(i)
}
