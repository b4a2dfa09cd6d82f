package storage_test

import (
	"context"
	"testing"

	"scholia/storage"
)

func TestExportFiles(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "A", "body a")
	if got, err := s.ExportFiles(ctx, "/v"); err != nil || len(got) != 0 {
		t.Fatalf("fresh library: %v %v", got, err)
	}
	files := []storage.ExportFile{{ArticleID: a.ID, Path: "A.md", Hash: "h1"}, {ArticleID: 99, Path: "Gone.md", Hash: "h2"}}
	if err := s.SetExportFiles(ctx, "/v", files); err != nil {
		t.Fatal(err)
	}
	// A second export updates one row and keeps the other.
	if err := s.SetExportFiles(ctx, "/v", []storage.ExportFile{{ArticleID: a.ID, Path: "sub/A.md", Hash: "h3"}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ExportFiles(ctx, "/v")
	if err != nil || len(got) != 2 || got[a.ID].Path != "sub/A.md" || got[a.ID].Hash != "h3" || got[99].Hash != "h2" {
		t.Errorf("records %+v %v", got, err)
	}
	if other, _ := s.ExportFiles(ctx, "/other"); len(other) != 0 {
		t.Errorf("another folder sees %v", other)
	}
	exist, err := s.ArticlesExist(ctx, []int64{a.ID, 99})
	if err != nil || !exist[a.ID] || exist[99] {
		t.Errorf("exist %v %v", exist, err)
	}
}
