package reader

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestRightClickReportsTheBodyOffset(t *testing.T) {
	body := "First paragraph here.\n\nSecond paragraph, the one clicked."
	r, w := newTestReader(t, body)
	got := -2
	r.OnContextMenu = func(o int, _ fyne.Position) { got = o }

	at := runeIndex(t, body, "one clicked")
	p := r.PositionOf(at)
	test.TapSecondaryAt(r, fyne.NewPos(p.X+2, p.Y))
	if got != at {
		t.Errorf("right-click on %q reported offset %d, want %d", "one", got, at)
	}
	// Past the end of the paragraph's last line: still that paragraph.
	end := r.PositionOf(len([]rune(body)))
	test.TapSecondaryAt(r, fyne.NewPos(end.X+40, end.Y))
	if got != len([]rune(body))-1 {
		t.Errorf("right-click past the line's end reported %d, want %d", got, len([]rune(body))-1)
	}
	// On the title: off the body.
	test.TapSecondaryAt(r, fyne.NewPos(40, 10))
	if got != -1 {
		t.Errorf("right-click on the title reported %d, want -1", got)
	}
	_ = w
}
