package reader

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestReader shows body in an unpadded 800×600 test window, so widget
// and canvas coordinates coincide.
func newTestReader(t *testing.T, body string) (*Reader, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	r := NewReader()
	r.SetDocument(Document{Title: "A title", Meta: "Source · Author · 2022", URL: "https://example.com/a", Body: body})
	w := test.NewTempWindow(t, r)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	return r, w
}

// runeIndex returns the code point offset of the first sub in s.
func runeIndex(t *testing.T, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in body", sub)
	}
	return utf8.RuneCountInString(s[:i])
}

// dragSelect drags from offset s to offset e the way test.Drag delivers it.
func dragSelect(w fyne.Window, r *Reader, s, e int) {
	a, b := r.PositionOf(s), r.PositionOf(e)
	test.Drag(w.Canvas(), b, b.X-a.X, b.Y-a.Y)
}

// click sends what the desktop driver sends for one primary click.
func click(r *Reader, p fyne.Position, mod fyne.KeyModifier) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary, Modifier: mod}
	r.MouseDown(ev)
	r.MouseUp(ev)
	r.Tapped(&fyne.PointEvent{Position: p})
}

func TestDragSelectThenHighlight(t *testing.T) {
	tests := map[string]struct {
		body       string
		from, to   string // selection from the start of from to the end of to
		start, end int    // expected offsets; -1 to compute from the strings
	}{
		"ascii":          {"The quick brown fox jumps over the lazy dog.\n\nSecond paragraph here.", "quick", "fox", 4, 19},
		"accents":        {"Le café est très bon, dit-elle.", "très", "très", 12, 16},
		"curly quotes":   {"He said “hello there” and left.", "“hello", "there”", 8, 21},
		"cjk":            {"café ☕ 東京", "東京", "東京", 7, 9},
		"emoji":          {"Party 🎉🎉 time and 👩‍👩‍👧 family", "time", "time", 9, 13},
		"across paras":   {"The quick brown fox.\n\nSecond paragraph here.", "fox", "Second", 16, 28},
		"combining mark": {"Cafe\u0301 society and more", "society", "society", 6, 13},
		"backwards":      {"One two three four", "three", "three", 8, 13},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, w := newTestReader(t, tc.body)
			s := runeIndex(t, tc.body, tc.from)
			e := runeIndex(t, tc.body, tc.to) + utf8.RuneCountInString(tc.to)
			if s != tc.start || e != tc.end {
				t.Fatalf("test table: offsets %d,%d, want %d,%d", s, e, tc.start, tc.end)
			}
			var changed [2]int
			r.OnSelectionChanged = func(a, b int) { changed = [2]int{a, b} }
			if name == "backwards" {
				dragSelect(w, r, e, s)
			} else {
				dragSelect(w, r, s, e)
			}
			gs, ge := r.Selection()
			if gs != s || ge != e {
				t.Fatalf("selection %d,%d, want %d,%d", gs, ge, s, e)
			}
			if changed != [2]int{s, e} {
				t.Errorf("OnSelectionChanged got %v", changed)
			}
			want := tc.body[strings.Index(tc.body, tc.from) : strings.Index(tc.body, tc.to)+len(tc.to)]
			if got := r.Text(gs, ge); got != want {
				t.Errorf("Text = %q, want %q", got, want)
			}
			var got []int
			r.OnHighlight = func(a, b, c int) { got = []int{a, b, c} }
			test.Type(r, "1")
			if len(got) != 3 || got[0] != s || got[1] != e || got[2] != 0 {
				t.Fatalf("OnHighlight got %v, want [%d %d 0]", got, s, e)
			}
			if a, b := r.Selection(); a != b {
				t.Errorf("selection not cleared after highlight: %d,%d", a, b)
			}
		})
	}
}

func TestClicks(t *testing.T) {
	body := "Alpha beta gamma delta.\n\nSecond paragraph with words."
	tests := map[string]struct {
		clicks     int
		at         string
		start, end int
	}{
		"double-click selects word":      {2, "gamma", 11, 16},
		"triple-click selects paragraph": {3, "gamma", 0, 23},
		"double-click second paragraph":  {2, "paragraph", 32, 41},
		"single click selects nothing":   {1, "beta", -1, -1},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, _ := newTestReader(t, body)
			p := r.PositionOf(runeIndex(t, body, tc.at) + 2)
			for range tc.clicks {
				click(r, p, 0)
			}
			s, e := r.Selection()
			if tc.start < 0 {
				if s != e {
					t.Fatalf("selection %d,%d, want empty", s, e)
				}
				return
			}
			if s != tc.start || e != tc.end {
				t.Fatalf("selection %d,%d (%q), want %d,%d", s, e, r.Text(s, e), tc.start, tc.end)
			}
		})
	}
}

func TestTapOnlyDoubleClick(t *testing.T) {
	// The test driver's taps arrive without MouseDown; they must count too.
	body := "Alpha beta gamma delta."
	r, _ := newTestReader(t, body)
	p := r.PositionOf(7)
	test.TapAt(r, p)
	test.TapAt(r, p)
	if s, e := r.Selection(); r.Text(s, e) != "beta" {
		t.Fatalf("selected %q, want beta", r.Text(s, e))
	}
}

