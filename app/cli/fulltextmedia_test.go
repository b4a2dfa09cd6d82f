package cli_test

import (
	"bytes"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"scholia/storage/media/mediatest"
)

// An image imported next to a Markdown file goes out of a full-text vault
// export as an attachment with the same bytes, linked relatively: the
// export reads the library's media store, not the user's original file.
func TestExportFullTextAttachesImages(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	srcDir := filepath.Join(dir, "src")
	os.MkdirAll(srcDir, 0o755)
	png := mediatest.PNG(40, 20, color.RGBA{R: 200, A: 255})
	os.WriteFile(filepath.Join(srcDir, "chart.png"), png, 0o644)
	os.WriteFile(filepath.Join(srcDir, "art.md"), []byte("# Figures\n\nBefore.\n\n![A red chart](chart.png)\n\nAfter.\n"), 0o644)
	if r := run(t, db, "import", filepath.Join(srcDir, "art.md")); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	os.Remove(filepath.Join(srcDir, "chart.png")) // the library holds its own copy
	vault := filepath.Join(dir, "vault")
	if r := run(t, db, "export", "--full-text", "--dir", vault); r.code != 0 {
		t.Fatalf("export --dir: %+v", r)
	}
	entries, _ := os.ReadDir(filepath.Join(vault, "attachments"))
	if len(entries) != 1 {
		t.Fatalf("attachments holds %d files, want 1", len(entries))
	}
	got, _ := os.ReadFile(filepath.Join(vault, "attachments", entries[0].Name()))
	if !bytes.Equal(got, png) {
		t.Errorf("attachment has %d bytes, want the imported image's %d", len(got), len(png))
	}
	notes, _ := filepath.Glob(filepath.Join(vault, "*.md"))
	if len(notes) != 1 {
		t.Fatalf("vault notes: %v", notes)
	}
	note, _ := os.ReadFile(notes[0])
	link := regexp.MustCompile(`!\[A red chart\]\(<?attachments/` + regexp.QuoteMeta(entries[0].Name()) + `>?\)`)
	if !link.Match(note) {
		t.Errorf("note does not link the attachment %s:\n%s", entries[0].Name(), note)
	}
	if bytes.Contains(note, []byte("scholia-media:")) {
		t.Errorf("note still holds a library link:\n%s", note)
	}
}
