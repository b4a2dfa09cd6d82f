package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// show --json names the file an article was imported from, absolute.
func TestShowJSONSourcePath(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	path := filepath.Join(dir, "note.txt")
	if err := os.WriteFile(path, []byte("A note\n\nWith a paragraph of plain text that came from a file."), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, db, "import", path); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	ss := listJSON(t, db)
	if len(ss) != 1 {
		t.Fatalf("%d articles", len(ss))
	}
	r := run(t, db, "show", strconv.FormatInt(ss[0].ID, 10), "--json")
	var a struct {
		SourcePath *string `json:"source_path"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || a.SourcePath == nil || *a.SourcePath != path {
		t.Fatalf("show --json source_path: %v, %v (want %q)\n%s", err, a.SourcePath, path, r.stdout)
	}
}
