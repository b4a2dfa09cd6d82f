package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// badInputs are refused the same way whatever the format.
var badInputs = map[string]struct {
	data   []byte
	reason string
}{
	"empty":                                {[]byte{}, "empty file"},
	"whitespace only":                      {[]byte(" \r\n\t\u00a0\n\u200b\n"), "empty file"},
	"UTF-16 BOM only":                      {[]byte("\xff\xfe"), "empty file"},
	"BOM only":                             {[]byte("\xef\xbb\xbf"), "empty file"},
	"NUL byte":                             {[]byte("PK\x03\x04\x00\x00text"), "binary file, not text"},
	"control characters":                   {[]byte("a\x01b\x02c\x03d\x04e\x05 some words after"), "binary file, not text"},
	"not UTF-8 nor 1252":                   {[]byte("caf\xe9 \x81\x8d"), "not UTF-8 text (encoding unknown; name it with --encoding NAME)"},
	"over 20 MB in memory":                 {bytes.Repeat([]byte("a"), MaxSize+1), "file too large (21 MB; limit 20 MB)"},
	"UTF-16 NULs are not binary but blank": {[]byte("\xff\xfe \x00\n\x00"), "empty file"},
}

func TestBadInput(t *testing.T) {
	for name, tc := range badInputs {
		for _, file := range []string{"in/x.txt", "in/x.md", "in/x.html"} {
			t.Run(name+"/"+file, func(t *testing.T) {
				_, err := Parse(file, tc.data)
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("err = %v, want an *Error", err)
				}
				if e.Name != file || e.Reason != tc.reason {
					t.Errorf("err = %q, want %q", err, file+": "+tc.reason)
				}
			})
		}
	}
}

func TestUnsupported(t *testing.T) {
	_, err := Parse("a/paper.pdf", []byte("%PDF"))
	if err == nil || err.Error() != "a/paper.pdf: unsupported file type (.pdf)" {
		t.Errorf("err = %v", err)
	}
}

func TestFileTooLargeIsNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: 25 MB on paper, no disk used.
	if err := f.Truncate(25 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = File(path)
	if err == nil || err.Error() != path+": file too large (25 MB; limit 20 MB)" {
		t.Errorf("err = %v", err)
	}
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := File(filepath.Join(dir, "missing.txt"))
	var e *Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Reason, "cannot read: ") || strings.Contains(e.Reason, dir) {
		t.Errorf("missing file: err = %v", err)
	}
	os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755)
	if _, err := File(filepath.Join(dir, "folder.txt")); err == nil {
		t.Errorf("a folder was parsed")
	}
}

func TestNormalizeBody(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"empty":            {"", ""},
		"blank":            {" \n\r\n\t", ""},
		"one line":         {"  a  b  ", "a b"},
		"CRLF and CR":      {"a\r\nb\rc", "a\n\nb\n\nc"},
		"blank lines":      {"\n\na\n\n\n\nb\n\n", "a\n\nb"},
		"nbsp and thin":    {"a\u00a0\u2009b", "a b"},
		"zero width":       {"a\u200b\u2060b\ufeff", "ab"},
		"keeps ZWJ emoji":  {"👩\u200d💻", "👩\u200d💻"},
		"controls dropped": {"a\x00b\x1bc\u0080", "abc"},
		"invalid UTF-8":    {"a\xffb", "a\ufffdb"},
		"line separator":   {"a\u2028b", "a\n\nb"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := NormalizeBody(tc.in); got != tc.want {
				t.Errorf("NormalizeBody(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzNormalizeBody(f *testing.F) {
	f.Add("a\r\n\r\nb\u00a0 c\u200b")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeBody(s)
		checkBody(t, got)
		if again := NormalizeBody(got); again != got {
			t.Errorf("not idempotent: %q → %q", got, again)
		}
	})
}

func TestImportable(t *testing.T) {
	tests := map[string]bool{
		"a.txt": true, "A.TXT": true, "b.md": true, "b.markdown": true, "c.html": true,
		"c.HTM": true, "d.pdf": false, "txt": false, "e.txt.gz": false, ".md": true,
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			if got := Importable(name); got != want {
				t.Errorf("Importable(%q) = %v", name, got)
			}
		})
	}
}

func TestWalk(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{
		"b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", "sub/paper.pdf", "sub/skip.doc", "image.png",
		".hidden.txt", ".git/config.txt", "sub/.cache/e.md",
	} {
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, skipped, err := Walk(root)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(root, f)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"a.md", "b.txt", "sub/c.html", "sub/deeper/d.htm", "sub/paper.pdf"}
	if !reflect.DeepEqual(rel, want) {
		t.Errorf("files = %q, want %q", rel, want)
	}
	if skipped != 2 {
		t.Errorf("skipped = %d, want 2 (skip.doc, image.png)", skipped)
	}
	if _, _, err := Walk(filepath.Join(root, "nope")); err == nil {
		t.Errorf("walking a missing root gave no error")
	}
}

func TestErrorMessage(t *testing.T) {
	e := &Error{Name: "notes/empty.txt", Reason: "empty file"}
	if e.Error() != "notes/empty.txt: empty file" {
		t.Errorf("Error() = %q", e.Error())
	}
}

// TestParseConcurrent backs the promise that imports may run in parallel:
// run it with -race to check the shared Markdown parser.
func TestParseConcurrent(t *testing.T) {
	inputs := map[string][]byte{
		"a.md":   []byte("---\ntitle: T\ntags: [a]\n---\n# H\n\n*x* [y](z) `c`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
		"b.txt":  []byte("Tue, 18 Jan 2022\nTitle\nBody."),
		"c.html": []byte("<html><head><title>T</title></head><body><article><p>" + strings.Repeat("Words of the article, with commas, ", 40) + "</p></article></body></html>"),
	}
	want := map[string]Doc{}
	for name, data := range inputs {
		d, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = d
	}
	done := make(chan error)
	for range 4 {
		go func() {
			var err error
			for range 20 {
				for name, data := range inputs {
					d, e := Parse(name, data)
					if e != nil || !reflect.DeepEqual(d, want[name]) {
						err = errors.New(name + " parsed differently in parallel")
					}
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
