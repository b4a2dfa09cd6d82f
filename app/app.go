// Package app is Scholia's window: the finder sidebar, the reading pane and
// the notes panel, with menus, shortcuts and preferences. It is the only
// package that knows Fyne's widgets and the library at once.
package app

import (
	"context"

	"fyne.io/fyne/v2"

	"scholia/storage"
)

// ID is the application ID (also in FyneApp.toml): it names the
// preferences file.
const ID = "org.scholia.Scholia"

// Run opens the main window on the library and blocks until it is closed.
// The caller creates the Fyne app (main uses the desktop driver, tests the
// test driver) and closes the store afterwards.
func Run(a fyne.App, store *storage.Store) {
	w := a.NewWindow("Scholia")
	ws := newWorkspace(context.Background(), a, w, store)
	ws.buildUI()
	w.SetMaster()
	w.ShowAndRun()
	ws.flush()
}
