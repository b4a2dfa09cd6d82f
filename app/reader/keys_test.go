package reader

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestShortcuts(t *testing.T) {
	ctrl := fyne.KeyModifierControl
	tests := map[string]struct {
		shortcut fyne.Shortcut
		want     string
	}{
		"ctrl+z":       {&fyne.ShortcutUndo{}, "undo"},
		"ctrl+shift+z": {&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift}, "redo"},
		"ctrl+y":       {&fyne.ShortcutRedo{}, "redo"},
		"cmd+shift+z":  {&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierSuper | fyne.KeyModifierShift}, "redo"},
		"ctrl+h":       {&desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: ctrl}, "highlight 0 5 -1"},
		"ctrl+=":       {&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: ctrl}, "size 15"},
		"ctrl+plus":    {&desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: ctrl | fyne.KeyModifierShift}, "size 15"},
		"ctrl+minus":   {&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: ctrl}, "size 13"},
		"ctrl+0":       {&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: ctrl}, "size 14"},
		"alt+z":        {&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierAlt}, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, _ := newTestReader(t, "Hello world, a short body.")
			r.SetSelection(0, 5)
			got := ""
			r.OnUndo = func() { got = "undo" }
			r.OnRedo = func() { got = "redo" }
			r.OnHighlight = func(s, e, c int) { got = strings.Join([]string{"highlight", itoa(s), itoa(e), itoa(c)}, " ") }
			r.OnFontSizeChanged = func(s float32) { got = "size " + itoa(int(s)) }
			r.TypedShortcut(tc.shortcut)
			if got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestTextSizeClamps(t *testing.T) {
	r, _ := newTestReader(t, "Body")
	var sizes []float32
	r.OnFontSizeChanged = func(s float32) { sizes = append(sizes, s) }
	r.SetTextSize(31)
	for range 3 {
		r.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierControl})
	}
	if r.TextSize() != MaxTextSize || len(sizes) != 1 || sizes[0] != 32 {
		t.Fatalf("size %v, reported %v; want 32 once", r.TextSize(), sizes)
	}
	r.SetTextSize(3)
	if r.TextSize() != MinTextSize {
		t.Fatalf("SetTextSize(3) gave %v", r.TextSize())
	}
}

func TestCopy(t *testing.T) {
	body := "Copy “this part” please — 東京 too."
	r, w := newTestReader(t, body)
	s := runeIndex(t, body, "“this")
	e := runeIndex(t, body, "東京") + 2
	dragSelect(w, r, s, e)
	cb := fyne.CurrentApp().Clipboard()
	r.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got, want := cb.Content(), "“this part” please — 東京"; got != want {
		t.Fatalf("clipboard %q, want %q", got, want)
	}
}

func TestFind(t *testing.T) {
	body := strings.Repeat("Lorem ipsum dolor sit amet. ", 200) + "\n\nThe END of the story, the end."
	tests := map[string]struct {
		query string
		count int
	}{
		"case-insensitive": {"the", 3},
		"phrase":           {"ipsum dolor", 200},
		"mixed case query": {"END", 2},
		"none":             {"zebra", 0},
		"empty":            {"", 0},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, _ := newTestReader(t, body)
			if n := r.Find(tc.query); n != tc.count {
				t.Fatalf("Find(%q) = %d, want %d", tc.query, n, tc.count)
			}
			if tc.count == 0 {
				if r.FindNext() != -1 {
					t.Fatal("FindNext without matches should be -1")
				}
				return
			}
			s, e, ok := r.FindMatch()
			if !ok || !strings.EqualFold(r.Text(s, e), tc.query) {
				t.Fatalf("current match %q", r.Text(s, e))
			}
			if tc.count > 1 && (r.FindNext() != 1 || r.FindPrev() != 0 || r.FindPrev() != tc.count-1) {
				t.Fatal("FindNext/FindPrev do not step and wrap")
			}
		})
	}
}

