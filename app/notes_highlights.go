package app

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// quoteChars bounds the quote shown in a list row; the reader shows it whole.
const quoteChars = 220

// highlightList is the notes panel's list of the article's highlights.
type highlightList struct {
	ws   *workspace
	list *widget.List
	hs   []storage.Highlight
}

func newHighlightList(ws *workspace) *highlightList { return &highlightList{ws: ws} }

func (l *highlightList) buildUI() fyne.CanvasObject {
	l.list = widget.NewList(
		func() int { return len(l.hs) },
		func() fyne.CanvasObject {
			bar := canvas.NewRectangle(color.Transparent)
			bar.SetMinSize(fyne.NewSize(5, 0))
			bar.CornerRadius = 2
			quote := widget.NewLabel("")
			quote.Wrapping = fyne.TextWrapWord
			quote.TextStyle = fyne.TextStyle{Italic: true}
			comment := widget.NewLabel("")
			comment.Truncation = fyne.TextTruncateEllipsis
			comment.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(nil, comment, bar, nil, quote)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(l.hs) {
				return
			}
			h := l.hs[i]
			box := o.(*fyne.Container)
			quote := box.Objects[0].(*widget.Label)
			comment := box.Objects[1].(*widget.Label)
			bar := box.Objects[2].(*canvas.Rectangle)
			c := l.ws.colorByKey(h.Color)
			bar.FillColor = hexColor(c.Hex)
			bar.Refresh()
			q := "“" + shorten(h.Quote, quoteChars) + "”"
			if h.Orphaned {
				q = "Orphaned (text no longer in the article): " + q
			}
			quote.SetText(q)
			line := cardPage(l.ws.current, h) + c.Name
			if h.Comment != "" {
				line += " — " + firstLine(plainLinks(h.Comment))
			}
			for _, t := range h.Tags {
				line += "  #" + t
			}
			comment.SetText(line)
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(l.hs) {
			return
		}
		h := l.hs[i]
		l.ws.notes.editor.show(&h)
		if !h.Orphaned {
			l.ws.reading.reveal(h.ID)
		}
	}
	return l.list
}

// set shows hs and sizes each row for its quote at the list's width.
func (l *highlightList) set(hs []storage.Highlight) {
	l.hs = hs
	width := l.list.Size().Width
	if width < 100 {
		width = 280
	}
	size := theme.TextSize()
	lineH := fyne.MeasureText("Mg", size, fyne.TextStyle{Italic: true}).Height
	pad := theme.Padding()
	avail := width - 5 - 6*pad
	for i, h := range hs {
		q := "“" + shorten(h.Quote, quoteChars) + "”"
		if h.Orphaned {
			q = "Orphaned (text no longer in the article): " + q
		}
		w := fyne.MeasureText(q, size, fyne.TextStyle{Italic: true}).Width
		lines := float32(math.Ceil(float64(w/avail))) + 0.3 // word wrap wastes some of each line
		lines = float32(math.Ceil(float64(lines)))
		l.list.SetItemHeight(i, lines*lineH+theme.CaptionTextSize()+6*pad)
	}
	l.list.UnselectAll()
	l.list.Refresh()
}

// selectID selects the highlight with that id and returns it (nil if none).
func (l *highlightList) selectID(id int64) *storage.Highlight {
	for i, h := range l.hs {
		if h.ID == id {
			l.list.ScrollTo(i)
			hh := h
			return &hh
		}
	}
	l.list.UnselectAll()
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// shorten cuts s to at most n characters at a word boundary, with "…".
func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	cut := n - 1
	for i := cut; i > n*2/3; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return string(r[:cut]) + "…"
}

// highlightEditor edits the selected highlight: colour, comment (saved as
// you type), tags, delete.
type highlightEditor struct {
	ws      *workspace
	h       *storage.Highlight
	box     *fyne.Container
	colors  *widget.Select
	comment *commentEntry
	tags    *tagEditor
	card    *cardSection  // the highlight's flashcard (cardpanel.go)
	links   *commentLinks // the comment's [[links]], clickable (commentlinks.go)
	saver   *debouncer
	loading bool
	// reattach puts an orphaned highlight on the reader's selection; it
	// shows only for orphans.
	reattach *widget.Button
	// onResize lays the panel out again after the editor was shown,
	// hidden or changed height.
	onResize func()
}

func newHighlightEditor(ws *workspace) *highlightEditor {
	return &highlightEditor{ws: ws, saver: newDebouncer(autosaveDelay)}
}

func (e *highlightEditor) buildUI() fyne.CanvasObject {
	var names []string
	for _, c := range e.ws.colors {
		names = append(names, c.Name)
	}
	e.colors = widget.NewSelect(names, func(name string) {
		if e.loading || e.h == nil {
			return
		}
		for _, c := range e.ws.colors {
			if c.Name == name {
				e.ws.reading.recolor(e.h.ID, c.Key)
			}
		}
	})
	e.comment = newCommentEntry(e.ws)
	e.comment.Wrapping = fyne.TextWrapWord
	e.comment.SetMinRowsVisible(3)
	e.comment.SetPlaceHolder("Comment on this highlight, saved as you type…")
	e.comment.OnChanged = func(text string) {
		if e.loading || e.h == nil {
			return
		}
		id := e.h.ID
		e.h.Comment = text
		e.comment.typed = true
		if e.links.set(text) {
			e.resized()
		}
		e.saver.schedule(func() { e.save(id, text) })
	}
	e.tags = newTagEditor("Tag this highlight…", e.ws.tagNames)
	e.tags.onAdd = func(name string) { e.changeTags([]string{name}, nil) }
	e.tags.onRemove = func(name string) { e.changeTags(nil, []string{name}) }
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		if e.h != nil {
			e.ws.reading.onDelete(e.h.ID)
		}
	})
	del.Importance = widget.LowImportance
	e.reattach = widget.NewButton("Re-attach to selection", func() {
		if e.h != nil {
			e.ws.reattach(e.h.ID)
		}
	})
	e.reattach.Hide()
	e.card = newCardSection(e.ws)
	e.links = newCommentLinks(e.ws)
	e.links.box.Hide()
	e.box = container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, heading("Selected highlight"), del),
		e.reattach, e.colors, e.comment, e.links.box, e.tags.box, e.card.box)
	e.box.Hide()
	return e.box
}

