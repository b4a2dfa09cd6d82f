package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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

// A question and answer typed in the highlight's panel make a question
// card, kept when the panel moves to another highlight; emptying both
// removes it.
func TestQuestionCardFromHighlightPanel(t *testing.T) {
	h := newHarness(t, "", reviewLibrary(t))
	manualSaves(h)
	ctx := context.Background()
	ids, _ := h.store.ArticleIDs(ctx)
	h.ws.open(ids[0])
	hs, _ := h.store.Highlights(ctx, ids[0])
	first, cloze := hs[0], hs[1]
	h.ws.notes.focusHighlight(first.ID)
	c := h.ws.notes.editor.card
	if !c.qa.Visible() {
		t.Fatal("the Question / Answer fields are not shown for a highlight without a card")
	}
	// Keyboard: Tab from the comment reaches the question.
	if h.ws.notes.editor.comment.AcceptsTab() {
		t.Fatal("the comment field keeps Tab: the card fields cannot be reached from it")
	}
	h.win.Canvas().FocusNext() // the highlight's tag field
	h.win.Canvas().FocusNext()
	if h.win.Canvas().Focused() != c.question {
		t.Fatalf("Tab from the comment, past the tags, focuses %T; want the question field", h.win.Canvas().Focused())
	}
	test.Type(c.question, "What beats cramming?")
	c.question.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter goes on to the answer
	if h.win.Canvas().Focused() != c.answer {
		t.Fatal("Enter in the question did not move to the answer")
	}
	h.ws.notes.flush()
	if _, err := h.store.Card(ctx, first.ID); err == nil {
		t.Fatal("a question without an answer was saved as a card")
	}
	test.Type(c.answer, "Spacing")
	h.ws.notes.focusHighlight(cloze.ID) // leaving the highlight saves at once
	got, err := h.store.Card(ctx, first.ID)
	if err != nil || got.Kind != storage.CardBasic || got.Question != "What beats cramming?" || got.Answer != "Spacing" {
		t.Fatalf("card after leaving the highlight: %+v, %v", got, err)
	}
	// The cloze card shows as such, with no question fields to overwrite it.
	if c.qa.Visible() || !c.cloze.Visible() || !strings.Contains(c.cloze.Text, "consolidates") {
		t.Errorf("a cloze card shows qa=%v cloze=%q", c.qa.Visible(), c.cloze.Text)
	}
	h.ws.notes.focusHighlight(first.ID)
	if c.question.Text != "What beats cramming?" || c.answer.Text != "Spacing" {
		t.Errorf("the card shows %q / %q", c.question.Text, c.answer.Text)
	}
	c.question.SetText("")
	c.answer.SetText("")
	h.ws.notes.flush()
	if _, err := h.store.Card(ctx, first.ID); err == nil {
		t.Error("emptying the question and the answer kept the card")
	}
}
