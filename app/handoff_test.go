package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/app/instance"
	"scholia/app/link"
	"scholia/storage"
)

// linkHarness opens a window on a short article, and has a long one with a
// highlight near its end, far below the first screen.
func linkHarness(t *testing.T) (h *harness, short, long int64, far storage.Highlight) {
	t.Helper()
	h = newHarness(t, "", func(s *storage.Store) {
		ids := addArticles(t, s, "A short article")
		short = ids[0]
		var b strings.Builder
		for i := 1; i <= 120; i++ {
			fmt.Fprintf(&b, "Paragraph %d of the long article, with enough words to wrap once or twice in the pane.\n\n", i)
		}
		b.WriteString("The passage the link points at is here.")
		a := storage.Article{Title: "A long article", Body: b.String()}
		if err := s.CreateArticle(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		long = a.ID
		q := "The passage the link points at"
		start := len([]rune(b.String())) - len([]rune("The passage the link points at is here."))
		far = storage.Highlight{ArticleID: long, Start: start, End: start + len([]rune(q)), Quote: q}
		if err := s.CreateHighlight(context.Background(), &far); err != nil {
			t.Fatal(err)
		}
	})
	h.ws.open(short)
	return h, short, long, far
}

func TestLinkOpensArticleAtHighlight(t *testing.T) {
	h, _, long, far := linkHarness(t)
	if h.ws.reading.view.ScrollOffset() != 0 {
		t.Fatal("the short article starts scrolled")
	}
	if err := h.ws.handoff(instance.Request{V: 1, Open: link.Link{Article: long, Highlight: far.ID}.String()}); err != nil {
		t.Fatal(err)
	}
	if h.ws.current == nil || h.ws.current.ID != long {
		t.Fatalf("the link opened %+v, want article %d", h.ws.current, long)
	}
	if got := h.win.Title(); got != "A long article — Scholia — "+libraryLabel(h.path) {
		t.Errorf("window title %q", got)
	}
	if h.ws.reading.view.ScrollOffset() < 1000 {
		t.Errorf("the reader is scrolled to %v: not down at the highlight", h.ws.reading.view.ScrollOffset())
	}
	if h.ws.reading.view.SelectedHighlight() != far.ID || h.ws.notes.editor.current() != far.ID {
		t.Errorf("highlight %d is not selected (reader %d, notes %d)", far.ID,
			h.ws.reading.view.SelectedHighlight(), h.ws.notes.editor.current())
	}
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog opened: %q", dialogText(t, h.win))
	}
}

func TestLinkToWhatIsNotThere(t *testing.T) {
	for name, tc := range map[string]struct {
		link func(short, long, hl int64) string
		want string
		at   func(short, long int64) int64 // the article open afterwards
	}{
		"unknown article": {
			link: func(_, _, _ int64) string { return "scholia://open?article=999" },
			want: "article 999, which is not in this library",
			at:   func(short, _ int64) int64 { return short }},
		"unknown highlight": {
			link: func(_, long, _ int64) string { return link.Link{Article: long, Highlight: 999}.String() },
			want: "has no highlight 999",
			at:   func(_, long int64) int64 { return long }},
		"another article's highlight": {
			link: func(short, _, hl int64) string { return link.Link{Article: short, Highlight: hl}.String() },
			want: "has no highlight",
			at:   func(short, _ int64) int64 { return short }},
		"malformed": {
			link: func(_, _, _ int64) string { return "scholia://open?article=1;x" },
			want: "malformed query",
			at:   func(short, _ int64) int64 { return short }},
	} {
		t.Run(name, func(t *testing.T) {
			h, short, long, far := linkHarness(t)
			h.ws.openLink(tc.link(short, long, far.ID))
			if got := dialogText(t, h.win); !strings.Contains(got, tc.want) {
				t.Errorf("dialog says %q, want %q", got, tc.want)
			}
			if want := tc.at(short, long); h.ws.current == nil || h.ws.current.ID != want {
				t.Errorf("article %+v open, want %d", h.ws.current, want)
			}
		})
	}
}

func TestHandoffImportsIntoTheWindow(t *testing.T) {
	h, _, _, _ := linkHarness(t)
	f := filepath.Join(t.TempDir(), "handed.md")
	os.WriteFile(f, []byte("# Handed over\n\nFrom a second launch.\n"), 0o644)
	if err := h.ws.handoff(instance.Request{V: 1, Import: []string{f}}); err != nil {
		t.Fatal(err)
	}
	h.eventually("the import summary", func() bool { return strings.Contains(dialogText(t, h.win), "imported") })
	if !strings.Contains(dialogText(t, h.win), "1 article imported") {
		t.Errorf("summary %q", dialogText(t, h.win))
	}
	if h.ws.current == nil || h.ws.current.Title != "Handed over" {
		t.Errorf("open after the import: %+v", h.ws.current)
	}
}

// TestSwitchingLibraryMovesTheClaim: after Preferences → Open another
// library, launches on the old library no longer reach this window (it
// would import their files into the wrong library), and launches on the
// new one do.
func TestSwitchingLibraryMovesTheClaim(t *testing.T) {
	rt, err := os.MkdirTemp("", "rt")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(rt)
	t.Setenv("XDG_RUNTIME_DIR", rt)
	h, _, _, _ := linkHarness(t)
	old := h.store.Path()
	s, err := instance.Claim(old, os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	h.ws.claim, h.ws.handoffOn = s, true
	go s.Serve(func(instance.Request) error { return nil })
	next := filepath.Join(t.TempDir(), "other.db")
	if err := h.ws.switchLibrary(next); err != nil {
		t.Fatal(err)
	}
	defer h.ws.claim.Close()
	ctx := context.Background()
	if err := instance.Send(ctx, old, os.Getenv, instance.Request{}); err != instance.ErrNotRunning {
		t.Errorf("a launch on the old library: %v, want ErrNotRunning", err)
	}
	if _, err := instance.Claim(next, os.Getenv); err != instance.ErrRunning {
		t.Errorf("the new library is not held by the window: %v", err)
	}
}
