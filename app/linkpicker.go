package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// pickerRows is how many titles the [[ picker lists.
const pickerRows = 8

// linkPicker is the list of article titles that typing "[[" in the note or
// a comment opens: typing narrows it with the finder (the sidebar's index
// and ranking), ↑/↓ choose, Enter writes "Title]]" after the "[[", Esc
// closes it and writes what was typed after the "[[", as typed. The link
// is [[Title]], as the notes panel, backlinks and Obsidian read it; a
// rename rewrites the links to the new title (storage.relinkTitle).
type linkPicker struct {
	ws     *workspace
	field  fyne.Focusable    // the field the link goes into (the widget in the window)
	target *widget.Entry     // its Entry
	typeIn func(r rune)      // types into target at its cursor
	popup  *widget.PopUp     //
	query  *pickerEntry      //
	rows   *fyne.Container   // one button per title
	found  []storage.Summary // what rows shows, best first
	sel    int               //
	closed bool              //
}

// pickerEntry is the picker's search field: ↑/↓, Enter and Esc drive the
// list, everything else is typing.
type pickerEntry struct {
	widget.Entry
	p *linkPicker
}

func (e *pickerEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyUp:
		e.p.move(-1)
	case fyne.KeyDown:
		e.p.move(1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.choose(e.p.sel)
	case fyne.KeyEscape:
		e.p.cancel()
	default:
		e.Entry.TypedKey(k)
	}
}

// typedLinkRune is the fields' TypedRune: after the rune goes in, a "[["
// just before the cursor opens the picker.
func (ws *workspace) typedLinkRune(field linkField, e *widget.Entry, typeIn func(rune), r rune) {
	typeIn(r)
	if r != '[' || e.Disabled() {
		return
	}
	at := e.CursorTextOffset()
	text := []rune(e.Text)
	if at >= 2 && at <= len(text) && text[at-2] == '[' && (at < 3 || text[at-3] != '[') {
		ws.openLinkPicker(field, e, typeIn)
	}
}

func (ws *workspace) openLinkPicker(field linkField, e *widget.Entry, typeIn func(rune)) *linkPicker {
	p := &linkPicker{ws: ws, field: field, target: e, typeIn: typeIn}
	p.query = &pickerEntry{p: p}
	p.query.ExtendBaseWidget(p.query)
	p.query.SetPlaceHolder("Link to an article: type to find, ↑↓ Enter, Esc")
	p.query.OnChanged = func(string) { p.search() }
	p.rows = container.NewVBox()
	box := container.NewBorder(p.query, nil, nil, nil, p.rows)
	c := ws.win.Canvas()
	p.popup = widget.NewPopUp(container.NewPadded(box), c)
	p.search()
	size := fyne.NewSize(420, p.popup.MinSize().Height)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(field).Add(e.CursorPosition()).
		Add(fyne.NewPos(0, theme.TextSize()+2*theme.InnerPadding()))
	// Keep it inside the window.
	if cs := c.Size(); cs.Width > 0 {
		pos.X = max(0, min(pos.X, cs.Width-size.Width))
		if pos.Y+size.Height > cs.Height {
			pos.Y = max(0, pos.Y-size.Height-theme.TextSize()-2*theme.InnerPadding())
		}
	}
	p.popup.Resize(size)
	p.popup.ShowAtPosition(pos)
	c.Focus(p.query)
	ws.linkPicker = p
	return p
}

// search lists the best titles for the query, the open article left out.
func (p *linkPicker) search() {
	s := p.ws.sidebar
	s.mu.Lock()
	f, all := s.finder, s.all
	s.mu.Unlock()
	p.found = p.found[:0]
	if f != nil {
		for _, m := range f.Search(p.ws.ctx, p.query.Text, pickerRows+1) {
			if m.Index < len(all) && all[m.Index].ID != p.ws.currentID() && len(p.found) < pickerRows {
				p.found = append(p.found, all[m.Index])
			}
		}
	}
	p.sel = 0
	p.render()
}

func (p *linkPicker) render() {
	p.rows.RemoveAll()
	if len(p.found) == 0 {
		l := widget.NewLabel("No article matches")
		l.Importance = widget.LowImportance
		p.rows.Add(l)
	}
	for i, a := range p.found {
		b := widget.NewButton(shorten(a.Title, 60), func() { p.choose(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if i == p.sel {
			b.Importance = widget.HighImportance
		}
		p.rows.Add(b)
	}
	p.rows.Refresh()
	if p.popup != nil {
		p.popup.Resize(fyne.NewSize(p.popup.Size().Width, p.popup.MinSize().Height))
	}
}

func (p *linkPicker) move(d int) {
	if len(p.found) == 0 {
		return
	}
	p.sel = (p.sel + d + len(p.found)) % len(p.found)
	p.render()
}

// choose writes the link to the i-th title and closes.
func (p *linkPicker) choose(i int) {
	if i < 0 || i >= len(p.found) {
		return
	}
	title := strings.TrimSpace(p.found[i].Title)
	if strings.ContainsAny(title, "[]|\n") {
		p.ws.showError(errors.New("“" + shorten(title, 60) + "” has [, ] or | in its title, which a [[link]] cannot hold: rename it to link to it"))
		return
	}
	p.close(title + "]]")
}

// cancel closes and keeps what was typed in the picker, after the "[[".
func (p *linkPicker) cancel() { p.close(p.query.Text) }

func (p *linkPicker) close(insert string) {
	if p.closed {
		return
	}
	p.closed = true
	p.popup.Hide()
	p.ws.linkPicker = nil
	p.ws.win.Canvas().Focus(p.field)
	for _, r := range insert {
		p.typeIn(r)
	}
}

// currentID is the open article's ID, 0 when none is open.
func (ws *workspace) currentID() int64 {
	if ws.current == nil {
		return 0
	}
	return ws.current.ID
}

// noteEntry is the article note's field: it opens the [[ picker.
type noteEntry struct {
	widget.Entry
	ws *workspace
}

func newNoteEntry(ws *workspace) *noteEntry {
	e := &noteEntry{ws: ws}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune opens the [[ picker after a second "[".
func (e *noteEntry) TypedRune(r rune) { e.ws.typedLinkRune(e, &e.Entry, e.Entry.TypedRune, r) }

// TypedRune opens the [[ picker after a second "[".
func (e *commentEntry) TypedRune(r rune) { e.ws.typedLinkRune(e, &e.Entry, e.Entry.TypedRune, r) }

// linkField is a field the picker serves: the widget as the window holds it.
type linkField interface {
	fyne.CanvasObject
	fyne.Focusable
}
