package app

import (
	"context"
	"os"
	"path/filepath"
	"scholia/app/internal/seedtest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/app/ingest"
	"scholia/storage"
)

const editBody = "Sign up for our free newsletter.\n\nThe talks in Geneva began on Monday.\n\nNATO expanded east in 1999."

// editHarness opens a window on one article carrying two highlights: one
// on boilerplate, one on the text.
func editHarness(t *testing.T, body string, quotes ...string) (*harness, int64, []storage.Highlight) {
	t.Helper()
	var id int64
	var hs []storage.Highlight
	h := newHarness(t, "", func(s *storage.Store) {
		addArticles(t, s) // marks the library welcomed
		a := storage.Article{Title: "Talks", Source: "The Week", Body: body}
		if err := s.CreateArticle(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		id = a.ID
		for _, q := range quotes {
			i := strings.Index(body, q)
			start := len([]rune(body[:i]))
			x := storage.Highlight{ArticleID: id, Start: start, End: start + len([]rune(q)), Quote: q, Comment: "on " + q}
			if err := s.CreateHighlight(context.Background(), &x); err != nil {
				t.Fatal(err)
			}
			hs = append(hs, x)
		}
	})
	h.ws.open(id)
	return h, id, hs
}

// overlayText is all the label text in the window's top dialog.
func overlayText(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return b.String()
}

func TestEditArticleTextMovesHighlightsAndUndoes(t *testing.T) {
	h, id, hs := editHarness(t, editBody, "free newsletter", "talks in Geneva")
	ctx := context.Background()
	before, _ := h.store.Bundles(ctx, []int64{id})

	e := h.ws.openEditor()
	if e == nil || e.body.Text != editBody || len(e.pieces) != 1 || e.list != nil {
		t.Fatalf("a short body is edited whole: %+v", e)
	}
	e.title.SetText("Geneva talks")
	e.body.SetText("The talks in Geneva began on Monday.\n\nNATO expanded east in 1999.")
	// Ctrl+S saves from the focused text (an Entry would swallow it).
	e.win.Canvas().Focus(e.body)
	e.body.TypedShortcut(ctrl(fyne.KeyS))

	a, _ := h.store.Article(ctx, id)
	if a.Title != "Geneva talks" || strings.Contains(a.Body, "newsletter") {
		t.Fatalf("saved article: %+v", a)
	}
	if got := h.ws.reading.view.Document().Body; got != a.Body {
		t.Errorf("the reader shows %q, want the new text", got)
	}
	moved, _ := h.store.Highlight(ctx, hs[1].ID)
	orphan, _ := h.store.Highlight(ctx, hs[0].ID)
	if moved.Start != 4 || moved.Orphaned || !orphan.Orphaned || orphan.Comment != "on free newsletter" {
		t.Errorf("after the edit: moved %+v, orphan %+v", moved, orphan)
	}
	if msg := overlayText(t, h.win); !strings.Contains(msg, "1 highlight moved, 1 could not be placed") || !strings.Contains(msg, "free newsletter") {
		t.Errorf("the report says %q", msg)
	}
	if !strings.Contains(h.ws.notes.hlHeader.Text, "1 orphaned") {
		t.Errorf("notes header %q does not count the orphan", h.ws.notes.hlHeader.Text)
	}

	// Ctrl+Z in the reader undoes the edit exactly; redo does it again.
	h.win.Canvas().Focus(h.ws.reading.view)
	h.ws.route(&fyne.ShortcutUndo{})
	after, _ := h.store.Bundles(ctx, []int64{id})
	b, g := before[0], after[0]
	if g.Article.Body != b.Article.Body || g.Article.Title != b.Article.Title || !g.Article.Updated.Equal(b.Article.Updated) {
		t.Errorf("undo left %+v", g.Article)
	}
	for i := range b.Highlights {
		x, y := g.Highlights[i], b.Highlights[i]
		if x.ID != y.ID || x.Start != y.Start || x.End != y.End || x.Quote != y.Quote || x.Prefix != y.Prefix || x.Orphaned {
			t.Errorf("undo: highlight %+v, want %+v", x, y)
		}
	}
	if h.ws.reading.view.Document().Body != editBody {
		t.Error("the reader does not show the restored text")
	}
	h.ws.route(ctrlShift(fyne.KeyZ))
	if a, _ := h.store.Article(ctx, id); a.Title != "Geneva talks" || strings.Contains(a.Body, "newsletter") {
		t.Errorf("redo left %+v", a)
	}
}

func TestEditorRefusesBadInput(t *testing.T) {
	h, id, _ := editHarness(t, editBody)
	ctx := context.Background()
	tests := map[string]func(e *articleEditor){
		"bad date":   func(e *articleEditor) { e.published.SetText("2022-02-30") },
		"empty text": func(e *articleEditor) { e.body.SetText("  \n\n ") },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			e := h.ws.openEditor()
			change(e)
			e.save()
			if e.win.Canvas().Overlays().Top() == nil {
				t.Error("no error shown in the editor")
			}
			if a, _ := h.store.Article(ctx, id); a.Body != editBody || a.Published != "" {
				t.Errorf("a refused edit changed the article: %+v", a)
			}
			e.win.Close()
		})
	}
	// Saving without changes adds nothing to undo.
	e := h.ws.openEditor()
	e.save()
	if n := len(h.ws.reading.historyOf(id).done); n != 0 {
		t.Errorf("an unchanged save made %d undo steps", n)
	}
	// Cancel with changes asks first; keeping on editing keeps them.
	e = h.ws.openEditor()
	e.title.SetText("Half-typed")
	e.requestClose()
	confirmTopDialog(t, e.win, "Keep editing")
	if e.title.Text != "Half-typed" {
		t.Error("Keep editing lost the change")
	}
	e.requestClose()
	confirmTopDialog(t, e.win, "Discard")
	if a, _ := h.store.Article(ctx, id); a.Title != "Talks" {
		t.Errorf("discarding saved the title %q", a.Title)
	}
}

