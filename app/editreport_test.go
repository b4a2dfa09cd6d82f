package app

import (
	"context"
	"strings"
	"testing"
)

// The case in the window: the first word of a highlight replaced
// in the editor. The highlight takes the new word whole, and the report
// lists it as re-anchored with changes, with the old and new quote.
func TestEditReportListsChangedHighlights(t *testing.T) {
	body := "The Kremlin denies any plan to invade.\n\nAlmost 100,000 Russian troops are massed near the border."
	h, _, hs := editHarness(t, body, "Almost 100,000 Russian troops are massed")
	e := h.ws.openEditor()
	e.body.SetText(strings.Replace(body, "Almost", "Nearly", 1))
	e.save()
	got, err := h.store.Highlight(context.Background(), hs[0].ID)
	if err != nil || got.Quote != "Nearly 100,000 Russian troops are massed" || got.Orphaned {
		t.Fatalf("highlight after the edit: %+v, %v", got, err)
	}
	msg := overlayText(t, h.win)
	for _, want := range []string{
		"0 highlights moved, 1 re-anchored with changes, 0 could not be placed",
		"Re-anchored with changes",
		"“Almost 100,000 Russian troops are massed” → “Nearly 100,000 Russian troops are massed”",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the report says %q, want it to say %q", msg, want)
		}
	}
}
