package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/storage"
)

func TestBacklinksUnderTheNote(t *testing.T) {
	var ids []int64
	h := newHarness(t, "", func(s *storage.Store) {
		s.SetSetting(context.Background(), storage.SettingWelcomed, "1")
		ids = addArticles(t, s, "Spacing effect", "Sleep and memory")
		if err := s.SetNote(context.Background(), ids[1], "builds on [[Spacing effect]]"); err != nil {
			t.Fatal(err)
		}
	})
	h.ws.open(ids[0])
	var buttons []*widget.Button
	for _, o := range h.ws.notes.backlinks.Objects {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b)
		}
	}
	if len(buttons) != 1 || !strings.Contains(buttons[0].Text, "Sleep and memory · note") {
		t.Fatalf("backlinks under Spacing effect's note: %d buttons", len(buttons))
	}
	test.Tap(buttons[0])
	if h.ws.current == nil || h.ws.current.ID != ids[1] {
		t.Fatalf("tapping the backlink did not open the linking article")
	}
	// The linking article has no backlinks of its own.
	if n := len(h.ws.notes.backlinks.Objects); n != 0 {
		t.Errorf("Sleep and memory shows %d backlink rows", n)
	}
}
