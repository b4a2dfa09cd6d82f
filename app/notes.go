package app

import (
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// autosaveDelay is how long typing must pause before a note or comment is
// written; flush writes at once (on close, on switching articles).
const autosaveDelay = 500 * time.Millisecond

// notesPanel is the right pane: the article's tags and note, its highlights
// in document order (orphaned ones apart), and an editor for the selected
// highlight's colour, comment and tags.
type notesPanel struct {
	ws *workspace

	tags       *tagEditor
	note       *noteEntry      // opens the [[ picker (linkpicker.go)
	preview    *notePreview    // the note rendered, shown instead of note
	backlinks  *fyne.Container // the notes and comments linking here (backlinksui.go)
	modeBtn    *widget.Button  // Edit / Preview
	previewing bool
	hlHeader   *widget.Label
	highlights *highlightList
	editor     *highlightEditor
	body       *fyne.Container // laid out by notesLayout
	scroll     *container.Scroll

	articleID int64
	noteSaver *debouncer

	// base is the stored note of article baseID that the field's text is
	// typed from: a save that finds the library's note changed since (by
	// the command line) keeps those words too (storage.MergeNotes). The
	// saver's goroutine reads and sets it, hence the lock.
	baseMu sync.Mutex
	baseID int64
	base   string
}

func newNotesPanel(ws *workspace) *notesPanel {
	n := &notesPanel{ws: ws, noteSaver: newDebouncer(autosaveDelay)}
	n.highlights = newHighlightList(ws)
	n.editor = newHighlightEditor(ws)
	return n
}

func (n *notesPanel) buildUI() fyne.CanvasObject {
	n.tags = newTagEditor(tagPlaceholder, n.ws.tagNames)
	n.tags.onAdd = func(name string) { n.changeTags([]string{name}, nil) }
	n.tags.onRemove = func(name string) { n.changeTags(nil, []string{name}) }

	n.note = newNoteEntry(n.ws)
	n.note.SetPlaceHolder(notePlaceholder)
	n.note.SetMinRowsVisible(6)
	n.note.OnChanged = func(text string) {
		id := n.articleID
		if id == 0 {
			return
		}
		n.noteSaver.schedule(func() { n.saveNote(id, text) })
	}
	n.preview = newNotePreview(n.note.MinSize().Height, func() {
		n.setNotePreview(false)
		n.ws.win.Canvas().Focus(n.note)
	}, n.ws.openByTitle)
	n.modeBtn = widget.NewButton("Preview", n.toggleNotePreview)
	n.modeBtn.Importance = widget.LowImportance
	n.hlHeader = heading("Highlights")
	noteHead := container.NewBorder(nil, nil, heading("Note"), n.modeBtn)
	n.backlinks = newBacklinksBox()
	top := container.NewVBox(heading("Tags"), n.tags.box, noteHead,
		container.NewStack(n.note, n.preview), n.backlinks, n.hlHeader)
	editor := n.editor.buildUI()
	n.editor.onResize = n.relayout
	n.body = container.New(notesLayout{}, top, n.highlights.buildUI(), editor)
	n.scroll = container.NewVScroll(n.body)
	n.previewing = n.ws.app.Preferences().BoolWithFallback(prefNotePreview, true)
	n.applyNoteMode()
	return n.scroll
}

// The fields' hints (a read-only library shows others).
const (
	tagPlaceholder  = "Add a tag…"
	notePlaceholder = "Your note on this article (Markdown), saved as you type…"
)

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (n *notesPanel) saveNote(id int64, text string) {
	n.baseMu.Lock()
	base, known := n.base, n.baseID == id
	n.baseMu.Unlock()
	if !known {
		if err := n.ws.store.SetNote(n.ws.ctx, id, text); err != nil {
			fyne.Do(func() { n.ws.showError(err) })
		}
		return
	}
	saved, err := n.ws.store.SetNoteFrom(n.ws.ctx, id, base, text)
	if err != nil {
		fyne.Do(func() { n.ws.showError(err) })
		return
	}
	n.setBase(id, saved)
	if saved != text {
		// Words written elsewhere were kept: show them.
		fyne.Do(func() {
			if n.articleID == id && n.note.Text == text {
				n.setNoteText(saved)
			}
		})
	}
}

// setBase records the stored note the field now starts from.
func (n *notesPanel) setBase(id int64, note string) {
	n.baseMu.Lock()
	n.baseID, n.base = id, note
	n.baseMu.Unlock()
}

// setNoteText shows a note from the library in the field (and preview)
// without scheduling a save of it.
func (n *notesPanel) setNoteText(note string) {
	id := n.articleID
	n.articleID = 0 // SetText must not schedule a save
	n.note.SetText(note)
	n.articleID = id
	if n.previewing {
		n.preview.set(note)
	}
}

func (n *notesPanel) changeTags(add, remove []string) {
	id := n.articleID
	if id == 0 || n.ws.refuseWrite() {
		return
	}
	if err := n.ws.store.ChangeArticleTags(n.ws.ctx, id, add, remove); err != nil {
		n.ws.showError(err)
		return
	}
	a, err := n.ws.store.Article(n.ws.ctx, id)
	if err != nil {
		n.ws.showError(err)
		return
	}
	n.tags.setTags(a.Tags)
	n.relayout() // the chips may take another row
	n.ws.tagListChanged()
	n.ws.sidebar.refreshOne(id)
}

// show loads an article into the panel, saving what was typed for the
// previous one first.
func (n *notesPanel) show(a storage.Article, hs []storage.Highlight) {
	n.flush()
	n.articleID = 0 // SetText below must not schedule a save
	n.note.SetText(a.Note)
	n.articleID = a.ID
	n.setBase(a.ID, a.Note)
	if n.previewing {
		n.preview.set(a.Note)
	}
	n.tags.setTags(a.Tags)
	n.editor.show(nil)
	n.setHighlights(hs)
	n.loadBacklinks(a.ID)
	n.relayout()
}

// clear empties the panel when no article is open.
func (n *notesPanel) clear() {
	n.flush()
	n.articleID = 0
	n.note.SetText("")
	n.preview.set("")
	n.backlinks.RemoveAll()
	n.tags.setTags(nil)
	n.editor.show(nil)
	n.setHighlights(nil)
	n.relayout()
}

func (n *notesPanel) setHighlights(hs []storage.Highlight) {
	n.highlights.set(hs)
	orphans := 0
	for _, h := range hs {
		if h.Orphaned {
			orphans++
		}
	}
	text := fmt.Sprintf("Highlights (%d)", len(hs)-orphans)
	if orphans > 0 {
		text += fmt.Sprintf(" · %d orphaned", orphans)
	}
	n.hlHeader.SetText(text)
	if sel := n.editor.current(); sel != 0 {
		for _, h := range hs {
			if h.ID == sel {
				hh := h
				n.editor.show(&hh)
				return
			}
		}
		n.editor.show(nil)
	}
}

// focusHighlight selects a highlight in the list and puts the cursor in its
// comment (after a click on it in the reader); 0 deselects.
func (n *notesPanel) focusHighlight(id int64) {
	h := n.highlights.selectID(id)
	n.editor.show(h)
	if h != nil {
		n.scroll.ScrollToBottom() // a short window scrolls the panel: show the editor
		n.editor.focusComment()
	}
}

// flush writes a pending note and comment at once.
func (n *notesPanel) flush() {
	n.noteSaver.flush()
	n.editor.flush()
}

// debouncer runs the last scheduled function once calls pause for delay, or
// at once on flush. Each run finishes before the next starts.
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
	d.running.Lock()
	defer d.running.Unlock()
	d.mu.Lock()
	fn := d.pending
	d.pending = nil
	if d.timer != nil {
		d.timer.Stop()
	}
	d.mu.Unlock()
	if fn != nil {
		fn()
	}
}
