package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/importer"
)

// A folder with a PDF paper and a broken one: the paper is stored with its
// pages, the broken one fails in one line and nothing of it is stored.
func TestRunPDF(t *testing.T) {
	dir := t.TempDir()
	paper, err := os.ReadFile("testdata/paper.pdf")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "paper.pdf", string(paper))
	write(t, dir, "broken.pdf", string(paper[:len(paper)/3]))
	s := open(t)
	rep, err := importer.Run(context.Background(), s, []string{dir}, importer.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 1 || rep.Failed != 1 {
		t.Fatalf("report %+v", rep)
	}
	for _, r := range rep.Results {
		switch filepath.Base(r.Path) {
		case "broken.pdf":
			if r.Err == nil || !strings.Contains(r.Err.Error(), "broken.pdf: broken PDF") || strings.Contains(r.Err.Error(), "\n") {
				t.Errorf("broken: %v", r.Err)
			}
		case "paper.pdf":
			a, err := s.Article(context.Background(), r.ID)
			if err != nil || a.Title != "A Fetched Paper" || len(a.Pages) != 1 || a.Pages[0] != 0 {
				t.Errorf("paper: %v, title %q, pages %v", err, a.Title, a.Pages)
			}
		}
	}
	if n, _ := s.CountArticles(context.Background()); n != 1 {
		t.Errorf("%d articles stored, want 1", n)
	}
}
