package edit_test

import (
	"context"
	"strings"
	"testing"

	"scholia/app/edit"
	"scholia/storage"
)

// TestApplyShortHighlightEdges: a short highlight whose first word was
// deleted shrinks, one whose last word was replaced takes the replacement,
// and both are listed as re-anchored with changes, old and new quote; one
// whose words are all gone is orphaned, still saved.
func TestApplyShortHighlightEdges(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	old := "The talks stalled. They were unwilling to budge on it, and the ground thaws in spring. Nobody came back."
	a := storage.Article{Title: "T", Body: old}
	if err := s.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	shrink := highlightNth(t, s, a, "unwilling to budge", 0)
	take := highlightNth(t, s, a, "ground thaws", 0)
	gone := highlightNth(t, s, a, "Nobody came", 0)
	// One edit per save: app/anchor sees an edit as one changed stretch,
	// and the edge rule reads that stretch's ends.
	var rep edit.Report
	var changed []edit.Change
	newText := old
	for _, r := range [][2]string{{"unwilling ", ""}, {"thaws", "melts"}, {" Nobody came back.", ""}} {
		newText = strings.Replace(newText, r[0], r[1], 1)
		var err error
		if rep, err = edit.Apply(ctx, s, a.ID, storage.Article{Title: "T"}, newText); err != nil {
			t.Fatal(err)
		}
		changed = append(changed, rep.Changed...)
	}
	if len(changed) != 2 || rep.Orphaned != 1 {
		t.Fatalf("changed %+v, last report %+v: want 2 re-anchored with changes, then 1 orphaned", changed, rep)
	}
	want := map[int64][2]string{shrink.ID: {"unwilling to budge", "to budge"}, take.ID: {"ground thaws", "ground melts"}}
	for _, c := range changed {
		w, ok := want[c.ID]
		if !ok || c.Old != w[0] || c.New != w[1] {
			t.Errorf("changed %+v, want old/new %q", c, w)
		}
		h, err := s.Highlight(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if h.Quote != w[1] || []rune(newText)[h.Start] != []rune(w[1])[0] || h.Orphaned {
			t.Errorf("saved highlight %+v, want quote %q on the new text", h, w[1])
		}
	}
	if !strings.Contains(rep.Summary(), "0 highlights moved, 1 could not be placed") {
		t.Errorf("summary %q", rep.Summary())
	}
	if h, err := s.Highlight(ctx, gone.ID); err != nil || !h.Orphaned || h.Quote != "Nobody came" {
		t.Errorf("gone highlight %+v, %v: want it orphaned with its quote", h, err)
	}
}