func TestFindBar(t *testing.T) {
	body := strings.Repeat("filler text goes here. ", 600) + "needle at the end"
	r, w := newTestReader(t, body)
	r.Focus()
	r.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierControl})
	fb := r.rend.findBar
	if !fb.Visible() || w.Canvas().Focused() != fb.entry {
		t.Fatal("Ctrl+F did not open and focus the find bar")
	}
	test.Type(fb.entry, "needle")
	if got := fb.count.Text; got != "1 of 1" {
		t.Fatalf("count label %q", got)
	}
	// The match is at the end: it must have been scrolled into view.
	p := r.PositionOf(runeIndex(t, body, "needle"))
	if p.Y < r.topInset() || p.Y > 600 {
		t.Fatalf("match not in view: y=%v", p.Y)
	}
	fb.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if fb.Visible() || len(r.find.matches) != 0 || w.Canvas().Focused() != r {
		t.Fatal("Escape did not close the find bar and refocus the text")
	}
}

func TestScrolling(t *testing.T) {
	body := strings.Repeat("Many words to make the article long enough to scroll. ", 2000)
	r, w := newTestReader(t, body)
	lh := r.metrics().lineH
	steps := []struct {
		name  string
		do    func()
		check func(before float32) bool
	}{
		{"wheel down", func() { r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -30}}) }, func(b float32) bool { return r.offY == b+30 }},
		{"arrow down", func() { r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }, func(b float32) bool { return r.offY == b+lh }},
		{"page down", func() { r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) }, func(b float32) bool { return r.offY == b+600-lh }},
		{"page up", func() { r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp}) }, func(b float32) bool { return r.offY == b-(600-lh) }},
		{"ctrl+end", func() {
			r.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierControl})
		}, func(float32) bool { return r.offY == r.maxScroll() && r.offY > 10000 }},
		{"wheel past end", func() { r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -300}}) }, func(float32) bool { return r.offY == r.maxScroll() }},
		{"home", func() { r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) }, func(float32) bool { return r.offY == 0 }},
		{"scrollbar drag", func() {
			ty, th := r.thumbGeometry()
			test.Drag(w.Canvas(), fyne.NewPos(795, ty+th/2+300), 0, 300)
		}, func(float32) bool { return r.offY > 0.45*r.maxScroll() && r.offY < 0.6*r.maxScroll() }},
	}
	for _, s := range steps {
		before := r.offY
		s.do()
		if !s.check(before) {
			t.Fatalf("%s: offset %v (before %v, max %v)", s.name, r.offY, before, r.maxScroll())
		}
	}
}

func TestDragAutoScrolls(t *testing.T) {
	body := strings.Repeat("Words that fill many lines of the reading pane. ", 1000)
	r, _ := newTestReader(t, body)
	a := r.PositionOf(10)
	// The driver keeps sending drag events to the widget outside its bounds;
	// test.Drag cannot reach there, so send the event directly.
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(a.X, 650)}, Dragged: fyne.Delta{DY: 650 - a.Y}})
	r.DragEnd()
	s, e := r.Selection()
	if r.offY <= 0 || s != 10 || e <= 10 {
		t.Fatalf("after dragging below the view: scroll %v, selection %d,%d", r.offY, s, e)
	}
	if r.autoStop != nil {
		t.Fatal("auto-scroll still running after DragEnd")
	}
}

func TestScrollToOffsetAndFlash(t *testing.T) {
	body := strings.Repeat("Some sentence for length. ", 3000)
	r, _ := newTestReader(t, body)
	r.SetHighlights([]Highlight{{ID: 7, Start: 50000, End: 50010}})
	r.FlashHighlight(7)
	y := r.PositionOf(50000).Y
	if y < 100 || y > 300 {
		t.Fatalf("highlight at y=%v, want about a third down", y)
	}
	if r.flashLevel != 0 {
		t.Fatalf("flash did not finish: %v", r.flashLevel)
	}
}

func TestScrollBeforeLayout(t *testing.T) {
	test.NewTempApp(t)
	body := strings.Repeat("Restoring the reading position works before the first layout. ", 800)
	r := NewReader()
	r.SetDocument(Document{Title: "T", Body: body})
	r.ScrollToOffset(30000)
	// Sized before the content is set, as the app does.
	w := test.NewTempWindow(t, nil)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	w.SetContent(r)
	if y := r.PositionOf(30000).Y; y < 100 || y > 300 {
		t.Fatalf("offset 30000 at y=%v after first layout, want about a third down", y)
	}
}