// setColorNames shows the colour names after one was renamed.
func (e *highlightEditor) setColorNames() {
	var names []string
	for _, c := range e.ws.colors {
		names = append(names, c.Name)
	}
	e.loading = true
	e.colors.Options = names
	if e.h != nil {
		e.colors.SetSelected(e.ws.colorByKey(e.h.Color).Name)
	}
	e.colors.Refresh()
	e.loading = false
}

func (e *highlightEditor) current() int64 {
	if e.h == nil {
		return 0
	}
	return e.h.ID
}

// show edits h, or hides the editor for nil.
func (e *highlightEditor) show(h *storage.Highlight) {
	if e.h != nil && (h == nil || h.ID != e.h.ID) {
		e.flush()
	}
	e.h = h
	e.card.show(h)
	if h == nil {
		if c := e.ws.win.Canvas(); c != nil && c.Focused() == e.comment {
			c.Unfocus()
		}
		e.box.Hide()
		e.resized()
		return
	}
	e.loading = true
	e.comment.typed = false
	e.colors.SetSelected(e.ws.colorByKey(h.Color).Name)
	if e.comment.Text != h.Comment {
		e.comment.SetText(h.Comment)
	}
	e.tags.setTags(h.Tags)
	e.links.set(h.Comment)
	e.loading = false
	if h.Orphaned {
		e.reattach.Show()
	} else {
		e.reattach.Hide()
	}
	e.box.Show()
	e.resized()
}

func (e *highlightEditor) resized() {
	if e.onResize != nil {
		e.onResize()
	}
}

func (e *highlightEditor) focusComment() {
	if c := e.ws.win.Canvas(); c != nil && e.box.Visible() {
		c.Focus(e.comment)
	}
}

func (e *highlightEditor) save(id int64, text string) {
	if err := e.ws.store.SetHighlightComment(e.ws.ctx, id, text); err != nil {
		fyne.Do(func() { e.ws.showError(err) })
		return
	}
	fyne.Do(func() { e.ws.notes.highlights.updateComment(id, text) })
}

func (e *highlightEditor) changeTags(add, remove []string) {
	if e.h == nil || e.ws.refuseWrite() {
		return
	}
	if err := e.ws.store.ChangeHighlightTags(e.ws.ctx, e.h.ID, add, remove); err != nil {
		e.ws.showError(err)
		return
	}
	e.ws.tagListChanged()
	e.ws.highlightsChanged(e.h.ArticleID)
}

func (e *highlightEditor) flush() {
	e.saver.flush()
	e.card.flush()
}

// updateComment shows a saved comment in the list without reloading it.
func (l *highlightList) updateComment(id int64, text string) {
	for i := range l.hs {
		if l.hs[i].ID == id {
			l.hs[i].Comment = text
			l.list.RefreshItem(i)
		}
	}
}

// commentEntry is the comment field. Until something is typed in it, undo
// and redo act on the highlights (pressing 1 then Ctrl+Z undoes the new
// highlight even though its comment field has the focus); after that they
// are the field's own.
type commentEntry struct {
	widget.Entry
	ws    *workspace
	typed bool
}

func newCommentEntry(ws *workspace) *commentEntry {
	e := &commentEntry{ws: ws}
	e.MultiLine = true
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut passes undo and redo to the reader while nothing was typed.
func (e *commentEntry) TypedShortcut(sc fyne.Shortcut) {
	if !e.typed && isUndoRedo(sc) {
		e.ws.reading.view.TypedShortcut(sc)
		return
	}
	e.Entry.TypedShortcut(sc)
}

// TypedKey sends Esc back to the reader.
func (e *commentEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.ws.reading.focus()
		return
	}
	e.Entry.TypedKey(k)
}

func isUndoRedo(sc fyne.Shortcut) bool {
	switch s := sc.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
		return true
	case *desktop.CustomShortcut:
		return s.KeyName == fyne.KeyZ || s.KeyName == fyne.KeyY
	}
	return false
}
