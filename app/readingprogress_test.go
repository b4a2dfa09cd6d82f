package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"scholia/storage"
)

func TestReadingPositionComesBackAndProgressShows(t *testing.T) {
	ctx := context.Background()
	var long, short int64
	var path string
	h := newHarness(t, "", func(s *storage.Store) {
		var paras []string
		for i := range 200 {
			paras = append(paras, strings.Repeat("Paragraph words to read and scroll past. ", 4)+string(rune('A'+i%26)))
		}
		a := storage.Article{Title: "Long read", Body: strings.Join(paras, "\n\n")}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		long = a.ID
		short = addArticles(t, s, "Short")[0]
	})
	path = h.path
	h.ws.open(long)
	v := h.ws.reading.view
	if h.ws.reading.progress.Visible() && h.ws.reading.progress.Size().Width > 1 {
		t.Errorf("at the top the progress line is %.0f px wide", h.ws.reading.progress.Size().Width)
	}
	v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -3000)})
	top := v.TopOffset()
	if top == 0 {
		t.Fatal("scrolling did not move the reading position")
	}
	width := h.ws.reading.progress.Size().Width
	paneW := h.ws.readingUI.Size().Width
	if !h.ws.reading.progress.Visible() || width <= 0 || width >= paneW {
		t.Errorf("progress line %.0f px of %.0f (visible %v)", width, paneW, h.ws.reading.progress.Visible())
	}
	if want := paneW * v.Progress(); width < want-1 || width > want+1 {
		t.Errorf("progress line %.0f px, want %.0f", width, want)
	}
	// Another article and back: the same place.
	h.ws.open(short)
	if v.TopOffset() != 0 {
		t.Errorf("the short article opens at %d", v.TopOffset())
	}
	if h.ws.reading.progress.Visible() {
		t.Error("an article that fits shows a progress line")
	}
	h.ws.open(long)
	if got := v.TopOffset(); got != top {
		t.Errorf("reopened at %d, want %d", got, top)
	}
	// And after a restart, from the library.
	h.close()
	h2 := newHarness(t, path, nil)
	h2.ws.open(long)
	if got := h2.ws.reading.view.TopOffset(); got != top {
		t.Errorf("after a restart the article opens at %d, want %d", got, top)
	}
	if pos, _ := h2.store.ReadingPosition(ctx, long); pos != top {
		t.Errorf("stored position %d, want %d", pos, top)
	}
}
