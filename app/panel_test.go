package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

// addHighlights highlights the first n words of an article's body.
func addHighlights(t *testing.T, s *storage.Store, articleID int64, tags ...string) []storage.Highlight {
	t.Helper()
	ctx := context.Background()
	a, err := s.Article(ctx, articleID)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(a.Body)
	var out []storage.Highlight
	start := 0
	for i, c := range []string{"yellow", "green", "blue"} {
		end := start
		for end < len(rs) && rs[end] != ' ' {
			end++
		}
		h := storage.Highlight{ArticleID: articleID, Start: start, End: end, Quote: string(rs[start:end]), Color: c,
			Comment: fmt.Sprintf("comment %d", i)}
		if err := s.CreateHighlight(ctx, &h); err != nil {
			t.Fatal(err)
		}
		if len(tags) > 0 {
			if err := s.ChangeHighlightTags(ctx, h.ID, tags, nil); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, h)
		start = end + 1
	}
	return out
}

// findSwatchBar returns the reader's colour toolbar (an unexported type of
// the reader package) among the widget's drawn objects.
func findSwatchBar(t *testing.T, r fyne.Widget) fyne.Tappable {
	t.Helper()
	for _, o := range test.WidgetRenderer(r).Objects() {
		if fmt.Sprintf("%T", o) == "*reader.swatchBar" {
			if !o.Visible() {
				t.Fatal("the colour toolbar is hidden")
			}
			return o.(fyne.Tappable)
		}
	}
	t.Fatal("no colour toolbar in the reader")
	return nil
}

func TestSwatchClickFocusesTheNewComment(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "Swatch article") })
	h.ws.open(ids[0])
	v := h.ws.reading.view
	c := h.win.Canvas()
	c.Focus(v)
	v.SetSelection(0, 6) // "Swatch"
	v.Refresh()
	bar := findSwatchBar(t, v)
	// The second swatch: swatches are 22 px wide with 6 px gaps.
	bar.Tapped(&fyne.PointEvent{Position: fyne.NewPos(6+28+11, 17)})
	hs, _ := h.store.Highlights(context.Background(), ids[0])
	if len(hs) != 1 || hs[0].Quote != "Swatch" || hs[0].Color != "green" {
		t.Fatalf("highlights after the swatch click = %+v", hs)
	}
	if c.Focused() != h.ws.notes.editor.comment {
		t.Fatalf("after a swatch click the focus is on %T, want the new highlight's comment", c.Focused())
	}
	test.Type(c.Focused(), "typed after the click")
	h.ws.notes.flush()
	if got, _ := h.store.Highlight(context.Background(), hs[0].ID); got.Comment != "typed after the click" {
		t.Errorf("comment = %q", got.Comment)
	}
}

// geometry is where the notes panel's parts are, in window coordinates.
type geometry struct {
	noteTop, noteBottom, header, headerBottom, listTop, listBottom, editorTop float32
}

func panelGeometry(h *harness) geometry {
	d := fyne.CurrentApp().Driver()
	n := h.ws.notes
	note := fyne.CanvasObject(n.note)
	if n.previewing {
		note = n.preview
	}
	g := geometry{
		noteTop:      d.AbsolutePositionForObject(note).Y,
		noteBottom:   d.AbsolutePositionForObject(note).Y + note.Size().Height,
		header:       d.AbsolutePositionForObject(n.hlHeader).Y,
		headerBottom: d.AbsolutePositionForObject(n.hlHeader).Y + n.hlHeader.Size().Height,
		listTop:      d.AbsolutePositionForObject(n.highlights.list).Y,
		listBottom:   d.AbsolutePositionForObject(n.highlights.list).Y + n.highlights.list.Size().Height,
	}
	if n.editor.box.Visible() {
		g.editorTop = d.AbsolutePositionForObject(n.editor.box).Y
	}
	return g
}

