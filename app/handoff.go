package app

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"

	"scholia/app/instance"
	"scholia/app/link"
	"scholia/storage"
)

// Start is what the window does once it is up, and how later launches on
// the same library reach it.
type Start struct {
	Import []string // files and folders to import
	Open   string   // a scholia:// link to open
	// Instance, when set, is this window's claim on the library: later
	// launches hand their links and files to it instead of opening a
	// second window. Run serves it and closes it on the way out.
	Instance *instance.Server
}

// reclaim moves the window's claim to the library it has switched to, so
// later launches on the old library open a window of their own rather
// than hand their files to a window showing another library. When another
// window already holds the new library, this one holds none.
func (ws *workspace) reclaim(path string) {
	if !ws.handoffOn {
		return // off from the start (tests, no socket folder)
	}
	if ws.claim != nil {
		ws.claim.Close()
		ws.claim = nil
	}
	if s, err := instance.Claim(path, os.Getenv); err == nil {
		ws.claim = s
		go s.Serve(ws.handoff)
	}
}

// handoff takes a later launch's request (on the instance server's
// goroutine): the window comes to the front and opens the link or imports
// the files through the same paths as its own menus.
func (ws *workspace) handoff(req instance.Request) error {
	fyne.Do(func() {
		ws.win.Show()
		ws.win.RequestFocus()
		if len(req.Import) > 0 {
			ws.runImport(req.Import)
		}
		if req.Open != "" {
			ws.openLink(req.Open)
		}
	})
	return nil
}

// openLink opens the article a scholia:// link names, scrolled to its
// highlight, which flashes — as when the highlight is picked in the notes
// panel. What does not exist is said in one line.
func (ws *workspace) openLink(raw string) {
	l, err := link.Parse(raw)
	if err != nil {
		ws.showError(err)
		return
	}
	if _, err := ws.store.Article(ws.ctx, l.Article); err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			err = fmt.Errorf("the link points at article %d, which is not in this library", l.Article)
		}
		ws.showError(err)
		return
	}
	if ws.current == nil || ws.current.ID != l.Article {
		ws.open(l.Article)
	}
	if l.Highlight == 0 {
		return
	}
	if !ws.notes.highlights.reveal(l.Highlight) {
		ws.showError(fmt.Errorf("article %d has no highlight %d (it may have been deleted)", l.Article, l.Highlight))
	}
}

// reveal selects the highlight in the list, which shows it in the editor
// and scrolls the reader to it with a flash (the list's OnSelected); false
// if the article has no such highlight.
func (l *highlightList) reveal(id int64) bool {
	for i, h := range l.hs {
		if h.ID == id {
			l.list.UnselectAll()
			l.list.ScrollTo(i)
			l.list.Select(i)
			return true
		}
	}
	return false
}
