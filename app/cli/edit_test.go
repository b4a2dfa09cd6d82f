package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// editLibrary imports two articles and highlights two passages of the
// first; it returns the library and a folder for body files.
func editLibrary(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "t.db")
	first := "Talks in Geneva\n\nTalks are set to begin Sunday in Geneva.\n\nSign up for our free newsletter today.\n\nNATO began expanding into Eastern Europe in 1999.\n"
	second := "Another piece\n\nSomething else entirely.\n"
	for name, text := range map[string]string{"a.txt": first, "b.txt": second} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if r := run(t, db, "import", filepath.Join(dir, "a.txt")); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	if r := run(t, db, "import", filepath.Join(dir, "b.txt")); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	for _, q := range []string{"free newsletter", "expanding into Eastern Europe"} {
		if r := run(t, db, "highlight", "1", "--quote", q); r.code != 0 {
			t.Fatalf("highlight: %d %s", r.code, r.stderr)
		}
	}
	return db, dir
}

func TestEdit(t *testing.T) {
	cut := "Talks are set to begin Sunday   in Geneva.\r\n\r\nNATO began expanding into Eastern Europe in 1999.\n"
	tests := map[string]struct {
		args      []string // after "edit"
		file      string   // written to body.txt when not ""
		stdin     string   // fed to standard input when not ""
		code      int
		out, err  string // substrings expected on stdout / stderr
		title     string // expected title afterwards
		body      string // expected body afterwards; "" = unchanged
		published string
	}{
		"boilerplate cut from a file": {args: []string{"1", "--body-file", "BODY"}, file: cut,
			out:   "article 1 saved: 1 highlight moved, 1 could not be placed\n  not placed: highlight 1 “free newsletter”",
			title: "Talks in Geneva", body: "Talks are set to begin Sunday in Geneva.\n\nNATO began expanding into Eastern Europe in 1999."},
		"text from standard input": {args: []string{"1", "--body-file", "-", "--title", "Geneva talks"}, stdin: cut,
			out: "1 highlight moved, 1 could not be placed", title: "Geneva talks",
			body: "Talks are set to begin Sunday in Geneva.\n\nNATO began expanding into Eastern Europe in 1999."},
		"a highlight's first word replaced": {args: []string{"1", "--body-file", "BODY"},
			file: "Talks are set to begin Sunday in Geneva.\n\nNATO began growing into Eastern Europe in 1999.\n",
			out: "article 1 saved: 0 highlights moved, 1 re-anchored with changes, 1 could not be placed\n" +
				"  re-anchored with changes: highlight 2 “expanding into Eastern Europe” → “growing into Eastern Europe”\n" +
				"  not placed: highlight 1 “free newsletter”",
			title: "Talks in Geneva", body: "Talks are set to begin Sunday in Geneva.\n\nNATO began growing into Eastern Europe in 1999."},
		"details only": {args: []string{"1", "--title", "New title", "--published", "2022-01-09"},
			out: "0 highlights moved, 0 could not be placed", title: "New title", published: "2022-01-09"},
		"nothing to change": {args: []string{"1"}, code: 2, err: "nothing to change", title: "Talks in Geneva"},
		"bad date":          {args: []string{"1", "--published", "2022-13-01"}, code: 2, err: "not a date", title: "Talks in Geneva"},
		"not an ID":         {args: []string{"one", "--title", "x"}, code: 2, err: "not an article ID", title: "Talks in Geneva"},
		"missing article":   {args: []string{"9", "--title", "x"}, code: 1, err: "no article 9", title: "Talks in Geneva"},
		"missing file":      {args: []string{"1", "--body-file", "nope.txt"}, code: 1, err: "nope.txt", title: "Talks in Geneva"},
		"empty text":        {args: []string{"1", "--body-file", "BODY", "--title", "x"}, file: " \n\n", code: 1, err: "empty", title: "Talks in Geneva"},
		"another article's text": {args: []string{"1", "--body-file", "BODY", "--title", "x"}, file: "Something else entirely.",
			code: 1, err: "already in the library as article 2", title: "Talks in Geneva"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			db, dir := editLibrary(t)
			before := showJSON(t, db, "1")
			args := append([]string{"edit"}, tc.args...)
			for i, a := range args {
				if a == "BODY" {
					args[i] = filepath.Join(dir, "body.txt")
				} else if a == "nope.txt" {
					args[i] = filepath.Join(dir, a)
				}
			}
			if tc.file != "" {
				if err := os.WriteFile(filepath.Join(dir, "body.txt"), []byte(tc.file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if tc.stdin != "" {
				feedStdin(t, tc.stdin)
			}
			r := run(t, db, args...)
			if r.code != tc.code || !strings.Contains(r.stdout, tc.out) || !strings.Contains(r.stderr, tc.err) {
				t.Fatalf("edit %v: exit %d, stdout %q, stderr %q; want exit %d, %q, %q", tc.args, r.code, r.stdout, r.stderr, tc.code, tc.out, tc.err)
			}
			a := showJSON(t, db, "1")
			want := tc.body
			if want == "" {
				want = before.Body
			}
			if a.Title != tc.title || a.Body != want || a.Published != tc.published {
				t.Errorf("after edit: title %q, published %q, body %q; want %q, %q, %q", a.Title, a.Published, a.Body, tc.title, tc.published, want)
			}
			if len(a.Highlights) != 2 {
				t.Fatalf("highlights after edit: %+v (none may be lost)", a.Highlights)
			}
			for _, h := range a.Highlights {
				if !h.Orphaned && string([]rune(a.Body)[h.Start:h.End]) != h.Quote {
					t.Errorf("highlight %d at [%d,%d) is not on %q", h.ID, h.Start, h.End, h.Quote)
				}
			}
		})
	}
}

// feedStdin makes standard input read text for the rest of the test.
func feedStdin(t *testing.T, text string) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = f
	t.Cleanup(func() { os.Stdin = old; f.Close() })
}
