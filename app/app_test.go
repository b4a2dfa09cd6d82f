package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage"
)

// harness is a real window on a real temporary library, driven through the
// Fyne test driver.
type harness struct {
	t     *testing.T
	path  string
	store *storage.Store
	app   fyne.App
	win   fyne.Window
	ws    *workspace
}

func newHarness(t *testing.T, path string, setup func(s *storage.Store)) *harness {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "library.db")
	}
	s, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(s)
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("Scholia")
	ws := newWorkspace(context.Background(), a, w, s)
	ws.background = func(f func()) { f() } // see workspace.background
	ws.buildUI()
	w.Resize(fyne.NewSize(1200, 800))
	h := &harness{t: t, path: path, store: s, app: a, win: w, ws: ws}
	t.Cleanup(func() { h.close() })
	return h
}

// close saves what is pending the way closing the window does, then closes
// the library.
func (h *harness) close() {
	if h.store == nil {
		return
	}
	h.ws.flush()
	h.win.Close()
	h.store.Close()
	h.store = nil
}

// eventually waits for cond, which background work makes true.
func (h *harness) eventually(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func addArticles(t *testing.T, s *storage.Store, titles ...string) []int64 {
	t.Helper()
	var ids []int64
	for i, title := range titles {
		a := storage.Article{Title: title, Source: "Source " + string(rune('A'+i)),
			Body: title + " body text.\n\nSecond paragraph of " + title + "."}
		if err := s.CreateArticle(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	// The window must not add the Getting-started article to this library.
	if err := s.SetSetting(context.Background(), storage.SettingWelcomed, "1"); err != nil {
		t.Fatal(err)
	}
	return ids
}

func (h *harness) rowTitles() []string {
	var out []string
	for _, m := range h.ws.sidebar.rows {
		out = append(out, h.ws.sidebar.all[m.Index].Title)
	}
	return out
}

func TestFirstRunShowsGettingStarted(t *testing.T) {
	h := newHarness(t, "", nil)
	cur := h.ws.current
	if cur == nil || cur.Title != "Getting started with Scholia" {
		t.Fatalf("open article = %+v, want Getting started", cur)
	}
	if got := h.ws.reading.view.Document().Title; got != cur.Title {
		t.Errorf("reader shows %q", got)
	}
	hs := h.ws.notes.highlights.hs
	colors := map[string]bool{}
	comments := 0
	for _, x := range hs {
		colors[x.Color] = true
		if x.Comment != "" {
			comments++
		}
	}
	if len(hs) != len(welcomeHighlights) || len(colors) < 5 || comments < 3 {
		t.Errorf("highlights = %d in %d colours with %d comments", len(hs), len(colors), comments)
	}
	if h.ws.notes.note.Text != welcomeNote || len(h.ws.notes.tags.tags) == 0 {
		t.Errorf("note %q, tags %v", h.ws.notes.note.Text, h.ws.notes.tags.tags)
	}
	// Deleted once, it does not come back on the next start.
	id := cur.ID
	path := h.path
	if err := h.store.DeleteArticle(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	h.close()
	h2 := newHarness(t, path, nil)
	if n, _ := h2.store.CountArticles(context.Background()); n != 0 || h2.ws.current != nil {
		t.Errorf("after deleting it, a restart shows %d articles (open: %v)", n, h2.ws.current)
	}
}

func TestSidebarQueryOrderAndKeyboard(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "Geneva talks begin", "Biden team cannot tame Russia", "Talks in Geneva stall", "Unrelated cooking notes")
	})
	// Empty query: most recently opened first (the window opened the newest).
	if got := h.rowTitles(); len(got) != 4 {
		t.Fatalf("rows = %v", got)
	}
	test.Type(h.ws.sidebar.search, "geneva")
	h.eventually("the query to filter", func() bool { return len(h.ws.sidebar.rows) == 2 })
	got := h.rowTitles()
	if got[0] != "Geneva talks begin" || got[1] != "Talks in Geneva stall" {
		t.Errorf("rows for geneva = %v", got)
	}
	if m := h.ws.sidebar.rows[0].Title; len(m) != 6 || m[0] != 0 {
		t.Errorf("emphasis of the best row = %v, want the 6 runes of Geneva", m)
	}
	if !strings.Contains(h.ws.sidebar.count.Text, "2 of 4") {
		t.Errorf("count label = %q", h.ws.sidebar.count.Text)
	}
	// Down, Down, Enter opens the second row.
	h.win.Canvas().Focus(h.ws.sidebar.search)
	h.ws.sidebar.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.ws.sidebar.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.ws.sidebar.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.ws.current == nil || h.ws.current.ID != ids[2] {
		t.Errorf("Enter opened %+v, want article %d", h.ws.current, ids[2])
	}
	// Esc clears the query and all rows come back.
	h.ws.sidebar.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.eventually("the list to refill", func() bool { return len(h.ws.sidebar.rows) == 4 })
	if h.ws.sidebar.search.Text != "" {
		t.Errorf("Esc left %q", h.ws.sidebar.search.Text)
	}
}

func TestTagsAddRemoveAndFilter(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "One", "Two") })
	h.ws.open(ids[0])
	tags := h.ws.notes.tags
	test.Type(tags.entry, "foreign policy")
	tags.entry.OnSubmitted(tags.entry.Text)
	a, _ := h.store.Article(context.Background(), ids[0])
	if strings.Join(a.Tags, ",") != "foreign policy" {
		t.Fatalf("tags after adding = %v", a.Tags)
	}
	// Completion: on the other article, "for" suggests the existing tag.
	h.ws.open(ids[1])
	test.Type(h.ws.notes.tags.entry, "for")
	if s := h.ws.notes.tags.matches("for"); len(s) != 1 || s[0] != "foreign policy" {
		t.Errorf("suggestions for %q = %v", "for", s)
	}
	h.ws.notes.tags.entry.OnSubmitted("for")
	b, _ := h.store.Article(context.Background(), ids[1])
	if strings.Join(b.Tags, ",") != "foreign policy" {
		t.Errorf("Enter on a prefix did not take the suggestion: %v", b.Tags)
	}
	// The sidebar chip filters by the tag, with its count.
	if len(h.ws.sidebar.chips.Objects) != 1 {
		t.Fatalf("chips = %d", len(h.ws.sidebar.chips.Objects))
	}
	h.ws.notes.tags.onRemove("foreign policy")
	b, _ = h.store.Article(context.Background(), ids[1])
	if len(b.Tags) != 0 {
		t.Errorf("tags after removing = %v", b.Tags)
	}
	h.ws.sidebar.setTag("foreign policy")
	h.eventually("the tag filter", func() bool { return len(h.ws.sidebar.rows) == 1 })
	if h.rowTitles()[0] != "One" {
		t.Errorf("tag filter rows = %v", h.rowTitles())
	}
}

