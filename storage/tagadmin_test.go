package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"scholia/storage"
)

func tagCounts(t *testing.T, s *storage.Store) string {
	t.Helper()
	tags, err := s.Tags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, tg := range tags {
		parts = append(parts, tg.Name+":"+string(rune('0'+tg.Articles))+"/"+string(rune('0'+tg.Highlights)))
	}
	return strings.Join(parts, " ")
}

func TestRenameMergeDeleteTagsAndUndo(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "a", "alpha text", "nato", "europe")
	b := addArticle(t, s, "b", "beta text", "NATO-expansion")
	addArticle(t, s, "c", "gamma text", "europe")
	h := storage.Highlight{ArticleID: b.ID, Start: 0, End: 4, Quote: "beta", Tags: []string{"nato"}}
	if err := s.CreateHighlight(ctx, &h); err != nil {
		t.Fatal(err)
	}
	if got := tagCounts(t, s); got != "europe:2/0 nato:1/1 NATO-expansion:1/0" {
		t.Fatalf("start: %s", got)
	}
	// Plain rename, then case-only rename.
	before, _ := s.Links(ctx, "NATO-expansion")
	if err := s.RenameTag(ctx, "NATO-expansion", "enlargement"); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameTag(ctx, "enlargement", "Enlargement"); err != nil {
		t.Fatal(err)
	}
	if got := tagCounts(t, s); got != "Enlargement:1/0 europe:2/0 nato:1/1" {
		t.Errorf("after renames: %s", got)
	}
	// Merge: renaming onto an existing tag joins them, counting each article once.
	fromLinks, _ := s.Links(ctx, "nato")
	intoLinks, _ := s.Links(ctx, "europe")
	if err := s.RenameTag(ctx, "nato", "Europe"); err != nil {
		t.Fatal(err)
	}
	if got := tagCounts(t, s); got != "Enlargement:1/0 europe:2/1" {
		t.Errorf("after merge: %s", got)
	}
	// Undo of the merge puts both back exactly.
	if err := s.SetLinks(ctx, intoLinks); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLinks(ctx, fromLinks); err != nil {
		t.Fatal(err)
	}
	if got := tagCounts(t, s); got != "Enlargement:1/0 europe:2/0 nato:1/1" {
		t.Errorf("after undoing the merge: %s", got)
	}
	// Delete and undo.
	gone, _ := s.Links(ctx, "europe")
	if err := s.DeleteTag(ctx, "europe"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Article(ctx, a.ID)
	if strings.Join(got.Tags, ",") != "nato" {
		t.Errorf("after delete a has %v", got.Tags)
	}
	if err := s.SetLinks(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if got := tagCounts(t, s); got != "Enlargement:1/0 europe:2/0 nato:1/1" {
		t.Errorf("after undoing the delete: %s", got)
	}
	// Undo of the first rename: the new name's links go, the old come back.
	if err := s.SetLinks(ctx, storage.TagLinks{Name: "Enlargement"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLinks(ctx, before); err != nil {
		t.Fatal(err)
	}
	if got := tagCounts(t, s); got != "europe:2/0 nato:1/1 NATO-expansion:1/0" {
		t.Errorf("after undoing the rename: %s", got)
	}
	if err := s.DeleteTag(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("delete unknown tag: %v", err)
	}
	if err := s.RenameTag(ctx, "nope", "x"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("rename unknown tag: %v", err)
	}
	if err := s.RenameTag(ctx, "nato", "  "); err == nil {
		t.Error("rename to an empty name succeeded")
	}
}

func TestAllHighlightsFilters(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := addArticle(t, s, "First", "The quick brown fox jumps", "animals")
	b := addArticle(t, s, "Second", "Lazy dogs sleep all day")
	mk := func(art storage.Article, start, end int, quote, color, comment string, tags ...string) {
		h := storage.Highlight{ArticleID: art.ID, Start: start, End: end, Quote: quote, Color: color, Comment: comment, Tags: tags}
		if err := s.CreateHighlight(ctx, &h); err != nil {
			t.Fatal(err)
		}
	}
	mk(a, 4, 9, "quick", "yellow", "speed")
	mk(a, 16, 19, "fox", "green", "", "canid")
	mk(b, 5, 9, "dogs", "green", "also canids", "canid")
	cases := map[string]struct {
		f    storage.HighlightFilter
		want string
	}{
		"all newest first": {storage.HighlightFilter{}, "dogs fox quick"},
		"colour":           {storage.HighlightFilter{Color: "green"}, "dogs fox"},
		"highlight tag":    {storage.HighlightFilter{Tag: "canid"}, "dogs fox"},
		"article tag":      {storage.HighlightFilter{Tag: "animals"}, "fox quick"},
		"article":          {storage.HighlightFilter{ArticleID: b.ID}, "dogs"},
		"text in comment":  {storage.HighlightFilter{Text: "canids"}, "dogs"},
		"text and colour":  {storage.HighlightFilter{Text: "fox OR quick", Color: "yellow"}, "quick"},
		"limit":            {storage.HighlightFilter{Limit: 1}, "dogs"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			hs, err := s.AllHighlights(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hs {
				got = append(got, h.Quote)
				if h.ArticleTitle == "" {
					t.Errorf("highlight %d lacks its article title", h.ID)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("got %v, want %s", got, tc.want)
			}
		})
	}
}