func TestShiftClickExtends(t *testing.T) {
	body := "One two three four five six seven."
	r, _ := newTestReader(t, body)
	click(r, r.PositionOf(4), 0)
	click(r, r.PositionOf(18), fyne.KeyModifierShift)
	if s, e := r.Selection(); s != 4 || e != 18 {
		t.Fatalf("selection %d,%d, want 4,18", s, e)
	}
	// Shift held as a key (no modifier on the event) works the same.
	r.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.TapAt(r, r.PositionOf(23))
	r.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if s, e := r.Selection(); s != 4 || e != 23 {
		t.Fatalf("selection %d,%d, want 4,23", s, e)
	}
}

func TestShiftArrowSelection(t *testing.T) {
	long := strings.Repeat("word ", 400)
	tests := map[string]struct {
		body       string
		at         int
		keys       []fyne.KeyName
		start, end int
	}{
		"right by character":  {"café ☕ 東京", 2, []fyne.KeyName{fyne.KeyRight, fyne.KeyRight, fyne.KeyRight}, 2, 5},
		"left by character":   {"café ☕ 東京", 9, []fyne.KeyName{fyne.KeyLeft, fyne.KeyLeft}, 7, 9},
		"combining as one":    {"Cafe\u0301 ok", 3, []fyne.KeyName{fyne.KeyRight}, 3, 5},
		"into next paragraph": {"ab\n\ncd", 2, []fyne.KeyName{fyne.KeyRight, fyne.KeyRight}, 2, 5},
		"end of line":         {"Alpha beta gamma", 6, []fyne.KeyName{fyne.KeyEnd}, 6, 16},
		"home of line":        {"Alpha beta gamma", 6, []fyne.KeyName{fyne.KeyHome}, 0, 6},
		"down a line":         {long, 0, []fyne.KeyName{fyne.KeyDown}, 0, -1},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, _ := newTestReader(t, tc.body)
			click(r, r.PositionOf(tc.at), 0)
			r.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			for _, k := range tc.keys {
				r.TypedKey(&fyne.KeyEvent{Name: k})
			}
			r.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			s, e := r.Selection()
			want := tc.end
			if want < 0 {
				want = int(r.lay.lines[r.lay.bodyLine+1].rStart)
			}
			if s != tc.start || e != want {
				t.Fatalf("selection %d,%d (%q), want %d,%d", s, e, r.Text(s, e), tc.start, want)
			}
		})
	}
}

func TestHighlightClickAndDelete(t *testing.T) {
	body := "Plain words then a highlighted passage and more plain words."
	r, _ := newTestReader(t, body)
	hs := runeIndex(t, body, "highlighted")
	r.SetHighlights([]Highlight{{ID: 42, Start: hs, End: hs + 19}})
	var tapped []int64
	r.OnHighlightTapped = func(id int64) { tapped = append(tapped, id) }
	var deleted int64
	r.OnDeleteHighlight = func(id int64) { deleted = id }

	click(r, r.PositionOf(hs+3), 0)
	if len(tapped) != 1 || tapped[0] != 42 || r.SelectedHighlight() != 42 {
		t.Fatalf("tapped %v, selected %d; want [42], 42", tapped, r.SelectedHighlight())
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if deleted != 42 {
		t.Fatalf("OnDeleteHighlight got %d, want 42", deleted)
	}
	click(r, r.PositionOf(2), 0)
	if len(tapped) != 2 || tapped[1] != 0 || r.SelectedHighlight() != 0 {
		t.Fatalf("click on plain text: tapped %v, selected %d", tapped, r.SelectedHighlight())
	}
	deleted = 0
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if deleted != 0 {
		t.Fatalf("delete without a selected highlight reported %d", deleted)
	}
}

func TestSwatchToolbar(t *testing.T) {
	body := "Select these words and pick a colour from the toolbar."
	r, w := newTestReader(t, body)
	dragSelect(w, r, 7, 18)
	if !r.rend.bar.Visible() {
		t.Fatal("toolbar hidden with a selection")
	}
	var got []int
	r.OnHighlight = func(s, e, c int) { got = []int{s, e, c} }
	test.TapAt(r.rend.bar, fyne.NewPos(swatchGap+2*(swatchSize+swatchGap)+swatchSize/2, swatchSize/2))
	if len(got) != 3 || got[0] != 7 || got[1] != 18 || got[2] != 2 {
		t.Fatalf("OnHighlight got %v, want [7 18 2]", got)
	}
	if r.rend.bar.Visible() {
		t.Error("toolbar still shown after highlighting")
	}
}

func TestLinkOpens(t *testing.T) {
	r, _ := newTestReader(t, "Body text.")
	var opened string
	old := openURL
	openURL = func(u *url.URL) error { opened = u.String(); return nil }
	t.Cleanup(func() { openURL = old })

	li := r.lay.bodyLine - 1 // the link is the last header line
	l := r.lay.lines[li]
	cx, _ := r.column()
	p := fyne.NewPos(cx+10, l.y+4)
	if r.Cursor() != desktop.TextCursor {
		t.Error("expected a text cursor away from the link")
	}
	r.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	if r.Cursor() != desktop.PointerCursor {
		t.Error("expected a pointer cursor over the link")
	}
	click(r, p, 0)
	if opened != "https://example.com/a" {
		t.Fatalf("opened %q", opened)
	}
}
