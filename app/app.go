// Package app is Scholia's window: the finder sidebar, the reading pane and
// the notes panel, with menus, shortcuts and preferences. It is the only
// package that knows Fyne's widgets and the library at once.
package app

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"fyne.io/fyne/v2"

	"scholia/storage"
)

// ID is the application ID (also in FyneApp.toml): it names the
// preferences file.
const ID = "org.scholia.Scholia"

// Run opens the main window on the library and blocks until the app quits;
// files and folders in importPaths are imported once it is up.
// The caller creates the Fyne app (main uses the desktop driver, tests the
// test driver) and closes the store afterwards. Whatever was typed is saved
// on every way out: closing the window, Quit, or SIGTERM/SIGINT.
func Run(a fyne.App, store *storage.Store, importPaths ...string) {
	RunWith(a, store, Start{Import: importPaths})
}

// RunWith is Run with a link to open and the library's single-window
// claim (see Start).
func RunWith(a fyne.App, store *storage.Store, start Start) {
	importPaths := start.Import
	w := a.NewWindow("Scholia")
	ws := newWorkspace(context.Background(), a, w, store)
	ws.loadBehind = true // the window shows at once; the list loads behind it
	ws.buildUI()
	w.SetMaster()
	ws.pollLibrary() // the starting data version
	stopWatch := ws.watchLibrary()
	defer stopWatch()
	go func() {
		// Loading a large library's list leaves garbage the size of the
		// list: hand it back to the system once the window is up, rather
		// than keep it resident until the scavenger gets round to it.
		time.Sleep(2 * time.Second)
		debug.FreeOSMemory()
	}()
	if len(importPaths) > 0 || start.Open != "" {
		// After the window is shown, so the progress dialog has a parent
		// and the reader has a size to scroll in.
		go func() {
			time.Sleep(300 * time.Millisecond)
			fyne.Do(func() {
				if len(importPaths) > 0 {
					ws.runImport(importPaths)
				}
				if start.Open != "" {
					ws.openLink(start.Open)
				}
			})
		}()
	}
	if start.Instance != nil {
		ws.claim, ws.handoffOn = start.Instance, true
		go ws.claim.Serve(ws.handoff)
		defer func() {
			if ws.claim != nil {
				ws.claim.Close()
			}
		}()
	}

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	go func() {
		<-sigs
		fyne.DoAndWait(ws.quit)
	}()
	a.Lifecycle().SetOnStopped(ws.notes.flush)
	w.ShowAndRun()
	signal.Stop(sigs)
	ws.notes.flush()
	if ws.store != store { // the user opened another library
		ws.store.Close()
	}
}
