package storage_test

import (
	"context"
	"reflect"
	"testing"

	"scholia/storage"
)

// TestListedSummaries: the window's list reads every summary field but
// the URL, in the same order, with and without a tag.
func TestListedSummaries(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for i, title := range []string{"One", "Two", "Three"} {
		a := storage.Article{Title: title, Author: "Author", Source: "Site", URL: "https://example.org/" + title,
			Published: "2021-0" + string(rune('1'+i)) + "-01", Body: title + " body."}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if i != 1 {
			if err := s.ChangeArticleTags(ctx, a.ID, []string{"kept"}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tag := range []string{"", "kept"} {
		full, err := s.Summaries(ctx, tag)
		if err != nil {
			t.Fatal(err)
		}
		listed, err := s.ListedSummaries(ctx, tag)
		if err != nil {
			t.Fatal(err)
		}
		if len(full) == 0 || len(full) != len(listed) {
			t.Fatalf("tag %q: %d summaries, %d listed", tag, len(full), len(listed))
		}
		for i := range full {
			if full[i].URL == "" || listed[i].URL != "" {
				t.Errorf("tag %q row %d: URL %q in Summaries, %q listed", tag, i, full[i].URL, listed[i].URL)
			}
			full[i].URL = ""
			if !reflect.DeepEqual(full[i], listed[i]) {
				t.Errorf("tag %q row %d: %+v listed as %+v", tag, i, full[i], listed[i])
			}
		}
	}
}
