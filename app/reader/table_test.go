package reader

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

const tableMD = "Before.\n\n| Name | Notes |\n|---|---:|\n| Ada | a long note " + "that goes on and on and on and on and on and on and on and on and on and on and on and on past the column" + " |\n| Grace | 42 |\n\nAfter."

// cellLines returns the lines of the cell block holding offset o.
func cellLines(r *Reader, o int) []line {
	bi := r.lay.blockOf(o)
	var out []line
	for _, l := range r.lay.lines {
		if int(l.block) == bi {
			out = append(out, l)
		}
	}
	return out
}

// TestTableGrid: cells of a row sit side by side on the row's top, in
// columns as wide as their content up to the text column; a long cell
// wraps inside its column (never clipped); the header is bold.
func TestTableGrid(t *testing.T) {
	r, _, d := richReader(t, tableMD, 600)
	if len(r.lay.tables) != 1 {
		t.Fatalf("%d tables laid out", len(r.lay.tables))
	}
	tb := &r.lay.tables[0]
	_, cw := r.column()
	if tb.cols != 2 || len(tb.rows) != 3 || tb.width > cw+0.5 {
		t.Fatalf("grid %d cols, %d rows, %v wide in a %v column", tb.cols, len(tb.rows), tb.width, cw)
	}
	ada, grace := runeIndex(t, d.Text, "Ada"), runeIndex(t, d.Text, "Grace")
	note, n42 := runeIndex(t, d.Text, "a long"), runeIndex(t, d.Text, "42")
	pa, pn := r.PositionOf(ada), r.PositionOf(note)
	if pa.Y != pn.Y || pn.X <= pa.X+measure("Grace", style{size: r.TextSize()}) {
		t.Fatalf("Ada at %v, its note at %v: not side by side", pa, pn)
	}
	// The first column is as wide as its widest cell (plus padding); the
	// long note wraps in the rest, every line inside its column.
	pad := r.TextSize() * 0.5
	widest := max(measure("Grace", style{size: r.TextSize()}), measure("Name", style{size: r.TextSize(), bold: true}))
	if want := widest + 2*pad + 1; abs32(tb.colW[0]-want) > 0.5 {
		t.Fatalf("first column %v wide, want %v", tb.colW[0], want)
	}
	ls := cellLines(r, note)
	if len(ls) < 2 {
		t.Fatalf("the long note is on %d line(s)", len(ls))
	}
	for _, l := range ls {
		if l.x < tb.colX[1] || l.x+l.w > tb.colX[2]+0.5 {
			t.Fatalf("a note line spans %v–%v, its column %v–%v", l.x, l.x+l.w, tb.colX[1], tb.colX[2])
		}
	}
	// The next row starts below the long note's last line; right-aligned
	// 42 ends at its column's right edge.
	if pg := r.PositionOf(grace); pg.Y <= r.PositionOf(note+len("a long note")).Y+r.metrics().lineH {
		t.Fatal("the second row overlaps the first")
	}
	l42 := cellLines(r, n42)[0]
	if abs32(l42.x+l42.w-(tb.colX[2]-pad)) > 0.5 {
		t.Fatalf("right-aligned cell ends at %v, column text edge %v", l42.x+l42.w, tb.colX[2]-pad)
	}
	if r.metrics().blockStyle(&r.lay.blocks[r.lay.blockOf(runeIndex(t, d.Text, "Name"))]).bold != true {
		t.Fatal("header cell is not bold")
	}
	checkLayout(t, r)
}

