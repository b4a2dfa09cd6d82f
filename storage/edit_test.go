package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"scholia/storage"
)

// addHighlight highlights the first occurrence of quote in a's body.
func addHighlight(t *testing.T, s *storage.Store, a storage.Article, quote string) storage.Highlight {
	t.Helper()
	i := strings.Index(a.Body, quote)
	if i < 0 {
		t.Fatalf("%q not in body", quote)
	}
	start := len([]rune(a.Body[:i]))
	h := storage.Highlight{ArticleID: a.ID, Start: start, End: start + len([]rune(quote)), Quote: quote, Comment: "a comment"}
	if err := s.CreateHighlight(context.Background(), &h); err != nil {
		t.Fatal(err)
	}
	return h
}

// searchIDs is the set of articles a full-text query finds in bodies.
func searchIDs(t *testing.T, s *storage.Store, q string) map[int64]bool {
	t.Helper()
	hits, err := s.Search(context.Background(), q, 50)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	out := map[int64]bool{}
	for _, h := range hits {
		out[h.ArticleID] = true
	}
	return out
}

func TestEditArticleSavesEverythingAndReindexes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "Old title", "Sign up for our newsletter.\n\nThe talks in Geneva began on Monday.")
	h := addHighlight(t, s, a, "talks in Geneva")
	gone := addHighlight(t, s, a, "newsletter")

	body := "The talks in Geneva began on Monday, a zucchini said."
	moved := h
	moved.Start, moved.End, moved.Prefix, moved.Suffix = 4, 19, "The ", " began on Monday, a zucchini said."
	orphan := gone
	orphan.Orphaned = true
	before := time.Now().Add(-time.Second)
	edit := storage.Article{ID: a.ID, Title: "New title", Author: "R. Writer", Source: "Wire", URL: "https://example.com/x", Published: "2022-01-10", Body: body}
	if err := s.EditArticle(ctx, edit, []storage.Highlight{moved, orphan}); err != nil {
		t.Fatalf("EditArticle: %v", err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "New title" || got.Author != "R. Writer" || got.Source != "Wire" || got.URL != "https://example.com/x" ||
		got.Published != "2022-01-10" || got.Body != body {
		t.Errorf("article after edit = %+v", got)
	}
	if !got.Updated.After(before) {
		t.Errorf("Updated = %v, want after %v", got.Updated, before)
	}
	hs, err := s.Highlights(ctx, a.ID)
	if err != nil || len(hs) != 2 {
		t.Fatalf("Highlights = %v, %v", hs, err)
	}
	if p := hs[0]; p.ID != h.ID || p.Start != 4 || p.End != 19 || p.Orphaned || p.Comment != h.Comment {
		t.Errorf("placed highlight = %+v", p)
	}
	if o := hs[1]; o.ID != gone.ID || !o.Orphaned || o.Quote != "newsletter" || o.Comment != gone.Comment {
		t.Errorf("orphaned highlight = %+v", o)
	}
	// The index follows the new body: new words found, removed ones not, and
	// the title's old words gone.
	if !searchIDs(t, s, "zucchini")[a.ID] {
		t.Error("search does not find a word added to the body")
	}
	if searchIDs(t, s, "sign")[a.ID] {
		t.Error("search still finds a word removed from the body")
	}
	if searchIDs(t, s, "old")[a.ID] || !searchIDs(t, s, "new")[a.ID] {
		t.Error("search does not follow the new title")
	}
	// A duplicate check against the new body.
	dup := storage.Article{Title: "Copy", Body: body}
	if err := s.CreateArticle(ctx, &dup); !errors.Is(err, storage.ErrDuplicate) {
		t.Errorf("importing the edited body again: %v, want ErrDuplicate", err)
	}
}

func TestEditArticleFuzzyQuoteIsReindexed(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "T", "The goverment said no.")
	h := addHighlight(t, s, a, "goverment said")
	h.Quote, h.End = "government said", h.End+1
	if err := s.EditArticle(ctx, storage.Article{ID: a.ID, Title: "T", Body: "The government said no."}, []storage.Highlight{h}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Highlight(ctx, h.ID)
	if err != nil || got.Quote != "government said" || got.End != 19 {
		t.Errorf("highlight = %+v, %v", got, err)
	}
	hits, err := s.Search(ctx, "goverment", 10)
	if err != nil || len(hits) != 0 {
		t.Errorf("search for the old typo = %+v, %v; want nothing", hits, err)
	}
}

func TestEditArticleRefusesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	const body = "First words here.\n\nSecond paragraph here."
	tests := map[string]struct {
		body    string
		hs      func(h storage.Highlight) []storage.Highlight
		id      int64 // 0: the article's
		wantErr error
	}{
		"empty body":               {body: " \n\n ", hs: none},
		"body of another article":  {body: "Another article.", wantErr: storage.ErrDuplicate, hs: none},
		"missing article":          {body: "Fine text.", id: 999, wantErr: storage.ErrNotFound, hs: none},
		"quote not at its offsets": {body: "Totally new text here.", hs: func(h storage.Highlight) []storage.Highlight { return []storage.Highlight{h} }},
		"offsets outside the body": {body: "Short.", hs: func(h storage.Highlight) []storage.Highlight {
			h.Start, h.End = 40, 45
			return []storage.Highlight{h}
		}},
		"unknown highlight": {body: "Fine text here.", wantErr: storage.ErrNotFound, hs: func(h storage.Highlight) []storage.Highlight {
			h.ID, h.Orphaned = 12345, true
			return []storage.Highlight{h}
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s, _ := openTemp(t)
			a := addArticle(t, s, "Title", body)
			addArticle(t, s, "Other", "Another article.")
			h := addHighlight(t, s, a, "Second paragraph")
			id := a.ID
			if tc.id != 0 {
				id = tc.id
			}
			err := s.EditArticle(ctx, storage.Article{ID: id, Title: "Changed", Body: tc.body}, tc.hs(h))
			if err == nil {
				t.Fatal("EditArticle succeeded, want an error")
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("error %v, want %v", err, tc.wantErr)
			}
			got, _ := s.Article(ctx, a.ID)
			if got.Title != "Title" || got.Body != body {
				t.Errorf("article changed by a failed edit: %+v", got)
			}
			hs, _ := s.Highlights(ctx, a.ID)
			if len(hs) != 1 || hs[0].Start != h.Start || hs[0].Quote != h.Quote || hs[0].Orphaned {
				t.Errorf("highlights changed by a failed edit: %+v", hs)
			}
			if !searchIDs(t, s, "second")[a.ID] {
				t.Error("index lost the old body after a failed edit")
			}
		})
	}
}

