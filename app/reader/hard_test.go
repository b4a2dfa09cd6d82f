package reader

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// wideTable is a table of cols columns whose cells are long words.
func wideTable(cols, rows int) string {
	var b strings.Builder
	b.WriteString("Before.\n\n")
	for r := 0; r < rows+2; r++ {
		b.WriteByte('|')
		for c := 0; c < cols; c++ {
			switch r {
			case 1:
				b.WriteString("---|")
			default:
				fmt.Fprintf(&b, " Antidisestablishmentarianism%d%d |", r, c)
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString("\nAfter.\n")
	return b.String()
}

// TestWideTableFits: a table of many columns of long words stays inside
// the text column: the grid, and every line of every cell, inside its
// column and inside the text column's right edge.
func TestWideTableFits(t *testing.T) {
	for _, cols := range []int{3, 12, 30} {
		r, _, _ := richReader(t, wideTable(cols, 3), 600)
		if len(r.lay.tables) != 1 {
			t.Fatalf("%d columns: %d tables", cols, len(r.lay.tables))
		}
		tb := &r.lay.tables[0]
		_, cw := r.column()
		avail := cw - r.metrics().indent(&r.lay.blocks[tb.first])
		if tb.width > avail+0.5 {
			t.Errorf("%d columns: grid %v wide in a %v column", cols, tb.width, avail)
		}
		for _, l := range r.lay.lines {
			b := &r.lay.blocks[l.block]
			if b.fmt.table == 0 {
				continue
			}
			c := b.fmt.col
			if l.x < tb.colX[c] || l.x+l.w > tb.colX[c+1]+0.5 || l.x+l.w > avail+0.5 {
				t.Fatalf("%d columns: a line of column %d spans %v–%v; column %v–%v, text column ends at %v",
					cols, c, l.x, l.x+l.w, tb.colX[c], tb.colX[c+1], avail)
			}
		}
		checkLayout(t, r)
	}
}

// TestNumericWidths: a number's width summed from its characters is the
// width the text driver measures for the whole number, in every style the
// reader uses (so carets and highlights stay on the figures).
func TestNumericWidths(t *testing.T) {
	r, _, _ := richReader(t, "x", 400)
	var c widthCache
	for _, st := range []style{{size: r.TextSize()}, {size: r.TextSize(), bold: true}, {size: r.TextSize() * 1.3, italic: true}, {size: r.TextSize(), mono: true}} {
		for _, n := range []string{"0", "17", "1,234,567.89", "-42.5%", "2026-12-03", "12:45", "3/4", "+7", "100000000000"} {
			got, want := c.width(n, st), measure(n, st)
			if abs32(got-want) > 0.05 {
				t.Errorf("%q in %+v: %v summed, %v measured", n, st, got, want)
			}
		}
	}
	for _, s := range []string{"12a", "", "-", "..", "x1"} {
		if numeric(s) {
			t.Errorf("numeric(%q)", s)
		}
	}
}

// TestLongTableRulesInView: scrolled to the middle of a 3,000-row table,
// the grid is drawn for the rows in view only, and they get their rules.
func TestLongTableRulesInView(t *testing.T) {
	var b strings.Builder
	b.WriteString("Intro.\n\n| n | word |\n|---|---|\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "| %d | row%d |\n", i, i)
	}
	r, _, d := richReader(t, b.String(), 600)
	r.ScrollToOffset(runeIndex(t, d.Text, "row1500\n"))
	r.Refresh()
	rows := 0
	for _, o := range r.rend.decor.items[:r.rend.decor.used] {
		if o.Size().Height == 1 && o.Position().Y >= 0 && o.Position().Y <= r.Size().Height {
			rows++ // a rule across the table
		}
	}
	perView := int(r.Size().Height / r.metrics().lineH)
	if rows < perView/2 || rows > 3*perView {
		t.Errorf("%d row rules in a view of about %d rows", rows, perView)
	}
}

// TestTableResizeKeepsColumns: narrowing then widening the window gives
// back the same columns (the natural widths are kept across re-wraps),
// each fitting at every width.
func TestTableResizeKeepsColumns(t *testing.T) {
	r, _, _ := richReader(t, wideTable(5, 4), 600)
	r.SetReadingWidth(2000)
	r.Resize(fyne.NewSize(1400, 600))
	wide := append([]float32(nil), r.lay.tables[0].colW...)
	for _, w := range []float32{500, 300, 900, 1400} {
		r.Resize(fyne.NewSize(w, 600))
		_, cw := r.column()
		if tb := r.lay.tables[0]; tb.width > cw+0.5 {
			t.Fatalf("at %v: table %v wide in a %v column", w, tb.width, cw)
		}
		checkLayout(t, r)
	}
	for i, v := range r.lay.tables[0].colW {
		if v != wide[i] {
			t.Fatalf("columns %v after resizing, %v before", r.lay.tables[0].colW, wide)
		}
	}
}