func TestNoteAndCommentSurviveClose(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "Noted article") })
	h.ws.open(ids[0])
	// A highlight made with the keyboard in the reader: select, press 1.
	v := h.ws.reading.view
	v.SetSelection(0, 5)
	h.win.Canvas().Focus(v)
	test.Type(v, "1")
	hs, _ := h.store.Highlights(context.Background(), ids[0])
	if len(hs) != 1 || hs[0].Quote != "Noted" || hs[0].Color != "yellow" {
		t.Fatalf("highlights after pressing 1 = %+v", hs)
	}
	// Its comment is ready in the notes panel.
	if h.ws.notes.editor.current() != hs[0].ID {
		t.Fatalf("editor shows highlight %d, want %d", h.ws.notes.editor.current(), hs[0].ID)
	}
	test.Type(h.ws.notes.editor.comment, "why this matters")
	test.Type(h.ws.notes.note, "my thoughts")
	// Closing right after typing, before the autosave delay, loses nothing.
	path := h.path
	h.close()
	h2 := newHarness(t, path, nil)
	a, _ := h2.store.Article(context.Background(), ids[0])
	hs, _ = h2.store.Highlights(context.Background(), ids[0])
	if a.Note != "my thoughts" || len(hs) != 1 || hs[0].Comment != "why this matters" {
		t.Errorf("after reopening: note %q, highlights %+v", a.Note, hs)
	}
	if h2.ws.current == nil || h2.ws.current.ID != ids[0] || h2.ws.notes.note.Text != "my thoughts" {
		t.Errorf("reopened window does not show the note")
	}
}

