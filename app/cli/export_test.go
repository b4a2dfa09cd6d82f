package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportMarkdownJSONAndRoundTrip(t *testing.T) { exportRoundTrip(t, ownSeeds(t).files) }

// TestExportCorpusRoundTrip is the same on the shared corpus's seeds.
func TestExportCorpusRoundTrip(t *testing.T) { exportRoundTrip(t, corpusSeeds(t).files) }

func exportRoundTrip(t *testing.T, files []string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if r := run(t, db, append([]string{"import", "--tag", "russia"}, files...)...); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	first := showJSON(t, db, "1")
	quote := strings.Join(strings.Fields(first.Body)[2:5], " ")
	if r := run(t, db, "highlight", "1", "--quote", quote, "--color", "pink", "--comment", "where?"); r.code != 0 {
		t.Fatalf("highlight: %+v", r)
	}
	if r := run(t, db, "tag", "2", "+# not a heading"); r.code != 0 {
		t.Fatalf("tag: %+v", r)
	}

	md := filepath.Join(dir, "notes.md")
	r := run(t, db, "export", "-o", md)
	if r.code != 0 || !strings.Contains(r.stdout, "5 articles with 1 highlight") {
		t.Fatalf("export md: %+v", r)
	}
	b, _ := os.ReadFile(md)
	for _, want := range []string{first.Title, quote, "Question", "where?", "scholia_id"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("Markdown export lacks %q", want)
		}
	}
	// Same library, same bytes.
	md2 := filepath.Join(dir, "notes2.md")
	run(t, db, "export", "-o", md2)
	if b2, _ := os.ReadFile(md2); !bytes.Equal(b, b2) {
		t.Error("two exports of the same library differ")
	}

	vault := filepath.Join(dir, "vault")
	os.MkdirAll(vault, 0o755)
	os.WriteFile(filepath.Join(vault, "mine.md"), []byte("my own note\n"), 0o644)
	if r := run(t, db, "export", "--tag", "russia", "--dir", vault); r.code != 0 || !strings.Contains(r.stdout, "5 written") {
		t.Fatalf("export --dir: %+v", r)
	}
	if r := run(t, db, "export", "--dir", vault, "--article", "1"); r.code != 0 || !strings.Contains(r.stdout, "1 unchanged") {
		t.Errorf("re-export of one article: %+v", r)
	}
	entries, _ := os.ReadDir(vault)
	if len(entries) != 6 {
		t.Errorf("vault holds %d files, want 5 exported + the user's own", len(entries))
	}
	if own, _ := os.ReadFile(filepath.Join(vault, "mine.md")); string(own) != "my own note\n" {
		t.Error("the user's own file in the vault was changed")
	}

	js := filepath.Join(dir, "backup.json")
	if r := run(t, db, "export", "--format", "json", "-o", js); r.code != 0 {
		t.Fatalf("export json: %+v", r)
	}
	db2 := filepath.Join(dir, "restored.db")
	if r := run(t, db2, "import-json", js); r.code != 0 || !strings.Contains(r.stdout, "restored 5 articles") {
		t.Fatalf("import-json: %+v", r)
	}
	js2 := filepath.Join(dir, "again.json")
	run(t, db2, "export", "--format", "json", "-o", js2)
	a, _ := os.ReadFile(js)
	a2, _ := os.ReadFile(js2)
	if len(a) == 0 || !bytes.Equal(a, a2) {
		t.Errorf("export → import-json → export is not byte-identical (%d vs %d bytes)", len(a), len(a2))
	}
	// Into a used library the same file adds nothing twice.
	if r := run(t, db, "import-json", js); r.code != 0 || !strings.Contains(r.stdout, "0 imported, 5 skipped") {
		t.Errorf("import-json into the same library: %+v", r)
	}
}

func TestExportUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	// export only reads: on a missing library it would say that first.
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{not json"), 0o644)
	if r := run(t, db, "import-json", bad); r.code != 1 || !strings.Contains(r.stderr, "bad.json") {
		t.Errorf("import-json of a broken file: %+v", r)
	}
	cases := map[string][]string{
		"no target":   {"export"},
		"two targets": {"export", "-o", "x.md", "--dir", "d"},
		"json to dir": {"export", "--format", "json", "--dir", "d"},
		"bad format":  {"export", "--format", "pdf", "-o", "x"},
		"two scopes":  {"export", "--tag", "a", "--article", "1", "-o", "x"},
		"bad article": {"export", "--article", "x", "-o", "y"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			if r := run(t, db, args...); r.code != 2 {
				t.Errorf("exit = %d, want 2 (%s)", r.code, r.stderr)
			}
		})
	}
}
