package reader

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

// richReader shows Markdown md in an unpadded 800×h test window.
func richReader(t *testing.T, md string, h float32) (*Reader, fyne.Window, doc.Doc) {
	t.Helper()
	d, err := doc.Parse(md)
	if err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	r := NewReader()
	r.SetDocument(Document{Title: "T", Body: d.Text, Blocks: d.Blocks, Spans: d.Spans})
	w := test.NewTempWindow(t, r)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, h))
	return r, w, d
}

// textObject returns the drawn text object whose text is s.
func textObject(t *testing.T, r *Reader, s string) *canvas.Text {
	t.Helper()
	for _, o := range r.rend.texts.items[:r.rend.texts.used] {
		if o.Text == s {
			return o
		}
	}
	t.Fatalf("no text object %q", s)
	return nil
}

// TestStyledRunsLineUp: emphasis and strong are drawn in their own styles,
// each run where the layout measured it, so a highlight over a styled
// word starts and ends on its glyphs.
func TestStyledRunsLineUp(t *testing.T) {
	r, _, d := richReader(t, "Plain then **bolder words** and *slanted* and `mono` end.", 600)
	bold := textObject(t, r, "bolder words")
	if !bold.TextStyle.Bold || bold.TextStyle.Italic {
		t.Fatalf("strong drawn as %+v", bold.TextStyle)
	}
	if s := textObject(t, r, "slanted").TextStyle; !s.Italic || s.Bold {
		t.Fatalf("emphasis drawn as %+v", s)
	}
	if s := textObject(t, r, "mono").TextStyle; !s.Monospace {
		t.Fatalf("inline code drawn as %+v", s)
	}
	bs := runeIndex(t, d.Text, "bolder")
	be := bs + len("bolder words")
	if x := r.PositionOf(bs).X; abs32(x-bold.Position().X) > 0.01 {
		t.Fatalf("bold run drawn at %v, its offset is at %v", bold.Position().X, x)
	}
	// The run's drawn width is its bold width, wider than the same words
	// set regular; the offset after it sits at its drawn end.
	st := style{size: r.TextSize()}
	bw := measure("bolder words", style{size: st.size, bold: true})
	if bw <= measure("bolder words", st) {
		t.Fatal("bold is not wider than regular: the test cannot tell them apart")
	}
	if got := r.PositionOf(be).X - r.PositionOf(bs).X; abs32(got-bw) > 0.5 {
		t.Fatalf("bold run spans %v, drawn %v", got, bw)
	}
	after := textObject(t, r, " and ")
	if x := r.PositionOf(be).X; abs32(x-after.Position().X) > 0.01 {
		t.Fatalf("text after the bold run drawn at %v, its offset at %v", after.Position().X, x)
	}
	// A highlight over the bold words covers exactly the run.
	r.SetHighlights([]Highlight{{ID: 1, Start: bs, End: be}})
	back := r.rend.backs.items[r.rend.backs.used-1]
	if abs32(back.Position().X-bold.Position().X) > 0.01 || abs32(back.Size().Width-bw) > 0.5 {
		t.Fatalf("highlight %v+%v, run %v+%v", back.Position().X, back.Size().Width, bold.Position().X, bw)
	}
}

// TestStyledWordWrapsWhole: a word glued across a style change ("**bold**ly")
// is one word for wrapping and is measured in both its styles.
func TestStyledWordWrapsWhole(t *testing.T) {
	md := strings.Repeat("filler ", 12) + "**bold**ly " + strings.Repeat("tail ", 30)
	r, w, d := richReader(t, md, 600)
	o := runeIndex(t, d.Text, "boldly")
	for _, width := range []float32{300, 320, 340, 360, 380, 400, 420, 440} {
		w.Resize(fyne.NewSize(width, 600))
		checkLayout(t, r)
		if r.lay.lineOf(o) != r.lay.lineOf(o+5) {
			t.Fatalf("width %v: \"boldly\" broken between its styles", width)
		}
	}
	want := measure("bold", style{size: r.TextSize(), bold: true}) + measure("ly", style{size: r.TextSize()})
	if got := r.PositionOf(o+6).X - r.PositionOf(o).X; abs32(got-want) > 0.5 {
		t.Fatalf("boldly is %v wide, want %v", got, want)
	}
}

// TestEmphasisInStructure: runs keep the block's type: a heading's
// emphasis is bold italic at the heading size, a list item's is italic.
func TestEmphasisInStructure(t *testing.T) {
	r, _, _ := richReader(t, "# Head *slant*\n\n- item *em*\n\n> quote **firm**", 600)
	h := textObject(t, r, "slant")
	if !h.TextStyle.Bold || !h.TextStyle.Italic || h.TextSize <= r.TextSize() {
		t.Fatalf("heading emphasis drawn %+v at %v", h.TextStyle, h.TextSize)
	}
	if s := textObject(t, r, "em").TextStyle; !s.Italic {
		t.Fatalf("list emphasis drawn %+v", s)
	}
	if s := textObject(t, r, "firm").TextStyle; !s.Bold {
		t.Fatalf("quote strong drawn %+v", s)
	}
}