func TestReattachOrphanToSelection(t *testing.T) {
	h, id, hs := editHarness(t, editBody, "free newsletter")
	ctx := context.Background()
	e := h.ws.openEditor()
	e.body.SetText("The talks in Geneva began on Monday.\n\nNATO expanded east in 1999.")
	e.save()
	h.ws.notes.focusHighlight(hs[0].ID)
	ed := h.ws.notes.editor
	if ed.current() != hs[0].ID || !ed.reattach.Visible() {
		t.Fatalf("the orphan's editor (showing %d) has no Re-attach button", ed.current())
	}
	h.ws.reading.view.SetSelection(4, 19) // "talks in Geneva"
	test.Tap(ed.reattach)
	x, err := h.store.Highlight(ctx, hs[0].ID)
	if err != nil || x.Orphaned || x.Start != 4 || x.End != 19 || x.Quote != "talks in Geneva" || x.Comment != "on free newsletter" {
		t.Errorf("after re-attach: %+v, %v", x, err)
	}
	if ed.reattach.Visible() {
		t.Error("Re-attach still offered for a placed highlight")
	}
	if !strings.Contains(h.ws.notes.hlHeader.Text, "(1)") || strings.Contains(h.ws.notes.hlHeader.Text, "orphaned") {
		t.Errorf("notes header %q", h.ws.notes.hlHeader.Text)
	}
	// Undo makes it an orphan again; a second undo takes back the edit.
	h.win.Canvas().Focus(h.ws.reading.view)
	h.ws.route(&fyne.ShortcutUndo{})
	if x, _ := h.store.Highlight(ctx, hs[0].ID); !x.Orphaned || x.Quote != "free newsletter" {
		t.Errorf("undo re-attach: %+v", x)
	}
	h.ws.route(&fyne.ShortcutUndo{})
	x, _ = h.store.Highlight(ctx, hs[0].ID)
	if a, _ := h.store.Article(ctx, id); a.Body != editBody || x.Orphaned || x.Start != hs[0].Start {
		t.Errorf("undo edit: body %q, highlight %+v", a.Body, x)
	}
}

func TestEditMenuItem(t *testing.T) {
	h, _, _ := editHarness(t, editBody)
	for _, m := range h.ws.makeMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Edit article text…" {
				if m.Label != menuEdit || keysOf(shortcut{sc: it.Shortcut}) != "Ctrl+Shift+E" {
					t.Errorf("item in %q with %v", m.Label, keysOf(shortcut{sc: it.Shortcut}))
				}
				return
			}
		}
	}
	t.Error("no Edit article text… menu item")
}

// TestLongBodyIsEditedInPieces opens a generated article of 33k words in
// one paragraph (the size of the longest State of the Union address) in
// the editor: the Entry holds one part at a time, a part deleted there is
// gone after saving, and the rest is intact.
func TestLongBodyIsEditedInPieces(t *testing.T) {
	longBodyInPieces(t, seedtest.OneParagraph(33_000))
}

