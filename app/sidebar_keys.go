package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// visible is the list on screen and its length.
func (s *sidebar) visible() (*widget.List, int) {
	if s.hitList != nil && s.hitList.Visible() {
		return s.hitList, len(s.hits)
	}
	return s.list, len(s.rows)
}

// move puts the keyboard cursor on another row without opening it.
func (s *sidebar) move(delta int) {
	l, n := s.visible()
	if n == 0 {
		return
	}
	c := min(max(s.cursor+delta, 0), n-1)
	s.moving = true
	l.Select(c)
	s.moving = false
	s.cursor = c
}

// openCursor opens the row under the keyboard cursor, or the best match.
func (s *sidebar) openCursor() {
	l, n := s.visible()
	if n == 0 {
		return
	}
	c := max(s.cursor, 0)
	if l == s.hitList {
		s.openHit(s.hits[c])
	} else {
		s.ws.open(s.all[s.rows[c].Index].ID)
	}
	s.ws.reading.focus()
}

func (s *sidebar) first() int64 {
	if len(s.rows) == 0 {
		return 0
	}
	return s.all[s.rows[0].Index].ID
}

func (s *sidebar) focus() { s.ws.win.Canvas().Focus(s.search) }

// searchEntry is the sidebar's field: arrows move through the results,
// Enter opens one, Esc clears the query.
type searchEntry struct {
	widget.Entry
	s *sidebar
}

func newSearchEntry(s *sidebar) *searchEntry {
	e := &searchEntry{s: s}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the list keys and leaves the rest to the entry.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.s.move(1)
	case fyne.KeyUp:
		e.s.move(-1)
	case fyne.KeyPageDown:
		e.s.move(10)
	case fyne.KeyPageUp:
		e.s.move(-10)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.s.openCursor()
	case fyne.KeyEscape:
		e.SetText("")
	default:
		e.Entry.TypedKey(k)
	}
}
