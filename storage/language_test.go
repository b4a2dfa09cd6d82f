package storage_test

import (
	"context"
	"testing"

	"scholia/storage"
)

// TestArticleLanguage: the language is stored with the article and read
// back; an article stored without one has "".
func TestArticleLanguage(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	de := storage.Article{Title: "Tagebücher", Language: "de-AT", Body: "Die Tagebücher des Wärters."}
	none := storage.Article{Title: "Plain", Body: "Plain text."}
	for _, a := range []*storage.Article{&de, &none} {
		if err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for id, want := range map[int64]string{de.ID: "de-AT", none.ID: ""} {
		a, err := s.Article(ctx, id)
		if err != nil || a.Language != want {
			t.Errorf("article %d: language %q, %v; want %q", id, a.Language, err, want)
		}
	}
}
