package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"scholia/app/importhl"
	"scholia/storage"
)

func omnivoreSet(t *testing.T) importhl.Set {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	root := filepath.Join("..", "importhl", "testdata", "omnivore")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		w, _ := zw.Create(filepath.ToSlash(rel))
		data, err := os.ReadFile(p)
		w.Write(data)
		return err
	})
	if err != nil || zw.Close() != nil {
		t.Fatal(err)
	}
	set, err := importhl.Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// An Omnivore page becomes the full article with its highlights anchored
// on it (labels as tags); a page the library already holds gets them
// anchored onto its text; an unplaceable quote is kept orphaned.
func TestOmnivoreImport(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	roads := &storage.Article{Title: "Roads (saved earlier)", URL: "https://example.org/roads", Body: "Some say that roads forget everything. Rivers do not."}
	if err := s.CreateArticle(ctx, roads); err != nil {
		t.Fatal(err)
	}
	p, n := importSet(t, s, omnivoreSet(t))
	if p.NewArticles != 1 || n.Highlights != 4 || n.Orphaned != 1 || p.Anchored != 1 || len(p.Problems) != 1 {
		t.Fatalf("%s / %+v / %q", p.Summary(), n, p.Problems)
	}
	sums, _ := s.Summaries(ctx, "geography")
	if len(sums) != 1 || sums[0].Title != "Rivers and memory" || sums[0].Highlights != 3 {
		t.Fatalf("tagged %+v", sums)
	}
	a, _ := s.Article(ctx, sums[0].ID)
	hs, _ := s.Highlights(ctx, a.ID)
	if len(hs) != 3 || hs[0].Quote != "All rivers remember their old beds." || hs[0].Comment != "The thesis." || hs[0].Orphaned || !hs[2].Orphaned {
		t.Errorf("highlights %+v", hs)
	}
	if a.Markdown == "" || len(a.Blocks) == 0 {
		t.Errorf("the page lost its structure: markdown %q", a.Markdown)
	}
	rh, _ := s.Highlights(ctx, roads.ID)
	if len(rh) != 1 || rh[0].Quote != "roads forget everything." {
		t.Errorf("roads highlights %+v", rh)
	}
	if p, n := importSet(t, s, omnivoreSet(t)); p.Added != 0 || p.NewArticles != 0 || n.Articles != 0 {
		t.Errorf("re-import: %s", p.Summary())
	}
}
