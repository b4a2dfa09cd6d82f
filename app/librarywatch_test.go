package app

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"scholia/storage"
)

// TestWindowSeesCommandLineChanges changes the library through a second
// Store on the same file, as the command line does while the window is
// open, and checks the window shows it at the next poll without losing the
// user's place or what they are typing.
func TestWindowSeesCommandLineChanges(t *testing.T) {
	ctx := context.Background()
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) {
		var titles []string
		for i := range 40 {
			titles = append(titles, fmt.Sprintf("Article %02d", i))
		}
		ids = addArticles(t, s, titles...)
	})
	h.ws.notes.noteSaver.delay = time.Hour // only a flush saves the note
	h.ws.open(ids[3])
	h.ws.pollLibrary() // the baseline, as Run takes it
	cli, err := storage.Open(ctx, h.path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()

	// The user's place: the list scrolled, the keyboard cursor on a row,
	// and a note being typed.
	sb := h.ws.sidebar
	sb.move(5)
	cursorID := sb.all[sb.rows[sb.cursor].Index].ID
	sb.list.ScrollToOffset(300)
	offset := sb.list.GetScrollOffset()
	h.win.Canvas().Focus(h.ws.notes.note)
	test.Type(h.ws.notes.note, "typed in the window")

	// Nothing changed yet: a poll refreshes nothing.
	before := len(sb.all)
	h.ws.pollLibrary()
	if len(sb.all) != before {
		t.Fatal("a poll without changes reloaded the list")
	}

	// The command line imports an article, tags another, highlights and
	// writes a note on the open one.
	imported := storage.Article{Title: "Imported from the command line", Body: "Fresh body text."}
	if err := cli.CreateArticle(ctx, &imported); err != nil {
		t.Fatal(err)
	}
	if err := cli.ChangeArticleTags(ctx, ids[7], []string{"from-cli"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := cli.ChangeArticleTags(ctx, ids[3], []string{"open-one"}, nil); err != nil {
		t.Fatal(err)
	}
	hl := storage.Highlight{ArticleID: ids[3], Start: 0, End: 7, Quote: "Article", Color: "blue"}
	if err := cli.CreateHighlight(ctx, &hl); err != nil {
		t.Fatal(err)
	}
	if err := cli.SetNote(ctx, ids[3], "older note from the command line"); err != nil {
		t.Fatal(err)
	}

	h.ws.pollLibrary()
	found := false
	for _, sm := range sb.all {
		if sm.ID == imported.ID {
			found = true
		}
		if sm.ID == ids[7] && !slices.Contains(sm.Tags, "from-cli") {
			t.Errorf("article %d's row has tags %v", ids[7], sm.Tags)
		}
	}
	if !found {
		t.Error("the imported article is not in the list")
	}
	if !slices.ContainsFunc(h.ws.tags, func(tc storage.TagCount) bool { return tc.Name == "from-cli" }) {
		t.Errorf("tags = %v", h.ws.tags)
	}
	if got := h.ws.notes.tags.tags; !slices.Contains(got, "open-one") {
		t.Errorf("the open article's tags show %v", got)
	}
	if len(h.ws.notes.highlights.hs) != 1 || h.ws.notes.highlights.hs[0].ID != hl.ID {
		t.Errorf("the notes panel lists %+v", h.ws.notes.highlights.hs)
	}
	if len(h.ws.reading.shown) != 1 {
		t.Errorf("the reader shows %d highlights", len(h.ws.reading.shown))
	}
	// The place is kept.
	if sb.cursor < 0 || sb.all[sb.rows[sb.cursor].Index].ID != cursorID {
		t.Errorf("the keyboard cursor moved off article %d", cursorID)
	}
	if got := sb.list.GetScrollOffset(); got != offset {
		t.Errorf("the list scrolled from %.0f to %.0f", offset, got)
	}
	// What was being typed is kept, and so is what the command line
	// wrote meanwhile (after it), in the field and in the library: neither
	// writer's words are lost.
	const both = "typed in the window\n\nolder note from the command line"
	if got := h.ws.notes.note.Text; got != both {
		t.Errorf("the note field now holds %q, want %q", got, both)
	}
	if a, _ := h.store.Article(ctx, ids[3]); a.Note != both {
		t.Errorf("the library's note is %q, want %q", a.Note, both)
	}
	// With nothing typed, a later change from the command line shows.
	if err := cli.SetNote(ctx, ids[3], "newer note from the command line"); err != nil {
		t.Fatal(err)
	}
	h.ws.pollLibrary()
	if got := h.ws.notes.note.Text; got != "newer note from the command line" {
		t.Errorf("after a second change the note field holds %q", got)
	}
	// The open article deleted from the command line: the window closes it.
	if err := cli.DeleteArticle(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	h.ws.pollLibrary()
	if h.ws.current != nil {
		t.Errorf("article %d is still open after its deletion", h.ws.current.ID)
	}
}