// TestStrikeDrawn: struck text gets a line through it, the width of the run.
func TestStrikeDrawn(t *testing.T) {
	r, _, _ := richReader(t, "keep ~~gone words~~ keep", 600)
	g := textObject(t, r, "gone words")
	for _, m := range r.rend.marks.items[:r.rend.marks.used] {
		p := m.Position()
		if abs32(p.X-g.Position().X) < 0.01 && p.Y > g.Position().Y && p.Y < g.Position().Y+g.TextSize*1.3 &&
			abs32(m.Size().Width-measure("gone words", style{size: r.TextSize()})) < 0.5 {
			return
		}
	}
	t.Fatal("no strike line over the struck run")
}

// TestRichFixtureTiles: the project's rich Markdown fixture lays out with
// lines tiling its blocks at several widths, every offset round-tripping
// through PositionOf and OffsetAt.
func TestRichFixtureTiles(t *testing.T) {
	md, err := os.ReadFile("testdata/rich.md")
	if err != nil {
		t.Fatal(err)
	}
	r, w, d := richReader(t, string(md), 2000)
	for _, width := range []float32{300, 520, 800} {
		w.Resize(fyne.NewSize(width, 2000))
		checkLayout(t, r)
		if r.Text(0, r.nRunes) != d.Text {
			t.Fatal("Text(0,n) is not the reading text")
		}
		for o := 0; o < r.nRunes; o++ {
			if c := r.runeAt(o); c == '\n' || c == '\t' {
				continue
			}
			if got := r.OffsetAt(r.PositionOf(o)); got != o {
				t.Fatalf("width %v: OffsetAt(PositionOf(%d)) = %d (%q)", width, o, got, string(r.runeAt(o)))
			}
		}
	}
}

// TestLinkClickOpens: a tap on a link opens its address through OpenURL;
// an address that is not http, https or mailto is never opened; a press
// with a selection only clears it unless Ctrl is held.
func TestLinkClickOpens(t *testing.T) {
	r, w, d := richReader(t, "See [the spec](https://spec.example.org/x) and [bad](javascript:alert(1)) and [mail](mailto:a@b.org).", 600)
	var opened []string
	r.OpenURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	at := func(s string) fyne.Position {
		o := runeIndex(t, d.Text, s)
		return r.PositionOf(o + 1)
	}
	test.TapCanvas(w.Canvas(), at("the spec"))
	test.TapCanvas(w.Canvas(), at("bad"))
	r.lastPress = time.Time{}
	click(r, at("mail"), 0)
	if want := "https://spec.example.org/x mailto:a@b.org"; strings.Join(opened, " ") != want {
		t.Fatalf("opened %q, want %q", opened, want)
	}
	opened = nil
	r.SetSelection(0, 3)
	r.lastPress = time.Time{} // a new click, not the second of a double-click
	click(r, at("the spec"), 0)
	if len(opened) != 0 {
		t.Fatalf("a click that clears a selection opened %q", opened)
	}
	r.SetSelection(0, 3)
	r.lastPress = time.Time{}
	click(r, at("the spec"), fyne.KeyModifierShortcutDefault)
	if len(opened) != 1 {
		t.Fatalf("Ctrl+click opened %q", opened)
	}
	// A drag that starts on a link selects and opens nothing.
	opened = nil
	s := runeIndex(t, d.Text, "the spec")
	dragSelect(w, r, s+1, s+6)
	if a, b := r.Selection(); a != s+1 || b != s+6 || len(opened) != 0 {
		t.Fatalf("drag from a link: selection %d–%d, opened %q", a, b, opened)
	}
}

// TestLinkHover: hovering a link shows its address at the bottom of the
// pane; moving off it hides it.
func TestLinkHover(t *testing.T) {
	r, _, d := richReader(t, "Plain words then [a link](https://example.org/page) then plain.", 600)
	move := func(p fyne.Position) { r.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}}) }
	move(r.PositionOf(runeIndex(t, d.Text, "a link") + 2))
	if got := r.HoveredLink(); got != "https://example.org/page" {
		t.Fatalf("hovered %q", got)
	}
	if r.Cursor() != desktop.PointerCursor {
		t.Fatal("no pointer cursor over a link")
	}
	found := false
	for _, o := range r.rend.objects {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == "https://example.org/page" {
			found = tx.Position().Y > r.Size().Height-3*r.TextSize()
		}
	}
	if !found {
		t.Fatal("the address is not shown at the bottom of the pane")
	}
	move(r.PositionOf(runeIndex(t, d.Text, "Plain") + 2))
	if got := r.HoveredLink(); got != "" {
		t.Fatalf("off the link, hovered %q", got)
	}
}

func TestOpenable(t *testing.T) {
	for href, want := range map[string]bool{
		"https://a.org/x": true, "HTTP://a.org": true, "mailto:x@y.org": true,
		"javascript:alert(1)": false, "file:///etc/passwd": false, "/relative": false,
		"#frag": false, "http://": false, "mailto:": false, "": false,
	} {
		if _, ok := openable(href); ok != want {
			t.Errorf("openable(%q) = %v, want %v", href, ok, want)
		}
	}
}

// TestCodeInsideStrong: code keeps its one face inside strong emphasis
// (no theme has a bold italic monospace).
func TestCodeInsideStrong(t *testing.T) {
	r, _, _ := richReader(t, "***a `code` b***", 600)
	if s := textObject(t, r, "code").TextStyle; !s.Monospace || s.Bold || s.Italic {
		t.Fatalf("code in strong emphasis drawn %+v", s)
	}
}
