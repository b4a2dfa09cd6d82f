package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb, func(string) string { return "" })
	return out.String() + errb.String(), code
}

func TestImportHighlightsCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	data, err := os.ReadFile(filepath.Join("..", "importhl", "testdata", "kindle_en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// A renamed file is still recognised by its content.
	clips := filepath.Join(dir, "export.dat")
	if err := os.WriteFile(clips, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := runCLI(t, "import", "--db", db, "--dry-run", clips)
	if code != 0 || !strings.Contains(out, "would be created\tThe Field Guide (Second Edition)\t3 highlights") ||
		!strings.Contains(out, "kindle: 2 new articles, 4 highlights added") || !strings.Contains(out, "nothing written") {
		t.Fatalf("dry run (%d):\n%s", code, out)
	}
	if out, _ := runCLI(t, "list", "--db", db); strings.Contains(out, "Field Guide") {
		t.Fatalf("dry run wrote: %s", out)
	}
	out, code = runCLI(t, "import", "--db", db, clips)
	if code != 0 || !strings.Contains(out, "kindle: 2 new articles, 4 highlights added (0 anchored onto articles already in the library, 0 orphaned), 0 already imported") {
		t.Fatalf("import (%d):\n%s", code, out)
	}
	out, code = runCLI(t, "import", "--db", db, clips)
	if code != 0 || !strings.Contains(out, "0 new articles, 0 highlights added (0 anchored onto articles already in the library, 0 orphaned), 4 already imported") {
		t.Fatalf("re-import (%d):\n%s", code, out)
	}
	if out, code := runCLI(t, "import", "--db", db, "--json", clips); code != 2 || !strings.Contains(out, "--json does not cover highlights files yet") {
		t.Errorf("--json with a highlights file (%d): %s", code, out)
	}
	junk := filepath.Join(dir, "notes.bin")
	os.WriteFile(junk, []byte("\x00\x01binary"), 0o644)
	out, code = runCLI(t, "import", "--db", db, junk)
	if code != 1 || !strings.Contains(out, "not an article (.txt, .md, .html) and not a known highlights format (Kindle My Clippings.txt, W3C") {
		t.Fatalf("junk (%d):\n%s", code, out)
	}
}
