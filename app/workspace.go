package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"scholia/app/instance"
	"scholia/storage"
)

// workspace holds what the panes share: the library, the open article, the
// tags and the window. Panes talk to each other through it, never through
// globals.
type workspace struct {
	ctx   context.Context
	app   fyne.App
	win   fyne.Window
	store *storage.Store
	first *storage.Store // the library Run was given; its caller closes it
	// loadBehind loads the article list after the window shows (RunWith).
	loadBehind bool

	colors  []storage.Color
	tags    []storage.TagCount
	current *storage.Article // nil when no article is open

	sidebar *sidebar
	reading *readingPane
	notes   *notesPanel

	sidebarUI, readingUI, notesUI fyne.CanvasObject
	leftSplit, rightSplit         *container.Split
	hideSidebar, hideNotes        bool
	trash                         []storage.Bundle             // deleted articles, for undo
	allHL                         *allHighlights               // the All highlights window, when open
	reviewWin                     *reviewSession               // the Review window, when open
	linkPicker                    *linkPicker                  // the [[ picker, when open (linkpicker.go)
	dialogs                       map[fyne.Window]*dialogStack // open dialogs per window, for Esc and Enter (dialogs.go)
	claim                         *instance.Server             // this window's claim on its library (handoff.go), or nil
	handoffOn                     bool                         // Run was given a claim: keep one on switching library
	jobs                          sync.WaitGroup               // imports and exports running in the background
	// background runs slow work (searches, imports, exports) off the UI
	// goroutine; its results come back with fyne.Do. Tests run it in line:
	// Fyne's test driver executes fyne.Do on the calling goroutine.
	background func(func())
	// libVersion is the data version of versionOf when last polled, to
	// notice changes the command line makes (librarywatch.go).
	libVersion int64
	versionOf  *storage.Store
}

func newWorkspace(ctx context.Context, a fyne.App, w fyne.Window, store *storage.Store) *workspace {
	ws := &workspace{ctx: ctx, app: a, win: w, store: store, first: store,
		background: func(f func()) { go f() }}
	colors, err := store.Colors(ctx)
	if err != nil || len(colors) == 0 {
		colors = storage.DefaultColors
	}
	ws.colors = colors
	ws.sidebar = newSidebar(ws)
	ws.reading = newReadingPane(ws)
	ws.notes = newNotesPanel(ws)
	return ws
}

// buildUI lays the three panes out in two draggable splits whose positions,
// like the window size, are remembered; on a new library it first adds the
// Getting-started article.
func (ws *workspace) buildUI() {
	p := ws.app.Preferences()
	ws.applyTheme(p.StringWithFallback(prefTheme, themeSystem))
	// Size the window before SetContent: wrapping at a tiny width first is slow.
	ws.win.Resize(fyne.NewSize(
		float32(p.FloatWithFallback(prefWindowWidth, 1200)),
		float32(p.FloatWithFallback(prefWindowHeight, 780))))
	ws.sidebarUI = ws.sidebar.buildUI()
	ws.readingUI = ws.reading.buildUI()
	ws.notesUI = ws.notes.buildUI()
	ws.rightSplit = container.NewHSplit(ws.readingUI, ws.notesUI)
	ws.rightSplit.Offset = p.FloatWithFallback(prefSplitRight, 0.70)
	ws.leftSplit = container.NewHSplit(ws.sidebarUI, ws.rightSplit)
	ws.leftSplit.Offset = p.FloatWithFallback(prefSplitLeft, 0.25)
	ws.hideSidebar = p.BoolWithFallback(prefHideSidebar, false)
	ws.hideNotes = p.BoolWithFallback(prefHideNotes, false)
	ws.relayout()
	ws.applyReadOnly()
	ws.win.SetMainMenu(ws.makeMenu())
	ws.registerShortcuts()
	ws.win.SetCloseIntercept(ws.quit)
	ws.win.SetOnDropped(ws.onDropped)

	welcomed, err := welcome(ws.ctx, ws.store)
	if err != nil {
		ws.showError(err)
	}
	ws.reloadTags()
	last := int64(p.IntWithFallback(prefLastArticle, 0))
	switch {
	case welcomed != 0:
		ws.open(welcomed)
	case last != 0 && ws.exists(last):
		ws.open(last)
	}
	openFirst := func() {
		if welcomed == 0 && (last == 0 || ws.current == nil) {
			if first := ws.sidebar.first(); first != 0 {
				ws.open(first)
			}
		}
	}
	if ws.loadBehind {
		ws.sidebar.loadAsync(openFirst)
		return
	}
	ws.sidebar.reload()
	openFirst()
}