func TestHighlightUndoRedoDeleteAcrossArticles(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "First piece", "Second piece") })
	ctx := context.Background()
	h.ws.open(ids[0])
	v := h.ws.reading.view
	v.SetSelection(6, 11) // "piece"
	h.win.Canvas().Focus(v)
	test.Type(v, "3")
	hs, _ := h.store.Highlights(ctx, ids[0])
	if len(hs) != 1 || hs[0].Quote != "piece" || hs[0].Color != "blue" {
		t.Fatalf("after 3: %+v", hs)
	}
	for _, sm := range h.ws.sidebar.all {
		if sm.ID == ids[0] && sm.Highlights != 1 {
			t.Errorf("the sidebar row counts %d highlights, want 1", sm.Highlights)
		}
	}
	id := hs[0].ID
	// The new highlight's comment field has the focus, but with nothing
	// typed there Ctrl+Z still undoes the highlight; redo brings it back.
	if h.win.Canvas().Focused() != h.ws.notes.editor.comment {
		t.Fatalf("focus is on %T, want the comment field", h.win.Canvas().Focused())
	}
	h.ws.route(&fyne.ShortcutUndo{})
	if hs, _ := h.store.Highlights(ctx, ids[0]); len(hs) != 0 {
		t.Fatalf("Ctrl+Z in the untouched comment field left %+v", hs)
	}
	h.ws.route(ctrlShift(fyne.KeyZ))
	if _, err := h.store.Highlight(ctx, id); err != nil {
		t.Fatalf("redo: %v", err)
	}
	h.ws.reading.recolor(id, "purple")
	// Open another article and come back: the history is still there.
	h.ws.open(ids[1])
	h.ws.open(ids[0])
	h.win.Canvas().Focus(v)
	h.ws.route(&fyne.ShortcutUndo{}) // undo the recolour
	if x, _ := h.store.Highlight(ctx, id); x.Color != "blue" {
		t.Errorf("undo recolour: colour %q", x.Color)
	}
	h.ws.route(&fyne.ShortcutUndo{}) // undo the creation
	if hs, _ := h.store.Highlights(ctx, ids[0]); len(hs) != 0 {
		t.Errorf("undo create left %+v", hs)
	}
	h.ws.route(ctrlShift(fyne.KeyZ)) // redo the creation, same ID
	if x, err := h.store.Highlight(ctx, id); err != nil || x.Quote != "piece" {
		t.Errorf("redo create: %+v, %v", x, err)
	}
	// Delete with the Delete key on the selected highlight, then undo it.
	if err := h.store.SetHighlightComment(ctx, id, "keep me"); err != nil {
		t.Fatal(err)
	}
	h.ws.highlightsChanged(ids[0])
	v.SelectHighlight(id)
	h.win.Canvas().Focus(v)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if _, err := h.store.Highlight(ctx, id); err == nil {
		t.Fatal("Delete did not remove the selected highlight")
	}
	h.ws.route(&fyne.ShortcutUndo{})
	if x, err := h.store.Highlight(ctx, id); err != nil || x.Comment != "keep me" {
		t.Errorf("undo delete: %+v, %v", x, err)
	}
}

func TestDeleteArticleAndUndo(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "Doomed", "Survivor") })
	ctx := context.Background()
	h.ws.open(ids[0])
	a := storage.Highlight{ArticleID: ids[0], Start: 0, End: 6, Quote: "Doomed", Comment: "c"}
	if err := h.store.CreateHighlight(ctx, &a); err != nil {
		t.Fatal(err)
	}
	h.ws.deleteArticle()
	// The confirmation dialog is the top overlay: confirm it.
	confirmTopDialog(t, h.win, "Delete")
	if _, err := h.store.Article(ctx, ids[0]); err == nil {
		t.Fatal("article still there after confirming")
	}
	if h.ws.current != nil || len(h.rowTitles()) != 1 {
		t.Errorf("after delete: open %v, rows %v", h.ws.current, h.rowTitles())
	}
	confirmTopDialog(t, h.win, "Undo")
	back, err := h.store.Highlights(ctx, ids[0])
	if err != nil || len(back) != 1 || back[0].Comment != "c" {
		t.Errorf("undo delete: %+v, %v", back, err)
	}
	if h.ws.current == nil || h.ws.current.ID != ids[0] {
		t.Errorf("restored article is not open")
	}
}

func TestTrimRange(t *testing.T) {
	body := "One.\n\nTwo words here.  \n\nThree."
	cases := map[string]struct{ start, end, wantS, wantE int }{
		"from the gap before a paragraph": {4, 15, 6, 15},
		"into the gap after":              {6, 22, 6, 21},
		"only white space":                {4, 6, 6, 6},
		"already tight":                   {0, 4, 0, 4},
		"end past the body":               {27, 99, 27, 31},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s, e := trimRange(body, tc.start, tc.end)
			if s != tc.wantS || e != tc.wantE {
				t.Errorf("trimRange(%d, %d) = %d, %d; want %d, %d", tc.start, tc.end, s, e, tc.wantS, tc.wantE)
			}
		})
	}
}

