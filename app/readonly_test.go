package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/app/importer"
	"scholia/storage"
)

// readOnlyHarness opens the window on a library holding two articles
// (never welcomed) that was opened read-only, as main does when the file
// or its folder cannot be written.
func readOnlyHarness(t *testing.T) *harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	a := storage.Article{Title: "Talks in Geneva", Body: "The talks began in Geneva.\n\nA second paragraph."}
	if err := s.CreateArticle(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := storage.OpenWith(context.Background(), path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	app := test.NewTempApp(t)
	w := app.NewWindow("Scholia")
	ws := newWorkspace(context.Background(), app, w, ro)
	ws.background = func(f func()) { f() }
	ws.buildUI()
	w.Resize(fyne.NewSize(1200, 800))
	h := &harness{t: t, path: path, store: ro, app: app, win: w, ws: ws}
	t.Cleanup(func() { h.close() })
	return h
}

func TestReadOnlyLibraryWindow(t *testing.T) {
	h := readOnlyHarness(t)
	ws := h.ws
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the window opened with a dialog: %q", dialogText(t, h.win))
	}
	if ws.current == nil {
		t.Fatal("no article opened: reading must work")
	}
	if title := h.win.Title(); !strings.Contains(title, "read-only") {
		t.Errorf("window title %q does not say read-only", title)
	}
	for name, disabled := range map[string]bool{
		"note": ws.notes.note.Disabled(), "article tags": ws.notes.tags.entry.Disabled(),
		"comment": ws.notes.editor.comment.Disabled(), "highlight tags": ws.notes.editor.tags.entry.Disabled(),
	} {
		if !disabled {
			t.Errorf("the %s field can be typed in on a read-only library", name)
		}
	}
	ctx := context.Background()
	id := ws.current.ID
	dismiss := func(what string) {
		t.Helper()
		if text := dialogText(t, h.win); !strings.Contains(text, "library is read-only: "+h.store.Path()) {
			t.Errorf("%s: dialog %q, want it to say the library is read-only", what, text)
		}
		h.win.Canvas().Overlays().Top().Hide()
		h.win.Canvas().Overlays().Remove(h.win.Canvas().Overlays().Top())
	}
	ws.reading.onHighlight(0, 5, 0)
	dismiss("highlight")
	ws.notes.changeTags([]string{"x"}, nil)
	dismiss("tag")
	ws.deleteArticle()
	dismiss("delete")
	if ed := ws.openEditor(); ed != nil {
		t.Error("the article editor opened on a read-only library")
	}
	dismiss("edit")
	file := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(file, []byte("New\n\nA new article."), 0o600)
	ws.runImport([]string{file})
	dismiss("import")
	if hs, _ := h.store.Highlights(ctx, id); len(hs) != 0 {
		t.Errorf("%d highlights on a read-only library", len(hs))
	}
	if n, _ := h.store.CountArticles(ctx); n != 1 {
		t.Errorf("%d articles, want the 1 there was", n)
	}
	// Searching still works.
	if hits, err := h.store.Search(ctx, "geneva", 5); err != nil || len(hits) == 0 {
		t.Errorf("search: %d, %v", len(hits), err)
	}
}

// A batch that stopped says how many files it never attempted (issue 22, item 5).
func TestImportSummarySaysWhatWasNotAttempted(t *testing.T) {
	got := importSummary(importer.Report{Imported: 3, NotAttempted: 7})
	if want := "3 articles imported, 0 skipped as duplicates, 0 failed. 7 files not attempted."; got != want {
		t.Errorf("importSummary = %q, want %q", got, want)
	}
}
