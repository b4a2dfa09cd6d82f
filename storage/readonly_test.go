package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/storage"
)

// seedLibrary makes a closed library holding one article, in its own folder.
func seedLibrary(t *testing.T) (path string, id int64) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "lib", "library.db")
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	a := addArticle(t, s, "Talks in Geneva", "The delegations met in Geneva for talks on missiles.")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, a.ID
}

// chattrImmutable makes path immutable (chattr +i): even root cannot write
// it, or create files in it when it is a folder. Tests run as root, where
// permission bits stop nothing, so this is how they get a read-only file
// or folder.
func chattrImmutable(t *testing.T, path string) {
	t.Helper()
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("needs chattr +i (root on ext4): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
}

// bindReadOnly mounts dir read-only on a new folder and returns it.
func bindReadOnly(t *testing.T, dir string) string {
	t.Helper()
	mnt := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(mnt, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "--bind", dir, mnt).CombinedOutput(); err != nil {
		t.Skipf("needs mount --bind (root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", mnt).CombinedOutput(); err != nil {
		t.Skipf("needs a read-only bind mount: %v %s", err, out)
	}
	return mnt
}

// checkReadOnly opens path and checks reads, search and that a write fails
// with the one-line read-only error and changes nothing.
func checkReadOnly(t *testing.T, path string, id int64, opts storage.Options) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.OpenWith(ctx, path, opts)
	if err != nil {
		t.Fatalf("open read-only library: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Errorf("ReadOnly() = false for a library that cannot be written")
	}
	if a, err := s.Article(ctx, id); err != nil || a.Title != "Talks in Geneva" {
		t.Errorf("Article = %q, %v", a.Title, err)
	}
	if hits, err := s.Search(ctx, "geneva", 10); err != nil || len(hits) == 0 {
		t.Errorf("Search = %d hits, %v", len(hits), err)
	}
	if err := s.MarkOpened(ctx, id); err != nil {
		t.Errorf("MarkOpened on a read-only library: %v (opening an article must still work)", err)
	}
	a := storage.Article{Title: "New", Body: "A new body that cannot be written."}
	err = s.CreateArticle(ctx, &a)
	if !errors.Is(err, storage.ErrReadOnly) {
		t.Fatalf("CreateArticle on a read-only library = %v, want ErrReadOnly", err)
	}
	var ro *storage.ReadOnlyError
	if !errors.As(err, &ro) || ro.Error() != "library is read-only: "+s.Path() {
		t.Errorf("error = %q, want it to carry \"library is read-only: %s\"", err, s.Path())
	}
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("%d articles after a refused write, want 1", n)
	}
}

func TestReadOnlyFolderOpensReadOnly(t *testing.T) {
	path, id := seedLibrary(t)
	chattrImmutable(t, filepath.Dir(path))
	checkReadOnly(t, path, id, storage.Options{})
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the read-only folder holds %d files, want just the library", len(entries))
	}
}

func TestReadOnlyFileOpensReadOnly(t *testing.T) {
	path, id := seedLibrary(t)
	chattrImmutable(t, path)
	checkReadOnly(t, path, id, storage.Options{})
}

func TestReadOnlyMountOpensReadOnly(t *testing.T) {
	path, id := seedLibrary(t)
	mnt := bindReadOnly(t, filepath.Dir(path))
	checkReadOnly(t, filepath.Join(mnt, filepath.Base(path)), id, storage.Options{})
}

// The ReadOnly option is the same path on any system and any user.
func TestReadOnlyOption(t *testing.T) {
	path, id := seedLibrary(t)
	checkReadOnly(t, path, id, storage.Options{ReadOnly: true})
}

func TestMustExistCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "missing.db")
	for _, opts := range []storage.Options{{MustExist: true}, {ReadOnly: true}} {
		_, err := storage.OpenWith(context.Background(), path, opts)
		var nl *storage.NoLibraryError
		if !errors.As(err, &nl) || !strings.Contains(err.Error(), "no library at "+path) {
			t.Errorf("OpenWith(%+v) on a missing library = %v, want a NoLibraryError", opts, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("opening a missing library left %d entries behind", len(entries))
	}
}

// A write that waits past the busy timeout for another program's write
// transaction says so instead of an SQLite code.
func TestWriteLockedPastBusyTimeout(t *testing.T) {
	path, _ := seedLibrary(t)
	ctx := context.Background()
	s, err := storage.OpenWith(ctx, path, storage.Options{BusyTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holder, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=1000")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	a := storage.Article{Title: "Blocked", Body: "This body waits for a lock it never gets."}
	if err := s.CreateArticle(ctx, &a); !errors.Is(err, storage.ErrBusy) {
		t.Errorf("CreateArticle while another connection writes = %v, want ErrBusy", err)
	}
}