// TestTableSelectAndCopy: dragging from one cell into the next row
// selects across cells; copying gives tab-separated cells, one row a line.
func TestTableSelectAndCopy(t *testing.T) {
	r, w, d := richReader(t, "| a1 | b1 |\n|---|---|\n| a2 | b2 |\n| a3 | b3 |\n", 600)
	s, e := runeIndex(t, d.Text, "b1"), runeIndex(t, d.Text, "a3")+2
	dragSelect(w, r, s, e)
	if a, b := r.Selection(); a != s || b != e {
		t.Fatalf("selected %d–%d, want %d–%d", a, b, s, e)
	}
	r.TypedShortcut(&fyne.ShortcutCopy{Clipboard: fyne.CurrentApp().Clipboard()})
	if got := fyne.CurrentApp().Clipboard().Content(); got != "b1\na2\tb2\na3" {
		t.Fatalf("copied %q", got)
	}
	// A click in the second column of a row lands in that cell.
	p := r.PositionOf(runeIndex(t, d.Text, "b2") + 1)
	if o := r.OffsetAt(p); o != runeIndex(t, d.Text, "b2")+1 {
		t.Fatalf("click in b2 gave offset %d", o)
	}
	if strings.Count(d.Text, "\t") != 3 {
		t.Fatalf("reading text %q", d.Text)
	}
}

// TestFitColumns: columns narrower than their share keep their width; the
// widest give way; the sum fits.
func TestFitColumns(t *testing.T) {
	w := []float32{50, 400, 300}
	fitColumns(w, 500, 20)
	if w[0] != 50 || w[1] != 225 || w[2] != 225 {
		t.Fatalf("fit %v", w)
	}
	w = []float32{50, 60}
	fitColumns(w, 500, 20)
	if w[0] != 50 || w[1] != 60 {
		t.Fatalf("fit changed columns that fit: %v", w)
	}
}

// TestRTLParagraph: a Hebrew paragraph ends flush with the right edge of
// the column, its first character on the right; a click there selects it.
func TestRTLParagraph(t *testing.T) {
	r, _, d := richReader(t, "Left to right first.\n\nשלום עולם, זו פסקה בעברית.\n\n1984 מספר בתחילה.", 600)
	cx, cw := r.column()
	for _, s := range []string{"שלום", "1984"} {
		o := runeIndex(t, d.Text, s)
		li := r.lay.lineOf(o)
		l := r.lay.lines[li]
		if !l.rtl {
			t.Fatalf("%q not right to left", s)
		}
		right := r.lineX(li) + l.w
		if abs32(right-(cx+cw)) > 0.5 {
			t.Fatalf("%q line ends at %v, column at %v", s, right, cx+cw)
		}
		if p := r.PositionOf(o); abs32(p.X-right) > 0.5 {
			t.Fatalf("%q starts at x %v, not the right edge %v", s, p.X, right)
		}
		if a, b := r.PositionOf(o).X, r.PositionOf(o+2).X; b >= a {
			t.Fatal("offsets do not run leftwards")
		}
		if got := r.OffsetAt(r.PositionOf(o + 2)); got != o+2 {
			t.Fatalf("OffsetAt(PositionOf(%d)) = %d", o+2, got)
		}
	}
	if l := r.lay.lines[r.lay.lineOf(0)]; l.rtl || l.x != 0 {
		t.Fatal("the English paragraph moved")
	}
	// A selection over the first word is drawn over it: right of the
	// second word.
	o := runeIndex(t, d.Text, "שלום")
	r.SetSelection(o, o+4)
	sel := r.rend.backs.items[r.rend.backs.used-1]
	if p := r.PositionOf(o + 4); abs32(sel.Position().X-p.X) > 0.5 || abs32(sel.Position().X+sel.Size().Width-r.PositionOf(o).X) > 0.5 {
		t.Fatalf("selection at %v+%v, word %v–%v", sel.Position().X, sel.Size().Width, p.X, r.PositionOf(o).X)
	}
}

func TestFirstStrong(t *testing.T) {
	for s, want := range map[string]bool{"שלום": true, "مرحبا": true, "1984 مرحبا": true, "Hello שלום": false, "123": false, "«שלום»": true} {
		if got := firstStrongRTL(s); got != want {
			t.Errorf("firstStrongRTL(%q) = %v", s, got)
		}
	}
}

