package export

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteNew: a new file is created in place with the vault's mode; a
// file that appeared since the scan goes through the atomic replace, as
// every write did before, leaving no temporary file.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Title.md")
	if err := writeNew(dir, path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "first\n" {
		t.Fatalf("new file holds %q, %v", got, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if err := writeNew(dir, path, []byte("second\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "second\n" {
		t.Errorf("existing file holds %q after writeNew", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only Title.md", len(entries))
	}
	if err := writeNew(filepath.Join(dir, "missing"), filepath.Join(dir, "missing", "x.md"), nil); err == nil {
		t.Error("writeNew into a missing folder did not fail")
	}
}
