package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"scholia/storage"
)

// rawControl reports the first character of s a terminal would act on.
func rawControl(s string) (rune, bool) {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x202e || r == utf8.RuneError {
			return r, true
		}
	}
	return 0, false
}

// hostileLibrary is a library written by an older build, which stored
// control characters in metadata as they came.
func hostileLibrary(t *testing.T) (db string, title string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "old.db")
	s, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	title = "Geneva\x1b]0;PWNED\a\x1b[2J \u009b31m \u202eevil"
	a := storage.Article{Title: title, Author: "Eve\x1b[5m", Source: "Src\a", URL: "https://x.example/\x1b",
		Body: "Talks in Geneva\x1b[2J began.\n\nSecond\x07 paragraph.", Note: "note \x1b[1m"}
	if err := s.CreateArticle(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	h := storage.Highlight{ArticleID: a.ID, Start: 0, End: 5, Quote: "Talks", Color: "yellow", Comment: "c\x1b[2J"}
	if err := s.CreateHighlight(context.Background(), &h); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db, title
}

// Nothing a command prints can act on the terminal, whatever the library
// holds (issue 22, item 2); JSON output still decodes to what is stored.
func TestOutputEscapesControlCharacters(t *testing.T) {
	db, title := hostileLibrary(t)
	out := filepath.Join(t.TempDir(), "out.md")
	for _, args := range [][]string{
		{"list"}, {"list", "--json"}, {"show", "1"}, {"show", "1", "--json"}, {"find", "geneva"},
		{"search", "geneva"}, {"export", "-o", out}, {"export", "--dir", filepath.Join(t.TempDir(), "v")},
		{"show", "1\x1b[2J"}, {"list", "--tag", "\x1b[2J"}, {"import", "/nonexistent/\x1b[2J.txt"},
		{"highlight", "1", "--quote", "Talks", "--comment", "x"}, {"tag", "1", "+a\x1b[2Jb"},
	} {
		r := run(t, db, args...)
		if c, bad := rawControl(r.stdout + r.stderr); bad {
			t.Errorf("%q printed a raw %U:\n%q\n%q", args, c, r.stdout, r.stderr)
		}
	}
	if r := run(t, db, "list"); !strings.Contains(r.stdout, `Geneva\x1b]0;PWNED\x07\x1b[2J \u009b31m \u202eevil`) {
		t.Errorf("list does not show the escapes visibly:\n%s", r.stdout)
	}
	if got := listJSON(t, db); len(got) != 1 || got[0].Title != title {
		t.Errorf("list --json title = %q, want the stored %q", got[0].Title, title)
	}
	if a := showJSON(t, db, "1"); !strings.HasPrefix(a.Body, "Talks in Geneva\x1b[2J") {
		t.Errorf("show --json body = %q", a.Body)
	}
	// export -o - is the export's bytes, not a terminal listing.
	r := run(t, db, "export", "-o", "-", "--format", "json")
	var v map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &v) != nil {
		t.Errorf("export -o - --format json: %d %s", r.code, r.stderr)
	}
}

// A new import strips the controls from metadata (the library never holds them).
func TestImportStoresCleanMetadata(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("Some long enough body text for the page. ", 20)
	os.WriteFile(filepath.Join(dir, "a.html"), []byte("<html><head><title>Hi&#27;]0;PWNED&#7;</title></head><body><article><p>"+body+"</p></article></body></html>"), 0o600)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("---\ntitle: \"B\\e[31mred\\a\"\nauthor: \"x\\x07y\"\ntags: [\"t\\eag\"]\n---\n"+body), 0o600)
	db := filepath.Join(t.TempDir(), "lib.db")
	r := run(t, db, "import", dir)
	if r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	for _, s := range listJSON(t, db) {
		if c, bad := rawControl(s.Title + s.Author + strings.Join(s.Tags, "")); bad {
			t.Errorf("stored metadata holds %U: %+v", c, s)
		}
	}
}

// A named pipe called x.txt in a folder is reported and skipped; the batch
// finishes (issue 22, item 3).
func TestImportSkipsNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "x.txt"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Alpha\n\nThe alpha text."), 0o600)
	db := filepath.Join(t.TempDir(), "lib.db")
	done := make(chan result, 1)
	go func() { done <- run(t, db, "import", dir) }()
	var r result
	select {
	case r = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("import of a folder holding a FIFO did not finish")
	}
	if !strings.Contains(r.stdout, "x.txt\ta named pipe, not a file: not read") || !strings.Contains(r.stdout, "1 imported") {
		t.Errorf("import output:\n%s", r.stdout)
	}
}

// Read-only commands never create a library (issue 19); the others do.
func TestReadCommandsDoNotCreateALibrary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sub", "missing.db")
	for _, args := range [][]string{{"list"}, {"find", "x"}, {"search", "x"}, {"show", "1"}, {"export", "-o", filepath.Join(dir, "o.md")}} {
		r := run(t, db, args...)
		if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "no library at "+db) {
			t.Errorf("%s on a missing library: exit %d, stderr %q; want 1 and one line saying so", args[0], r.code, r.stderr)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("%s left %d files behind", args[0], len(entries))
		}
	}
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("Alpha\n\nThe alpha text."), 0o600)
	if r := run(t, db, "import", f); r.code != 0 {
		t.Errorf("import still creates the library: %d %s", r.code, r.stderr)
	}
}