func TestExportFromTheWindow(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "Exported piece", "Other piece") })
	h.ws.open(ids[0])
	dir := t.TempDir()
	var calls int
	msg, err := exportTo(context.Background(), h.store, h.ws.exportScope(scopeArticle), formatVault, dir, func(int, int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "1 file in "+dir) || calls != 1 {
		t.Errorf("message %q after %d progress calls", msg, calls)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(entries) != 1 || filepath.Base(entries[0]) != "Exported piece.md" {
		t.Fatalf("vault = %v", entries)
	}
	if got := len(h.ws.exportScope(scopeLibrary)); got != 2 {
		t.Errorf("library scope has %d articles", got)
	}
	js := filepath.Join(dir, "all.json")
	if _, err := exportTo(context.Background(), h.store, h.ws.exportScope(scopeLibrary), formatJSON, js, func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestFullTextSearchInSidebar(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) {
		ids = addArticles(t, s, "Alpine report", "Coastal report")
		if err := s.SetNote(context.Background(), ids[0], "remember the zeppelin"); err != nil {
			t.Fatal(err)
		}
	})
	test.Type(h.ws.sidebar.search, "/paragraph coastal")
	h.eventually("full-text hits", func() bool { return len(h.ws.sidebar.hits) == 1 && h.ws.sidebar.hitList.Visible() })
	hit := h.ws.sidebar.hits[0]
	if hit.ArticleID != ids[1] || !strings.Contains(hit.Snippet, storage.SnippetOpen) {
		t.Fatalf("hit = %+v", hit)
	}
	h.ws.sidebar.hitList.Select(0)
	if h.ws.current == nil || h.ws.current.ID != ids[1] {
		t.Fatalf("opening the hit showed %+v", h.ws.current)
	}
	if s, e, ok := h.ws.reading.view.FindMatch(); !ok || e <= s {
		t.Errorf("the reader does not mark the hit (%d, %d, %v)", s, e, ok)
	}
	// The toggle does the same without the slash; hostile input is safe.
	h.ws.sidebar.search.SetText("")
	h.ws.sidebar.setTextMode(true)
	for _, q := range []string{`"unbalanced`, "NEAR(", "a:b -c", "*", "zeppelin"} {
		h.ws.sidebar.search.SetText(q)
		h.eventually("the query "+q, func() bool { return !strings.HasPrefix(h.ws.sidebar.count.Text, "Search failed") })
	}
	h.eventually("the note hit", func() bool { return len(h.ws.sidebar.hits) == 1 && h.ws.sidebar.hits[0].Where == "note" })
	h.ws.sidebar.setTextMode(false)
	h.eventually("the title list back", func() bool { return h.ws.sidebar.list.Visible() })
}

func TestPreferencesRenameColourAndSwitchLibrary(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) { ids = addArticles(t, s, "Colourful") })
	ctx := context.Background()
	h.ws.open(ids[0])
	h.ws.renameColor("green", "Source")
	if cs, _ := h.store.Colors(ctx); cs[1].Name != "Source" || h.ws.colorByKey("green").Name != "Source" {
		t.Errorf("colours after rename: %+v", cs)
	}
	// Ctrl+H uses the chosen default colour.
	h.app.Preferences().SetInt(prefDefaultColor, 3)
	h.ws.reading.onHighlight(0, 9, -1)
	hs, _ := h.store.Highlights(ctx, ids[0])
	if len(hs) != 1 || hs[0].Color != "pink" {
		t.Errorf("Ctrl+H highlight = %+v, want pink", hs)
	}
	h.ws.reading.setTextSize(99)
	if got := h.ws.reading.view.TextSize(); got != 32 {
		t.Errorf("text size clamps to %v, want 32", got)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	var remembered string
	saved := saveLibraryChoice
	saveLibraryChoice = func(p string) error { remembered = p; return nil }
	defer func() { saveLibraryChoice = saved }()
	if err := h.ws.switchLibrary(other); err != nil {
		t.Fatal(err)
	}
	if h.ws.store.Path() != other || h.ws.current == nil || h.ws.current.Title != "Getting started with Scholia" {
		t.Errorf("after switching: %s, open %+v", h.ws.store.Path(), h.ws.current)
	}
	if remembered != other {
		t.Errorf("remembered library = %q, want %q", remembered, other)
	}
	if title := h.win.Title(); !strings.HasSuffix(title, " — Scholia — "+other) || !strings.HasPrefix(title, "Getting started") {
		t.Errorf("window title %q does not name the article and %s", title, other)
	}
	h.ws.store.Close()
	h.ws.store = h.store // let the harness close the first one
}
