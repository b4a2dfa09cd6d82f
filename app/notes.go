package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// autosaveDelay is how long typing must pause before a note or comment is
// written; flush writes at once (on close, on switching articles).
const autosaveDelay = 600 * time.Millisecond

// notesPanel is the right pane: the article's note and its highlights.
type notesPanel struct {
	ws *workspace

	note       *widget.Entry
	highlights *widget.List
	hs         []storage.Highlight

	articleID int64
	saver     *debouncer
}

func newNotesPanel(ws *workspace) *notesPanel {
	return &notesPanel{ws: ws}
}

func (n *notesPanel) buildUI() fyne.CanvasObject {
	n.note = widget.NewMultiLineEntry()
	n.note.SetPlaceHolder("Your note on this article (Markdown)…")
	n.note.Wrapping = fyne.TextWrapWord
	n.note.SetMinRowsVisible(6)
	n.saver = newDebouncer(autosaveDelay)
	n.note.OnChanged = func(text string) {
		id := n.articleID
		if id == 0 {
			return
		}
		n.saver.schedule(func() { n.saveNote(id, text) })
	}
	n.highlights = widget.NewList(
		func() int { return len(n.hs) },
		func() fyne.CanvasObject {
			q := widget.NewLabel("quote")
			q.Wrapping = fyne.TextWrapWord
			return q
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := n.hs[i]
			txt := "“" + h.Quote + "” — " + n.ws.colorByKey(h.Color).Name
			if h.Orphaned {
				txt = "(orphaned) " + txt
			}
			if h.Comment != "" {
				txt += "\n" + h.Comment
			}
			o.(*widget.Label).SetText(txt)
			n.highlights.SetItemHeight(i, o.MinSize().Height)
		},
	)
	n.highlights.OnSelected = func(i widget.ListItemID) {
		if i < len(n.hs) {
			n.ws.reading.view.FlashHighlight(n.hs[i].ID)
		}
	}
	title := widget.NewLabelWithStyle("Note", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hlTitle := widget.NewLabelWithStyle("Highlights", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(container.NewVBox(title, n.note, hlTitle), nil, nil, nil, n.highlights)
}

func (n *notesPanel) saveNote(id int64, text string) {
	if err := n.ws.store.SetNote(n.ws.ctx, id, text); err != nil {
		fyne.Do(func() { n.ws.showError(err) })
	}
}

func (n *notesPanel) show(a storage.Article, hs []storage.Highlight) {
	n.articleID = 0 // SetText below must not schedule a save
	n.note.SetText(a.Note)
	n.articleID = a.ID
	n.setHighlights(hs)
}

func (n *notesPanel) setHighlights(hs []storage.Highlight) {
	n.hs = hs
	n.highlights.UnselectAll()
	n.highlights.Refresh()
}

func (n *notesPanel) focusHighlight(id int64) {
	for i, h := range n.hs {
		if h.ID == id {
			n.highlights.ScrollTo(i)
			return
		}
	}
}

// flush writes a pending note at once.
func (n *notesPanel) flush() {
	if n.saver != nil {
		n.saver.flush()
	}
}

// debouncer runs the last scheduled function once calls pause for delay, or
// at once on flush. Saves happen off the UI goroutine, in order.
type debouncer struct {
	delay   time.Duration
	mu      sync.Mutex
	pending func()
	timer   *time.Timer
	running sync.Mutex
}

func newDebouncer(d time.Duration) *debouncer { return &debouncer{delay: d} }

func (d *debouncer) schedule(fn func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = fn
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.delay, d.flush)
}

// flush runs the pending function, if any, and waits for it.
func (d *debouncer) flush() {
	d.mu.Lock()
	fn := d.pending
	d.pending = nil
	if d.timer != nil {
		d.timer.Stop()
	}
	d.mu.Unlock()
	d.running.Lock()
	defer d.running.Unlock()
	if fn != nil {
		fn()
	}
}
