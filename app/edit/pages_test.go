package edit_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"scholia/app/cleanup"
	"scholia/app/edit"
	"scholia/storage"
)

// paperBody is a three-page paper: page N starts with "PageN".
const paperBody = "Page1 opens the paper with its introduction.\n\nA second paragraph on page one runs on\n\n" +
	"Page2 carries the method, described at length.\n\nMore method.\n\n" +
	"Page3 holds the results and the discussion."

func starts(body string) []int {
	var out []int
	for _, w := range []string{"Page1", "Page2", "Page3"} {
		out = append(out, len([]rune(body[:strings.Index(body, w)])))
	}
	return out
}

func addPaper(t *testing.T, s *storage.Store) storage.Article {
	t.Helper()
	a := &storage.Article{Title: "Paper", Body: paperBody, Pages: starts(paperBody)}
	if err := s.CreateArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return *a
}

func TestEditKeepsPagesOnTheirWords(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := addPaper(t, s)
	edited := strings.Replace(paperBody, "with its introduction", "with its long, long introduction, written in Zürich", 1)
	edited = strings.Replace(edited, "More method.", "More method, and still more.", 1)
	rep, err := edit.Apply(ctx, s, a.ID, a, edited)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.ArticlePages(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	now, _ := s.Article(ctx, a.ID)
	if want := starts(now.Body); !slices.Equal(got, want) {
		t.Fatalf("pages after the edit = %v, want %v (page 3 at %q)", got, want, string([]rune(now.Body)[got[2]:]))
	}
	// Undo puts the old starts back.
	if err := edit.Undo(ctx, s, rep.Before); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ArticlePages(ctx, a.ID); !slices.Equal(got, starts(paperBody)) {
		t.Fatalf("pages after undo = %v, want %v", got, starts(paperBody))
	}
}

func TestEditDeletingAPageStartMovesItOn(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := addPaper(t, s)
	edited := strings.Replace(paperBody, "Page2 carries", "Carries", 1)
	if _, err := edit.Apply(ctx, s, a.ID, a, edited); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ArticlePages(ctx, a.ID)
	now, _ := s.Article(ctx, a.ID)
	if len(got) != 3 || !strings.HasPrefix(string([]rune(now.Body)[got[1]:]), "arries the method") {
		t.Fatalf("page 2 starts at %v in %q, want at the next surviving character", got, now.Body)
	}
}

func TestRemoveParagraphsKeepsPagesOnTheirWords(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := addPaper(t, s)
	ps := cleanup.Paragraphs(paperBody)
	if _, err := edit.RemoveParagraphs(ctx, s, a.ID, []cleanup.Paragraph{ps[1]}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ArticlePages(ctx, a.ID)
	now, _ := s.Article(ctx, a.ID)
	if want := starts(now.Body); !slices.Equal(got, want) {
		t.Fatalf("pages after removing a paragraph = %v, want %v", got, want)
	}
}

// A new text that brings its own pages (a PDF read again) keeps those.
func TestApplyPagesTakesTheNewStarts(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := addPaper(t, s)
	edited := paperBody + "\n\nPage4 is new."
	want := append(starts(edited), len([]rune(edited[:strings.Index(edited, "Page4")])))
	if _, err := edit.ApplyPages(ctx, s, a.ID, a, edited, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ArticlePages(ctx, a.ID); !slices.Equal(got, want) {
		t.Fatalf("pages = %v, want %v", got, want)
	}
}
