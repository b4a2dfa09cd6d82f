package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scholia import reads a PDF paper, --dry-run included, and refuses a
// file that only says it is one in one line.
func TestImportPDFCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "paper.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	paper, fake := filepath.Join(dir, "paper.pdf"), filepath.Join(dir, "fake.pdf")
	os.WriteFile(paper, data, 0o644)
	os.WriteFile(fake, []byte("just text"), 0o644)
	out, _ := runCLI(t, "import", "--db", db, "--dry-run", paper, fake)
	if !strings.Contains(out, "would import\t"+paper+"\tA Fetched Paper") || !strings.Contains(out, "failed\t"+fake+"\tnot a PDF (no %PDF- header)") {
		t.Fatalf("dry run:\n%s", out)
	}
	out, code := runCLI(t, "import", "--db", db, paper)
	if code != 0 || !strings.Contains(out, "imported 1\t"+paper+"\tA Fetched Paper") {
		t.Fatalf("import (%d):\n%s", code, out)
	}
}
