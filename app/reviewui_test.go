package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// reviewLibrary: one article, three highlights; the second is a cloze card.
func reviewLibrary(t *testing.T) func(s *storage.Store) {
	return func(s *storage.Store) {
		ctx := context.Background()
		a := storage.Article{Title: "On memory", Body: "Forgetting is fast. The spacing effect beats cramming every time. Sleep consolidates memories. Tests help recall.", Tags: []string{"thesis"}}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i, q := range []string{"The spacing effect beats cramming every time.", "Sleep consolidates memories.", "Tests help recall."} {
			start := strings.Index(a.Body, q)
			h := storage.Highlight{ArticleID: a.ID, Start: start, End: start + len(q), Quote: q, Created: base.Add(time.Duration(i) * time.Hour)}
			if err := s.CreateHighlight(ctx, &h); err != nil {
				t.Fatal(err)
			}
			if i == 1 {
				if err := s.SetCard(ctx, storage.Card{HighlightID: h.ID, Kind: storage.CardCloze, Cloze: "Sleep {{c1::consolidates}} memories."}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func quoteText(s *reviewSession) string {
	var b strings.Builder
	for _, seg := range s.quote.Segments {
		if t, ok := seg.(*widget.TextSegment); ok {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

func TestReviewSessionAnswersWithKeys(t *testing.T) {
	h := newHarness(t, "", reviewLibrary(t))
	day := time.Now() // the window's clock: the queue it built on opening is today's
	h.ws.showReview()
	s := h.ws.reviewWin
	if s == nil {
		t.Fatal("Ctrl+R's action opened no review window")
	}
	if len(s.items) != 3 {
		t.Fatalf("session of %d highlights; want 3", len(s.items))
	}
	// A card comes first (cards, comments and review colours lead) and
	// hides its word until Space.
	first := s.items[0].Highlight
	if s.items[0].Card == nil {
		t.Fatalf("first item %q is not the cloze card", first.Quote)
	}
	if got := quoteText(s); strings.Contains(got, "consolidates") || !strings.Contains(got, "Sleep […] memories.") {
		t.Errorf("cloze before Space: %q", got)
	}
	c := s.win.Canvas()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeySpace})
	if got := quoteText(s); !strings.Contains(got, "Sleep consolidates memories.") {
		t.Errorf("cloze after Space: %q", got)
	}
	test.TypeOnCanvas(c, "3") // good
	log, err := h.store.ReviewLog(context.Background(), first.ID)
	if err != nil || len(log) != 1 || log[0].Rating != 3 {
		t.Fatalf("log after pressing 3: %+v, %v", log, err)
	}
	// The next card: the oldest highlight, with its context.
	if got := quoteText(s); !strings.Contains(got, "Forgetting is fast. The spacing effect beats cramming every time. Sleep") {
		t.Errorf("card shows %q; want the quote with its context", got)
	}
	if s.title.Text != "On memory" || !strings.Contains(s.tags.Text, "#thesis") || s.progress.Text[:6] != "2 of 3" {
		t.Errorf("title %q, tags %q, progress %q", s.title.Text, s.tags.Text, s.progress.Text)
	}
	skipped, retired := s.items[1].Highlight.ID, s.items[2].Highlight.ID
	test.TypeOnCanvas(c, "s") // skip: no answer logged
	if log, _ := h.store.ReviewLog(context.Background(), skipped); len(log) != 0 {
		t.Errorf("skip logged an answer: %+v", log)
	}
	test.TypeOnCanvas(c, "r") // retire the third
	if st, _ := h.store.ReviewState(context.Background(), retired); !st.Retired {
		t.Errorf("R did not retire: %+v", st)
	}
	if !strings.HasPrefix(s.progress.Text, "Session done: 1 highlight") {
		t.Errorf("progress %q at the end", s.progress.Text)
	}
	if !strings.Contains(s.streak.Text, "Streak: 1 day") {
		t.Errorf("streak %q", s.streak.Text)
	}
	if n := s.heat.counts[(heatWeeks-1)*7+(int(day.Weekday())+6)%7]; n != 1 {
		t.Errorf("heat-map today = %d; want 1", n)
	}

	// A restart: the answered highlight is not due today; the skipped one is.
	s.win.Close()
	h.ws.showReview()
	s2 := h.ws.reviewWin
	s2.clock = func() time.Time { return day.Add(time.Hour) }
	s2.reload()
	if len(s2.items) != 1 || s2.items[0].Highlight.ID != skipped {
		t.Fatalf("after restart: %d items; want only the skipped highlight", len(s2.items))
	}
	// Two days later the good answer is due again (S0(good) ≈ 2.3 days).
	s2.clock = func() time.Time { return day.Add(48 * time.Hour) }
	s2.reload()
	var ids []int64
	for _, it := range s2.items {
		ids = append(ids, it.Highlight.ID)
	}
	if len(ids) == 0 || ids[0] != first.ID {
		t.Errorf("two days later the queue is %v; want %d first", ids, first.ID)
	}
}

func TestReviewEditCommentAndOpen(t *testing.T) {
	h := newHarness(t, "", reviewLibrary(t))
	h.ws.showReview()
	s := h.ws.reviewWin
	it := s.items[0]
	s.saveComment("why spacing works")
	got, err := h.store.Highlight(context.Background(), it.Highlight.ID)
	if err != nil || got.Comment != "why spacing works" || s.comment.Text != "Your comment: why spacing works" {
		t.Fatalf("comment %q (%v), shown %q", got.Comment, err, s.comment.Text)
	}
	test.TypeOnCanvas(s.win.Canvas(), "o")
	if h.ws.current == nil || h.ws.current.ID != it.Highlight.ArticleID {
		t.Errorf("O did not open the article")
	}
}

func TestReviewKeysIgnoredUnderDialog(t *testing.T) {
	h := newHarness(t, "", reviewLibrary(t))
	h.ws.showReview()
	s := h.ws.reviewWin
	id := s.items[0].Highlight.ID
	s.editComment()
	s.win.Canvas().Unfocus()
	test.TypeOnCanvas(s.win.Canvas(), "3")
	if log, _ := h.store.ReviewLog(context.Background(), id); len(log) != 0 {
		t.Errorf("a key typed under the comment dialog answered: %+v", log)
	}
}
