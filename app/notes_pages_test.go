package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// cardCaptions renders each row of the notes panel's highlight list and
// returns its caption line (colour, comment, tags).
func cardCaptions(l *highlightList) []string {
	var out []string
	for i := range l.hs {
		o := l.list.CreateItem()
		l.list.UpdateItem(i, o)
		out = append(out, o.(*fyne.Container).Objects[1].(*widget.Label).Text)
	}
	return out
}

func TestHighlightCardsNameTheirPage(t *testing.T) {
	ctx := context.Background()
	body := "First page words.\n\nSecond page words.\n\nThird page words."
	var paper, plain int64
	h := newHarness(t, "", func(s *storage.Store) {
		plain = addArticles(t, s, "Plain article")[0]
		a := storage.Article{Title: "Paper", Body: body, Pages: []int{0, 19, 39}}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		paper = a.ID
		for _, q := range []string{"First", "Third", "Second"} {
			st := len([]rune(body[:strings.Index(body, q)]))
			hl := storage.Highlight{ArticleID: paper, Start: st, End: st + len(q), Quote: q, Color: "yellow"}
			if err := s.CreateHighlight(ctx, &hl); err != nil {
				t.Fatal(err)
			}
		}
		gone := storage.Highlight{ArticleID: paper, Start: 0, End: 4, Quote: "gone", Color: "yellow", Orphaned: true}
		if err := s.CreateHighlight(ctx, &gone); err != nil {
			t.Fatal(err)
		}
	})
	addHighlights(t, h.store, plain)
	h.ws.open(paper)
	got := map[string]string{}
	for i, c := range cardCaptions(h.ws.notes.highlights) {
		got[h.ws.notes.highlights.hs[i].Quote] = c
	}
	for q, page := range map[string]string{"First": "p. 1 · ", "Second": "p. 2 · ", "Third": "p. 3 · "} {
		if !strings.HasPrefix(got[q], page) {
			t.Errorf("card of %q reads %q, want it to start with %q", q, got[q], page)
		}
	}
	if strings.Contains(got["gone"], "p. ") {
		t.Errorf("the orphan's card names a page: %q", got["gone"])
	}
	h.ws.open(plain)
	for _, c := range cardCaptions(h.ws.notes.highlights) {
		if strings.Contains(c, "p. ") {
			t.Errorf("a card of an article without pages names one: %q", c)
		}
	}
}
