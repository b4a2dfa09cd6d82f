package reader

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func longBody(n int) string {
	var ps []string
	for i := range n {
		ps = append(ps, fmt.Sprintf("Paragraph %03d has words enough to wrap across the reading column at least once or twice here.", i))
	}
	return strings.Join(ps, "\n\n")
}

func TestPositionRoundTripAndProgress(t *testing.T) {
	body := longBody(150)
	r, _ := newTestReader(t, body)
	if r.TopOffset() != 0 || r.Progress() != 0 {
		t.Fatalf("at the top: offset %d, progress %v", r.TopOffset(), r.Progress())
	}
	var scrolls int
	r.OnScrolled = func() { scrolls++ }
	r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -2500)})
	top := r.TopOffset()
	if top == 0 || scrolls == 0 {
		t.Fatalf("after scrolling: top %d, OnScrolled called %d times", top, scrolls)
	}
	if p := r.Progress(); p <= 0 || p >= 1 {
		t.Errorf("progress mid-article = %v", p)
	}
	// A new document, then the saved position: the same first line.
	r.SetDocument(Document{Title: "A title", Body: body})
	r.ShowFromOffset(top)
	if got := r.TopOffset(); got != top {
		t.Errorf("ShowFromOffset(%d) shows from %d", top, got)
	}
	// Before the first layout it waits for it.
	test.NewTempApp(t)
	r2 := NewReader()
	r2.SetDocument(Document{Title: "A title", Body: body})
	r2.ShowFromOffset(top)
	w := test.NewTempWindow(t, r2)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	if got := r2.TopOffset(); got != top {
		t.Errorf("before layout: shows from %d, want %d", got, top)
	}
	r.setScroll(r.maxScroll())
	if r.Progress() != 1 {
		t.Errorf("at the end progress = %v", r.Progress())
	}
}

func TestShiftArrowsSelectFromTheTopOfTheView(t *testing.T) {
	body := longBody(150)
	r, w := newTestReader(t, body)
	w.Canvas().Focus(r)
	r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -2500)})
	top := r.TopOffset()
	r.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range 9 {
		r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	r.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	s, e := r.Selection()
	li := r.lay.lineOf(s)
	if e != s+9 || s < top || li < 0 || int(r.lay.lines[li].rStart) != s || r.lay.lines[li].y < r.ScrollOffset() ||
		r.lay.lines[li].y > r.ScrollOffset()+2*r.metrics().lineH {
		t.Fatalf("Shift+Right ×9 selected %d–%d, want 9 characters from the first line wholly in view (top offset %d)", s, e, top)
	}
	top = s
	var got [3]int
	r.OnHighlight = func(s, e, c int) { got = [3]int{s, e, c} }
	test.Type(r, "3")
	if got != [3]int{top, top + 9, 2} {
		t.Errorf("3 after a keyboard selection highlighted %v", got)
	}
}

func TestFindMatchBecomesTheSelection(t *testing.T) {
	body := "Alpha beta gamma. The delta phrase to find is here. Epsilon."
	r, w := newTestReader(t, body)
	r.ShowFind()
	if n := r.Find("delta phrase"); n != 1 {
		t.Fatalf("matches = %d", n)
	}
	// Esc in the find field closes it, leaving the match selected and the
	// focus on the text: 1–5 highlight it.
	r.rend.findBar.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	s, e := r.Selection()
	if want := strings.Index(body, "delta phrase"); s != want || e != want+len("delta phrase") {
		t.Fatalf("selection after closing find = %d–%d, want the match at %d", s, e, want)
	}
	if w.Canvas().Focused() != r {
		t.Fatalf("focus is on %T after closing find", w.Canvas().Focused())
	}
	var got [3]int
	r.OnHighlight = func(s, e, c int) { got = [3]int{s, e, c} }
	test.Type(r, "2")
	if got[0] != s || got[1] != e || got[2] != 1 {
		t.Errorf("2 highlighted %v, want the match in colour 2", got)
	}
}

func TestCaretBrowsingHighlightsWithoutTheMouse(t *testing.T) {
	body := longBody(150)
	r, w := newTestReader(t, body)
	w.Canvas().Focus(r)
	r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -2500)})
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	top, _ := r.Selection()
	if li := r.lay.lineOf(top); li < 0 || r.lay.lines[li].y < r.ScrollOffset() || top < r.TopOffset() {
		t.Fatalf("the caret at %d is not on the first line wholly in view", top)
	}
	if !r.CaretBrowsing() {
		t.Fatal("F7 did not turn caret browsing on")
	}
	if !r.rend.caret.Visible() {
		t.Error("no caret drawn")
	}
	// Arrows move the caret (no scrolling), Shift+arrows select from it.
	offset := r.ScrollOffset()
	for range 4 {
		r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if s, e := r.Selection(); s != top+4 || e != top+4 || r.ScrollOffset() != offset {
		t.Fatalf("after Right ×4: %d–%d, scrolled %v → %v", s, e, offset, r.ScrollOffset())
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if s, _ := r.Selection(); s != top+4 {
		t.Fatalf("Down then Up moved the caret to %d, want %d", s, top+4)
	}
	r.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	r.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	s, e := r.Selection()
	if s != top+4 || e <= s {
		t.Fatalf("Shift+End selected %d–%d", s, e)
	}
	var got [3]int
	r.OnHighlight = func(s, e, c int) { got = [3]int{s, e, c} }
	test.Type(r, "5")
	if got != [3]int{s, e, 4} {
		t.Errorf("5 highlighted %v, want %d–%d in colour 5", got, s, e)
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	if r.CaretBrowsing() || r.rend.caret.Visible() {
		t.Error("F7 again did not turn caret browsing off")
	}
}
