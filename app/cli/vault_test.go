package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/cli"
)

func TestNoteCommand(t *testing.T) {
	files := ownSeeds(t).files
	db := filepath.Join(t.TempDir(), "a.db")
	if r := run(t, db, append([]string{"import"}, files[0])...); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if r := run(t, db, "note", "1"); r.code != 0 || r.stdout != "" {
		t.Errorf("empty note printed %+v", r)
	}
	f := filepath.Join(t.TempDir(), "note.md")
	os.WriteFile(f, []byte("## Plan\n\n- one\n"), 0o644)
	if r := run(t, db, "note", "1", "--file", f); r.code != 0 || !strings.Contains(r.stdout, "note of article 1 set") {
		t.Fatalf("note --file: %+v", r)
	}
	restore := cli.SetStdin(strings.NewReader("- two\n"))
	r := run(t, db, "note", "1", "--file", "-", "--append")
	restore()
	if r.code != 0 {
		t.Fatalf("note --append: %+v", r)
	}
	if r := run(t, db, "note", "1"); r.stdout != "## Plan\n\n- one\n\n- two\n" {
		t.Errorf("note is %q", r.stdout)
	}
	for _, bad := range [][]string{
		{"note", "1", "--append"},
		{"note", "99"},
		{"note", "x"},
		{"note", "1", "--file", filepath.Dir(f)},
	} {
		if r := run(t, db, bad...); r.code == 0 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%v: %+v, want a one-line error", bad, r)
		}
	}
	if r := run(t, db, "note", "1"); r.stdout != "## Plan\n\n- one\n\n- two\n" {
		t.Errorf("a refused command changed the note to %q", r.stdout)
	}
}

// TestVaultReexportKeepsEdits runs the never-destroy rules through the
// command line and the library's record of what it wrote.
func TestVaultReexportKeepsEdits(t *testing.T) {
	files := ownSeeds(t).files
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if r := run(t, db, append([]string{"import"}, files[:2]...)...); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	setNote := func(text string) {
		t.Helper()
		restore := cli.SetStdin(strings.NewReader(text))
		defer restore()
		if r := run(t, db, "note", "1", "--file", "-"); r.code != 0 {
			t.Fatalf("note: %+v", r)
		}
	}
	setNote("My plan:\n\n- read\n- ```code```\n\n```go\nx := 1\n```\n")
	vault := filepath.Join(dir, "vault")
	if r := run(t, db, "export", "--dir", vault); r.code != 0 || !strings.Contains(r.stdout, "2 written") {
		t.Fatalf("export: %+v", r)
	}
	names, _ := filepath.Glob(filepath.Join(vault, "*.md"))
	var path string
	for _, n := range names {
		if b, _ := os.ReadFile(n); strings.Contains(string(b), "scholia_id: sch-1\n") {
			path = n
		}
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "\n```go\nx := 1\n```\n") || strings.Contains(string(b), "```markdown") {
		t.Fatalf("note not exported as the Markdown it is:\n%s", b)
	}
	// The user writes below the region and adds a property.
	mine := "\n## My reading notes\n\nThis is mine.\n"
	edited := strings.Replace(string(b), "scholia_id:", "rating: 4\nscholia_id:", 1) + mine
	os.WriteFile(path, []byte(edited), 0o644)
	setNote("A new note.")
	r := run(t, db, "export", "--dir", vault)
	if r.code != 0 || !strings.Contains(r.stdout, "1 updated, 1 unchanged") {
		t.Fatalf("re-export: %+v", r)
	}
	b, _ = os.ReadFile(path)
	if !strings.HasSuffix(string(b), "%% scholia end %%\n"+mine) || !strings.Contains(string(b), "rating: 4\n") || !strings.Contains(string(b), "A new note.") {
		t.Fatalf("re-export lost the user's text or missed the new note:\n%s", b)
	}
	// The user edits inside the region: a conflict, the file untouched.
	inRegion := strings.Replace(string(b), "A new note.", "A new note, edited in Obsidian.", 1)
	os.WriteFile(path, []byte(inRegion), 0o644)
	setNote("Third note.")
	r = run(t, db, "export", "--dir", vault)
	if r.code != 0 || !strings.Contains(r.stdout, "1 conflict") || !strings.Contains(r.stdout, "conflict: "+filepath.Base(path)) {
		t.Fatalf("conflicting export: %+v", r)
	}
	if b, _ := os.ReadFile(path); string(b) != inRegion {
		t.Fatal("the user's edited file was overwritten")
	}
	cp := strings.TrimSuffix(path, ".md") + ".scholia-conflict.md"
	if b, err := os.ReadFile(cp); err != nil || !strings.Contains(string(b), "Third note.") {
		t.Fatalf("conflict copy: %v %s", err, b)
	}
	// --force overwrites the region and still keeps the user's text around it.
	if r := run(t, db, "export", "--dir", vault, "--force"); r.code != 0 || !strings.Contains(r.stdout, "1 updated") {
		t.Fatalf("--force: %+v", r)
	}
	b, _ = os.ReadFile(path)
	if !strings.Contains(string(b), "Third note.") || !strings.HasSuffix(string(b), mine) || strings.Contains(string(b), "edited in Obsidian") {
		t.Errorf("after --force:\n%s", b)
	}
}

func TestExportTemplate(t *testing.T) {
	files := ownSeeds(t).files
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if r := run(t, db, append([]string{"import"}, files[0])...); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	// Printing the template needs no library and makes none.
	none := filepath.Join(dir, "none.db")
	r := run(t, none, "export", "--print-template")
	if r.code != 0 || !strings.Contains(r.stdout, `define "highlight"`) {
		t.Fatalf("--print-template: %+v", r)
	}
	if _, err := os.Stat(none); err == nil {
		t.Error("--print-template created a library")
	}
	// The printed template, passed back, gives the built-in export.
	tmpl := filepath.Join(dir, "t.tmpl")
	os.WriteFile(tmpl, []byte(r.stdout), 0o644)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	run(t, db, "export", "-o", a)
	if r := run(t, db, "export", "-o", b, "--template", tmpl); r.code != 0 {
		t.Fatalf("--template: %+v", r)
	}
	if x, y := readAll(t, a), readAll(t, b); x != y {
		t.Errorf("the printed template does not give the built-in export")
	}
	// A template of one's own, into a vault.
	own := filepath.Join(dir, "own.tmpl")
	os.WriteFile(own, []byte("# {{inline .Title}}\n{{range .Highlights}}\n- {{inline .Quote}} ^{{.BlockID}}\n{{end}}"), 0o644)
	vault := filepath.Join(dir, "vault")
	if r := run(t, db, "export", "--dir", vault, "--template", own); r.code != 0 {
		t.Fatalf("own template: %+v", r)
	}
	// A broken one is reported with its line and column (from 1, in
	// characters) and writes nothing.
	for src, where := range map[string]string{
		"ok\n{{if}}\n":           "broken.tmpl:2:1:",
		"ok\n\n  {{.Nope}}\n":    "broken.tmpl:3:5:",
		"ok\n {{range .Tags}}\n": "broken.tmpl:2:2: unexpected EOF",
	} {
		broken := filepath.Join(dir, "broken.tmpl")
		os.WriteFile(broken, []byte(src), 0o644)
		out := filepath.Join(dir, "never")
		r := run(t, db, "export", "--dir", out, "--template", broken)
		if r.code != 1 || !strings.Contains(r.stderr, where) {
			t.Errorf("broken template %q: %+v, want an error at %s", src, r, where)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("a broken template wrote %s", out)
		}
	}
}

func readAll(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
