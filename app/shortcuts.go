package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcut is one entry of the table that registers every keyboard shortcut
// on the window and its menu item, so menus, the canvas and the help can
// never disagree.
type shortcut struct {
	name string // what it does, as shown in menus and help
	key  fyne.KeyName
	mod  fyne.KeyModifier
	run  func()
}

func (s shortcut) fyne() fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: s.key, Modifier: s.mod}
}

func (ws *workspace) shortcuts() []shortcut {
	def := fyne.KeyModifierShortcutDefault
	return []shortcut{
		{"Find articles", fyne.KeyK, def, func() { ws.sidebar.focus() }},
		{"Quit", fyne.KeyQ, def, func() { ws.flush(); ws.app.Quit() }},
	}
}

func (ws *workspace) registerShortcuts() {
	for _, s := range ws.shortcuts() {
		run := s.run
		ws.win.Canvas().AddShortcut(s.fyne(), func(fyne.Shortcut) { run() })
	}
}

func (ws *workspace) makeMenu() *fyne.MainMenu {
	byName := map[string]shortcut{}
	for _, s := range ws.shortcuts() {
		byName[s.name] = s
	}
	item := func(name string) *fyne.MenuItem {
		s := byName[name]
		it := fyne.NewMenuItem(name, s.run)
		it.Shortcut = s.fyne()
		return it
	}
	quit := item("Quit")
	quit.IsQuit = true
	file := fyne.NewMenu("File", quit)
	edit := fyne.NewMenu("Edit", item("Find articles"))
	return fyne.NewMainMenu(file, edit)
}
