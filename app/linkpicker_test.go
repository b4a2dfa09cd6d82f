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

func linkLibrary(t *testing.T) func(s *storage.Store) {
	return func(s *storage.Store) {
		for _, title := range []string{"Ukraine: talks resume", "Uncertain markets", "Memory and sleep", "Reading list"} {
			a := storage.Article{Title: title, Body: "Some words about " + title + ". More words here."}
			if err := s.CreateArticle(context.Background(), &a); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func (h *harness) openTitled(title string) storage.Article {
	h.t.Helper()
	ids, _ := h.store.ArticleIDs(context.Background())
	for _, id := range ids {
		if a, _ := h.store.Article(context.Background(), id); a.Title == title {
			h.ws.open(id)
			return a
		}
	}
	h.t.Fatalf("no article %q", title)
	return storage.Article{}
}

func pickerTitles(p *linkPicker) []string {
	var out []string
	for _, a := range p.found {
		out = append(out, a.Title)
	}
	return out
}

func TestLinkPickerInNote(t *testing.T) {
	h := newHarness(t, "", linkLibrary(t))
	manualSaves(h)
	h.ws.sidebar.reload()
	h.openTitled("Reading list")
	h.ws.notes.setNotePreview(false)
	note := h.ws.notes.note
	h.win.Canvas().Focus(note)
	test.Type(note, "See [")
	if h.ws.linkPicker != nil {
		t.Fatal("one [ opened the picker")
	}
	test.Type(note, "[")
	p := h.ws.linkPicker
	if p == nil {
		t.Fatal("typing [[ in the note opened no picker")
	}
	if h.win.Canvas().Focused() != p.query {
		t.Fatal("the picker's search field does not have the keys")
	}
	for _, title := range pickerTitles(p) {
		if title == "Reading list" {
			t.Error("the picker offers the open article itself")
		}
	}
	test.Type(p.query, "un")
	got := pickerTitles(p)
	if len(got) < 2 || !strings.HasPrefix(got[0], "U") || !strings.HasPrefix(got[1], "U") {
		t.Fatalf("titles for \"un\": %v", got)
	}
	// ↓ then Enter takes the second; the finder's ranking decides the order.
	second := got[1]
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.ws.linkPicker != nil || p.popup.Visible() {
		t.Error("Enter left the picker open")
	}
	if h.win.Canvas().Focused() != note {
		t.Error("the note does not have the keys back after Enter")
	}
	test.Type(note, " next.")
	want := "See [[" + second + "]] next."
	if note.Text != want {
		t.Fatalf("note %q; want %q", note.Text, want)
	}
	h.ws.notes.flush()
	id := h.ws.current.ID
	if a, _ := h.store.Article(context.Background(), id); a.Note != want {
		t.Errorf("stored note %q", a.Note)
	}
	// Esc closes it and keeps what was typed, as typed.
	test.Type(note, " [[")
	p = h.ws.linkPicker
	if p == nil {
		t.Fatal("a second [[ opened no picker")
	}
	test.Type(p.query, "Mem")
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if note.Text != want+" [[Mem" || h.ws.linkPicker != nil {
		t.Errorf("after Esc the note is %q (picker open: %v)", note.Text, h.ws.linkPicker != nil)
	}
	// The link shows in the preview, clickable, and opens its article.
	h.ws.notes.setNotePreview(true)
	links := h.ws.notes.preview.links()
	if len(links) != 1 || links[0].Text != second {
		t.Fatalf("preview links %v", links)
	}
	links[0].OnTapped()
	if h.ws.current == nil || h.ws.current.Title != second {
		t.Errorf("clicking the link opened %v", h.ws.current)
	}
	// The linked article lists the note among its backlinks.
	if bl, err := h.store.Backlinks(context.Background(), h.ws.current.ID); err != nil || len(bl) != 1 || bl[0].ArticleID != id {
		t.Errorf("backlinks of %q: %v, %v", second, bl, err)
	}
}

func TestLinkPickerInComment(t *testing.T) {
	h := newHarness(t, "", linkLibrary(t))
	manualSaves(h)
	h.ws.sidebar.reload()
	a := h.openTitled("Reading list")
	hl := storage.Highlight{ArticleID: a.ID, Start: 0, End: 10, Quote: a.Body[:10]}
	if err := h.store.CreateHighlight(context.Background(), &hl); err != nil {
		t.Fatal(err)
	}
	h.ws.open(a.ID)
	h.ws.notes.focusHighlight(hl.ID)
	c := h.ws.notes.editor.comment
	test.Type(c, "cf. [[")
	p := h.ws.linkPicker
	if p == nil {
		t.Fatal("typing [[ in a comment opened no picker")
	}
	test.Type(p.query, "memory")
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Text != "cf. [[Memory and sleep]]" {
		t.Fatalf("comment %q", c.Text)
	}
	h.ws.notes.flush()
	hs, _ := h.store.Highlights(context.Background(), a.ID)
	if len(hs) != 1 || hs[0].Comment != "cf. [[Memory and sleep]]" {
		t.Errorf("stored comment %v", hs)
	}
	// The comment's link is clickable under it.
	links := h.ws.notes.editor.links
	if !links.box.Visible() || len(links.titles) != 1 || links.titles[0] != "Memory and sleep" {
		t.Fatalf("links under the comment: %v (shown %v)", links.titles, links.box.Visible())
	}
	links.box.Objects[1].(*widget.Hyperlink).OnTapped()
	if h.ws.current == nil || h.ws.current.Title != "Memory and sleep" {
		t.Fatalf("the comment's link opened %v", h.ws.current)
	}
	h.ws.open(a.ID)
	// Renaming the linked article keeps the link pointing at it.
	var target storage.Article
	for _, x := range h.ws.sidebar.all {
		if x.Title == "Memory and sleep" {
			target, _ = h.store.Article(context.Background(), x.ID)
		}
	}
	target.Title = "Sleep and memory"
	if err := h.store.UpdateArticle(context.Background(), target); err != nil {
		t.Fatal(err)
	}
	hs, _ = h.store.Highlights(context.Background(), a.ID)
	if hs[0].Comment != "cf. [[Sleep and memory]]" {
		t.Errorf("after the rename the comment is %q", hs[0].Comment)
	}
}

func TestPlainLinks(t *testing.T) {
	if got := plainLinks("cf. [[Memory and sleep]] and [[Ukraine: talks|the talks]]."); got != "cf. Memory and sleep and the talks." {
		t.Errorf("plainLinks = %q", got)
	}
}

// manualSaves makes the panel's savers wait for flush: typed text is then
// saved on the test's goroutine only, never by a timer firing mid-test
// (the test driver runs fyne.Do on whichever goroutine calls it).
func manualSaves(h *harness) {
	n := h.ws.notes
	for _, d := range []*debouncer{n.noteSaver, n.editor.saver, n.editor.card.saver} {
		d.delay = time.Hour
	}
}
