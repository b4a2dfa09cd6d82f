package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAttachments(t *testing.T) {
	dir := t.TempDir()
	a := NewAttachments(dir)
	png1, png2 := []byte("\x89PNG one"), []byte("\x89PNG two")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"https://example.com/img/Map of Europe.PNG", png1, "attachments/Map%20of%20Europe.png"},
		{"copy/Map of Europe.png", png1, "attachments/Map%20of%20Europe.png"}, // same image: same file
		{"Map of Europe.png", png2, "attachments/Map%20of%20Europe%202.png"},  // same name, other image
		{"../../etc/passwd", png2, "attachments/Map%20of%20Europe%202.png"},
		{"../../evil.md", []byte("x"), "attachments/evil.bin"},
		{"a:b?.jpg", []byte("y"), "attachments/a%20-b.jpg"},
	}
	for _, tc := range tests {
		got, err := a.Add(tc.name, tc.data)
		if err != nil || got != tc.want {
			t.Errorf("Add(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, AttachmentsDir))
	if len(entries) != 4 {
		t.Errorf("attachments holds %d files, want 4", len(entries))
	}
	// A second export into the same folder reuses the files and changes none.
	b := NewAttachments(dir)
	if got, _ := b.Add("Map of Europe.png", png2); got != "attachments/Map%20of%20Europe%202.png" {
		t.Errorf("re-export gave %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, AttachmentsDir, "Map of Europe.png")); string(got) != string(png1) {
		t.Error("an earlier image was overwritten")
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left", e.Name())
		}
	}
}
