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

func TestImportDialogTakesSeveralFilesAndGlobs(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"a.txt":      "First typed article\n\nBody one.\n",
		"b.txt":      "Second typed article\n\nBody two.\n",
		"picked.md":  "---\ntitle: Picked with Browse\n---\nBody three.\n",
		"skip.md":    "---\ntitle: Not listed\n---\nNot imported.\n",
		"scan/x.doc": "not a document Scholia reads",
		"scan/y.txt": "Scanned notes\n\nBody four.\n",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, "", func(s *storage.Store) { addArticles(t, s) })
	v := h.ws.newImportDialog()
	if !v.ok.Disabled() {
		t.Error("Import is on with nothing listed")
	}
	// A line that matches nothing is named and keeps Import off.
	test.Type(v.entry, filepath.Join(dir, "*.txt")+"\n"+filepath.Join(dir, "nope.html"))
	if !v.ok.Disabled() || !strings.Contains(v.status.Text, "nope.html: no such file or folder") {
		t.Errorf("with a bad line: Import disabled %v, status %q", v.ok.Disabled(), v.status.Text)
	}
	// Fixed, plus a file picked with Browse… and a folder.
	v.entry.SetText(filepath.Join(dir, "*.txt"))
	v.addPath(filepath.Join(dir, "picked.md"))
	v.addPath(filepath.Join(dir, "scan"))
	if v.ok.Disabled() || v.status.Text != "Ready to import 3 files and 1 folder." {
		t.Errorf("status %q (Import disabled %v)", v.status.Text, v.ok.Disabled())
	}
	if got := h.app.Preferences().String(prefLastFolder); got != dir {
		t.Errorf("Browse… remembers %q, want %q", got, dir)
	}
	test.Tap(v.ok)
	h.eventually("the import summary", func() bool { return strings.Contains(dialogText(t, h.win), "imported") })
	text := dialogText(t, h.win)
	if !strings.Contains(text, "4 articles imported") {
		t.Errorf("summary = %q", text)
	}
	// The file passed over is named, with the reason.
	if !strings.Contains(text, "1 other file was not importable: x.doc (.doc files are not supported") {
		t.Errorf("the summary does not name the unimportable file: %q", text)
	}
	var titles []string
	sums, _ := h.store.Summaries(context.Background(), "")
	for _, s := range sums {
		titles = append(titles, s.Title)
	}
	got := strings.Join(titles, "|")
	for _, want := range []string{"First typed article", "Second typed article", "Picked with Browse", "Scanned notes"} {
		if !strings.Contains(got, want) {
			t.Errorf("library lacks %q: %s", want, got)
		}
	}
	if strings.Contains(got, "Not listed") {
		t.Error("a file not listed was imported")
	}
}

func TestExportRemembersFolderAndScope(t *testing.T) {
	importDir, exportDir := t.TempDir(), t.TempDir()
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "One", "Two") })
	h.ws.open(ids[0])
	p := h.app.Preferences()
	p.SetString(prefLastFolder, importDir)
	if f := h.ws.exportFolder(); f == importDir {
		t.Errorf("with no export yet the export dialog opens in the import folder %q", f)
	}
	// What the dialogs store once the user chose (see askExportTarget).
	p.SetString(prefExportFolder, exportDir)
	if f := h.ws.exportFolder(); f != exportDir {
		t.Errorf("export folder = %q, want the last one %q", f, exportDir)
	}
	scope, format := h.ws.exportChoices()
	if scope.Selected != scopeArticle || format.Selected != formatVault {
		t.Fatalf("first choices: %q, %q", scope.Selected, format.Selected)
	}
	// Choose the whole library as one file in the dialog; the next dialog
	// starts there.
	h.ws.exportDialog()
	var selects []*widget.Select
	var choose *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Select:
			selects = append(selects, x)
		case *widget.Button:
			if x.Text == "Choose where…" {
				choose = x
			}
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
	walk(h.win.Canvas().Overlays().Top())
	if len(selects) != 2 || choose == nil {
		t.Fatalf("export dialog: %d selects, choose button %v", len(selects), choose != nil)
	}
	selects[0].SetSelected(scopeLibrary)
	selects[1].SetSelected(formatOne)
	test.Tap(choose)
	scope, format = h.ws.exportChoices()
	if scope.Selected != scopeLibrary || format.Selected != formatOne {
		t.Errorf("remembered choices: %q, %q", scope.Selected, format.Selected)
	}
	// "This article" is remembered but not offered without an article.
	p.SetString(prefExportScope, scopeArticle)
	h.ws.closeArticle()
	scope, _ = h.ws.exportChoices()
	if scope.Selected != scopeShown {
		t.Errorf("with no article open the scope is %q", scope.Selected)
	}
}
