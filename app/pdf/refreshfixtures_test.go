package pdf

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var writeRefreshFixtures = flag.Bool("write-refresh-fixtures", false, "rewrite app/importer/testdata/refresh-v*.pdf")

// refreshPaper is a paper of pages, each one line of sentences: version 1
// and version 2 (a sentence added to page 1, a page added at the end) are
// the fixtures app/importer's file refresh test reads.
func refreshPaper(texts ...string) []byte {
	var pages []tpage
	for _, t := range texts {
		pages = append(pages, tpage{lines: []tline{{x: 72, y: 100, size: 10, text: t}}})
	}
	return makePDF(pages, pdfOpts{info: map[string]string{"Title": "Refresh Paper"}})
}

var refreshVersions = map[string][]byte{
	"refresh-v1.pdf": refreshPaper("Alpha page opens the paper.", "Bravo page holds the method.", "Charlie page holds the results."),
	"refresh-v2.pdf": refreshPaper("Alpha page opens the paper, now longer.", "Bravo page holds the method.", "Charlie page holds the results.", "Delta page is new."),
}

// TestRefreshFixtures keeps the fixtures what refreshPaper writes (run
// with -write-refresh-fixtures after changing it).
func TestRefreshFixtures(t *testing.T) {
	for name, want := range refreshVersions {
		path := filepath.Join("..", "importer", "testdata", name)
		if *writeRefreshFixtures {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what refreshPaper writes (%v): run go test ./app/pdf -run TestRefreshFixtures -write-refresh-fixtures", path, err)
		}
	}
}
