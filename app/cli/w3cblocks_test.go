package cli_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestW3CRoundTripAcrossBlocks: highlights made across a list item and a
// heading (and from a heading into a paragraph) leave through the W3C JSON
// export and come back through import-json with the same offsets, quotes,
// context, colour, comment and tags, on the same Markdown source.
func TestW3CRoundTripAcrossBlocks(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "shape.md")
	md := "Preface.\n\n### Intro\n\nLead paragraph.\n\n- first item\n- second item ends here\n  - nested *deeper* item\n\n## Next heading\n\nBody text after the heading.\n\n1. one\n2. two\n"
	if err := os.WriteFile(src, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "a.db")
	if r := run(t, db, "import", src); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	body := showJSON(t, db, "1").Body
	quotes := []string{
		"ends here\nnested deeper item\n\nNext", // list items into a heading
		"heading\n\nBody text",                  // a heading into a paragraph
		"the heading.\n\none\ntwo",              // a paragraph into an ordered list
		"Intro\n\nLead",                         // the first heading
	}
	for i, q := range quotes {
		if !strings.Contains(body, q) {
			t.Fatalf("reading text %q lacks %q", body, q)
		}
		args := []string{"highlight", "1", "--quote", q, "--color", "green", "--tag", "shape"}
		if i == 0 {
			args = append(args, "--comment", "crosses the heading")
		}
		if r := run(t, db, args...); r.code != 0 {
			t.Fatalf("highlight %q: %+v", q, r)
		}
	}
	before := showJSON(t, db, "1")
	if len(before.Highlights) != len(quotes) {
		t.Fatalf("%d highlights made", len(before.Highlights))
	}
	js := filepath.Join(dir, "backup.json")
	if r := run(t, db, "export", "--format", "json", "-o", js); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	db2 := filepath.Join(dir, "b.db")
	if r := run(t, db2, "import-json", js); r.code != 0 || !strings.Contains(r.stdout, "restored 1 article") {
		t.Fatalf("import-json: %+v", r)
	}
	after := showJSON(t, db2, "1")
	if after.Body != before.Body {
		t.Fatalf("body changed:\n%q\n%q", before.Body, after.Body)
	}
	if !reflect.DeepEqual(after.Highlights, before.Highlights) {
		t.Fatalf("highlights changed:\n%+v\n%+v", before.Highlights, after.Highlights)
	}
	for i, h := range after.Highlights {
		if got := string([]rune(after.Body)[h.Start:h.End]); got != h.Quote || h.Orphaned {
			t.Errorf("highlight %d: offsets hold %q, quote %q", i, got, h.Quote)
		}
	}
	mdOf := func(db string) string {
		r := run(t, db, "show", "1", "--format", "md")
		if r.code != 0 {
			t.Fatalf("show --format md: %+v", r)
		}
		return r.stdout
	}
	if a, b := mdOf(db), mdOf(db2); a != b || !strings.Contains(a, "## Next heading") || !strings.Contains(a, "  - nested *deeper* item") {
		t.Fatalf("Markdown source changed or lost its shape:\n%s\n---\n%s", a, b)
	}
}
