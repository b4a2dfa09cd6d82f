package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"scholia/app/finder"
	"scholia/storage"
)

// libraryPollInterval is how often the window asks whether another process
// (the command line) changed the library: one pragma, ~20 µs.
const libraryPollInterval = time.Second

// watchLibrary polls the library's data version until stop is called, and
// refreshes the window when another process changed the file.
func (ws *workspace) watchLibrary() (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(libraryPollInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fyne.Do(ws.pollLibrary)
			}
		}
	}()
	return func() { close(done) }
}

// pollLibrary refreshes what shows the library if another process changed
// it since the last poll. It runs on the UI goroutine, so the store cannot
// be switched under it.
func (ws *workspace) pollLibrary() {
	v, err := ws.store.DataVersion(ws.ctx)
	if err != nil {
		return // a busy or closing library: ask again next time
	}
	if ws.versionOf != ws.store {
		ws.versionOf, ws.libVersion = ws.store, v // a new library: start counting
		return
	}
	if v == ws.libVersion {
		return
	}
	ws.libVersion = v
	ws.libraryChanged()
}

// libraryChanged refreshes the article list, the tags and the open
// article's highlights, tags and note, keeping the user's place: the list's
// scroll and keyboard cursor, the reader's scroll, the selected highlight.
// What the user typed and has not saved yet is written first, so the
// library's older copy can never replace it.
func (ws *workspace) libraryChanged() {
	ws.notes.flush()
	ws.reloadTags()
	ws.sidebar.reloadKeepingPlace()
	if ws.current != nil {
		ws.refreshOpenArticle()
	}
	if ws.allHL != nil {
		ws.allHL.reload()
	}
}

func (ws *workspace) refreshOpenArticle() {
	id := ws.current.ID
	a, err := ws.store.Article(ws.ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		ws.closeArticle() // deleted from the command line
		return
	}
	if err != nil {
		return
	}
	hs, err := ws.store.Highlights(ws.ctx, id)
	if err != nil {
		return
	}
	if a.Body != ws.current.Body || a.Title != ws.current.Title {
		top := ws.reading.view.TopOffset()
		ws.reading.show(a, hs)
		ws.reading.view.ShowFromOffset(top)
	} else {
		ws.reading.setHighlights(hs)
	}
	ws.current = &a
	n := ws.notes
	n.tags.setTags(a.Tags)
	if a.Note != n.note.Text {
		// Flushed above: nothing typed is pending, so this is newer
		// (the flush kept the other program's words with the typed ones).
		n.setNoteText(a.Note)
	}
	n.setBase(a.ID, a.Note)
	n.setHighlights(hs)
	n.relayout()
}

// reloadKeepingPlace reads the article list again after another process
// changed the library, keeping the query, the scroll position and the row
// the keyboard cursor is on.
func (s *sidebar) reloadKeepingPlace() {
	s.nextLoad()
	all, err := s.ws.store.ListedSummaries(s.ws.ctx, "")
	if err != nil {
		return
	}
	var cursorID int64
	if s.cursor >= 0 && s.cursor < len(s.rows) {
		cursorID = s.all[s.rows[s.cursor].Index].ID
	}
	var offset float32
	if s.list != nil {
		offset = s.list.GetScrollOffset()
	}
	items := make([]finder.Item, len(all))
	for i, sm := range all {
		items[i] = finder.Item{ID: sm.ID, Title: sm.Title, Source: sm.Source, Author: sm.Author, Tags: sm.Tags}
	}
	s.mu.Lock()
	s.all = all
	s.finder = finder.New(items)
	s.mu.Unlock()
	s.reloadChips()
	if s.hitList != nil && s.hitList.Visible() {
		return // full-text hits are searched afresh on the next keystroke
	}
	s.apply(s.finder.Search(s.ws.ctx, s.query(), rowLimit(s.query())))
	if s.list == nil {
		return
	}
	for i, m := range s.rows {
		if cursorID != 0 && s.all[m.Index].ID == cursorID {
			s.moving = true
			s.list.Select(i)
			s.moving = false
			s.cursor = i
		}
	}
	s.list.ScrollToOffset(offset)
}
