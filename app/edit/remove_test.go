package edit_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"scholia/app/cleanup"
	"scholia/app/edit"
	"scholia/storage"
)

// pasted is a body with debris between article paragraphs: a sign-up, a
// repeated paragraph and a credit.
var pasted = []string{
	"Russia and the U.S. met in Geneva on Sunday.",      // 0 kept
	"Sign up for our free newsletter today.",            // 1 removed
	"Russia said the talks were useful but not enough.", // 2 kept
	"Russia and the U.S. met in Geneva on Sunday.",      // 3 removed: a copy of 0
	"Photo: Example Pictures",                           // 4 removed
	"NATO began expanding into Eastern Europe in 1999.", // 5 kept
}

func TestRemoveParagraphs(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := storage.Article{Title: "Talks", Body: joinParas(pasted)}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	hs := []storage.Highlight{
		highlightNth(t, s, a, "met in Geneva", 0),          // before every removal: exact
		highlightNth(t, s, a, "Russia", 1),                 // a short quote after a removal: moved by the shift, not to another "Russia"
		highlightNth(t, s, a, "free newsletter", 0),        // inside a removed paragraph: orphaned
		highlightNth(t, s, a, "the U.S. met", 1),           // inside the removed copy: moves to the copy kept
		highlightNth(t, s, a, "Eastern Europe in 1999", 0), // at the end: moved by the shift
	}
	ps := cleanup.Paragraphs(a.Body)
	rep, err := edit.RemoveParagraphs(ctx, s, a.ID, []cleanup.Paragraph{ps[1], ps[3], ps[4]})
	if err != nil {
		t.Fatal(err)
	}
	want := joinParas([]string{pasted[0], pasted[2], pasted[5]})
	got, _ := s.Bundles(ctx, []int64{a.ID})
	if got[0].Article.Body != want {
		t.Fatalf("body = %q, want %q", got[0].Article.Body, want)
	}
	r := []rune(want)
	wantAt := map[int64][2]int{
		hs[0].ID: {hs[0].Start, hs[0].End},
		hs[1].ID: {46, 52},
		hs[3].ID: {11, 23},
		hs[4].ID: {len(r) - 23, len(r) - 1},
	}
	for _, h := range got[0].Highlights {
		if h.ID == hs[2].ID {
			if !h.Orphaned || h.Quote != "free newsletter" || h.Comment != "why free newsletter" {
				t.Errorf("the highlight in the removed sign-up = %+v, want it orphaned with its quote and comment", h)
			}
			continue
		}
		w := wantAt[h.ID]
		if h.Orphaned || h.Start != w[0] || h.End != w[1] || string(r[h.Start:h.End]) != h.Quote {
			t.Errorf("highlight %d %q at [%d,%d) orphaned=%v, want [%d,%d)", h.ID, h.Quote, h.Start, h.End, h.Orphaned, w[0], w[1])
		}
	}
	if rep.Exact != 1 || rep.Moved != 3 || rep.Orphaned != 1 || rep.Fuzzy != 0 {
		t.Errorf("report %s: %+v", rep.Summary(), rep)
	}
	// One undo puts back the exact old body and every highlight.
	if err := edit.Undo(ctx, s, rep.Before); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Bundles(ctx, []int64{a.ID})
	if back[0].Article.Body != a.Body || !reflect.DeepEqual(back[0].Highlights, rep.Before.Highlights) {
		t.Errorf("undo left %q with %+v", back[0].Article.Body, back[0].Highlights)
	}
}

func TestRemoveParagraphsRefuses(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := storage.Article{Title: "Talks", Body: joinParas(pasted)}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	ps := cleanup.Paragraphs(a.Body)
	stale := ps[1]
	stale.Text = "Sign up for something else."
	tests := map[string]struct {
		drop []cleanup.Paragraph
		want error
	}{
		"a paragraph that changed": {[]cleanup.Paragraph{ps[0], stale}, edit.ErrChanged},
		"an index past the end":    {[]cleanup.Paragraph{{Index: 9, Text: "x"}}, edit.ErrChanged},
		"every paragraph":          {ps, edit.ErrEmpty},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := edit.RemoveParagraphs(ctx, s, a.ID, tc.drop); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if now, _ := s.Article(ctx, a.ID); now.Body != a.Body {
				t.Errorf("a refused removal changed the body to %q", now.Body)
			}
		})
	}
	if _, err := edit.RemoveParagraphs(ctx, s, a.ID, nil); err == nil {
		t.Error("removing nothing was accepted")
	}
}

func joinParas(ps []string) string {
	out := ""
	for i, p := range ps {
		if i > 0 {
			out += "\n\n"
		}
		out += p
	}
	return out
}

// TestRemoveParagraphsKeepsStructure: paragraphs are not cut out of an
// article with structure (its Markdown would lose it); it is left as it was.
func TestRemoveParagraphsKeepsStructure(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := storage.Article{Title: "md", Markdown: "# Head\n\n- one\n- two\n\nLast words.\n"}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Article(ctx, a.ID)
	ps := cleanup.Paragraphs(got.Body)
	if _, err := edit.RemoveParagraphs(ctx, s, a.ID, ps[len(ps)-1:]); !errors.Is(err, edit.ErrStructured) {
		t.Fatalf("err = %v, want ErrStructured", err)
	}
	if after, _ := s.Article(ctx, a.ID); after.Markdown != got.Markdown || after.Body != got.Body {
		t.Fatalf("article changed: %q", after.Body)
	}
}
