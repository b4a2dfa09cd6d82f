package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcut is one row of the table that registers every keyboard shortcut:
// on its menu item (shown there), on the canvas, and in Help → Keyboard
// shortcuts, so they can never disagree.
type shortcut struct {
	menu string        // the menu it appears in; "" for keys handled by a pane
	name string        // what it does, as the menu item and the help say it
	sc   fyne.Shortcut // nil for keys described only (e.g. 1–5 in the reader)
	keys string        // how to press it, when sc is nil
	run  func()
}

const (
	menuFile    = "File"
	menuEdit    = "Edit"
	menuView    = "View"
	menuArticle = "Article"
	menuLibrary = "Library"
	menuHelp    = "Help"
)

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// shortcuts is the table. Actions that a focused field also understands
// (undo, copy, font size) go to the focused widget first, so typing in a
// note keeps its own undo and copy.
func (ws *workspace) shortcuts() []shortcut {
	return []shortcut{
		{menuFile, "Import files…", ctrl(fyne.KeyO), "", ws.importFiles},
		{menuFile, "Import folder…", ctrlShift(fyne.KeyO), "", ws.importFolder},
		{menuFile, "Import highlights from…", ctrlShift(fyne.KeyI), "", ws.importHighlights},
		{menuFile, "New article from clipboard", ctrlShift(fyne.KeyV), "", ws.newFromClipboard},
		{menuFile, "Import from URL…", ctrl(fyne.KeyL), "", ws.importFromURL},
		{menuFile, "Export…", ctrl(fyne.KeyE), "", ws.exportDialog},
		{menuFile, "Quit", ctrl(fyne.KeyQ), "", ws.quit},

		{menuEdit, "Undo", &fyne.ShortcutUndo{}, "", func() { ws.route(&fyne.ShortcutUndo{}) }},
		{menuEdit, "Redo", ctrlShift(fyne.KeyZ), "", func() { ws.route(ctrlShift(fyne.KeyZ)) }},
		{menuEdit, "Copy", &fyne.ShortcutCopy{}, "", func() { ws.route(&fyne.ShortcutCopy{Clipboard: ws.app.Clipboard()}) }},
		{menuEdit, "Find in article", ctrl(fyne.KeyF), "", func() { ws.reading.view.ShowFind() }},
		{menuEdit, "Find articles", ctrl(fyne.KeyK), "", func() { ws.sidebar.focus() }},
		{menuEdit, "Edit article text…", ctrlShift(fyne.KeyE), "", ws.editArticle},
		{menuEdit, "Delete article…", ctrlShift(fyne.KeyBackspace), "", ws.deleteArticle},
		{menuEdit, "Preferences…", ctrl(fyne.KeyComma), "", ws.showPreferences},

		{menuView, "Larger text", ctrl(fyne.KeyEqual), "", func() { ws.reading.zoom(+1) }},
		{menuView, "Smaller text", ctrl(fyne.KeyMinus), "", func() { ws.reading.zoom(-1) }},
		{menuView, "Actual size", ctrl(fyne.Key0), "", func() { ws.reading.zoom(0) }},
		{menuView, "Show or hide the sidebar", ctrlShift(fyne.KeyL), "", func() { ws.togglePane(&ws.hideSidebar) }},
		{menuView, "Show or hide the notes panel", ctrlShift(fyne.KeyN), "", func() { ws.togglePane(&ws.hideNotes) }},
		{menuView, "Preview or edit the article note", notePreviewKey, "", func() { ws.notes.toggleNotePreview() }},

		{menuArticle, "Clean up…", ctrlShift(fyne.KeyC), "", func() { ws.cleanUp() }},
		{menuArticle, "Refresh from source", ctrlShift(fyne.KeyR), "", ws.refreshFromSource},

		{menuLibrary, "All highlights", ctrlShift(fyne.KeyH), "", ws.showAllHighlights},
		{menuLibrary, "Manage tags…", ctrlShift(fyne.KeyT), "", ws.manageTags},
		{menuLibrary, "Review", ctrl(fyne.KeyR), "", ws.showReview},

		{menuHelp, "Getting started", nil, "", ws.openWelcome},
		{menuHelp, "Keyboard shortcuts", ctrl(fyne.KeySlash), "", ws.showShortcuts},
		{menuHelp, "About Scholia", nil, "", ws.showAbout},

		{"", "Highlight the selection in colour 1–5", nil, "1 … 5", nil},
		{"", "Highlight the selection in the default colour (Preferences)", ctrl(fyne.KeyH), "", nil},
		{"", "Delete the selected highlight", nil, "Delete", nil},
		{"", "Hide the selected words of a highlight (a cloze card: c1, c2, …)", nil, "C", nil},
		{"", "Link to an article: a picker of titles (↑ ↓ Enter; Esc keeps what you typed)", nil, "[[ (in the note or a comment)", nil},
		{"", "Remove a paragraph", nil, "right-click it", nil},
		{"", "Extend the selection (from the top of the view when nothing is selected)", nil, "Shift+arrows, Shift+click", nil},
		{"", "Select the found phrase, to highlight it with 1–5", nil, "Esc (in the find bar)", nil},
		{"", "Caret browsing: arrows move a caret, Shift+arrows select, 1–5 highlight", nil, "F7", nil},
		{"", "Select a word, a paragraph", nil, "double-click, triple-click", nil},
		{"", "Scroll the article", nil, "arrows, Page Up/Down, Home/End", nil},
		{"", "Move through the found articles, open one", nil, "↑ ↓, Enter (in the sidebar)", nil},
		{"", "Clear the search", nil, "Esc (in the sidebar)", nil},
		{"", "Review: answer again / hard / good / easy", nil, "1 … 4 (in Review)", nil},
		{"", "Review: show hidden words, open, edit comment, skip, retire, make a card", nil, "Space, O, E, S, R, C (in Review)", nil},
	}
}

