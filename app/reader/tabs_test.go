package reader

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestCodeTabs: in a code block a tab reaches the next stop of four
// columns (drawn as spaces to it), while the reading text keeps the tab:
// positions, hits and selection all agree on the wider tab.
func TestCodeTabs(t *testing.T) {
	md := "Text.\n\n```\nfunc f() {\n\treturn 1\n}\nab\tc\nabcd\te\tf\n```\n\nAfter."
	r, _, d := richReader(t, md, 600)
	if !strings.Contains(d.Text, "\treturn 1") || !strings.Contains(d.Text, "ab\tc") {
		t.Fatalf("reading text lost the tabs: %q", d.Text)
	}
	st := r.metrics().blockStyle(&r.lay.blocks[r.lay.blockOf(runeIndex(t, d.Text, "func"))])
	if !st.mono {
		t.Fatal("code is not monospace")
	}
	sp := measure(" ", st)
	for _, c := range []struct {
		line, at string
		cols     int
	}{
		{"\treturn 1", "return", 4},
		{"ab\tc", "c", 4},
		{"abcd\te\tf", "e", 8},
		{"abcd\te\tf", "f", 12},
	} {
		start := runeIndex(t, d.Text, c.line)
		at := start + strings.Index(c.line, c.at)
		x0, x := r.PositionOf(start).X, r.PositionOf(at)
		if got := x.X - x0; abs32(got-float32(c.cols)*sp) > 0.5 {
			t.Errorf("%q: %q drawn at %v, want %d columns (%v)", c.line, c.at, got, c.cols, float32(c.cols)*sp)
		}
		// A click just right of the column boundary lands on the character.
		if o := r.OffsetAt(fyne.NewPos(x.X+sp*0.2, x.Y)); o != at {
			t.Errorf("%q: click at %q's left edge gives offset %d, want %d", c.line, c.at, o, at)
		}
		// A click in the middle of the tab's room, right half: after the tab.
		tabAt := start + strings.LastIndex(c.line[:strings.Index(c.line, c.at)], "\t")
		mid := (r.PositionOf(tabAt).X + x.X) / 2
		if o := r.OffsetAt(fyne.NewPos(mid+sp*0.3, x.Y)); o != tabAt+1 {
			t.Errorf("%q: click past the tab's middle gives %d, want %d", c.line, o, tabAt+1)
		}
		if o := r.OffsetAt(fyne.NewPos(mid-sp*0.3, x.Y)); o != tabAt {
			t.Errorf("%q: click before the tab's middle gives %d, want %d", c.line, o, tabAt)
		}
	}
	// Drawn with spaces to the stop; copied with the tab.
	textObject(t, r, "    return 1")
	textObject(t, r, "abcd    e   f")
	s := runeIndex(t, d.Text, "ab\tc")
	if got := r.Text(s, s+4); got != "ab\tc" {
		t.Errorf("copied %q", got)
	}
	// Outside code a tab stays one space wide.
	p, _, pd := richReader(t, "a\tb plain", 600)
	if x := p.PositionOf(runeIndex(t, pd.Text, "b")).X - p.PositionOf(0).X; abs32(x-measure("a ", style{size: p.TextSize()})) > 0.5 {
		t.Errorf("a paragraph's tab is %v wide", x)
	}
	checkLayout(t, r)
}
