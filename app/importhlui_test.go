package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scholia/storage"
)

// File → Import highlights from… shows what it will do and writes nothing
// until Import is pressed; then the book is in the library and open.
func TestImportHighlightsThroughTheWindow(t *testing.T) {
	h := newHarness(t, "", func(s *storage.Store) { addArticles(t, s) })
	ctx := context.Background()
	before, _ := h.store.CountArticles(ctx)
	h.ws.planHighlights(filepath.Join("importhl", "testdata", "kindle_en.txt"))
	h.eventually("the summary", func() bool { return strings.Contains(dialogText(t, h.win), "kindle_en.txt (kindle)") })
	text := dialogText(t, h.win)
	if !strings.Contains(text, "2 new articles, 4 highlights added (0 anchored onto articles already in the library, 0 orphaned)") {
		t.Errorf("summary %q", text)
	}
	if n, _ := h.store.CountArticles(ctx); n != before {
		t.Fatalf("the summary wrote: %d articles, had %d", n, before)
	}
	confirmTopDialog(t, h.win, "Import")
	h.eventually("the imported book opened", func() bool {
		return h.ws.current != nil && h.ws.current.Title == "The Field Guide (Second Edition)"
	})
	if n, _ := h.store.CountArticles(ctx); n != before+2 {
		t.Errorf("%d articles after the import, want %d", n, before+2)
	}
	hs, _ := h.store.Highlights(ctx, h.ws.current.ID)
	if len(hs) != 3 || hs[1].Comment != "Compare with chapter 2." {
		t.Errorf("highlights %+v", hs)
	}
	// The same file again: nothing to add, said so, no Import button.
	h.ws.planHighlights(filepath.Join("importhl", "testdata", "kindle_en.txt"))
	h.eventually("the second summary", func() bool { return strings.Contains(dialogText(t, h.win), "4 already imported") })
}
