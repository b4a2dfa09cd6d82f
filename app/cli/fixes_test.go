package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Commands that act on an article of the library leave no new, empty
// library behind when --db names a file that is not there (a typo): the
// article cannot be in it, and the next `scholia list` would otherwise
// quietly show an empty library instead of saying the path is wrong.
func TestArticleCommandsDoNotCreateALibrary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sub", "missing.db")
	noteFile := filepath.Join(t.TempDir(), "note.md")
	if err := os.WriteFile(noteFile, []byte("a note"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"note", "1"},
		{"note", "1", "--file", noteFile},
		{"open", "1", "--no-start"},
		{"highlight", "1", "--quote", "x"},
		{"tag", "1", "+x"},
		{"edit", "1", "--title", "x"},
	} {
		r := run(t, db, args...)
		if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "no library at "+db) {
			t.Errorf("%s on a missing library: exit %d, stderr %q; want 1 and one line saying so", strings.Join(args, " "), r.code, r.stderr)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("%s left %d files behind", strings.Join(args, " "), len(entries))
		}
	}
}

// A named pipe given where a command reads a file is refused at once, as
// import refuses one (issue 22, item 3), rather than blocking forever
// waiting for a writer.
func TestFileFlagsRefuseNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "x.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	db := filepath.Join(t.TempDir(), "lib.db")
	a := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(a, []byte("Alpha\n\nThe alpha text."), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, db, "import", a); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	for _, args := range [][]string{
		{"note", "1", "--file", fifo},
		{"export", "-o", filepath.Join(t.TempDir(), "o.md"), "--template", fifo},
		{"import-json", fifo},
	} {
		done := make(chan result, 1)
		go func() { done <- run(t, db, args...) }()
		select {
		case r := <-done:
			if r.code == 0 || !strings.Contains(r.stderr, "a named pipe") {
				t.Errorf("%s: exit %d, stderr %q; want a refusal naming the named pipe", strings.Join(args, " "), r.code, r.stderr)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s on a named pipe did not return", strings.Join(args, " "))
		}
	}
}

// A note written with Windows line ends is stored with plain newlines:
// `scholia note ID` prints what was set, and printing it to a file and
// setting it back changes nothing (a stored CR is printed escaped as
// "\x0d", which would otherwise become part of the note).
func TestNoteCRLFRoundTrips(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	a := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(a, []byte("Alpha\n\nThe alpha text."), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, db, "import", a); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	f := filepath.Join(t.TempDir(), "note.md")
	if err := os.WriteFile(f, []byte("# Plan\r\n\r\n- one\r\n- two\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, db, "note", "1", "--file", f); r.code != 0 {
		t.Fatalf("note --file: %+v", r)
	}
	const want = "# Plan\n\n- one\n- two\n"
	r := run(t, db, "note", "1")
	if r.stdout != want {
		t.Fatalf("note printed %q, want %q", r.stdout, want)
	}
	if err := os.WriteFile(f, []byte(r.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, db, "note", "1", "--file", f)
	if got := showJSON(t, db, "1").Note; strings.TrimRight(got, "\n") != strings.TrimRight(want, "\n") {
		t.Errorf("note after printing and setting it back = %q", got)
	}
}
