package app

import (
	"context"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage"
)

// Quitting right after typing keeps the text. The autosave delays are made
// an hour long here, so only the save that quitting does can have written
// anything: the test does not depend on how fast it runs. (SIGTERM is
// tested on the real binary in e2e_test.go; closing the window shares
// ws.quit through SetCloseIntercept, which the test driver never calls.)
func TestQuitRightAfterTypingSavesNoteAndComment(t *testing.T) {
	cases := map[string]func(t *testing.T, h *harness){
		"Ctrl+Q": func(t *testing.T, h *harness) {
			// The shortcut the window registered on its canvas, run as the
			// desktop driver runs it when the focused field does not take it.
			canvasShortcuts(t, h.win.Canvas()).TypedShortcut(ctrl(fyne.KeyQ))
		},
		"File → Quit": func(t *testing.T, h *harness) {
			for _, m := range h.win.MainMenu().Items {
				for _, it := range m.Items {
					if it.Label == "Quit" && it.Action != nil {
						it.Action()
						return
					}
				}
			}
			t.Fatal("no Quit item in the menus")
		},
	}
	for name, quit := range cases {
		t.Run(name, func(t *testing.T) {
			var ids []int64
			h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "Quitting article", "Another article") })
			h.ws.notes.noteSaver.delay = time.Hour
			h.ws.notes.editor.saver.delay = time.Hour
			h.ws.open(ids[0])
			c := h.win.Canvas()

			// Select "Quitting", press 2: a green highlight whose comment
			// field takes what is typed next, as in the window.
			v := h.ws.reading.view
			v.SetSelection(0, 8)
			c.Focus(v)
			test.Type(v, "2")
			hs, _ := h.store.Highlights(context.Background(), ids[0])
			if len(hs) != 1 || hs[0].Quote != "Quitting" || hs[0].Color != "green" {
				t.Fatalf("highlights after pressing 2 = %+v", hs)
			}
			if c.Focused() != h.ws.notes.editor.comment {
				t.Fatalf("after pressing 2 the focus is on %T, want the comment field", c.Focused())
			}
			test.Type(c.Focused(), "comment typed just before quitting") // where the keyboard focus is, as a user types
			test.Tap(h.ws.notes.preview)                                 // the note shows rendered: a click on it edits it
			test.Type(c.Focused(), "note typed just before quitting")    // where the keyboard focus is, as a user types
			// Nothing is saved yet (the autosave waits an hour).
			if a, _ := h.store.Article(context.Background(), ids[0]); a.Note != "" {
				t.Fatalf("note saved before quitting: %q", a.Note)
			}

			quit(t, h)
			// The app has quit: close the library as main does, with no
			// further save from the test harness.
			path := h.path
			if err := h.store.Close(); err != nil {
				t.Fatal(err)
			}
			h.store = nil

			s, err := storage.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			a, _ := s.Article(context.Background(), ids[0])
			hs, _ = s.Highlights(context.Background(), ids[0])
			if a.Note != "note typed just before quitting" {
				t.Errorf("note after quitting = %q", a.Note)
			}
			if len(hs) != 1 || hs[0].Comment != "comment typed just before quitting" {
				t.Errorf("highlights after quitting = %+v", hs)
			}
			if other, _ := s.Article(context.Background(), ids[1]); other.Note != "" {
				t.Errorf("the other article got a note: %q", other.Note)
			}
		})
	}
}

// canvasShortcuts reaches the shortcut table of the test driver's canvas,
// which its wrapper type does not expose.
func canvasShortcuts(t *testing.T, c fyne.Canvas) fyne.Shortcutable {
	t.Helper()
	if sc, ok := c.(fyne.Shortcutable); ok {
		return sc
	}
	v := reflect.ValueOf(c)
	if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("WindowlessCanvas"); f.IsValid() && f.CanInterface() {
			if sc, ok := f.Interface().(fyne.Shortcutable); ok {
				return sc
			}
		}
	}
	t.Fatalf("the test canvas %T takes no shortcuts", c)
	return nil
}
