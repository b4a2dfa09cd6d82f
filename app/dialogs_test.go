package app

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/app/edit"
	"scholia/app/importer"
	"scholia/storage"
)

// press delivers a key the way the desktop driver does: to the focused
// widget, else to the canvas' key handler.
func press(w fyne.Window, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	c := w.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func overlays(w fyne.Window) int { return len(w.Canvas().Overlays().List()) }

// TestDialogsCloseOnEscAndConfirmOnEnter opens every dialog the window
// has and checks that Esc closes it without doing anything and that Enter
// does what its default button does.
func TestDialogsCloseOnEscAndConfirmOnEnter(t *testing.T) {
	cases := map[string]struct {
		open func(h *harness)
		// after Enter: what must be true (nil: just that it closed)
		entered func(t *testing.T, h *harness)
		// Enter opens a dialog of its own (a file chooser, an undo offer)
		enterOpens bool
	}{
		"keyboard shortcuts": {open: func(h *harness) { h.ws.showShortcuts() }},
		"about":              {open: func(h *harness) { h.ws.showAbout() }},
		"preferences":        {open: func(h *harness) { h.ws.showPreferences() }},
		"manage tags":        {open: func(h *harness) { h.ws.manageTags() }},
		"error":              {open: func(h *harness) { h.ws.showError(errors.New("something broke")) }},
		"information":        {open: func(h *harness) { h.ws.showInfo("Export finished", "3 files written.") }},
		"import summary":     {open: func(h *harness) { h.ws.importFinished(importer.Report{Imported: 1}, nil) }},
		"edit report":        {open: func(h *harness) { h.ws.showEditReport(edit.Report{}) }},
		"export":             {open: func(h *harness) { h.ws.exportDialog() }, enterOpens: true},
		"export notes": {open: func(h *harness) {
			h.ws.showExportNotes("2 files written.", []string{"One.md: kept your edit; wrote One.scholia-conflict.md"})
		}},
		"undo delete offer": {open: func(h *harness) { h.ws.offerUndoDelete("Gone") },
			entered: func(t *testing.T, h *harness) {
				if len(h.ws.trash) != 1 {
					t.Error("Enter on “Article deleted” pressed Undo; it should be OK")
				}
			}},
		"delete article": {open: func(h *harness) { h.ws.deleteArticle() },
			enterOpens: true, // the undo offer
			entered: func(t *testing.T, h *harness) {
				if n, _ := h.store.CountArticles(context.Background()); n != 1 {
					t.Errorf("Enter on Delete article left %d articles, want 1", n)
				}
			}},
		"new from clipboard": {open: func(h *harness) {
			h.app.Clipboard().SetContent("Pasted title\n\nPasted text of a new article.")
			h.ws.newFromClipboard()
		}, entered: func(t *testing.T, h *harness) {
			if h.ws.current == nil || h.ws.current.Title != "Pasted title" {
				t.Errorf("Enter on New from clipboard: open %+v, want the new article", h.ws.current)
			}
		}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
				h := dialogHarness(t)
				before := overlays(h.win)
				tc.open(h)
				if overlays(h.win) != before+1 {
					t.Fatalf("%d dialogs open, want %d", overlays(h.win), before+1)
				}
				h.win.Canvas().Unfocus()
				press(h.win, key)
				want := before
				if key == fyne.KeyReturn && tc.enterOpens {
					want = before + 1
				}
				if got := overlays(h.win); got != want {
					t.Fatalf("after %s %d dialogs are open, want %d (%q)", key, got, want, dialogText(t, h.win))
				}
				if key == fyne.KeyEscape {
					if n, _ := h.store.CountArticles(context.Background()); n != 2 || len(h.ws.trash) != 1 {
						t.Errorf("Esc did something: %d articles, %d in the trash", n, len(h.ws.trash))
					}
				}
				if key == fyne.KeyReturn && tc.entered != nil {
					tc.entered(t, h)
				}
			}
		})
	}
}

// dialogHarness has two articles, the first open, and a third deleted and
// in the trash (for Undo).
func dialogHarness(t *testing.T) *harness {
	t.Helper()
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "One", "Two", "Three") })
	ctx := context.Background()
	bs, err := h.store.Bundles(ctx, ids[2:])
	if err != nil || len(bs) != 1 {
		t.Fatal(err)
	}
	if err := h.store.DeleteArticle(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	h.ws.trash = append(h.ws.trash, bs[0])
	h.ws.tagsChanged()
	h.ws.open(ids[0])
	return h
}

// TestDialogKeysFromAFocusedField: a field in a dialog has the keys; Esc
// still closes the dialog, and Enter in the clipboard's title field creates
// the article.
func TestDialogKeysFromAFocusedField(t *testing.T) {
	h := dialogHarness(t)
	h.ws.manageTags()
	h.win.Canvas().Focus(h.ws.dialogFieldForTest(t))
	press(h.win, fyne.KeyEscape)
	if n := overlays(h.win); n != 0 {
		t.Fatalf("Esc in the tag name field left %d dialogs open", n)
	}

	h.app.Clipboard().SetContent("Field title\n\nBody of the pasted article.")
	h.ws.newFromClipboard()
	f := h.ws.dialogFieldForTest(t)
	h.win.Canvas().Focus(f)
	f.SetText("Typed title")
	press(h.win, fyne.KeyReturn)
	if n := overlays(h.win); n != 0 || h.ws.current == nil || h.ws.current.Title != "Typed title" {
		t.Fatalf("Enter in the title field: %d dialogs open, article %+v", n, h.ws.current)
	}
	if h.win.Canvas().OnTypedKey() != nil {
		t.Error("the canvas kept the dialog key handler after the last dialog closed")
	}
}

// dialogFieldForTest finds the first dialogEntry in the topmost dialog.
func (ws *workspace) dialogFieldForTest(t *testing.T) *dialogEntry {
	t.Helper()
	var found *dialogEntry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch x := o.(type) {
		case *dialogEntry:
			found = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	walk(ws.win.Canvas().Overlays().Top())
	if found == nil {
		t.Fatal("no field in the dialog")
	}
	return found
}

// TestEditorDiscardDialogKeys: in the editor's own window, Esc on "Discard
// changes?" keeps editing and Enter discards.
func TestEditorDiscardDialogKeys(t *testing.T) {
	h, id, _ := editHarness(t, editBody)
	e := h.ws.openEditor()
	e.title.SetText("Half-typed")
	press(e.win, fyne.KeyEscape) // the field passes Esc to the editor: it asks
	if overlays(e.win) != 1 {
		t.Fatalf("Esc in the editor with changes: %d dialogs, want the question", overlays(e.win))
	}
	press(e.win, fyne.KeyEscape)
	if overlays(e.win) != 0 || e.title.Text != "Half-typed" {
		t.Fatalf("Esc on the question: %d dialogs, title %q; want it closed and the change kept", overlays(e.win), e.title.Text)
	}
	e.requestClose()
	press(e.win, fyne.KeyReturn)
	if a, _ := h.store.Article(context.Background(), id); a.Title != "Talks" {
		t.Errorf("Enter on Discard saved the title %q", a.Title)
	}
	if overlays(e.win) != 0 {
		t.Error("the question is still open after Enter")
	}
}