// checkNoOverlap fails if the note, the header, the list and the editor
// overlap or the note is shorter than it asks to be.
func checkNoOverlap(t *testing.T, h *harness, g geometry, when string) {
	t.Helper()
	n := h.ws.notes
	var note fyne.CanvasObject = n.note
	if n.previewing {
		note = n.preview
	}
	if note.Size().Height < note.MinSize().Height {
		t.Errorf("%s: the note is clipped to %.0f px of %.0f", when, note.Size().Height, note.MinSize().Height)
	}
	if g.noteBottom > g.header || g.headerBottom > g.listTop {
		t.Errorf("%s: note ends at %.0f, header %.0f–%.0f, list starts at %.0f", when, g.noteBottom, g.header, g.headerBottom, g.listTop)
	}
	if g.listBottom-g.listTop < minListHeight {
		t.Errorf("%s: the list is squeezed to %.0f px", when, g.listBottom-g.listTop)
	}
	if g.editorTop != 0 && g.editorTop < g.listBottom {
		t.Errorf("%s: the editor starts at %.0f, inside the list (ends %.0f)", when, g.editorTop, g.listBottom)
	}
}

func TestNotesPanelListComesBackAfterDeselect(t *testing.T) {
	var ids []int64
	var hs []storage.Highlight
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "Layout article")
		hs = addHighlights(t, s, ids[0])
	})
	h.ws.open(ids[0])
	before := panelGeometry(h)
	checkNoOverlap(t, h, before, "opened")

	h.ws.notes.focusHighlight(hs[1].ID) // a click on it in the reader
	selected := panelGeometry(h)
	checkNoOverlap(t, h, selected, "selected")
	if selected.listBottom >= before.listBottom {
		t.Errorf("with the editor shown the list still ends at %.0f", selected.listBottom)
	}
	h.ws.notes.focusHighlight(0) // a click on plain text
	after := panelGeometry(h)
	if after != before {
		t.Errorf("after deselecting, the panel is %+v, want it as first opened %+v", after, before)
	}
}

func TestNotesPanelFromAllHighlightsLaysOutTheSame(t *testing.T) {
	var ids []int64
	var hs []storage.Highlight
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "Other article", "Layout article")
		hs = addHighlights(t, s, ids[1], "evidence", "to check")
	})
	h.win.Resize(fyne.NewSize(1200, 540)) // a short window, where parts used to overlap
	h.ws.open(ids[0])

	// Path 1: open the article, click the highlight in the reader.
	h.ws.open(ids[1])
	h.ws.notes.focusHighlight(hs[2].ID)
	fromReader := panelGeometry(h)
	checkNoOverlap(t, h, fromReader, "from the reader")

	// Path 2: from another article, through All highlights.
	h.ws.open(ids[0])
	h.ws.showAllHighlights()
	v := h.ws.allHL
	row := -1
	for i, r := range v.rows {
		if r.ID == hs[2].ID {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("All highlights lists %d rows, none is highlight %d", len(v.rows), hs[2].ID)
	}
	v.list.Select(row)
	if h.ws.current == nil || h.ws.current.ID != ids[1] || h.ws.notes.editor.current() != hs[2].ID {
		t.Fatalf("All highlights did not open the highlight")
	}
	// The test driver measures positions in the newest window only.
	v.win.Close()
	fromAll := panelGeometry(h)
	checkNoOverlap(t, h, fromAll, "from All highlights")
	if fromAll != fromReader {
		t.Errorf("from All highlights the panel is %+v, from the reader %+v", fromAll, fromReader)
	}
}

