package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/storage/doc"
)

// export --full-text writes the article's text with the highlight marked
// and footnoted, in one file and in a vault; without it there is none.
func TestExportFullText(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	src := filepath.Join(dir, "art.md")
	os.WriteFile(src, []byte("# Heading one\n\n- first *item* here\n- second\n\nA closing paragraph.\n"), 0o644)
	if r := run(t, db, "import", src); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if r := run(t, db, "highlight", "1", "--quote", "item here", "--comment", "why this?"); r.code != 0 {
		t.Fatalf("highlight: %+v", r)
	}
	out := filepath.Join(dir, "notes.md")
	if r := run(t, db, "export", "--full-text", "-o", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	b, _ := os.ReadFile(out)
	for _, want := range []string{"## Article", "- first *==item==* ==here[^h-1]==", "[^h-1]: ", "why this?"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("full-text export lacks %q:\n%s", want, b)
		}
	}
	// The section reads back as the article's text.
	sec := string(b)[strings.Index(string(b), "## Article\n\n")+len("## Article\n\n"):]
	sec = sec[:strings.Index(sec, "\n### Highlights")]
	back, _, err := doc.ParseMarked(sec)
	if err != nil || !strings.HasPrefix(back.Text, "first item here\nsecond\n\nA closing paragraph.") {
		t.Errorf("reads back as %q (%v)", back.Text, err)
	}
	vault := filepath.Join(dir, "vault")
	if r := run(t, db, "export", "--full-text", "--dir", vault); r.code != 0 {
		t.Fatalf("export --dir: %+v", r)
	}
	entries, _ := os.ReadDir(vault)
	if len(entries) != 1 {
		t.Fatalf("vault holds %d entries", len(entries))
	}
	v, _ := os.ReadFile(filepath.Join(vault, entries[0].Name()))
	if !strings.Contains(string(v), "==here[^h-1]==") || !strings.Contains(string(v), "^h-1") {
		t.Errorf("vault note:\n%s", v)
	}
	plain := filepath.Join(dir, "plain.md")
	run(t, db, "export", "-o", plain)
	if p, _ := os.ReadFile(plain); strings.Contains(string(p), "A closing paragraph") {
		t.Error("the text is exported without --full-text")
	}
	if r := run(t, db, "export", "--full-text", "--format", "json", "-o", filepath.Join(dir, "x.json")); r.code == 0 {
		t.Error("--full-text with JSON was accepted")
	}
}
