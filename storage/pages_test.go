package storage_test

import (
	"context"
	"slices"
	"testing"

	"scholia/storage"
)

// A PDF's page starts are stored with the article and come back with it;
// an article without pages has none; deleting the article drops them.
func TestArticlePages(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	paper := &storage.Article{Title: "Paper", Body: "Page one.\n\nPage two.", Pages: []int{0, 11}}
	plain := &storage.Article{Title: "Note", Body: "No pages here."}
	if errs, err := s.ImportArticles(ctx, []*storage.Article{paper, plain}); err != nil || errs[0] != nil || errs[1] != nil {
		t.Fatal(err, errs)
	}
	got, err := s.Article(ctx, paper.ID)
	if err != nil || !slices.Equal(got.Pages, []int{0, 11}) {
		t.Fatalf("pages = %v, %v; want [0 11]", got.Pages, err)
	}
	if got, err := s.Article(ctx, plain.ID); err != nil || got.Pages != nil {
		t.Fatalf("an article without pages has %v, %v", got.Pages, err)
	}
	if err := s.DeleteArticle(ctx, paper.ID); err != nil {
		t.Fatal(err)
	}
	if p, err := s.ArticlePages(ctx, paper.ID); err != nil || p != nil {
		t.Fatalf("pages of a deleted article: %v, %v", p, err)
	}
}

func TestPageAt(t *testing.T) {
	pages := []int{0, 10, 10, 25}
	for off, want := range map[int]int{0: 1, 9: 1, 10: 3, 24: 3, 25: 4, 1000: 4} {
		if got := storage.PageAt(pages, off); got != want {
			t.Errorf("PageAt(%d) = %d, want %d", off, got, want)
		}
	}
	if got := storage.PageAt(nil, 5); got != 0 {
		t.Errorf("PageAt without pages = %d, want 0", got)
	}
}
