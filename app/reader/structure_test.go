package reader

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/storage/doc"
)

const structuredMD = "# Head\n\nIntro text.\n\n- one\n  1. nested\n- two\n\n> quoted\n\n```\ncode line\nsecond\n```\n\n![alt words](x.png)\n\nEnd."

func structuredReader(t *testing.T) (*Reader, doc.Doc) {
	t.Helper()
	d, err := doc.Parse(structuredMD)
	if err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	r := NewReader()
	r.SetDocument(Document{Title: "T", Body: d.Text, Blocks: d.Blocks})
	w := test.NewTempWindow(t, r)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	return r, d
}

// TestStructureFormats: every body line gets the format of the document
// block it lies in, list items their markers.
func TestStructureFormats(t *testing.T) {
	r, d := structuredReader(t)
	want := map[string]blockFmt{
		"Head":        {heading: 1},
		"Intro text.": {},
		"one":         {list: 1, marker: "•", tight: true},
		"nested":      {list: 2, marker: "1.", tight: true},
		"two":         {list: 1, marker: "•"},
		"quoted":      {quote: 1},
		"code line":   {code: true, tight: true},
		"second":      {code: true},
		"alt words":   {image: true},
		"End.":        {},
	}
	seen := 0
	for _, b := range r.lay.blocks[r.lay.firstBody:] {
		f, ok := want[b.text]
		if !ok {
			t.Errorf("unexpected line %q in %q", b.text, d.Text)
			continue
		}
		seen++
		if b.fmt != f {
			t.Errorf("%q: format %+v, want %+v", b.text, b.fmt, f)
		}
	}
	if seen != len(want) {
		t.Errorf("%d lines, want %d", seen, len(want))
	}
}

// TestStructureGeometry: a nested item's text starts right of its parent's,
// a heading's line is taller than a paragraph's, and a click on the
// indented text lands on its characters.
func TestStructureGeometry(t *testing.T) {
	r, d := structuredReader(t)
	off := func(s string) int { return runeIndex(t, d.Text, s) }
	one, nested, intro := r.PositionOf(off("one")), r.PositionOf(off("nested")), r.PositionOf(off("Intro"))
	if !(intro.X < one.X && one.X < nested.X) {
		t.Errorf("x of intro %v, item %v, nested item %v: want increasing indents", intro.X, one.X, nested.X)
	}
	if r.lineH(r.lay.lineOf(off("Head"))) <= r.lineH(r.lay.lineOf(off("Intro"))) {
		t.Error("heading line not taller than a paragraph line")
	}
	p := r.PositionOf(off("nested") + 2)
	if got := r.OffsetAt(fyne.NewPos(p.X+1, p.Y)); got != off("nested")+2 {
		t.Errorf("click at the drawn position of offset %d gives %d", off("nested")+2, got)
	}
}

// TestVisibleInline: the links and inline code overlapping a range, also a
// long span that starts before it and one nested inside it.
func TestVisibleInline(t *testing.T) {
	var l layout
	l.build(Document{Body: strings.Repeat("x", 200), Spans: []doc.Span{
		{Kind: doc.Link, Start: 0, End: 100}, {Kind: doc.InlineCode, Start: 10, End: 12},
		{Kind: doc.Emphasis, Start: 20, End: 30}, // not drawn: left out
		{Kind: doc.Link, Start: 50, End: 60}, {Kind: doc.InlineCode, Start: 120, End: 130},
	}})
	for _, tc := range []struct{ s, e, want int }{{0, 5, 1}, {55, 58, 2}, {101, 119, 0}, {95, 125, 2}, {130, 200, 0}} {
		if got := len(l.visibleInline(tc.s, tc.e)); got != tc.want {
			t.Errorf("visibleInline(%d, %d) has %d spans, want %d", tc.s, tc.e, got, tc.want)
		}
	}
}
