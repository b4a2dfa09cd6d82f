package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

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
	h.ws.reading.view.TypedRune('c') // the reader's C key
	c, err := h.store.Card(ctx, first.ID)
	if err != nil || c.Cloze != "The {{c1::spacing}} effect beats cramming every time." {
		t.Fatalf("card %+v, %v", c, err)
	}
	if got := h.ws.notes.editor.current(); got != first.ID {
		t.Errorf("the notes panel shows highlight %d after C; want %d, with its card", got, first.ID)
	}
	// A second selection adds a second deletion.
	at = first.Start + strings.Index(first.Quote, "cramming")
	h.ws.reading.view.SetSelection(at, at+len("cramming"))
	h.ws.reading.view.TypedRune('C')
	if c, _ := h.store.Card(ctx, first.ID); c.Cloze != "The {{c1::spacing}} effect beats {{c2::cramming}} every time." {
		t.Errorf("second word: %q", c.Cloze)
	}
	// Hiding hidden words again says so and changes nothing.
	at = first.Start + strings.Index(first.Quote, "spacing")
	h.ws.reading.view.SetSelection(at, at+len("spacing"))
	h.ws.reading.view.TypedRune('c')
	if msg := dialogText(t, h.win); !strings.Contains(msg, "already hidden") {
		t.Errorf("C on hidden words says %q", msg)
	}
	closeDialogs(h)
	// A selection across two highlights is refused in one line.
	second := hs[1]
	h.ws.reading.view.SetSelection(first.End-4, second.Start+3)
	h.ws.reading.view.TypedRune('c')
	if msg := dialogText(t, h.win); !strings.Contains(msg, "not inside one highlight") {
		t.Errorf("C across highlights says %q", msg)
	}
	if c, _ := h.store.Card(ctx, second.ID); c.Cloze != "Sleep {{c1::consolidates}} memories." {
		t.Errorf("C across highlights changed the second one's card: %q", c.Cloze)
	}
	if c, _ := h.store.Card(ctx, first.ID); c.Cloze != "The {{c1::spacing}} effect beats {{c2::cramming}} every time." {
		t.Errorf("refused C changed the card: %q", c.Cloze)
	}
}

// closeDialogs dismisses the dialogs shown so far, with Esc.
func closeDialogs(h *harness) {
	for h.ws.dialogKey(h.win, &fyne.KeyEvent{Name: fyne.KeyEscape}) {
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