// TestTableArrowKeys: Up and Down move within a column, from row to row.
func TestTableArrowKeys(t *testing.T) {
	r, _, d := richReader(t, "Above.\n\n| a1 | b1 |\n|---|---|\n| a2 | b2 |\n\nBelow.", 600)
	b1, b2 := runeIndex(t, d.Text, "b1"), runeIndex(t, d.Text, "b2")
	if got := r.verticalMove(b1, true); got != b2 {
		t.Fatalf("Down from b1 went to %d (%q), want b2 %d", got, string(r.runeAt(got)), b2)
	}
	if got := r.verticalMove(b2, false); got != b1 {
		t.Fatalf("Up from b2 went to %d, want b1 %d", got, b1)
	}
	below := runeIndex(t, d.Text, "Below")
	if got := r.verticalMove(b2, true); got < below {
		t.Fatalf("Down from the last row went to %d, not the paragraph below (%d)", got, below)
	}
	if got := r.verticalMove(runeIndex(t, d.Text, "a1"), false); got > runeIndex(t, d.Text, "Above.")+6 {
		t.Fatalf("Up from the header went to %d, not the paragraph above", got)
	}
}

// TestRTLListItem: a right-to-left list item hangs from the right: its
// text ends one indent short of the column's right edge and its bullet
// sits in that indent.
func TestRTLListItem(t *testing.T) {
	r, _, d := richReader(t, "- שלום עולם\n- second", 600)
	cx, cw := r.column()
	o := runeIndex(t, d.Text, "שלום")
	li := r.lay.lineOf(o)
	b := &r.lay.blocks[r.lay.lines[li].block]
	right := r.lineX(li) + r.lay.lines[li].w
	if want := cx + cw - r.metrics().listIndent(b); abs32(right-want) > 0.5 {
		t.Fatalf("item ends at %v, want %v", right, want)
	}
	var bullets []float32
	for _, tx := range r.rend.texts.items[:r.rend.texts.used] {
		if tx.Text == "•" {
			bullets = append(bullets, tx.Position().X)
		}
	}
	if len(bullets) != 2 || bullets[0] <= right || bullets[0] > cx+cw || bullets[1] >= cx+r.metrics().listIndent(b) {
		t.Fatalf("bullets at %v; the Hebrew item ends at %v, column %v–%v", bullets, right, cx, cx+cw)
	}
}

// TestRichThemeAndSize: links take the theme's link colour and the table
// its rules in light and dark; at a larger text size the grid grows with
// the type and still fits the column.
func TestRichThemeAndSize(t *testing.T) {
	r, _, _ := richReader(t, "A [link](https://a.org) here.\n\n"+tableMD, 800)
	for name, th := range map[string]fyne.Theme{"light": theme.LightTheme(), "dark": theme.DarkTheme()} { //nolint:staticcheck // fixed variants on purpose
		fyne.CurrentApp().Settings().SetTheme(th)
		r.Refresh()
		v := fyne.CurrentApp().Settings().ThemeVariant()
		if c := textObject(t, r, "link").Color; c != th.Color(theme.ColorNameHyperlink, v) {
			t.Fatalf("%s: link drawn %v", name, c)
		}
		if c := textObject(t, r, "Grace").Color; c != th.Color(theme.ColorNameForeground, v) {
			t.Fatalf("%s: cell text drawn %v", name, c)
		}
	}
	w0 := r.lay.tables[0].colW[0]
	r.SetTextSize(24)
	checkLayout(t, r)
	_, cw := r.column()
	if tb := r.lay.tables[0]; tb.colW[0] <= w0 || tb.width > cw+0.5 {
		t.Fatalf("at 24: first column %v (was %v), table %v in a %v column", tb.colW[0], w0, tb.width, cw)
	}
	if s := textObject(t, r, "Grace").TextSize; s != 24 {
		t.Fatalf("cell text at size %v", s)
	}
}
