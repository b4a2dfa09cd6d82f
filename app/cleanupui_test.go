package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pastedPage is an article as pasted from a news site: a photo credit
// first, a sign-up box, a paragraph pasted twice, a related-links tail.
var pastedPage = []string{
	"Photo: Example Pictures / Jane Roe",
	"Ministers met in Lisbon on Thursday to agree on new rules for fishing in the North Atlantic, after two years of talks.",
	"Sign up for the Morning Brief",
	"The agreement sets catch limits for cod and haddock that scientists call the lowest in a generation.",
	"The agreement sets catch limits for cod and haddock that scientists call the lowest in a generation.",
	"Read more: Why the cod never came back",
}

func TestCleanUpPreviewUntickApplyUndo(t *testing.T) {
	body := strings.Join(pastedPage, "\n\n")
	// Highlights: on the article, on the sign-up (so the preview warns),
	// and on the paragraph after the removed ones.
	h, id, hs := editHarness(t, body, "new rules for fishing", "Morning Brief", "lowest in a generation")
	ctx := context.Background()
	before, _ := h.store.Bundles(ctx, []int64{id})

	c := h.ws.cleanUp()
	if c == nil {
		t.Fatal("no preview opened")
	}
	var labels []string
	for i, item := range c.items {
		labels = append(labels, item[0].Reason)
		if len(item) != 1 || !c.checks[i].Checked {
			t.Errorf("item %d (%s): %d paragraphs, ticked %v; want one, ticked", i, item[0].Reason, len(item), c.checks[i].Checked)
		}
	}
	if got := strings.Join(labels, ", "); got != "credit, newsletter sign-up, repeats paragraph 4, read-more link" {
		t.Fatalf("the preview proposes %s", got)
	}
	msg := overlayText(t, h.win)
	if c.checks[1].Text != "¶3 · newsletter sign-up" || !strings.Contains(msg, "⚠ 1 highlight is here") {
		t.Errorf("the preview says %q: want each paragraph's number and reason, and a warning on the one with a highlight", msg)
	}
	if strings.Count(msg, "⚠") != 1 {
		t.Errorf("%d warnings, want only the sign-up's", strings.Count(msg, "⚠"))
	}

	// Keep the credit: untick it, then apply.
	test.Tap(c.checks[0])
	confirmTopDialog(t, h.win, "Remove ticked")
	want := strings.Join([]string{pastedPage[0], pastedPage[1], pastedPage[3]}, "\n\n")
	a, _ := h.store.Article(ctx, id)
	if a.Body != want {
		t.Fatalf("body after clean-up = %q, want %q", a.Body, want)
	}
	if got := h.ws.reading.view.Document().Body; got != want {
		t.Errorf("the reader shows %q", got)
	}
	r := []rune(want)
	for i, wantOrphan := range []bool{false, true, false} {
		x, err := h.store.Highlight(ctx, hs[i].ID)
		if err != nil {
			t.Fatalf("highlight %d gone: %v", i, err)
		}
		if x.Orphaned != wantOrphan || x.Quote != hs[i].Quote || x.Comment != hs[i].Comment ||
			(!x.Orphaned && string(r[x.Start:x.End]) != x.Quote) {
			t.Errorf("highlight %d after clean-up: %+v (want orphaned: %v)", i, x, wantOrphan)
		}
	}
	if msg := overlayText(t, h.win); !strings.Contains(msg, "Removed 3 paragraphs.") || !strings.Contains(msg, "Morning Brief") {
		t.Errorf("the report says %q", msg)
	}

	// One undo restores the exact old body and every highlight.
	h.win.Canvas().Focus(h.ws.reading.view)
	h.ws.route(&fyne.ShortcutUndo{})
	after, _ := h.store.Bundles(ctx, []int64{id})
	if after[0].Article.Body != body {
		t.Fatalf("undo left %q", after[0].Article.Body)
	}
	for i, x := range after[0].Highlights {
		y := before[0].Highlights[i]
		if x.ID != y.ID || x.Start != y.Start || x.End != y.End || x.Quote != y.Quote || x.Orphaned {
			t.Errorf("undo: highlight %+v, want %+v", x, y)
		}
	}
}

func TestRemoveParagraphFromContextMenu(t *testing.T) {
	body := strings.Join(pastedPage, "\n\n")
	h, id, _ := editHarness(t, body)
	ctx := context.Background()
	v := h.ws.reading.view
	at := len([]rune(pastedPage[0])) + 2 + 5 // inside the second paragraph
	p := v.PositionOf(at)
	test.TapSecondaryAt(v, fyne.NewPos(p.X+1, p.Y))
	menu := findPopUpMenu(t, h.win.Canvas().Overlays().Top())
	if menu == nil || len(menu.Items) != 1 {
		t.Fatalf("right-click opened %v, want the paragraph menu", h.win.Canvas().Overlays().Top())
	}
	test.Tap(menu.Items[0].(fyne.Tappable))
	want := strings.Join(append([]string{pastedPage[0]}, pastedPage[2:]...), "\n\n")
	if a, _ := h.store.Article(ctx, id); a.Body != want {
		t.Fatalf("body after Remove paragraph = %q, want %q", a.Body, want)
	}
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a removal that touched no highlight showed %T", top)
	}
	h.win.Canvas().Focus(v)
	h.ws.route(&fyne.ShortcutUndo{})
	if a, _ := h.store.Article(ctx, id); a.Body != body {
		t.Errorf("undo left %q", a.Body)
	}
}

// findPopUpMenu finds the pop-up menu inside an overlay (Fyne wraps it).
func findPopUpMenu(t *testing.T, o fyne.CanvasObject) *widget.PopUpMenu {
	switch x := o.(type) {
	case nil:
		return nil
	case *widget.PopUpMenu:
		return x
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			if m := findPopUpMenu(t, c); m != nil {
				return m
			}
		}
	}
	return nil
}

// A related-links tail is one item in the preview; its tick removes all of it.
func TestCleanUpGroupsALinkTail(t *testing.T) {
	article := "Ministers met in Lisbon on Thursday to agree on new rules for fishing in the North Atlantic, after two years of talks."
	body := strings.Join([]string{article, "Related", "-", "Whales return to the Tagus", "-", "The last cannery in Peniche"}, "\n\n")
	h, id, _ := editHarness(t, body)
	c := h.ws.cleanUp()
	if c == nil || len(c.items) != 1 || len(c.items[0]) != 5 || c.checks[0].Text != "¶2–6 · related links (5 paragraphs)" {
		t.Fatalf("preview items: %+v", c)
	}
	confirmTopDialog(t, h.win, "Remove ticked")
	if a, _ := h.store.Article(context.Background(), id); a.Body != article {
		t.Errorf("body = %q, want only the article", a.Body)
	}
}
