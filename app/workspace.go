package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"scholia/storage"
)

// workspace holds what the panes share: the library, the open article and
// the window. Panes talk to each other through it, never through globals.
type workspace struct {
	ctx   context.Context
	app   fyne.App
	win   fyne.Window
	store *storage.Store

	colors  []storage.Color
	current *storage.Article // nil when no article is open

	sidebar *sidebar
	reading *readingPane
	notes   *notesPanel

	leftSplit, rightSplit *container.Split
}

func newWorkspace(ctx context.Context, a fyne.App, w fyne.Window, store *storage.Store) *workspace {
	ws := &workspace{ctx: ctx, app: a, win: w, store: store}
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
// like the window size, are remembered.
func (ws *workspace) buildUI() {
	p := ws.app.Preferences()
	// Size the window before SetContent: wrapping at a tiny width first is slow.
	ws.win.Resize(fyne.NewSize(
		float32(p.FloatWithFallback(prefWindowWidth, 1200)),
		float32(p.FloatWithFallback(prefWindowHeight, 780))))
	ws.rightSplit = container.NewHSplit(ws.reading.buildUI(), ws.notes.buildUI())
	ws.rightSplit.Offset = p.FloatWithFallback(prefSplitRight, 0.72)
	ws.leftSplit = container.NewHSplit(ws.sidebar.buildUI(), ws.rightSplit)
	ws.leftSplit.Offset = p.FloatWithFallback(prefSplitLeft, 0.24)
	ws.win.SetContent(ws.leftSplit)
	ws.win.SetMainMenu(ws.makeMenu())
	ws.registerShortcuts()
	ws.win.SetCloseIntercept(func() {
		ws.flush()
		ws.win.Close()
	})
	ws.sidebar.reload()
	if id := int64(p.IntWithFallback(prefLastArticle, 0)); id != 0 {
		ws.open(id)
	} else if first := ws.sidebar.first(); first != 0 {
		ws.open(first)
	}
}

// flush saves everything pending (typed notes and comments, window layout);
// it runs when the window closes and must be quick.
func (ws *workspace) flush() {
	ws.notes.flush()
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

// open shows an article in the reader and the notes panel.
func (ws *workspace) open(id int64) {
	ws.notes.flush()
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
	ws.notes.show(a, hs)
	ws.sidebar.markOpen(id)
	ws.app.Preferences().SetInt(prefLastArticle, int(id))
	_ = ws.store.MarkOpened(ws.ctx, id)
}

// highlightsChanged refreshes what shows the open article's highlights.
func (ws *workspace) highlightsChanged(articleID int64) {
	if ws.current == nil || ws.current.ID != articleID {
		ws.sidebar.reload()
		return
	}
	hs, err := ws.store.Highlights(ws.ctx, articleID)
	if err != nil {
		ws.showError(err)
		return
	}
	ws.reading.setHighlights(hs)
	ws.notes.setHighlights(hs)
	ws.sidebar.reload()
}

func (ws *workspace) colorByKey(key string) storage.Color {
	for _, c := range ws.colors {
		if c.Key == key {
			return c
		}
	}
	return ws.colors[0]
}

func (ws *workspace) showError(err error) {
	dialog.ShowError(fmt.Errorf("%s", oneLine(err)), ws.win)
}

func oneLine(err error) string {
	s := err.Error()
	const p = "storage: "
	if len(s) > len(p) && s[:len(p)] == p {
		s = s[len(p):]
	}
	return s
}