// On a read-only library reads, search and export work and writes say so in
// one line; an import says how many files it never attempted.
func TestReadOnlyLibraryCommands(t *testing.T) {
	libDir := t.TempDir()
	db := filepath.Join(libDir, "lib.db")
	src := t.TempDir()
	for _, n := range []string{"a", "b", "c"} {
		os.WriteFile(filepath.Join(src, n+".txt"), []byte("Title "+n+"\n\nThe text of "+n+" about Geneva."), 0o600)
	}
	if r := run(t, db, "import", filepath.Join(src, "a.txt")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if out, err := exec.Command("chattr", "+i", libDir).CombinedOutput(); err != nil {
		t.Skipf("needs chattr +i: %v %s", err, out)
	}
	defer exec.Command("chattr", "-i", libDir).Run()
	for _, args := range [][]string{{"list"}, {"search", "geneva"}, {"find", "title"}, {"show", "1"}, {"export", "-o", filepath.Join(src, "out.md")}} {
		if r := run(t, db, args...); r.code != 0 {
			t.Errorf("%s on a read-only library: %d %s", args[0], r.code, r.stderr)
		}
	}
	want := "library is read-only: " + db + "\n"
	for _, args := range [][]string{{"tag", "1", "+x"}, {"highlight", "1", "--quote", "Geneva"}, {"edit", "1", "--title", "New"}} {
		r := run(t, db, args...)
		if r.code != 1 || r.stderr != "scholia "+args[0]+": "+want {
			t.Errorf("%s on a read-only library: exit %d, stderr %q; want %q", args[0], r.code, r.stderr, "scholia "+args[0]+": "+want)
		}
	}
	r := run(t, db, "import", filepath.Join(src, "b.txt"), filepath.Join(src, "c.txt"))
	if r.code != 1 || !strings.Contains(r.stdout, "import stopped: 0 imported, 0 skipped as duplicates, 0 failed, 2 not attempted") || r.stderr != "scholia import: "+want {
		t.Errorf("import into a read-only library: exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	if got := listJSON(t, db); len(got) != 1 {
		t.Errorf("%d articles, want the 1 from before", len(got))
	}
}

func TestExportToAFolderSuggestsDir(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("Alpha\n\nThe alpha text."), 0o600)
	run(t, db, "import", f)
	out := filepath.Join(dir, "notes")
	os.Mkdir(out, 0o700)
	r := run(t, db, "export", "-o", out)
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, out+" is a folder") || !strings.Contains(r.stderr, "--dir "+out) {
		t.Errorf("export -o FOLDER: exit %d, %q; want one line saying it is a folder and suggesting --dir", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("export -o FOLDER wrote %d files into it", len(entries))
	}
}

// import-json refuses what import would (issue 22, item 6) and cleans metadata.
func TestImportJSONLimits(t *testing.T) {
	lib, err := os.ReadFile("../export/testdata/library.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"negative id": bytes.ReplaceAll(bytes.ReplaceAll(lib, []byte(`"id":42`), []byte(`"id":-42`)), []byte(`"scholia:article": 42`), []byte(`"scholia:article": -42`)),
		"big body":    bytes.Replace(lib, []byte(`"body":"Talks`), []byte(`"body":"`+strings.Repeat("x", 20<<20)+`Talks`), 1),
		"source":      bytes.ReplaceAll(lib, []byte(`"source": "https://example.com/geneva"`), []byte(`"source": "urn:scholia:article:9"`)),
	} {
		dir := t.TempDir()
		file, db := filepath.Join(dir, "b.json"), filepath.Join(dir, "lib.db")
		os.WriteFile(file, data, 0o600)
		r := run(t, db, "import-json", file)
		if r.code != 1 || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, %q; want 1 and one line", name, r.code, r.stderr)
		}
		if got := listJSON(t, db); len(got) != 0 {
			t.Errorf("%s: %d articles written", name, len(got))
		}
	}
	dir := t.TempDir()
	file, db := filepath.Join(dir, "b.json"), filepath.Join(dir, "lib.db")
	os.WriteFile(file, bytes.Replace(lib, []byte(`"title":"Talks`), []byte(`"title":"\u001b]0;PWNED\u0007Talks`), 1), 0o600)
	if r := run(t, db, "import-json", file); r.code != 0 {
		t.Fatalf("import-json: %s", r.stderr)
	}
	if got := listJSON(t, db); len(got) != 1 || got[0].Title != "]0;PWNEDTalks <b>begin</b>" {
		t.Errorf("restored title = %q, want the controls stripped", got[0].Title)
	}
}

// edit --title is cleaned like an imported title.
func TestEditCleansMetadata(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("Alpha\n\nThe alpha text."), 0o600)
	run(t, db, "import", f)
	if r := run(t, db, "edit", "1", "--title", "New\x1b]0;PWNED\a title", "--author", "Eve\u202e"); r.code != 0 {
		t.Fatalf("edit: %d %s", r.code, r.stderr)
	}
	if got := listJSON(t, db); got[0].Title != "New]0;PWNED title" || got[0].Author != "Eve" {
		t.Errorf("after edit: title %q, author %q; want the controls gone", got[0].Title, got[0].Author)
	}
}