// keysOf says how to press a shortcut, e.g. "Ctrl+Shift+Z" (Cmd on macOS).
func keysOf(s shortcut) string {
	if s.sc == nil {
		return s.keys
	}
	ks, ok := s.sc.(fyne.KeyboardShortcut)
	if !ok {
		return s.sc.ShortcutName()
	}
	var parts []string
	mod := ks.Mod()
	if mod&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if mod&fyne.KeyModifierSuper != 0 {
		parts = append(parts, "Cmd")
	}
	if mod&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	key := string(ks.Key())
	switch ks.Key() {
	case fyne.KeyEqual:
		key = "="
	case fyne.KeyMinus:
		key = "-"
	case fyne.KeySlash:
		key = "/"
	case fyne.KeyComma:
		key = ","
	case fyne.KeyBackspace:
		key = "Backspace"
	}
	return strings.Join(append(parts, key), "+")
}

// route sends a shortcut to the focused widget if it takes shortcuts (an
// entry keeps its own undo and copy), else to the reader.
func (ws *workspace) route(sc fyne.Shortcut) {
	if f, ok := ws.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	ws.reading.view.TypedShortcut(sc)
}

func (ws *workspace) registerShortcuts() {
	for _, s := range ws.shortcuts() {
		if s.sc == nil || s.run == nil {
			continue
		}
		run := s.run
		ws.win.Canvas().AddShortcut(s.sc, func(fyne.Shortcut) { run() })
	}
}

func (ws *workspace) makeMenu() *fyne.MainMenu {
	menus := map[string]*fyne.Menu{}
	order := []string{menuFile, menuEdit, menuView, menuArticle, menuLibrary, menuHelp}
	for _, name := range order {
		menus[name] = fyne.NewMenu(name)
	}
	for _, s := range ws.shortcuts() {
		m := menus[s.menu]
		if m == nil || s.run == nil {
			continue
		}
		it := fyne.NewMenuItem(s.name, s.run)
		it.Shortcut = s.sc
		if s.name == "Quit" {
			it.IsQuit = true
			m.Items = append(m.Items, fyne.NewMenuItemSeparator())
		}
		m.Items = append(m.Items, it)
	}
	menus[menuView].Items = append(menus[menuView].Items, fyne.NewMenuItemSeparator(), ws.themeMenu())
	var out []*fyne.Menu
	for _, name := range order {
		if len(menus[name].Items) > 0 {
			out = append(out, menus[name])
		}
	}
	return fyne.NewMainMenu(out...)
}