// TestSotuIsEditedInPieces is the same on the longest address itself.
func TestSotuIsEditedInPieces(t *testing.T) {
	path := "../../shared/corpus/sotu/1981_jimmy_carter_d.txt"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf(seedtest.SkipNoCorpus+"the State of the Union addresses are not at %s", filepath.Dir(path))
	}
	longBodyInPieces(t, string(raw))
}

func longBodyInPieces(t *testing.T, raw string) {
	body := ingest.NormalizeBody(raw)
	h, id, _ := editHarness(t, body, strings.Join(strings.Fields(body)[:3], " "))
	start := time.Now()
	e := h.ws.openEditor()
	t.Logf("editor on %d words opened in %v", len(strings.Fields(body)), time.Since(start))
	if len(e.pieces) < 50 || e.list == nil {
		t.Fatalf("%d pieces: a long body must be edited in parts", len(e.pieces))
	}
	for i, p := range e.pieces {
		if n := len([]rune(p.text)); n > 2*pieceChars {
			t.Fatalf("piece %d has %d characters", i, n)
		}
	}
	if len([]rune(e.body.Text)) > 2*pieceChars {
		t.Fatalf("the Entry holds %d characters", len([]rune(e.body.Text)))
	}
	e.list.Select(3)
	gone := e.pieces[3].text
	if e.body.Text != gone {
		t.Fatal("choosing a part does not show it")
	}
	e.body.SetText("")
	e.save()
	a, _ := h.store.Article(context.Background(), id)
	if strings.Contains(a.Body, gone) || len(a.Body) != len(body)-len(gone)-1 {
		t.Errorf("after deleting a part: %d bytes, want %d", len(a.Body), len(body)-len(gone)-1)
	}
}

func TestSplitAndJoinPieces(t *testing.T) {
	long := strings.Repeat("word ", 5000) + "end."
	paras := strings.Repeat("A paragraph of some length here. ", 10) + "End." + "\n\n" + long + "\n\nLast."
	first := splitPieces(paras)[1].text // the first part of the long paragraph
	tests := map[string]struct {
		body   string
		edit   func(ps []piece)
		want   string
		pieces int // 0: do not check
	}{
		"short body is one piece": {body: "One.\n\nTwo.", pieces: 1, want: "One.\n\nTwo."},
		"long body round trip":    {body: paras, want: paras},
		"one-paragraph long body": {body: long, want: long},
		"first part of a long paragraph deleted": {body: paras,
			edit: func(ps []piece) { ps[1].text = "" },
			want: strings.Split(paras, "\n\n")[0] + "\n\n" + long[len(first)+1:] + "\n\nLast."},
		"paragraph deleted": {body: paras, edit: func(ps []piece) { ps[len(ps)-1].text = "" },
			want: strings.TrimSuffix(paras, "\n\nLast.")},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ps := splitPieces(tc.body)
			if tc.pieces != 0 && len(ps) != tc.pieces {
				t.Errorf("%d pieces, want %d", len(ps), tc.pieces)
			}
			if tc.edit != nil {
				tc.edit(ps)
			}
			if got := joinPieces(ps); got != tc.want {
				t.Errorf("joined body differs: %d bytes, want %d", len(got), len(tc.want))
			}
		})
	}
}

// FuzzPieces checks that any body, cut into the parts it is edited in and
// joined again untouched, comes back byte for byte, and that no part is
// much longer than pieceChars unless it has no space to cut at.
func FuzzPieces(f *testing.F) {
	f.Add("One.\n\nTwo.", 1)
	f.Add(strings.Repeat("word ", 4000)+"end.", 3)
	f.Add(strings.Repeat("Para graph.\n\n", 2000)+"x", 2000)
	f.Fuzz(func(t *testing.T, s string, times int) {
		body := ingest.NormalizeBody(strings.Repeat(s, min(max(times, 1), 50_000/max(len(s), 1)+1)))
		ps := splitPieces(body)
		if got := joinPieces(ps); got != body {
			t.Fatalf("round trip changed the body (%d → %d bytes)", len(body), len(got))
		}
		for i, p := range ps {
			if n := len([]rune(p.text)); n > pieceChars && strings.Contains(p.text[len(string([]rune(p.text)[:pieceChars])):], " ") {
				t.Fatalf("piece %d has %d characters though it could be cut", i, n)
			}
		}
	})
}
