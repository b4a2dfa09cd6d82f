package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShowFormats: show --format md prints the Markdown source, --format
// text the reading text, --json both with the block and span lists; the
// Markdown printed goes back through edit --body-file unchanged.
func TestShowFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, db, "import", "testdata/structured.md"); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	src, _ := os.ReadFile("testdata/structured.md")
	wantMD := string(src[strings.Index(string(src), "## Points"):])
	md := run(t, db, "show", "1", "--format", "md")
	if md.code != 0 || md.stdout != wantMD {
		t.Fatalf("--format md = %d %q, want %q", md.code, md.stdout, wantMD)
	}
	const reading = "Points\n\nfirst point\nsecond point\n\na quote with a link\n\na\tb\n1\t2\n"
	if text := run(t, db, "show", "1", "--format", "text"); text.code != 0 || text.stdout != reading {
		t.Fatalf("--format text = %d %q, want %q", text.code, text.stdout, reading)
	}
	r := run(t, db, "show", "1", "--json")
	var a struct {
		Body     string `json:"body"`
		Markdown string `json:"markdown"`
		Blocks   []struct {
			Kind       string `json:"kind"`
			Start, End int
			Level      int `json:"level"`
		} `json:"blocks"`
		Spans []struct {
			Kind string `json:"kind"`
			Info string `json:"info"`
		} `json:"spans"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("show --json: %v\n%s", err, r.stdout)
	}
	if a.Body+"\n" != reading || a.Markdown != wantMD || len(a.Blocks) == 0 || a.Blocks[0].Kind != "heading" || a.Blocks[0].Level != 2 {
		t.Fatalf("show --json: body %q markdown %q blocks %+v", a.Body, a.Markdown, a.Blocks)
	}
	if len(a.Spans) != 2 || a.Spans[0].Kind != "em" || a.Spans[1].Info != "https://example.org/q" {
		t.Fatalf("spans %+v", a.Spans)
	}
	if r := run(t, db, "show", "1", "--format", "html"); r.code == 0 || !strings.Contains(r.stderr, `--format takes md or text, not "html"`) {
		t.Fatalf("--format html: %d %q", r.code, r.stderr)
	}
	// The printed Markdown edits back to the same article.
	file := filepath.Join(t.TempDir(), "body.md")
	os.WriteFile(file, []byte(md.stdout), 0o600)
	if r := run(t, db, "edit", "1", "--body-file", file, "--title", "Renamed"); r.code != 0 {
		t.Fatalf("edit: %d %s", r.code, r.stderr)
	}
	if again := run(t, db, "show", "1", "--format", "text"); again.stdout != reading {
		t.Fatalf("after edit the reading text is %q", again.stdout)
	}
}