func TestNoteMarkdownPreviewLinksAndToggle(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "First piece", "Second piece")
		if err := s.SetNote(context.Background(), ids[0], "Read **this** with [[second PIECE]] and [the site](https://example.org/x).\n\n- one\n- [[Second piece|the other one]]"); err != nil {
			t.Fatal(err)
		}
	})
	n := h.ws.notes
	n.setNotePreview(true)
	h.ws.open(ids[0])
	if n.note.Visible() || !n.preview.Visible() {
		t.Fatal("the preview is not what shows")
	}
	var text []string
	bold := false
	for _, s := range n.preview.text.Segments {
		if ts, ok := s.(*widget.TextSegment); ok {
			text = append(text, ts.Text)
			if ts.Text == "this" && ts.Style.TextStyle.Bold {
				bold = true
			}
		}
	}
	if !bold || strings.Contains(strings.Join(text, ""), "**") {
		t.Errorf("the preview shows %q, want **this** in bold without the stars", text)
	}
	links := n.preview.links()
	if len(links) != 3 {
		t.Fatalf("links = %d, want 3", len(links))
	}
	if links[1].URL.String() != "https://example.org/x" || links[1].OnTapped != nil {
		t.Errorf("web link = %v (custom tap %v)", links[1].URL, links[1].OnTapped != nil)
	}
	if links[2].Text != "the other one" {
		t.Errorf("aliased wiki link text = %q", links[2].Text)
	}
	links[0].OnTapped()
	if h.ws.current == nil || h.ws.current.ID != ids[1] {
		t.Fatalf("[[second PIECE]] opened %+v, want article %d", h.ws.current, ids[1])
	}

	// The shortcut switches to editing with the cursor in the note; what is
	// typed autosaves and the preview shows it afterwards.
	c := h.win.Canvas()
	canvasShortcuts(t, c).TypedShortcut(notePreviewKey)
	if !n.note.Visible() || c.Focused() != n.note {
		t.Fatalf("after the shortcut: note visible %v, focus on %T", n.note.Visible(), c.Focused())
	}
	test.Type(c.Focused(), "A _new_ note")
	canvasShortcuts(t, c).TypedShortcut(notePreviewKey)
	if !n.previewing || n.note.Visible() {
		t.Fatal("the shortcut did not go back to the preview")
	}
	n.flush()
	if a, _ := h.store.Article(context.Background(), ids[1]); a.Note != "A _new_ note" {
		t.Errorf("stored note = %q", a.Note)
	}
	if got := n.preview.text.String(); !strings.Contains(got, "A new note") {
		t.Errorf("preview text = %q", got)
	}
	// The choice is remembered.
	if !h.app.Preferences().BoolWithFallback(prefNotePreview, false) {
		t.Error("the preview mode was not remembered")
	}
}

func TestNotePreviewMarkdownTable(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"plain":   {"no links", "no links"},
		"wiki":    {"see [[A title]]", "see [A title](scholia-article:A%20title)"},
		"alias":   {"[[A|b *c*]]", `[b \*c\*](scholia-article:A)`},
		"slash":   {"[[a/b]]", "[a/b](scholia-article:a%2Fb)"},
		"broken":  {"[[no end", "[[no end"},
		"newline": {"[[a\nb]]", "[[a\nb]]"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if got := notePreviewMarkdown(c.in); got != c.want {
				t.Errorf("notePreviewMarkdown(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestWindowNeverOutgrowsTheUserSize: the window grows to its content's
// minimum size, so a notes panel whose minimum grew when a highlight was
// selected made a window the user had made short taller by itself, and
// that size, not the user's, was saved for the next start.
func TestWindowNeverOutgrowsTheUserSize(t *testing.T) {
	var ids []int64
	var hs []storage.Highlight
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "Sized article")
		hs = addHighlights(t, s, ids[0], "evidence", "to check", "later")
	})
	user := fyne.NewSize(1000, 520)
	h.win.Resize(user)
	h.ws.open(ids[0])
	h.ws.notes.focusHighlight(hs[0].ID)
	h.ws.notes.editor.reattach.Show() // the tallest the editor gets
	h.ws.notes.relayout()
	if m := h.win.Content().MinSize(); m.Height > user.Height || m.Width > user.Width {
		t.Errorf("with a highlight selected the window needs %v, more than the %v the user chose", m, user)
	}
	h.ws.flush()
	p := h.app.Preferences()
	if w, ht := p.Float(prefWindowWidth), p.Float(prefWindowHeight); float32(w) != user.Width || float32(ht) != user.Height {
		t.Errorf("saved window size %.0f×%.0f, want %v", w, ht, user)
	}
}
