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

// overlayLabels collects the text of the labels in the topmost overlay,
// list rows included.
func overlayLabels(t *testing.T, w fyne.Window) []string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
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
	return out
}

// TestExportDialogListsConflicts: a vault file whose Scholia part the user
// edited is not overwritten, and the Export finished dialog says which.
// With SCHOLIA_SHOT_DIR set, the dialog is also saved as a PNG there.
func TestExportDialogListsConflicts(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "Exported piece", "Other piece") })
	dir := t.TempDir()
	h.ws.runExport(ids, formatVault, dir)
	confirmTopDialog(t, h.win, "OK")
	path := filepath.Join(dir, "Exported piece.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "# Exported piece", "# Exported piece (my title)", 1)
	os.WriteFile(path, []byte(edited), 0o644)
	if err := h.store.SetNote(context.Background(), ids[0], "a new note"); err != nil {
		t.Fatal(err)
	}
	h.ws.runExport(ids, formatVault, dir)
	labels := strings.Join(overlayLabels(t, h.win), "\n")
	for _, want := range []string{"1 file was not overwritten", "Exported piece.md: kept as you edited it", "Exported piece.scholia-conflict.md"} {
		if !strings.Contains(labels, want) {
			t.Errorf("dialog lacks %q:\n%s", want, labels)
		}
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Error("the edited file was overwritten")
	}
	if shots := os.Getenv("SCHOLIA_SHOT_DIR"); shots != "" {
		f, err := os.Create(filepath.Join(shots, "export-conflicts.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, h.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
}
