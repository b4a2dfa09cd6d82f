package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// dialogText joins the text of every label in the top dialog.
func dialogText(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			parts = append(parts, x.Text)
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
	walk(top)
	return strings.Join(parts, "\n")
}

func TestImportFolderThroughTheWindow(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"one.txt":         "Folder article one\n\nIts body.\n",
		"sub/two.md":      "---\ntitle: Folder article two\ntags: [imported]\n---\nSecond body.\n",
		"sub/again.txt":   "Folder article one\n\nIts body.\n",
		"empty.txt":       "",
		"picture.jpg":     "not text",
		"notes/three.htm": "<html><head><title>Third page</title></head><body><article><h1>Third page</h1><p>" + strings.Repeat("A readable paragraph of a saved web page. ", 20) + "</p></article></body></html>",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, "", func(s *storage.Store) { addArticles(t, s) })
	h.ws.runImport([]string{dir})
	h.eventually("the import summary", func() bool {
		return strings.Contains(dialogText(t, h.win), "Import finished") || strings.Contains(dialogText(t, h.win), "imported")
	})
	text := dialogText(t, h.win)
	if !strings.Contains(text, "3 articles imported, 1 skipped as duplicates, 1 failed.") ||
		!strings.Contains(text, "1 other file was not importable") {
		t.Errorf("summary = %q", text)
	}
	n, _ := h.store.CountArticles(context.Background())
	if n != 3 || len(h.ws.sidebar.all) != 3 {
		t.Errorf("library holds %d articles, sidebar %d; want 3", n, len(h.ws.sidebar.all))
	}
	if h.ws.current == nil {
		t.Error("no imported article was opened")
	}
	tagged, _ := h.store.Summaries(context.Background(), "imported")
	if len(tagged) != 1 || tagged[0].Title != "Folder article two" {
		t.Errorf("front matter tags: %+v", tagged)
	}
}
