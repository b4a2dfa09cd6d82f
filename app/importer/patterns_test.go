package importer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/importer"
)

func writeFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Title\n\nBody.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExpandPatterns(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "a.txt", "b.txt", "c.md", "notes/d.html", "home/clip.txt")
	home := filepath.Join(dir, "home")
	rel := func(ps []string) string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, r)
		}
		return strings.Join(out, " ")
	}
	cases := map[string]struct {
		text, want string
		unmatched  int
	}{
		"one file":       {filepath.Join(dir, "a.txt"), "a.txt", 0},
		"glob":           {filepath.Join(dir, "*.txt"), "a.txt b.txt", 0},
		"lines, deduped": {filepath.Join(dir, "*.txt") + "\n" + filepath.Join(dir, "a.txt") + "\n\n" + filepath.Join(dir, "c.md"), "a.txt b.txt c.md", 0},
		"folder":         {filepath.Join(dir, "notes"), "notes", 0},
		"home":           {"~/clip.txt", "home/clip.txt", 0},
		"quoted":         {`"` + filepath.Join(dir, "c.md") + `"`, "c.md", 0},
		"missing":        {filepath.Join(dir, "nope.txt") + "\n" + filepath.Join(dir, "a.txt"), "a.txt", 1},
		"no glob match":  {filepath.Join(dir, "*.pdf"), "", 1},
		"bad pattern":    {filepath.Join(dir, "[.txt"), "", 1},
		"blank":          {"  \n\t\n", "", 0},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got, un := importer.ExpandPatterns(c.text, home)
			if rel(got) != c.want || len(un) != c.unmatched {
				t.Errorf("ExpandPatterns(%q) = %q, unmatched %q; want %q and %d unmatched", c.text, rel(got), un, c.want, c.unmatched)
			}
			for _, u := range un {
				if !strings.Contains(u, ": ") {
					t.Errorf("unmatched line %q does not say why", u)
				}
			}
		})
	}
}

func FuzzExpandPatterns(f *testing.F) {
	for _, s := range []string{"a.txt", "*.md\n~/x", "[", `"q"`, "~", "\n\n", "a/**/b"} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text string) {
		paths, _ := importer.ExpandPatterns(text, dir)
		seen := map[string]bool{}
		for _, p := range paths {
			if seen[p] {
				t.Fatalf("%q listed twice", p)
			}
			seen[p] = true
			if _, err := os.Stat(p); err != nil {
				t.Fatalf("listed %q, which does not exist", p)
			}
		}
	})
}

func TestListUnimportable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "a.txt", "paper.pdf", "book.epub", "scan.doc", "sub/README", "sub/b.md", ".hidden/x.doc", ".DS_Store")
	got := importer.ListUnimportable([]string{dir, filepath.Join(dir, "a.txt")})
	if len(got) != 2 {
		t.Fatalf("unimportable = %+v, want scan.doc and sub/README", got)
	}
	if filepath.Base(got[0].Path) != "scan.doc" || !strings.Contains(got[0].Reason, ".doc files are not supported") {
		t.Errorf("first = %+v", got[0])
	}
	if filepath.Base(got[1].Path) != "README" || !strings.Contains(got[1].Reason, "no file extension") {
		t.Errorf("second = %+v", got[1])
	}
	// It names exactly the files the import counts as ignored.
	_, _, ignored := importer.Expand([]string{dir})
	if ignored != len(got) {
		t.Errorf("Expand ignores %d files, ListUnimportable names %d", ignored, len(got))
	}
}
