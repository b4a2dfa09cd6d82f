package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scholia/storage"
)

// A copy of a library taken while it was open keeps changes in its -wal;
// on a read-only mount they must still be read.
func TestReadOnlyMountWithLeftoverWAL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := addArticle(t, s, "Talks in Geneva", "The delegations met in Geneva for talks on missiles.")
	copyDir := filepath.Join(t.TempDir(), "copy")
	os.Mkdir(copyDir, 0o700)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatalf("%s: %v", suffix, err)
		}
		if suffix == "-wal" && len(data) == 0 {
			t.Fatal("the -wal is empty: the test needs the article in it")
		}
		os.WriteFile(filepath.Join(copyDir, "library.db"+suffix), data, 0o600)
	}
	mnt := bindReadOnly(t, copyDir)
	checkReadOnly(t, filepath.Join(mnt, "library.db"), a.ID, storage.Options{})
}