func none(storage.Highlight) []storage.Highlight { return nil }

func TestRevertEditRestoresExactly(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "Title", "Keep this. Drop that part.")
	h := addHighlight(t, s, a, "Drop that")
	before, err := s.Bundles(ctx, []int64{a.ID})
	if err != nil {
		t.Fatal(err)
	}
	o := h
	o.Orphaned = true
	if err := s.EditArticle(ctx, storage.Article{ID: a.ID, Title: "Edited", Body: "Keep this."}, []storage.Highlight{o}); err != nil {
		t.Fatal(err)
	}
	if err := s.RevertEdit(ctx, before[0]); err != nil {
		t.Fatalf("RevertEdit: %v", err)
	}
	after, err := s.Bundles(ctx, []int64{a.ID})
	if err != nil {
		t.Fatal(err)
	}
	b, g := before[0], after[0]
	if g.Article.Title != b.Article.Title || g.Article.Body != b.Article.Body || !g.Article.Updated.Equal(b.Article.Updated) {
		t.Errorf("article after revert = %+v, want %+v", g.Article, b.Article)
	}
	if len(g.Highlights) != 1 {
		t.Fatalf("highlights after revert: %+v", g.Highlights)
	}
	x, y := g.Highlights[0], b.Highlights[0]
	if x.Start != y.Start || x.End != y.End || x.Quote != y.Quote || x.Prefix != y.Prefix || x.Suffix != y.Suffix ||
		x.Orphaned || !x.Updated.Equal(y.Updated) {
		t.Errorf("highlight after revert = %+v, want %+v", x, y)
	}
	if !searchIDs(t, s, "drop")[a.ID] {
		t.Error("index does not have the restored body")
	}
}

func TestReattachHighlight(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "T", "One two three four.")
	h := storage.Highlight{ArticleID: a.ID, Quote: "gone words", Orphaned: true, Comment: "kept"}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	bad := storage.Highlight{ID: h.ID, Start: 4, End: 7, Quote: "six"}
	if err := s.ReattachHighlight(ctx, bad); err == nil {
		t.Error("re-attaching with a quote that is not the text succeeded")
	}
	if err := s.ReattachHighlight(ctx, storage.Highlight{ID: 999, Start: 4, End: 7, Quote: "two"}); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("re-attaching a missing highlight: %v, want ErrNotFound", err)
	}
	ok := storage.Highlight{ID: h.ID, Start: 4, End: 13, Quote: "two three", Prefix: "One ", Suffix: " four."}
	if err := s.ReattachHighlight(ctx, ok); err != nil {
		t.Fatalf("ReattachHighlight: %v", err)
	}
	got, err := s.Highlight(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Orphaned || got.Start != 4 || got.End != 13 || got.Quote != "two three" || got.Prefix != "One " || got.Comment != "kept" {
		t.Errorf("after re-attach = %+v", got)
	}
	if hits, _ := s.Search(ctx, "gone", 10); len(hits) != 0 {
		t.Errorf("the old quote is still indexed: %+v", hits)
	}
}