// relayout rebuilds the window content for the panes shown; the splits
// keep their positions.
func (ws *workspace) relayout() {
	var content fyne.CanvasObject
	switch {
	case ws.hideSidebar && ws.hideNotes:
		content = ws.readingUI
	case ws.hideSidebar:
		ws.rightSplit.Leading, ws.rightSplit.Trailing = ws.readingUI, ws.notesUI
		content = ws.rightSplit
	case ws.hideNotes:
		ws.leftSplit.Leading, ws.leftSplit.Trailing = ws.sidebarUI, ws.readingUI
		content = ws.leftSplit
	default:
		ws.rightSplit.Leading, ws.rightSplit.Trailing = ws.readingUI, ws.notesUI
		ws.leftSplit.Leading, ws.leftSplit.Trailing = ws.sidebarUI, ws.rightSplit
		content = ws.leftSplit
	}
	ws.leftSplit.Refresh()
	ws.rightSplit.Refresh()
	ws.win.SetContent(content)
}

func (ws *workspace) togglePane(hidden *bool) {
	*hidden = !*hidden
	p := ws.app.Preferences()
	p.SetBool(prefHideSidebar, ws.hideSidebar)
	p.SetBool(prefHideNotes, ws.hideNotes)
	ws.relayout()
}

// switchLibrary closes the open library and opens another in its place,
// remembering it for the next start.
func (ws *workspace) switchLibrary(path string) error {
	next, err := storage.Open(ws.ctx, path)
	if err != nil {
		return err
	}
	ws.flush()
	if ws.allHL != nil {
		ws.allHL.win.Close()
	}
	old := ws.store
	ws.store = next
	if old != ws.first {
		old.Close()
	}
	if err := saveLibraryChoice(next.Path()); err != nil {
		ws.showError(err)
	}
	ws.reclaim(next.Path())
	// IDs belong to a library: undo histories and the trash cannot follow.
	ws.reading.undo = map[int64]*history{}
	ws.trash = nil
	if cs, err := next.Colors(ws.ctx); err == nil && len(cs) > 0 {
		ws.colors = cs
	}
	ws.notes.editor.setColorNames()
	ws.reading.view.SetColors(ws.paletteColors())
	ws.reading.view.SetImageSource(libraryImages{ctx: ws.ctx, store: next})
	ws.closeArticle()
	ws.applyReadOnly()
	ws.app.Preferences().SetInt(prefLastArticle, 0)
	welcomed, err := welcome(ws.ctx, next)
	if err != nil {
		ws.showError(err)
	}
	ws.tagsChanged()
	if welcomed != 0 {
		ws.open(welcomed)
	} else if first := ws.sidebar.first(); first != 0 {
		ws.open(first)
	}
	return nil
}

// flush saves everything pending (typed notes and comments, window layout);
// it runs when the window closes and must be quick.
func (ws *workspace) flush() {
	ws.notes.flush()
	ws.reading.savePosition()
	p := ws.app.Preferences()
	if ws.leftSplit != nil {
		p.SetFloat(prefSplitLeft, ws.leftSplit.Offset)
		p.SetFloat(prefSplitRight, ws.rightSplit.Offset)
	}
	if c := ws.win.Canvas(); c != nil && c.Size().Width > 0 {
		p.SetFloat(prefWindowWidth, float64(c.Size().Width))
		p.SetFloat(prefWindowHeight, float64(c.Size().Height))
	}
}

// quit saves what is pending and ends the app.
func (ws *workspace) quit() {
	ws.flush()
	ws.app.Quit()
}

func (ws *workspace) exists(id int64) bool {
	_, err := ws.store.Article(ws.ctx, id)
	return err == nil
}

// open shows an article in the reader and the notes panel.
func (ws *workspace) open(id int64) {
	ws.notes.flush()
	ws.reading.savePosition()
	a, err := ws.store.Article(ws.ctx, id)
	if err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			ws.app.Preferences().SetInt(prefLastArticle, 0)
			return
		}
		ws.showError(err)
		return
	}
	hs, err := ws.store.Highlights(ws.ctx, id)
	if err != nil {
		ws.showError(err)
		return
	}
	ws.current = &a
	ws.reading.show(a, hs)
	ws.reading.restorePosition()
	ws.notes.show(a, hs)
	ws.win.SetTitle(a.Title + ws.titleSuffix())
	ws.app.Preferences().SetInt(prefLastArticle, int(id))
	if err := ws.store.MarkOpened(ws.ctx, id); err != nil {
		ws.showError(err)
	}
}

