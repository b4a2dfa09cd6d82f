package app

import (
	"context"
	"strings"
	"testing"

	"scholia/storage"
)

func TestClozeFromReaderSelection(t *testing.T) {
	h := newHarness(t, "", reviewLibrary(t))
	ctx := context.Background()
	ids, _ := h.store.ArticleIDs(ctx)
	h.ws.open(ids[0])
	hs, _ := h.store.Highlights(ctx, ids[0])
	first := hs[0] // "The spacing effect beats cramming every time."
	at := first.Start + strings.Index(first.Quote, "spacing")
	h.ws.reading.view.SetSelection(at, at+len("spacing"))
	if items := h.ws.cardMenuItems(); len(items) != 1 {
		t.Fatalf("context menu card items: %d", len(items))
	}
	h.ws.clozeFromSelection()
	c, err := h.store.Card(ctx, first.ID)
	if err != nil || c.Cloze != "The {{c1::spacing}} effect beats cramming every time." {
		t.Fatalf("card %+v, %v", c, err)
	}
	// A second selection adds a second deletion.
	at = first.Start + strings.Index(first.Quote, "cramming")
	h.ws.reading.view.SetSelection(at, at+len("cramming"))
	h.ws.clozeFromSelection()
	if c, _ := h.store.Card(ctx, first.ID); c.Cloze != "The {{c1::spacing}} effect beats {{c2::cramming}} every time." {
		t.Errorf("second word: %q", c.Cloze)
	}
}

func TestReviewMakesQuestionCard(t *testing.T) {
	h := newHarness(t, "", reviewLibrary(t))
	h.ws.showReview()
	s := h.ws.reviewWin
	var plain int
	for i, it := range s.items {
		if it.Card == nil {
			plain = i
			break
		}
	}
	s.pos = plain
	s.show()
	id := s.items[plain].Highlight.ID
	s.saveCard("", "What beats cramming?", "Spacing")
	c, err := h.store.Card(context.Background(), id)
	if err != nil || c.Kind != storage.CardBasic || c.Answer != "Spacing" {
		t.Fatalf("card %+v, %v", c, err)
	}
	if got := quoteText(s); !strings.Contains(got, "Q: What beats cramming?") || strings.Contains(got, "Spacing\n") {
		t.Errorf("question card shows %q", got)
	}
	s.saveCard("nowhere in the quote", "", "")
	if c2, _ := h.store.Card(context.Background(), id); c2.Kind != storage.CardBasic {
		t.Errorf("a bad cloze replaced the card: %+v", c2)
	}
}
