package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scholia/storage"
)

// A JSON backup restored with import-json keeps a PDF's pages and a page's
// language: export → import-json → the same starts and tag.
func TestImportJSONKeepsPagesAndLanguage(t *testing.T) {
	dir := t.TempDir()
	db, db2 := filepath.Join(dir, "lib.db"), filepath.Join(dir, "restored.db")
	pdf, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "paper.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	p := "<p>Die Hafenbehörde bewahrt die einunddreißig Tagebücher des Leuchtturmwärters auf, mit Schnur gebunden, in einem Regal am Fenster.</p>"
	page := `<!doctype html><html lang="de-AT"><head><title>Tagebücher</title></head><body><article><h1>Tagebücher</h1>` +
		strings.Repeat(p, 6) + `</article></body></html>`
	os.WriteFile(filepath.Join(dir, "paper.pdf"), pdf, 0o644)
	os.WriteFile(filepath.Join(dir, "page.html"), []byte(page), 0o644)
	for _, f := range []string{"paper.pdf", "page.html"} {
		if r := run(t, db, "import", filepath.Join(dir, f)); r.code != 0 {
			t.Fatalf("import %s: %d %s", f, r.code, r.stderr)
		}
	}
	js := filepath.Join(dir, "backup.json")
	if r := run(t, db, "export", "--format", "json", "-o", js); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if r := run(t, db2, "import-json", js); r.code != 0 {
		t.Fatalf("import-json: %+v", r)
	}
	articles := func(path string) map[string]storage.Article {
		ctx := context.Background()
		s, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ids, err := s.ArticleIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]storage.Article{}
		for _, id := range ids {
			a, err := s.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			out[a.Title] = a
		}
		return out
	}
	was, now := articles(db), articles(db2)
	if len(was) != 2 || len(now) != 2 {
		t.Fatalf("%d articles, restored %d", len(was), len(now))
	}
	var paged, tagged int
	for title, a := range was {
		b := now[title]
		if !slices.Equal(a.Pages, b.Pages) || a.Language != b.Language {
			t.Errorf("%q: pages %v language %q, restored as %v %q", title, a.Pages, a.Language, b.Pages, b.Language)
		}
		if len(a.Pages) > 0 {
			paged++
		}
		if a.Language != "" {
			tagged++
		}
	}
	if paged != 1 || tagged != 1 {
		t.Fatalf("the sample has %d paged and %d tagged articles, want 1 each", paged, tagged)
	}
}