// closeArticle empties the reader and notes (after the open one is deleted).
func (ws *workspace) closeArticle() {
	ws.notes.clear()
	ws.current = nil
	ws.reading.clear()
	ws.win.SetTitle(ws.appTitle())
}

// highlightsChanged refreshes what shows an article's highlights.
func (ws *workspace) highlightsChanged(articleID int64) {
	if ws.current != nil && ws.current.ID == articleID {
		hs, err := ws.store.Highlights(ws.ctx, articleID)
		if err != nil {
			ws.showError(err)
			return
		}
		ws.reading.setHighlights(hs)
		ws.notes.setHighlights(hs)
	}
	ws.sidebar.refreshOne(articleID)
}

// reloadTags reads the library's tags (for chips and completion).
func (ws *workspace) reloadTags() {
	tags, err := ws.store.Tags(ws.ctx)
	if err != nil {
		ws.showError(err)
		return
	}
	ws.tags = tags
}

// tagsChanged refreshes everything that shows tags, reloading the article
// list (after imports, deletes, tag renames).
func (ws *workspace) tagsChanged() {
	ws.reloadTags()
	ws.sidebar.reload()
}

// tagListChanged refreshes the tag chips and completion after one article's
// or highlight's tags changed; the article list is updated row by row.
func (ws *workspace) tagListChanged() {
	ws.reloadTags()
	ws.sidebar.reloadChips()
}

// tagNames lists every tag in the library, for completion.
func (ws *workspace) tagNames() []string {
	out := make([]string, len(ws.tags))
	for i, t := range ws.tags {
		out[i] = t.Name
	}
	return out
}

func (ws *workspace) colorByKey(key string) storage.Color {
	for _, c := range ws.colors {
		if c.Key == key {
			return c
		}
	}
	return ws.colors[0]
}

// deleteArticle asks, then deletes the open article with its highlights;
// the confirmation that follows offers Undo.
func (ws *workspace) deleteArticle() {
	a := ws.current
	if a == nil || ws.refuseWrite() {
		return
	}
	hs, err := ws.store.Highlights(ws.ctx, a.ID)
	if err != nil {
		ws.showError(err)
		return
	}
	msg := fmt.Sprintf("Delete “%s”", shorten(a.Title, 80))
	if n := len(hs); n > 0 {
		msg += fmt.Sprintf(" and its %s", plural(n, "highlight"))
	}
	d := dialog.NewConfirm("Delete article", msg+"?", func(ok bool) {
		if !ok {
			return
		}
		ws.notes.flush()
		full, err := ws.store.Article(ws.ctx, a.ID)
		if err != nil {
			ws.showError(err)
			return
		}
		hs, _ = ws.store.Highlights(ws.ctx, a.ID)
		if err := ws.store.DeleteArticle(ws.ctx, a.ID); err != nil {
			ws.showError(err)
			return
		}
		ws.trash = append(ws.trash, storage.Bundle{Article: full, Highlights: hs})
		ws.closeArticle()
		ws.tagsChanged()
		ws.offerUndoDelete(full.Title)
	}, ws.win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	ws.showDialog(d)
}

// offerUndoDelete tells the user the article is gone, with an Undo button.
func (ws *workspace) offerUndoDelete(title string) {
	var d dialog.Dialog
	d = dialog.NewCustomConfirm("Article deleted", "Undo", "OK",
		wrapLabel(fmt.Sprintf("“%s” was deleted.", shorten(title, 80))),
		func(undo bool) {
			if undo {
				ws.undoDelete()
			}
			_ = d
		}, ws.win)
	ws.showDialogKeys(ws.win, d, nil, d.Dismiss) // Enter is OK, not Undo
}

// undoDelete restores the most recently deleted article, with its IDs.
func (ws *workspace) undoDelete() {
	if len(ws.trash) == 0 {
		return
	}
	b := ws.trash[len(ws.trash)-1]
	if err := ws.store.RestoreBundle(ws.ctx, b); err != nil {
		ws.showError(err)
		return
	}
	ws.trash = ws.trash[:len(ws.trash)-1]
	ws.tagsChanged()
	ws.open(b.Article.ID)
}

func (ws *workspace) showError(err error) {
	ws.showErrorIn(ws.win, errors.New(oneLine(err)))
}

func oneLine(err error) string {
	if ro := (*storage.ReadOnlyError)(nil); errors.As(err, &ro) {
		return ro.Error() // whatever was being written
	}
	return strings.TrimPrefix(err.Error(), "storage: ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
