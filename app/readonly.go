package app

// A library that cannot be written (a read-only mount, file or folder)
// opens read-only: the window still reads, searches and exports, but says
// "read-only" in its title and turns off every way of changing the library
// (highlight keys, comments, the note, tags, editing, deleting, importing)
// rather than letting the user type what could never be saved.

// readOnly reports whether the open library cannot be written.
func (ws *workspace) readOnly() bool { return ws.store.ReadOnly() }

// appTitle is the window title with no article open: "Scholia", marked
// when the library is read-only, and the library file (libraryLabel).
func (ws *workspace) appTitle() string {
	if ws.readOnly() {
		return "Scholia (read-only) — " + libraryLabel(ws.store.Path())
	}
	return "Scholia — " + libraryLabel(ws.store.Path())
}

// titleSuffix ends the window title after an article's title.
func (ws *workspace) titleSuffix() string { return " — " + ws.appTitle() }

// refuseWrite tells the user, once per attempt, that the library cannot be
// changed, and reports whether it did. Every action that writes calls it
// first.
func (ws *workspace) refuseWrite() bool {
	if !ws.readOnly() {
		return false
	}
	ws.showInfo("Read-only library",
		"library is read-only: "+ws.store.Path()+"\nYou can read, search and export it; changes cannot be saved.")
	return true
}

// applyReadOnly turns the editing fields on or off for the open library
// (run after the UI is built and after switching libraries).
func (ws *workspace) applyReadOnly() {
	ro := ws.readOnly()
	// The window title may not be in sight (or there may be no title bar):
	// the fields themselves say why they cannot be typed in.
	if ro {
		ws.notes.note.SetPlaceHolder("Read-only library: notes cannot be saved")
		ws.notes.tags.entry.SetPlaceHolder("Read-only library")
	} else if ws.notes.note.PlaceHolder != notePlaceholder {
		ws.notes.note.SetPlaceHolder(notePlaceholder)
		ws.notes.tags.entry.SetPlaceHolder(tagPlaceholder)
	}
	for _, e := range []interface {
		Enable()
		Disable()
	}{ws.notes.note, ws.notes.tags.entry, ws.notes.editor.comment, ws.notes.editor.tags.entry,
		ws.notes.editor.card.question, ws.notes.editor.card.answer, ws.notes.editor.card.remove} {
		if ro {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if ws.current == nil {
		ws.win.SetTitle(ws.appTitle())
	} else {
		ws.win.SetTitle(ws.current.Title + ws.titleSuffix())
	}
}
