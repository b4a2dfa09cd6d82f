package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// The Export dialog's "Include the full article" box is remembered, is off
// for the JSON backup, and puts the marked text in the Markdown.
func TestExportDialogFullText(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "Full piece")
		hl := storage.Highlight{ArticleID: ids[0], Start: 11, End: 20, Quote: "body text", Color: "yellow", Comment: "my comment"}
		if err := s.CreateHighlight(context.Background(), &hl); err != nil {
			t.Fatal(err)
		}
	})
	find := func() (*widget.Check, []*widget.Select, *widget.Button) {
		var check *widget.Check
		var selects []*widget.Select
		var choose *widget.Button
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Check:
				if x.Text == "Include the full article" {
					check = x
				}
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
		if check == nil || len(selects) != 2 || choose == nil {
			t.Fatalf("export dialog: box %v, %d selects, button %v", check != nil, len(selects), choose != nil)
		}
		return check, selects, choose
	}
	h.ws.exportDialog()
	check, selects, choose := find()
	if check.Checked {
		t.Error("the box is ticked before anyone ticked it")
	}
	selects[1].SetSelected(formatJSON)
	if !check.Disabled() {
		t.Error("the box is offered for the JSON backup")
	}
	selects[1].SetSelected(formatVault)
	if check.Disabled() {
		t.Error("the box stays off for Markdown")
	}
	check.SetChecked(true)
	if shots := os.Getenv("SCHOLIA_SHOT_DIR"); shots != "" {
		f, err := os.Create(filepath.Join(shots, "fulltext14-export-dialog.png"))
		if err == nil {
			png.Encode(f, h.win.Canvas().Capture())
			f.Close()
		}
	}
	test.Tap(choose) // opens the folder chooser
	if !h.app.Preferences().Bool(prefExportFullText) {
		t.Fatal("the box was not remembered")
	}
	h.win.Canvas().Overlays().Top().Hide()
	h.ws.exportDialog()
	if check, _, _ := find(); !check.Checked {
		t.Error("the dialog forgot the box")
	}
	h.win.Canvas().Overlays().Top().Hide()

	dir := t.TempDir()
	h.ws.runExport(ids, formatVault, dir)
	confirmTopDialog(t, h.win, "OK")
	b, err := os.ReadFile(filepath.Join(dir, "Full piece.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Article", "Full piece ==body text[^h-1]==.", "[^h-1]: ", "my comment", "Second paragraph of Full piece."} {
		if !strings.Contains(string(b), want) {
			t.Errorf("vault note lacks %q:\n%s", want, b)
		}
	}
}
